import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAssessments, type AssessmentSummary } from './api.ts';
import { NewAssessmentModal } from './NewAssessmentModal.tsx';
import { fmt, formatDate, useText } from './diagnose-ui.ts';
import { useLevelName } from './level-name.ts';

/** The organisation's assessments: model, status, score and level, date; "new assessment". */
export function AssessmentListPage() {
  const { t } = useTranslation();
  const { tx, lang } = useText();
  const navigate = useNavigate();
  const list = useAssessments();
  const levelIn = useLevelName();
  const levelName = (a: AssessmentSummary) => levelIn(a) ?? t('diagnose.noLevel');
  const [creating, setCreating] = useState(false);

  const columns = [
    {
      title: t('diagnose.titleLabel'),
      key: 'title',
      render: (_: unknown, a: AssessmentSummary) => (
        <Space direction="vertical" size={0}>
          <Link to={`/diagnose/${a.id}`}>{a.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tx(a.modelTitle)} · {t(`diagnose.modes.${a.mode}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('diagnose.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, a: AssessmentSummary) =>
        a.status === 'submitted' ? (
          <Tag color="green">{t('diagnose.statuses.submitted')}</Tag>
        ) : (
          <Space direction="vertical" size={0}>
            <Tag>{t('diagnose.statuses.draft')}</Tag>
            <Progress
              percent={a.total > 0 ? Math.round((a.answered / a.total) * 100) : 0}
              size="small"
              style={{ width: 80, margin: 0 }}
            />
          </Space>
        ),
    },
    {
      title: `${t('diagnose.score')} / ${t('diagnose.level')}`,
      key: 'score',
      width: 150,
      render: (_: unknown, a: AssessmentSummary) =>
        a.score === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space direction="vertical" size={0}>
            <span>
              {fmt(a.score)} / {fmt(a.maxScore ?? 0)}
            </span>
            {a.family !== 'checklist' && <Tag color={a.level ? 'blue' : 'default'}>{levelName(a)}</Tag>}
          </Space>
        ),
    },
    {
      title: t('diagnose.date'),
      key: 'date',
      width: 110,
      render: (_: unknown, a: AssessmentSummary) => formatDate(a.submittedAt ?? a.createdAt, lang),
    },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_: unknown, a: AssessmentSummary) => (
        <Link to={`/diagnose/${a.id}/result`}>{t('diagnose.results')}</Link>
      ),
    },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('diagnose.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('diagnose.newAssessment')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('diagnose.intro')}
      </Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 620 }}
        locale={{ emptyText: <Empty description={t('diagnose.empty')} /> }}
      />
      <NewAssessmentModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/diagnose/${id}`);
        }}
      />
    </div>
  );
}
