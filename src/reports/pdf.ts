import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium (override with CHROMIUM_PATH); never a downloaded browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Prints HTML documents to PDF with one shared headless Chromium, started (and playwright-core loaded) on first use. Pages load no network
 * resources: everything (styles, SVG charts) must be inline.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | undefined;

  async print(html: string, options: { headerTitle?: string } = {}): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:8px;width:100%;text-align:right;padding-right:16mm;color:#888">${escapeHtml(options.headerTitle ?? '')}</div>`,
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#888"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
    });
  }

  /** Run `fn` on a fresh offline page of the shared browser (no JavaScript, no network); closed afterwards. */
  async withPage<T>(
    fn: (page: Page) => Promise<T>,
    options: { deviceScaleFactor?: number } = {},
  ): Promise<T> {
    // playwright-core is imported on the first PDF too (~85 MB and ~0.8 s at start-up otherwise)
    this.browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }),
    );
    const browser = await this.browser;
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, ...options });
    try {
      return await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
    this.browser = undefined;
  }
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
