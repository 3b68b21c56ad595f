import type * as Echarts from 'echarts';
import { createRequire } from 'node:module';

/** echarts, loaded on the first chart (~35 MB and ~1 s at start-up otherwise); its own CommonJS build. */
let loaded: typeof Echarts | undefined;
const echartsLib = (): typeof Echarts =>
  (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

/**
 * Render an ECharts option to an SVG string on the server (no browser, no canvas). Animation is forced off so
 * the SVG is the final picture.
 */
export function chartSvg(option: Echarts.EChartsCoreOption, size: { width: number; height: number }): string {
  const chart = echartsLib().init(null, null, {
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
