import { Drawer, Empty, Grid, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import { escapeHtml } from '../../components/escape-html.ts';
import {
  useKpiCatalogue,
  useKpiValues,
  useValueRows,
  type KpiPeriod,
  type KpiSeries,
  type KpiValueView,
} from './api.ts';
import './echarts-evaluate.ts';
import type { EvaluateChartOption } from './echarts-evaluate.ts';
import { EvaluateErrorAlert } from './EvaluateErrorAlert.tsx';
import { ImportsList } from './ImportsList.tsx';
import { ImportWizard } from './ImportWizard.tsx';

type Lang = 'zh' | 'en';
const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'zh';
};

const fmt = (value: number | null | undefined, lang: Lang) =>
  value === null || value === undefined
    ? '—'
    : value.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 });

const TREND_COLOUR = { better: '#389e0d', worse: '#cf1322', unchanged: undefined } as const;

function sourceOf(series: KpiSeries): KpiValueView | undefined {
  const latest = series.latest;
  return latest ? series.values.find((v) => v.period === latest.period) : undefined;
}

/** 评估: the KPI table (baseline, latest, change) and, per KPI, its trend and the ledger rows behind each value. */
export function EvaluatePage() {
  const { t } = useTranslation();
  const lang = useLang();
  // at tablet width the unit goes under the KPI name, so the values and their change fit without a sideways scroll
  const narrow = Grid.useBreakpoint().lg === false;
  const [period, setPeriod] = useState<KpiPeriod>('quarter');
  const [open, setOpen] = useState<string | null>(null);
  const catalogue = useKpiCatalogue();
  const values = useKpiValues(period);
  const series = values.data?.series ?? [];
  const anyValue = series.some((s) => s.latest !== null);
  const selected = series.find((s) => s.kpiId === open) ?? null;

  return (
    <div style={{ padding: 24, maxWidth: 1200 }} data-testid="evaluate-page">
      <Typography.Title level={2}>{t('evaluate.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluate.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <span>{t('evaluate.period.label')}</span>
        <Segmented<KpiPeriod>
          value={period}
          onChange={setPeriod}
          data-testid="evaluate-period"
          options={(['month', 'quarter', 'year'] as const).map((p) => ({
            value: p,
            label: t(`evaluate.period.${p}`),
          }))}
        />
      </Space>
      <ImportWizard />
      <EvaluateErrorAlert error={values.error ?? catalogue.error} />
      {values.isLoading ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : !anyValue ? (
        <Empty
          data-testid="evaluate-empty"
          description={
            <>
              <Typography.Text strong>{t('evaluate.empty.title')}</Typography.Text>
              <br />
              {t('evaluate.empty.body')}
            </>
          }
        />
      ) : (
        <Table<KpiSeries>
          data-testid="kpi-table"
          rowKey="kpiId"
          size="middle"
          pagination={false}
          scroll={narrow ? undefined : { x: 720 }}
          dataSource={series}
          onRow={(s) => ({ onClick: () => setOpen(s.kpiId), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('evaluate.table.name'),
              key: 'name',
              render: (_, s) => (
                <>
                  <Typography.Link>{s.name[lang]}</Typography.Link>
                  {narrow && (
                    <div>
                      <Typography.Text type="secondary">{s.unit[lang]}</Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            ...(narrow
              ? []
              : [
                  {
                    title: t('evaluate.table.unit'),
                    key: 'unit',
                    render: (_: unknown, s: KpiSeries) => s.unit[lang],
                  },
                ]),
            {
              title: t('evaluate.table.baseline'),
              key: 'baseline',
              align: 'right',
              render: (_, s) =>
                s.baseline ? (
                  <span>
                    {fmt(s.baseline.value, lang)}{' '}
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      ({s.baseline.period})
                    </Typography.Text>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('evaluate.table.latest'),
              key: 'latest',
              align: 'right',
              render: (_, s) =>
                s.latest ? (
                  <span>
                    {fmt(s.latest.value, lang)}{' '}
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      ({s.latest.period})
                    </Typography.Text>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('evaluate.table.change'),
              key: 'change',
              align: 'right',
              render: (_, s) =>
                s.change === null || s.trend === null ? (
                  '—'
                ) : (
                  <span style={{ color: TREND_COLOUR[s.trend] }} data-trend={s.trend}>
                    {s.change > 0 ? '+' : ''}
                    {fmt(s.change, lang)} · {t(`evaluate.table.${s.trend}`)}
                  </span>
                ),
            },
            {
              title: t('evaluate.table.source'),
              key: 'source',
              render: (_, s) => {
                const v = sourceOf(s);
                if (!v) return '—';
                return v.source === 'manual' ? (
                  <Tag color="orange">{t('evaluate.table.manualBy', { who: v.enteredBy ?? '?' })}</Tag>
                ) : (
                  <Tag color="blue">{t('evaluate.table.computed')}</Tag>
                );
              },
            },
          ]}
        />
      )}
      <ImportsList />
      <Drawer
        open={selected !== null}
        onClose={() => setOpen(null)}
        size="large"
        title={
          selected
            ? lang === 'en'
              ? `${selected.name.en} (${selected.unit.en})`
              : `${selected.name.zh}（${selected.unit.zh}）`
            : ''
        }
        destroyOnHidden
        data-testid="kpi-drawer"
      >
        {selected ? <KpiDetail series={selected} lang={lang} /> : null}
      </Drawer>
    </div>
  );
}

function KpiDetail({ series, lang }: { series: KpiSeries; lang: Lang }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<string | null>(
    series.latest?.period ?? series.values[0]?.period ?? null,
  );
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const rows = useValueRows(series.kpiId, period, offset, limit);
  const catalogue = useKpiCatalogue();
  const fieldName = (id: string) => catalogue.data?.fields.find((f) => f.id === id)?.name[lang] ?? id;
  const kpi = catalogue.data?.kpis.find((k) => k.id === series.kpiId);

  const option = useMemo<EvaluateChartOption>(() => {
    const name = series.name[lang];
    const unit = series.unit[lang];
    return {
      aria: { enabled: true },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = Array.isArray(params) ? params : [params];
          const p = list[0] as { axisValue?: string; value?: number | null } | undefined;
          if (!p) return '';
          return `${escapeHtml(p.axisValue)}<br/>${escapeHtml(name)}: ${escapeHtml(fmt(p.value ?? null, lang))} ${escapeHtml(unit)}`;
        },
      },
      xAxis: { type: 'category', data: series.values.map((v) => v.period) },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          name,
          connectNulls: false,
          data: series.values.map((v) => v.value),
        },
      ],
    };
  }, [series, lang]);

  return (
    <div>
      <Typography.Title level={5}>{t('evaluate.drawer.trend')}</Typography.Title>
      <EChart
        option={option}
        height={240}
        label={t('evaluate.drawer.chartLabel', { name: series.name[lang] })}
        testId="kpi-trend"
      />
      <Typography.Title level={5}>{t('evaluate.drawer.values')}</Typography.Title>
      <Table<KpiValueView>
        size="small"
        rowKey="period"
        pagination={false}
        data-testid="kpi-periods"
        dataSource={series.values}
        rowClassName={(v) => (v.period === period ? 'ant-table-row-selected' : '')}
        onRow={(v) => ({
          onClick: () => {
            setPeriod(v.period);
            setOffset(0);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('evaluate.drawer.periodCol'), dataIndex: 'period' },
          {
            title: t('evaluate.drawer.valueCol'),
            key: 'value',
            align: 'right',
            render: (_, v) => fmt(v.value, lang),
          },
          {
            title: t('evaluate.table.source'),
            key: 'source',
            render: (_, v) =>
              v.source === 'manual' ? (
                <Tag color="orange">{t('evaluate.table.manualBy', { who: v.enteredBy ?? '?' })}</Tag>
              ) : v.reason ? (
                <Typography.Text type="secondary">
                  {t('evaluate.table.notComputable')}: {v.reason.message}
                </Typography.Text>
              ) : (
                <Tag color="blue">{t('evaluate.table.computed')}</Tag>
              ),
          },
          { title: t('evaluate.drawer.rowsCol'), dataIndex: 'rowCount', align: 'right' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {period ? t('evaluate.drawer.rows', { period }) : t('evaluate.drawer.pickPeriod')}
      </Typography.Title>
      <EvaluateErrorAlert error={rows.error} />
      {period ? (
        <Table
          size="small"
          data-testid="kpi-rows"
          loading={rows.isFetching}
          rowKey={(r) => `${r.importId}:${r.row}`}
          dataSource={rows.data?.rows ?? []}
          scroll={{ x: 600 }}
          pagination={{
            current: Math.floor(offset / limit) + 1,
            pageSize: limit,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setOffset((page - 1) * limit),
          }}
          columns={[
            { title: t('evaluate.drawer.file'), dataIndex: 'fileName', ellipsis: true },
            { title: t('evaluate.drawer.row'), dataIndex: 'row', align: 'right', width: 64 },
            { title: t('evaluate.drawer.date'), dataIndex: 'date', width: 110 },
            ...(kpi?.fields ?? []).map((f) => ({
              title: fieldName(f),
              key: f,
              align: 'right' as const,
              render: (_: unknown, r: { values: Record<string, number | null> }) =>
                fmt(r.values[f] ?? null, lang),
            })),
          ]}
        />
      ) : null}
    </div>
  );
}
