import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  useAssessments,
  useDeleteAssessment,
  useModels,
  type AssessmentFilter,
  type AssessmentSummary,
} from './api.ts';
import { NewAssessmentModal } from './NewAssessmentModal.tsx';
import { fmt, formatDate, useText } from './diagnose-ui.ts';
import { useLevelName } from './level-name.ts';

/** The year of the date the list shows: submitted, else created (UTC, as the server filters). */
const yearOf = (a: AssessmentSummary) => new Date(a.submittedAt ?? a.createdAt).getUTCFullYear();

/**
 * The organisation's assessments: model, status, score and level, date; searched by title and filtered by status,
 * indicator system and year (by the server); a draft can be deleted after a confirmation; "new assessment".
 */
export function AssessmentListPage() {
  const { t } = useTranslation();
  const { tx, lang } = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<AssessmentFilter>({});
  const filtering = Object.values(filter).some((v) => v !== undefined && v !== '');
  const all = useAssessments();
  const list = useAssessments(filter);
  const models = useModels();
  const remove = useDeleteAssessment();
  const years = useMemo(() => [...new Set((all.data ?? []).map(yearOf))].sort((a, b) => b - a), [all.data]);

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => ({ ...f, q: text.trim() || undefined })), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const deleteDraft = (a: AssessmentSummary) =>
    remove.mutateAsync(a.id).then(
      () => void message.success(t('diagnose.list.deleted', { title: a.title })),
      (err: Error) => void message.error(t('diagnose.list.deleteFailed', { message: err.message })),
    );
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
      width: 100,
      render: (_: unknown, a: AssessmentSummary) => (
        <Space size={4}>
          <Link to={`/diagnose/${a.id}/result`}>{t('diagnose.results')}</Link>
          {a.status === 'draft' ? (
            <Popconfirm
              title={t('diagnose.list.deleteTitle', { title: a.title })}
              description={<div style={{ maxWidth: 280 }}>{t('diagnose.list.deleteBody')}</div>}
              okText={t('diagnose.list.deleteOk')}
              okButtonProps={{ danger: true }}
              cancelText={t('diagnose.cancel')}
              onConfirm={() => void deleteDraft(a)}
            >
              <Tooltip title={t('diagnose.list.delete')}>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('diagnose.list.delete')} ${a.title}`}
                  data-testid="assessment-delete"
                />
              </Tooltip>
            </Popconfirm>
          ) : (
            <Tooltip title={t('diagnose.list.onlyDrafts')}>
              <Button
                type="text"
                size="small"
                disabled
                icon={<DeleteOutlined />}
                aria-label={`${t('diagnose.list.delete')} ${a.title}`}
              />
            </Tooltip>
          )}
        </Space>
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
      <Space wrap style={{ marginBottom: 12 }} data-testid="assessment-filters">
        <Input.Search
          aria-label={t('diagnose.list.search')}
          placeholder={t('diagnose.list.search')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined }))}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Select<AssessmentSummary['status']>
          aria-label={t('diagnose.status')}
          placeholder={t('diagnose.list.allStatuses')}
          allowClear
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          style={{ width: 130 }}
          options={(['draft', 'submitted'] as const).map((s) => ({
            value: s,
            label: t(`diagnose.statuses.${s}`),
          }))}
        />
        <Select<string>
          aria-label={t('diagnose.model')}
          placeholder={t('diagnose.list.allModels')}
          allowClear
          value={filter.modelId}
          onChange={(modelId) => setFilter((f) => ({ ...f, modelId }))}
          style={{ width: 260, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          options={(models.data ?? []).map((m) => ({ value: m.id, label: tx(m.title) }))}
        />
        <Select<number>
          aria-label={t('diagnose.date')}
          placeholder={t('diagnose.list.allYears')}
          allowClear
          value={filter.year}
          onChange={(year) => setFilter((f) => ({ ...f, year }))}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t('diagnose.list.year', { year: y }) }))}
        />
        {filtering && (
          <Button
            onClick={() => {
              setText('');
              setFilter({});
            }}
          >
            {t('diagnose.list.clearFilters')}
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table
        rowKey="id"
        data-testid="assessment-table"
        loading={list.isPending || list.isFetching}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        locale={{
          emptyText: <Empty description={filtering ? t('diagnose.list.noMatch') : t('diagnose.empty')} />,
        }}
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
