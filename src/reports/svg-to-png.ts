import type { Page } from 'playwright-core';
import type { PdfPrinter } from './pdf.ts';

export interface SvgImage {
  svg: string;
  width: number;
  height: number;
}

async function shoot(page: Page, image: SvgImage): Promise<Buffer> {
  await page.setViewportSize({ width: Math.ceil(image.width), height: Math.ceil(image.height) });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}
svg{display:block}</style></head><body>${image.svg}</body></html>`,
    { waitUntil: 'load' },
  );
  return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: image.width, height: image.height } });
}

/**
 * Rasterise SVGs (e.g. ECharts charts) to PNG in the shared Chromium, all on one page: each SVG is laid out at its own
 * size and screenshotted at `scale` device pixels per CSS pixel (2 = crisp when printed at the SVG's size).
 */
export async function svgsToPng(
  printer: PdfPrinter,
  images: readonly SvgImage[],
  scale = 2,
): Promise<Buffer[]> {
  if (images.length === 0) return [];
  return printer.withPage(
    async (page) => {
      const out: Buffer[] = [];
      for (const image of images) out.push(await shoot(page, image));
      return out;
    },
    { deviceScaleFactor: scale },
  );
}

/** Rasterise one SVG to PNG (see svgsToPng). */
export async function svgToPng(
  printer: PdfPrinter,
  svg: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Buffer> {
  const [png] = await svgsToPng(printer, [{ svg, ...size }], scale);
  if (!png) throw new Error('no image rendered');
  return png;
}
