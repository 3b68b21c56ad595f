import { describe, expect, it } from 'vitest';
import type { PlanDocument } from './plan-document-types.ts';
import { planHtml } from './plan-pdf.ts';

const hostile = '<img src=x onerror=alert(1)>&"\'';

const doc: PlanDocument = {
  lang: 'zh',
  title: '数字化转型规划方案',
  organisation: hostile,
  dateText: '2025年3月1日',
  subtitle: '规划期 2 年',
  moneyUnit: '万元',
  labels: { contents: '目录', generatedBy: 'Tupu' },
  projects: [],
  budget: { periods: [], byCategory: [], totalBudget: 0, totalSpend: 0 },
  sections: [
    {
      id: 'vision',
      number: '一',
      title: '目标愿景',
      heading: '一、目标愿景',
      text: `第一段${hostile}\n\n第二段`,
      prefilled: '',
      edited: true,
      tables: [
        {
          id: 't',
          title: `表${hostile}`,
          columns: [{ label: '项目' }, { label: '投资', align: 'right' }],
          rows: [
            [`一行\n${hostile}`, '10'],
            ['合计', '10'],
          ],
          totalRow: true,
        },
        { id: 'empty', title: '空表', columns: [{ label: 'x' }], rows: [], emptyText: '没有数据' },
      ],
      charts: [
        {
          id: 'budget',
          title: '预算',
          width: 300,
          height: 200,
          option: { xAxis: { data: [hostile] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] },
        },
      ],
    },
  ],
};

describe('planHtml', () => {
  const html = planHtml(doc);

  it('escapes every user string, in text, tables, headers and charts', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
  });

  it('prints paragraphs, multi-line cells, the total row, empty-table text, the chart and the contents', () => {
    expect(html).toContain('<p>第二段</p>');
    expect(html.match(/<p>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('一行<br>&lt;img');
    expect(html).toContain('<tr class="total">');
    expect(html).toContain('没有数据');
    expect(html).toContain('<svg');
    expect(html).toContain('图 1 预算');
    expect(html).toContain('表 2 空表');
    expect(html).toContain('<li>一、目标愿景</li>');
  });
});
