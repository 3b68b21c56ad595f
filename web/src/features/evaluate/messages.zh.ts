/** Evaluate messages, Chinese. */
const evaluate = {
  title: '成效评估',
  intro:
    '按《实施指南》二（三）“开展成效评估”：导入企业台账，按 KPI 目录的公式逐期计算指标，对照基期（T0）看转型成效。数值由台账计算，手工录入的值单独标明。',
  period: { label: '统计周期', month: '月', quarter: '季度', year: '年' },
  empty: {
    title: '还没有台账数据',
    body: '请先导入一份台账（财务、生产、库存、质量、能耗等 CSV 或 Excel 文件），KPI 才能计算出来。',
  },
  table: {
    name: '指标',
    unit: '单位',
    baseline: '基期值（T0）',
    latest: '最新值',
    change: '变化',
    source: '来源',
    computed: '台账计算',
    manual: '手工录入',
    manualBy: '手工录入（{{who}}）',
    notComputable: '无法计算',
    noValue: '—',
    better: '改善',
    worse: '变差',
    unchanged: '持平',
  },
  drawer: {
    trend: '趋势',
    chartLabel: '{{name}} 各期数值',
    values: '各期数值',
    periodCol: '周期',
    valueCol: '数值',
    rowsCol: '台账行数',
    rows: '{{period}} 的台账行',
    pickPeriod: '点击一期，查看它背后的台账行。',
    file: '文件',
    row: '行号',
    date: '日期',
    reason: '原因',
  },
  errors: {
    title: '操作未完成',
    generic: '出错了（{{code}}），请稍后重试。',
    network: '无法连接服务器。',
  },
};

/** The namespaces of the feature evaluate, merged with the others by web/src/i18n/resources.ts. */
export const evaluateZh = { evaluate };
