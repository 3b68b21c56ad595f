import type { PdfPrinter } from './pdf.ts';

/**
 * Rasterise an SVG (e.g. an ECharts chart) to PNG in the shared Chromium: the SVG is laid out at its own size and
 * screenshotted at `scale` device pixels per CSS pixel (2 = crisp when printed at the SVG's size).
 */
export async function svgToPng(
  printer: PdfPrinter,
  svg: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Buffer> {
  return printer.withPage(
    async (page) => {
      await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}
svg{display:block}</style></head><body>${svg}</body></html>`,
        { waitUntil: 'load' },
      );
      return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size.width, height: size.height } });
    },
    { deviceScaleFactor: scale },
  );
}
