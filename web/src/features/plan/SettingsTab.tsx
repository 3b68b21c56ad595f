import { Alert, Button, Col, Flex, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useReplacePlan, useUpdatePlan, type PlanSettings, type PlanView } from './api.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { mergeFields, resolveMerge, type Pick } from '../../components/stale-version.ts';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import { fieldText, settingsFields, usePlanPartLabel } from './plan-merge.ts';
import { ProblemList } from './NewPlanPage.tsx';
import { usePeriodLabel } from './plan-ui.ts';
import { StartInput } from './StartInput.tsx';

function resize(values: readonly number[], periods: number): number[] {
  const last = values[values.length - 1] ?? 0;
  return Array.from({ length: periods }, (_, t) => values[t] ?? last);
}

/** 规划设置: horizon, rate, benefit years, budget and people per period. */
export function SettingsTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlan(plan.id);
  const [title, setTitle] = useState(plan.title);
  const [draft, setDraft] = useState<PlanSettings>(plan.settings);
  const period = usePeriodLabel(draft);
  const [all, setAll] = useState<number | null>(null);
  const [base, setBase] = useState(plan.version);
  if (base !== plan.version) {
    setBase(plan.version);
    setDraft(plan.settings);
    setTitle(plan.title);
  }
  const { stale, close } = useVersionedSave<PlanView>(update);
  const replacePlan = useReplacePlan();
  const partLabel = usePlanPartLabel();
  const mine = settingsFields(title, draft);
  const theirs = stale ? settingsFields(stale.current.title, stale.current.settings) : {};
  const merge = stale ? mergeFields(settingsFields(plan.title, plan.settings), mine, theirs) : null;
  const save = () => update.mutate({ version: plan.version, title, settings: draft });
  const reload = () => {
    if (stale) replacePlan(stale.current);
    close();
  };
  /** Merge: their settings where I did not edit, mine where I did, the picks where we both did; saved at once. */
  const mergeAndSave = (picks: Record<string, Pick>) => {
    if (!stale || !merge) return;
    const current = stale.current;
    const { title: mergedTitle, ...settings } = resolveMerge(merge, theirs, picks);
    const next = settings as unknown as PlanSettings;
    replacePlan(current);
    setBase(current.version);
    setDraft(next);
    setTitle(String(mergedTitle));
    close();
    update.mutate({ version: current.version, title: String(mergedTitle), settings: next });
  };
  const set = (change: Partial<PlanSettings>) => setDraft((d) => ({ ...d, ...change }));
  const setPeriods = (periods: number) =>
    setDraft((d) => ({
      ...d,
      periods,
      budget: resize(d.budget, periods),
      ...(d.capacity ? { capacity: resize(d.capacity, periods) } : {}),
    }));

  const rows = draft.budget.map((b, k) => ({ k, budget: b, capacity: draft.capacity?.[k] }));
  return (
    <Form layout="vertical" style={{ maxWidth: 760 }} disabled={!canWrite}>
      <Typography.Paragraph type="secondary">{t('plan.settings.hint')}</Typography.Paragraph>
      <Form.Item label={t('plan.wizard.planTitle')}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Form.Item>
      <Form.Item label={t('plan.wizard.start')}>
        <StartInput label={t('plan.wizard.start')} value={draft.start} onChange={(start) => set({ start })} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          <Form.Item label={t('plan.wizard.periods')}>
            <InputNumber min={1} max={40} value={draft.periods} onChange={(v) => v && setPeriods(v)} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('plan.wizard.periodsPerYear')}>
            <InputNumber
              min={1}
              max={12}
              value={draft.periodsPerYear}
              onChange={(v) => v && set({ periodsPerYear: v })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('plan.wizard.discountRate')}>
            <InputNumber
              min={0}
              max={1}
              step={0.01}
              value={draft.discountRate}
              onChange={(v) => v !== null && set({ discountRate: v })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('plan.wizard.benefitYears')}>
            <InputNumber
              min={0}
              max={30}
              value={draft.benefitYears}
              onChange={(v) => v !== null && set({ benefitYears: v })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('plan.wizard.budgetPerPeriod')}</Typography.Text>
        <Typography.Text type="secondary">{t('plan.settings.budgetAll')}</Typography.Text>
        <InputNumber size="small" min={0} value={all} onChange={setAll} data-testid="budget-all" />
        <Button
          size="small"
          disabled={all === null}
          onClick={() => all !== null && set({ budget: draft.budget.map(() => all) })}
        >
          {t('plan.settings.apply')}
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey="k"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '', dataIndex: 'k', render: (k: number) => period(k), width: 80 },
          {
            title: t('plan.wizard.budgetPerPeriod'),
            dataIndex: 'budget',
            render: (v: number, r) => (
              <InputNumber
                size="small"
                min={0}
                value={v}
                onChange={(x) =>
                  x !== null && set({ budget: draft.budget.map((b, k) => (k === r.k ? x : b)) })
                }
              />
            ),
          },
          {
            title: t('plan.wizard.capacity'),
            dataIndex: 'capacity',
            render: (v: number | undefined, r) => (
              <InputNumber
                size="small"
                min={0}
                value={v}
                onChange={(x) =>
                  x !== null &&
                  set({
                    capacity: resize(draft.capacity ?? [], draft.periods).map((c, k) => (k === r.k ? x : c)),
                  })
                }
              />
            ),
          },
        ]}
      />
      <StaleVersionDialog
        open={stale !== null}
        changed={(stale?.changed ?? []).map(partLabel)}
        conflicts={(merge?.conflicts ?? []).map((key) => ({
          key,
          label: t(`plan.merge.fields.${key}`, { defaultValue: key }),
          mine: fieldText(mine[key]),
          theirs: fieldText(theirs[key]),
        }))}
        onReload={reload}
        onMerge={mergeAndSave}
        onCancel={close}
      />
      {update.error && !stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
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
        <Button type="primary" style={{ marginTop: 12 }} loading={update.isPending} onClick={save}>
          {t('plan.settings.save')}
        </Button>
      )}
    </Form>
  );
}
