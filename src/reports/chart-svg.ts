import * as echarts from 'echarts';

/**
 * Render an ECharts option to an SVG string on the server (no browser, no canvas). Animation is forced off so
 * the SVG is the final picture.
 */
export function chartSvg(option: echarts.EChartsCoreOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
