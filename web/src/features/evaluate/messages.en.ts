import type { evaluateZh } from './messages.zh.ts';

/** Evaluate messages, English. */
const evaluate: (typeof evaluateZh)['evaluate'] = {
  title: 'Evaluation',
  intro:
    "Following the guide's 2(3) “evaluate the results”: import your ledgers, and each KPI of the catalogue is computed per period from their rows and compared with its baseline (T0). Values come from the ledgers; a manually entered value is marked as such.",
  period: { label: 'Period', month: 'Month', quarter: 'Quarter', year: 'Year' },
  empty: {
    title: 'No ledger data yet',
    body: 'Import a ledger first (a financial, production, inventory, quality or energy CSV or Excel file) so the KPIs can be computed.',
  },
  table: {
    name: 'KPI',
    unit: 'Unit',
    baseline: 'Baseline (T0)',
    latest: 'Latest',
    change: 'Change',
    source: 'Source',
    computed: 'Computed',
    manual: 'Manual',
    manualBy: 'Manual ({{who}})',
    notComputable: 'Not computable',
    noValue: '—',
    better: 'better',
    worse: 'worse',
    unchanged: 'unchanged',
  },
  drawer: {
    trend: 'Trend',
    chartLabel: '{{name}} per period',
    values: 'Values per period',
    periodCol: 'Period',
    valueCol: 'Value',
    rowsCol: 'Ledger rows',
    rows: 'Ledger rows of {{period}}',
    pickPeriod: 'Click a period to see the ledger rows behind it.',
    file: 'File',
    row: 'Row',
    date: 'Date',
    reason: 'Reason',
  },
  errors: {
    title: 'Not done',
    generic: 'Something went wrong ({{code}}); please try again.',
    network: 'Cannot reach the server.',
  },
};

/** The namespaces of the feature evaluate, merged with the others by web/src/i18n/resources.ts. */
export const evaluateEn = { evaluate };
