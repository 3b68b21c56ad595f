import type { SupplyDemandView } from '../../../../src/contracts/providers.ts';
import { html } from '../../components/escape-html.ts';
import type { ProvidersChartOption } from './echarts-providers.ts';

export interface SupplyWords {
  demand: string;
  supply: string;
  uncovered: string;
  initiatives: string;
  /** the scenario's label (code and name in the reader's language) */
  label: (code: string) => string;
}

/**
 * Grouped horizontal bars per scenario: enterprises that need it and providers that cover it; a scenario no provider
 * covers has its label and demand bar in red. The tooltip is HTML: every value through `html`.
 */
export function supplyOption(
  view: SupplyDemandView,
  words: SupplyWords,
  narrow: boolean,
): ProvidersChartOption {
  const rows = [...view.scenarios].reverse();
  const uncovered = new Set(view.uncovered);
  const short = (s: string) => (narrow && s.length > 16 ? `${s.slice(0, 15)}…` : s);
  return {
    animation: false,
    aria: { enabled: true },
    legend: { top: 0, data: [words.demand, words.supply] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        if (!row) return '';
        return (
          html`<b>${words.label(row.scenario)}</b><br />${words.demand}: ${row.enterprises}<br />` +
          html`${words.initiatives}: ${row.initiatives}<br />${words.supply}: ${row.providers.length}` +
          (uncovered.has(row.scenario)
            ? html`<br /><span style="color:#cf1322">${words.uncovered}</span>`
            : '')
        );
      },
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.scenario),
      axisLabel: {
        formatter: (code: string) => short(words.label(code)),
        color: (code?: string) => (code && uncovered.has(code) ? '#cf1322' : '#333'),
      },
    },
    series: [
      {
        name: words.demand,
        type: 'bar',
        data: rows.map((r) => ({
          value: r.enterprises,
          itemStyle: { color: uncovered.has(r.scenario) ? '#cf1322' : '#1f5fbf' },
        })),
      },
      {
        name: words.supply,
        type: 'bar',
        itemStyle: { color: '#52c41a' },
        data: rows.map((r) => r.providers.length),
      },
    ],
  };
}
