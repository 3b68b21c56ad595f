import { Card, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOtherModels, type OtherModelsResponse } from './api.ts';
import { useText } from './diagnose-ui.ts';

type Estimate = OtherModelsResponse['estimates'][number];
const pct = (f: number) => Math.round(f * 100);

/**
 * 其他标准下的估计 / Estimated standing on other models: the crosswalk estimate of this assessment on every other mapped
 * indicator system, always tagged 估计 / estimate; a row opens to the items covered and the items of this assessment
 * they were estimated from.
 */
export function OtherModelsCard({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const { tx } = useText();
  const q = useOtherModels(assessmentId);
  const title = (
    <Space size={8} wrap>
      <span>{t('diagnose.otherModels.title')}</span>
      <Tag color="orange" data-testid="estimate-tag">
        {t('diagnose.otherModels.estimate')}
      </Tag>
    </Space>
  );
  if (q.isError) return null;
  if (!q.data)
    return (
      <Card size="small" title={title} style={{ marginTop: 16 }}>
        <Spin />
      </Card>
    );
  const data = q.data;
  const level = (e: Estimate) => {
    if (e.family === 'checklist') return t('diagnose.otherModels.checklistNoLevel');
    if (e.fraction === null) return '—';
    return (
      <Space direction="vertical" size={0}>
        <span>
          {e.level ? tx(e.level.name) : t('diagnose.otherModels.noLevel')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({t('diagnose.otherModels.estimate')})
          </Typography.Text>
        </span>
        {e.gatesIgnored && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('diagnose.otherModels.gatesIgnored')}
          </Typography.Text>
        )}
      </Space>
    );
  };
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }} data-testid="other-models">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('diagnose.otherModels.intro', { mapping: tx(data.mapping.title) })}
      </Typography.Paragraph>
      {data.estimates.length === 0 ? (
        <Typography.Text type="secondary">{t('diagnose.otherModels.none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey={(e) => e.model.id}
          dataSource={data.estimates}
          pagination={false}
          expandable={{
            rowExpandable: (e) => e.items.length > 0,
            expandedRowRender: (e) => <ItemList estimate={e} />,
          }}
          columns={[
            { title: t('diagnose.otherModels.model'), render: (_, e) => tx(e.title) },
            {
              title: t('diagnose.otherModels.standing'),
              width: 170,
              render: (_, e) =>
                e.fraction === null ? (
                  '—'
                ) : (
                  <Progress percent={pct(e.fraction)} size="small" status="normal" style={{ margin: 0 }} />
                ),
            },
            { title: t('diagnose.otherModels.level'), width: 170, render: (_, e) => level(e) },
            {
              title: t('diagnose.otherModels.coverage'),
              width: 110,
              render: (_, e) =>
                e.coverage.covered === 0
                  ? t('diagnose.otherModels.noCoverage')
                  : t('diagnose.otherModels.coverageOf', e.coverage),
            },
          ]}
        />
      )}
    </Card>
  );
}

function ItemList({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const { tx } = useText();
  return (
    <Table
      size="small"
      rowKey={(i) => `${i.kind}:${i.id}`}
      dataSource={estimate.items}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      columns={[
        { title: t('diagnose.otherModels.item'), width: 180, render: (_, i) => tx(i.name) },
        { title: t('diagnose.otherModels.standing'), width: 90, render: (_, i) => `${pct(i.fraction)}%` },
        {
          title: t('diagnose.otherModels.from'),
          render: (_, i) => {
            const from = new Map<string, string>();
            for (const v of i.via)
              for (const f of v.from) from.set(`${f.kind}:${f.id}`, `${tx(f.name)} ${pct(f.fraction)}%`);
            return [...from.values()].join(' · ');
          },
        },
      ]}
    />
  );
}
