import { Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money } from '../plan/plan-ui.ts';
import { useAddCost, type ProjectView } from './api.ts';
import { costOption } from './deliver-charts.ts';
import { useDateText, usePeriodOf } from './deliver-ui.ts';
import { DeliverChart } from './DeliverChart.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

type Cost = ProjectView['costs'][number];

/** Costs: budget against actual per period (chart), the entries, and booking spend in an open period. */
export function CostsPanel({ project, canWrite }: { project: ProjectView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const date = useDateText();
  const period = usePeriodOf(project.calendar);
  const add = useAddCost(project.id);
  const [entry, setEntry] = useState<{ period: number; amount: number | null; note: string }>({
    period: project.startPeriod,
    amount: null,
    note: '',
  });
  const [sentPeriod, setSentPeriod] = useState(0);
  const option = useMemo(
    () =>
      costOption(project, {
        period: (p) => p.label[lang],
        budget: t('deliver.costs.budget'),
        actual: t('deliver.costs.actual'),
      }),
    [project, lang, t],
  );
  const closed = (p: number) => project.closedThrough !== null && p <= project.closedThrough;
  const submit = () => {
    if (entry.amount === null) return;
    setSentPeriod(entry.period);
    add.mutate(
      {
        period: entry.period,
        amount: entry.amount,
        ...(entry.note.trim() ? { note: entry.note.trim() } : {}),
      },
      { onSuccess: () => setEntry({ ...entry, amount: null, note: '' }) },
    );
  };

  return (
    <div data-testid="costs-panel">
      <Card
        size="small"
        title={t('deliver.costs.chart')}
        style={{ marginBottom: 12 }}
        extra={
          <a href={`/api/projects/${project.id}/costs.xlsx?lang=${lang}`} download data-testid="costs-export">
            {t('deliver.costs.export')}
          </a>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="costs-to-date">
          {t('deliver.costs.toDate', {
            budget: money(project.rollup.budgetToDate, lang),
            actual: money(project.rollup.actualToDate, lang),
          })}
        </Typography.Paragraph>
        <DeliverChart option={option} height={240} label={t('deliver.costs.chart')} testId="cost-chart" />
      </Card>
      {canWrite && (
        <Card size="small" title={t('deliver.costs.add')} style={{ marginBottom: 12 }}>
          <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item label={t('deliver.costs.period')}>
              <Select
                style={{ minWidth: 140 }}
                value={entry.period}
                onChange={(v: number) => setEntry({ ...entry, period: v })}
                aria-label={t('deliver.costs.period')}
                data-testid="cost-period"
                options={project.budget.map((_, p) => ({
                  value: p,
                  label: closed(p) ? `${period(p)} · ${t('deliver.costs.closed')}` : period(p),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('deliver.costs.amount')}>
              <InputNumber
                value={entry.amount}
                onChange={(v) => setEntry({ ...entry, amount: v })}
                step={1}
                aria-label={t('deliver.costs.amount')}
                data-testid="cost-amount"
              />
            </Form.Item>
            <Form.Item label={t('deliver.costs.note')}>
              <Input
                value={entry.note}
                onChange={(e) => setEntry({ ...entry, note: e.target.value })}
                placeholder={t('deliver.costs.notePlaceholder')}
                maxLength={500}
                data-testid="cost-note"
              />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={add.isPending}
                disabled={entry.amount === null}
                data-testid="cost-add"
              >
                {t('deliver.costs.add')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deliver.costs.correction')}
          </Typography.Text>
          <ErrorAlert error={add.error} context={{ project, period: sentPeriod }} testId="cost-error" />
        </Card>
      )}
      <Table<Cost>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...project.costs].sort((a, b) => b.enteredAt.localeCompare(a.enteredAt))}
        data-testid="cost-table"
        locale={{ emptyText: t('deliver.costs.empty') }}
        columns={[
          { title: t('deliver.costs.period'), key: 'period', render: (_, c) => period(c.period) },
          {
            title: t('deliver.costs.amount'),
            key: 'amount',
            align: 'right',
            render: (_, c) =>
              c.amount < 0 ? <Tag color="orange">{money(c.amount, lang)}</Tag> : money(c.amount, lang),
          },
          {
            title: t('deliver.costs.note'),
            key: 'note',
            render: (_, c) => <span data-user-text>{c.note || '—'}</span>,
          },
          { title: t('deliver.costs.enteredAt'), key: 'at', render: (_, c) => date(c.enteredAt) },
        ]}
      />
    </div>
  );
}
