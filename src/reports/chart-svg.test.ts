import { describe, expect, it } from 'vitest';
import { chartSvg } from './chart-svg.ts';

describe('chartSvg', () => {
  it('renders a radar chart to a standalone SVG with its labels', () => {
    const svg = chartSvg(
      {
        radar: {
          indicator: [
            { name: '数字化基础', max: 50 },
            { name: '数字化管理', max: 30 },
            { name: '数字化成效', max: 20 },
          ],
        },
        series: [{ type: 'radar', data: [{ value: [30, 12, 8], name: '得分' }] }],
      },
      { width: 400, height: 300 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="400"');
    expect(svg).toContain('数字化管理');
  });
});
