import { Alert, Button, Flex, Grid, InputNumber, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { candidateBenefit } from '../../../../src/core/planning/candidates.ts';
import { ApiError } from '../../api/client.ts';
import {
  usePlanOptions,
  useReplacePlan,
  useUpdatePlan,
  type InitiativeView,
  type Origin,
  type PlanCandidate,
  type PlanView,
} from './api.ts';
import { useLocalized, valueTagColour } from '../atlas/atlas-ui.ts';
import { ProblemList } from './NewPlanPage.tsx';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { mergeFields, resolveMerge, type Pick } from '../../components/stale-version.ts';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import {
  candidateFields,
  changedCandidates,
  fieldText,
  usePlanPartLabel,
  withCandidateFields,
} from './plan-merge.ts';
import { useGapName } from './gap-names.ts';
import { money, ORIGIN_COLOURS, percent, useOriginText, years } from './plan-ui.ts';

type NumberField = 'capex' | 'opexPerYear' | 'duration' | 'effort' | 'successProbability';

function toCandidate({ benefit: _b, appraisal: _a, ...candidate }: InitiativeView): PlanCandidate {
  return candidate;
}

/** The origin of a number as a small coloured dot-tag with the words in a tooltip. */
function OriginTag({ origin, text }: { origin: Origin; text: string }) {
  const { t } = useTranslation();
  const short = origin.kind === 'user' ? t('plan.origin.user') : text.replace(/（.*|\(.*/, '');
  return (
    <Tooltip title={text}>
      <Tag
        color={ORIGIN_COLOURS[origin.kind]}
        style={{ fontSize: 11, lineHeight: '16px', marginTop: 2, maxWidth: 120, overflow: 'hidden' }}
        data-origin={origin.kind}
      >
        {short}
      </Tag>
    </Tooltip>
  );
}

/** 候选举措: the assumptions table, edited in place and saved together. */
export function CandidatesTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const originText = useOriginText(useGapName(plan.assessmentId));
  const options = usePlanOptions(plan.atlasPackId);
  const update = useUpdatePlan(plan.id);
  const saved = useMemo(() => plan.initiatives.map(toCandidate), [plan.initiatives]);
  const [draft, setDraft] = useState<PlanCandidate[]>(saved);
  const [base, setBase] = useState(plan.version);
  if (base !== plan.version) {
    setBase(plan.version);
    setDraft(saved);
  }
  const { stale, close } = useVersionedSave<PlanView>(update);
  const replacePlan = useReplacePlan();
  const partLabel = usePlanPartLabel();
  const theirs = stale ? stale.current.initiatives.map(toCandidate) : [];
  const merge = stale
    ? mergeFields(candidateFields(saved), candidateFields(draft), candidateFields(theirs))
    : null;
  const save = () => update.mutate({ version: plan.version, initiatives: changedCandidates(draft, saved) });
  /** Reload: their plan, my edits discarded. */
  const reload = () => {
    if (stale) replacePlan(stale.current);
    close();
  };
  /** Merge: theirs where I did not edit, mine where I did, the picks for the fields we both changed; saved at once. */
  const mergeAndSave = (picks: Record<string, Pick>) => {
    if (!stale || !merge) return;
    const current = stale.current;
    const merged = withCandidateFields(theirs, resolveMerge(merge, candidateFields(theirs), picks));
    replacePlan(current);
    setBase(current.version);
    setDraft(merged);
    close();
    update.mutate({ version: current.version, initiatives: changedCandidates(merged, theirs) });
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const painPointName = (id: string) => {
    const p = options.data?.painPoints.find((x) => x.id === id);
    return p ? tx(p.name) : id;
  };
  const views = new Map(plan.initiatives.map((i) => [i.id, i]));

  const edit = (id: string, change: Partial<PlanCandidate>) =>
    setDraft((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const editedOrigin = (row: PlanCandidate, field: NumberField): Origin => {
    const before = saved.find((s) => s.id === row.id);
    return before && before[field] !== row[field] ? { kind: 'user' } : row.origins[field];
  };

  const numberColumn = (
    field: NumberField,
    title: string,
    opts: { min: number; max?: number; step: number; percent?: boolean; width: number },
  ) => ({
    title,
    dataIndex: field,
    width: opts.width,
    render: (value: number, row: PlanCandidate) => {
      const origin = editedOrigin(row, field);
      return (
        <div>
          {canWrite ? (
            <InputNumber
              size="small"
              min={opts.min}
              max={opts.max}
              step={opts.step}
              value={opts.percent ? Math.round(value * 100) : value}
              style={{ width: '100%' }}
              aria-label={`${row.id} ${title}`}
              data-testid={`${field}-${row.id}`}
              onChange={(v) => v !== null && edit(row.id, { [field]: opts.percent ? v / 100 : v })}
              {...(opts.percent ? { suffix: '%' } : {})}
            />
          ) : (
            <span>{opts.percent ? percent(value, 0) : money(value, lang)}</span>
          )}
          <OriginTag origin={origin} text={originText(origin)} />
        </div>
      );
    },
  });

  // Column priority: a tablet (768 px) shows what a plan is weighed by — scenario, build cost, duration, NPV, IRR;
  // from xl (1200 px, sidebar open) also the running cost, success probability and risk-adjusted NPV; from xxl
  // (1600 px) all. The hidden ones are named above the table with a button that shows them all (the table then
  // scrolls sideways, and says so).
  const screens = Grid.useBreakpoint();
  const [allColumns, setAllColumns] = useState(false);
  const narrow = !screens.xxl;
  const tier = (from: 'xl' | 'xxl') => (allColumns ? {} : { responsive: [from] });
  const columns: ColumnsType<PlanCandidate> = [
    {
      title: t('plan.candidates.scenario'),
      dataIndex: 'id',
      fixed: 'left',
      width: 200,
      render: (_: string, row) => (
        <div>
          <Link to={`/atlas/scenarios/${row.scenario}?pack=${plan.atlasPackId}`}>
            <Typography.Text code>{row.id}</Typography.Text>
          </Link>
          <div style={{ fontWeight: 500 }}>{tx(row.name)}</div>
          <Flex wrap gap={2}>
            {row.reasons.map((r, k) => (
              <Tooltip key={k} title={originText(r, painPointName)}>
                <Tag color={ORIGIN_COLOURS[r.kind]} style={{ fontSize: 11, marginInlineEnd: 0 }}>
                  {r.kind === 'pain-point'
                    ? painPointName(r.ref ?? '').slice(0, lang === 'zh' ? 12 : 26)
                    : originText(r)}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        </div>
      ),
    },
    numberColumn('capex', t('plan.candidates.capex'), { min: 0, step: 10, width: 110 }),
    {
      ...numberColumn('opexPerYear', t('plan.candidates.opex'), { min: 0, step: 5, width: 110 }),
      ...tier('xl'),
    },
    numberColumn('duration', t('plan.candidates.duration'), { min: 1, max: 40, step: 1, width: 100 }),
    {
      ...numberColumn('effort', t('plan.candidates.effort'), { min: 0, step: 1, width: 100 }),
      ...tier('xxl'),
    },
    {
      ...numberColumn('successProbability', t('plan.candidates.success'), {
        min: 0,
        max: 100,
        step: 5,
        percent: true,
        width: 110,
      }),
      ...tier('xl'),
    },
    {
      title: t('plan.candidates.benefit'),
      key: 'benefit',
      ...tier('xxl'),
      width: 110,
      align: 'right',
      render: (_: unknown, row) => {
        const benefit = candidateBenefit(plan.profile, row);
        return (
          <Tooltip
            title={
              <div>
                <div>{t('plan.candidates.byValueTag')}</div>
                {Object.entries(benefit.byValueTag).map(([tag, value]) => (
                  <div key={tag}>
                    {tag}: {money(value, lang)}
                  </div>
                ))}
              </div>
            }
          >
            <span data-testid={`benefit-${row.id}`}>{money(benefit.annualBenefit, lang)}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('plan.candidates.npv'),
      key: 'npv',
      width: 90,
      align: 'right',
      render: (_: unknown, row) => money(views.get(row.id)?.appraisal?.npv, lang),
    },
    {
      title: t('plan.candidates.rnpv'),
      key: 'rnpv',
      ...tier('xl'),
      width: 110,
      align: 'right',
      render: (_: unknown, row) => money(views.get(row.id)?.appraisal?.riskAdjustedNpv, lang),
    },
    {
      title: t('plan.candidates.irr'),
      key: 'irr',
      width: 90,
      align: 'right',
      render: (_: unknown, row) => percent(views.get(row.id)?.appraisal?.irr),
    },
    {
      title: t('plan.candidates.payback'),
      key: 'payback',
      ...tier('xxl'),
      width: 90,
      align: 'right',
      render: (_: unknown, row) => years(views.get(row.id)?.appraisal?.paybackYears),
    },
    {
      title: t('plan.candidates.bcr'),
      key: 'bcr',
      ...tier('xxl'),
      width: 90,
      align: 'right',
      render: (_: unknown, row) => {
        const bcr = views.get(row.id)?.appraisal?.benefitCostRatio;
        return bcr === null || bcr === undefined ? '—' : bcr.toFixed(2);
      },
    },
    {
      title: t('plan.candidates.requires'),
      dataIndex: 'requires',
      ...tier('xxl'),
      width: 110,
      render: (requires: string[]) =>
        requires.length === 0 ? '—' : requires.map((r) => <Tag key={r}>{r}</Tag>),
    },
    {
      title: t('plan.candidates.mandatory'),
      dataIndex: 'mandatory',
      ...tier('xxl'),
      width: 70,
      render: (mandatory: boolean, row) => (
        <Switch
          size="small"
          checked={mandatory}
          disabled={!canWrite}
          onChange={(checked) => edit(row.id, { mandatory: checked })}
        />
      ),
    },
  ];

  const expanded = (row: PlanCandidate) => (
    <div style={{ maxWidth: 900 }}>
      <Typography.Paragraph>
        <Typography.Text strong>{t('plan.colon', { label: t('plan.candidates.scope') })}</Typography.Text>
        {tx(row.scope)}
      </Typography.Paragraph>
      <Typography.Text strong>{t('plan.candidates.kpis')}</Typography.Text>
      <Table
        size="small"
        rowKey="kpi"
        pagination={false}
        dataSource={row.kpiDeltas}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('plan.candidates.kpi'), key: 'name', render: (_, d) => `${tx(d.name)}（${d.unit}）` },
          {
            title: t('plan.candidates.valueTag'),
            dataIndex: 'valueTag',
            render: (tag: string) => <Tag color={valueTagColour(tag)}>{tag}</Tag>,
          },
          {
            title: t('plan.candidates.improvement'),
            key: 'improvement',
            render: (_, d) =>
              canWrite ? (
                <InputNumber
                  size="small"
                  min={-100}
                  max={1000}
                  step={1}
                  suffix="%"
                  value={Math.round(d.improvement * 1000) / 10}
                  onChange={(v) =>
                    v !== null &&
                    edit(row.id, {
                      kpiDeltas: row.kpiDeltas.map((x) =>
                        x.kpi === d.kpi ? { ...x, improvement: v / 100 } : x,
                      ),
                    })
                  }
                />
              ) : (
                percent(d.improvement)
              ),
          },
          { title: t('plan.candidates.factor'), dataIndex: 'factor', render: (f: number) => percent(f) },
          {
            title: t('plan.candidates.kpiBenefit'),
            key: 'value',
            align: 'right',
            render: (_, d) => money(plan.profile.revenue * d.factor * d.improvement, lang),
          },
          {
            title: t('plan.candidates.reasons'),
            key: 'origin',
            render: (_, d) => <OriginTag origin={d.origin} text={originText(d.origin)} />,
          },
        ]}
      />
    </div>
  );

  return (
    <div>
      <Alert
        type="warning"
        showIcon
        title={t('plan.candidates.assumptionsNote')}
        description={t('plan.candidates.model')}
        style={{ marginBottom: 12 }}
      />
      <StaleVersionDialog
        open={stale !== null}
        changed={(stale?.changed ?? []).map(partLabel)}
        conflicts={(merge?.conflicts ?? []).map((key) => ({
          key,
          label: partLabel(key),
          mine: fieldText(candidateFields(draft)[key]),
          theirs: fieldText(candidateFields(theirs)[key]),
        }))}
        onReload={reload}
        onMerge={mergeAndSave}
        onCancel={close}
      />
      {update.error && !stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.candidates.problems')}
          description={
            update.error instanceof ApiError ? (
              <ProblemList details={update.error.details} />
            ) : (
              update.error.message
            )
          }
        />
      )}
      {canWrite && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" disabled={!dirty} loading={update.isPending} onClick={save}>
            {t('plan.candidates.save')}
          </Button>
          <Button disabled={!dirty} onClick={() => setDraft(saved)}>
            {t('plan.candidates.reset')}
          </Button>
          {dirty && <Tag color="orange">{t('plan.candidates.unsaved')}</Tag>}
        </Space>
      )}
      {narrow && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 13 }}>
          <span data-testid="candidates-columns">
            {allColumns
              ? t('plan.candidates.scrollHint')
              : t('plan.candidates.hiddenColumns', {
                  columns: columns
                    .filter((c) => c.responsive && !c.responsive.some((bp) => screens[bp]))
                    .map((c) => (typeof c.title === 'string' ? c.title : ''))
                    .join(t('plan.wizard.listSeparator')),
                })}
          </span>{' '}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAllColumns((a) => !a)}>
            {allColumns ? t('plan.candidates.fewerColumns') : t('plan.candidates.allColumns')}
          </Button>
        </Typography.Text>
      )}
      <Table<PlanCandidate>
        rowKey="id"
        size="small"
        data-testid="plan-candidates"
        columns={columns}
        dataSource={draft}
        pagination={false}
        expandable={{ expandedRowRender: expanded }}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
