import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useText } from '../diagnose/diagnose-ui.ts';
import { enterpriseTemplateUrl, useImportEnterprises, type EnterpriseImportProblem } from './api.ts';

/** The problems of a refused workbook, when the server listed them. */
function problemsOf(err: unknown): EnterpriseImportProblem[] {
  if (!(err instanceof ApiError) || err.code !== 'invalid_enterprise_sheet') return [];
  const details = err.details as { problems?: EnterpriseImportProblem[] } | null;
  return details?.problems ?? [];
}

/**
 * 批量建立企业: download the template, fill it, upload it; the enterprises are created all at once, or the
 * problems are listed by cell and nothing is created.
 */
export function ImportEnterprises({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useText();
  const importing = useImportEnterprises();
  const problems = problemsOf(importing.error);
  const created = importing.data?.created ?? [];

  const close = () => {
    importing.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('portfolio.import.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('portfolio.import.close')}</Button>}
      width={720}
      destroyOnHidden
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="enterprise-import">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('portfolio.import.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={enterpriseTemplateUrl(lang)} download>
            {t('portfolio.import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              importing.reset();
              importing.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending}>
              {t('portfolio.import.upload')}
            </Button>
          </Upload>
        </Space>
        {importing.isSuccess && (
          <Alert
            type="success"
            showIcon
            message={t('portfolio.import.created', { count: created.length })}
            description={created.map((c) => c.name).join(lang === 'zh' ? '、' : ', ')}
          />
        )}
        {importing.isError && (
          <Alert
            type="error"
            showIcon
            message={
              problems.length > 0
                ? t('portfolio.import.refused', { count: problems.length })
                : t('portfolio.import.failed', { message: importing.error.message })
            }
          />
        )}
        {problems.length > 0 && (
          <Table<EnterpriseImportProblem>
            size="small"
            rowKey={(p) => `${p.cell}-${p.code}`}
            dataSource={problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: 'cell', title: t('portfolio.import.cell'), dataIndex: 'cell', width: 130 },
              {
                key: 'problem',
                title: t('portfolio.import.problem'),
                render: (_, p) =>
                  t(`portfolio.import.problems.${p.code}`, {
                    value: p.value ?? '',
                    otherRow: p.otherRow ?? '',
                    column: p.column ?? '',
                  }),
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
