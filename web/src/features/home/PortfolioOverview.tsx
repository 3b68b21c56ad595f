import { ApartmentOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Membership, OrganisationKind } from '../../../../src/contracts/auth.ts';
import { portfolioWorkbookUrl, usePortfolio, type PortfolioEnterprise } from './api.ts';
import { StartClientAssessment } from './StartClientAssessment.tsx';
import { ImportEnterprises } from './ImportEnterprises.tsx';
import { PortfolioResultDrawer } from './PortfolioResultDrawer.tsx';
import { useText } from '../diagnose/diagnose-ui.ts';
import { PortfolioStats } from './PortfolioStats.tsx';
import { PortfolioTable } from './PortfolioTable.tsx';

/** The kinds of organisation that look after enterprises (the home page shows an enterprise its own standing). */
type PortfolioKind = Exclude<OrganisationKind, 'enterprise'>;

/**
 * 企业总览: for an organisation that looks after enterprises, their totals and a table of each one's latest diagnosis
 * and plan: for administrators the organisation's enterprises and, for everyone, the enterprises they were invited into.
 */
export function PortfolioOverview({ organisation }: { organisation: Membership }) {
  const { t } = useTranslation();
  const { lang } = useText();
  const kind = organisation.orgKind as PortfolioKind;
  const admin = organisation.role === 'admin';
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const portfolio = usePortfolio(q, true);
  const [starting, setStarting] = useState<PortfolioEnterprise | undefined>(undefined);
  const [importOpen, setImportOpen] = useState(false);
  const [viewing, setViewing] = useState<PortfolioEnterprise | undefined>(undefined);
  const importButton = admin && (
    <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="portfolio-import">
      {t('portfolio.import.action')}
    </Button>
  );
  const importModal = <ImportEnterprises open={importOpen} onClose={() => setImportOpen(false)} />;

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const heading = (
    <>
      <Typography.Title level={4}>
        <ApartmentOutlined /> {t('portfolio.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`portfolio.intro.${kind}`)}</Typography.Paragraph>
    </>
  );

  if (portfolio.isError) {
    return (
      <section style={{ marginBottom: 24 }} data-testid="portfolio">
        {heading}
        <Alert
          type="error"
          showIcon
          message={t('portfolio.loadFailed', { message: portfolio.error.message })}
        />
      </section>
    );
  }
  const data = portfolio.data;
  if (data && data.totals.enterprises === 0 && !admin) {
    return (
      <section style={{ marginBottom: 24 }} data-testid="portfolio">
        {heading}
        <Alert type="info" showIcon message={t('portfolio.memberEmpty')} data-testid="portfolio-empty" />
      </section>
    );
  }
  if (data && data.totals.enterprises === 0) {
    return (
      <section style={{ marginBottom: 24 }} data-testid="portfolio">
        {heading}
        <Card data-testid="portfolio-empty">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Space direction="vertical" size={4}>
                <Typography.Text strong>{t('portfolio.empty.title')}</Typography.Text>
                <Typography.Text type="secondary">{t(`portfolio.empty.${kind}`)}</Typography.Text>
              </Space>
            }
          >
            <Space wrap>
              <Link to="/organisation">
                <Button type="primary">{t('portfolio.empty.organisations')}</Button>
              </Link>
              {importButton}
              <Link to="/diagnose">
                <Button>{t('portfolio.empty.diagnose')}</Button>
              </Link>
            </Space>
          </Empty>
        </Card>
        {importModal}
      </section>
    );
  }

  return (
    <section style={{ marginBottom: 24 }} data-testid="portfolio">
      {heading}
      {data ? <PortfolioStats totals={data.totals} /> : <Card loading style={{ marginBottom: 16 }} />}
      <Card size="small">
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Input.Search
              aria-label={t('portfolio.search')}
              placeholder={t('portfolio.search')}
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(value) => setQ(value.trim())}
              style={{ width: 320, maxWidth: '100%' }}
            />
            <Button
              icon={<FileExcelOutlined />}
              href={portfolioWorkbookUrl(q, lang)}
              download
              disabled={!data || data.enterprises.length === 0}
              data-testid="portfolio-export"
            >
              {t('portfolio.export')}
            </Button>
            {importButton}
          </Space>
          {data?.truncated && (
            <Alert
              type="warning"
              showIcon
              message={t('portfolio.truncated', { shown: data.enterprises.length, matching: data.matching })}
            />
          )}
          <PortfolioTable
            rows={data?.enterprises ?? []}
            loading={portfolio.isFetching}
            emptyText={t('portfolio.noMatch', { q })}
            onStartAssessment={setStarting}
            onViewResult={setViewing}
            authority={kind === 'authority'}
          />
        </Space>
      </Card>
      <StartClientAssessment enterprise={starting} onClose={() => setStarting(undefined)} />
      <PortfolioResultDrawer enterprise={viewing} onClose={() => setViewing(undefined)} />
      {importModal}
    </section>
  );
}
