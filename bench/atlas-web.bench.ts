/**
 * Atlas graph page in headless Chromium: time from navigation start until the ECharts graph of guide-2024 has
 * finished drawing (`data-ready`), then a hover → tooltip and a click → scenario page round trip. Baseline in the
 * same run: the time until the plain table page of the same pack shows its rows (same shell, same data, no chart).
 * Target: graph ready in under 1 s.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/db/seed/demo-region.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { startTestServer } from '../tests/support/test-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Navigate and return the page's own clock (ms since navigation start) when the condition first holds. */
async function timeTo(page: Page, url: string, condition: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(`(${condition}) ? performance.now() : false`, undefined, {
    polling: 'raf',
    timeout: 20_000,
  });
  return (await handle.jsonValue()) as number;
}

const GRAPH_READY = `document.querySelector('[data-testid="atlas-graph"][data-ready="true"]')`;
const TABLE_READY = `document.querySelectorAll('[data-testid="atlas-table"] tbody tr[data-row-key]').length === 21`;

async function roundTrip(page: Page): Promise<{ hover: number; click: number }> {
  const graph = page.getByTestId('atlas-graph');
  const positions = JSON.parse((await graph.getAttribute('data-node-positions')) ?? '[]') as [
    string,
    number,
    number,
  ][];
  const [code, x, y] = positions.find(([c]) => c === 'GEN-PM-03') ?? positions[0] ?? ['', 0, 0];
  const box = await graph.boundingBox();
  if (!box) throw new Error('graph has no box');
  await page.mouse.move(box.x + 5, box.y + 5);
  const hoverStart = performance.now();
  await page.mouse.move(box.x + x, box.y + y);
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-testid="atlas-graph"] div')].some((d) => d.textContent.includes(${JSON.stringify(code)}) && getComputedStyle(d).opacity !== '0' && getComputedStyle(d).display !== 'none')`,
    undefined,
    { polling: 'raf' },
  );
  const hover = performance.now() - hoverStart;
  const clickStart = performance.now();
  await page.mouse.click(box.x + x, box.y + y);
  await page.waitForSelector(`[data-testid="scenario-page"][data-code="${code}"]`);
  const click = performance.now() - clickStart;
  return { hover, click };
}

/** A page in a fresh browser context (empty cache), signed in as the demo user. */
async function signedInPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1300 } });
  const res = await context.request.post(`${base}/api/auth/sign-in`, {
    data: { email: 'cio@demo.tupu.local', password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return context.newPage();
}

export default async function bench(): Promise<void> {
  const server = await startTestServer({ demo: true });
  const browser = await launchChromium();
  try {
    const graphUrl = `${server.url}/atlas`;
    const tableUrl = `${server.url}/atlas/table`;
    // first loads, each in a fresh context with an empty cache
    const coldTablePage = await signedInPage(browser, server.url);
    const coldTable = await timeTo(coldTablePage, tableUrl, TABLE_READY);
    await coldTablePage.context().close();
    const coldGraphPage = await signedInPage(browser, server.url);
    const coldGraph = await timeTo(coldGraphPage, graphUrl, GRAPH_READY);
    await coldGraphPage.context().close();

    const page = await signedInPage(browser, server.url);
    await timeTo(page, tableUrl, TABLE_READY); // warm the cache

    const graph: number[] = [];
    const table: number[] = [];
    const hover: number[] = [];
    const click: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      table.push(await timeTo(page, tableUrl, TABLE_READY));
      graph.push(await timeTo(page, graphUrl, GRAPH_READY));
      const trip = await roundTrip(page);
      hover.push(trip.hover);
      click.push(trip.click);
    }

    const g = median(graph);
    const t = median(table);
    const row = (name: string, ms: number, extra = '') =>
      `${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms${extra}`;
    console.log(`headless Chromium, 1280×1300, guide-2024 (21 scenarios, 49 links), median of ${RUNS}`);
    console.log(row('baseline: table page rows shown (warm)', t));
    console.log(row('graph page: ECharts finished (warm)', g, `  ratio ${(g / t).toFixed(2)}`));
    console.log(row('first load: table page (cold cache)', coldTable));
    console.log(
      row('first load: graph page (cold cache)', coldGraph, `  ratio ${(coldGraph / coldTable).toFixed(2)}`),
    );
    console.log(row('hover a node → tooltip shown', median(hover)));
    console.log(row('click a node → scenario page shown', median(click)));
    console.log(
      `target: graph ready < 1000 ms — warm ${g < 1000 ? 'met' : 'NOT met'}, first load ${coldGraph < 1000 ? 'met' : 'NOT met'}`,
    );
    await page.context().close();
  } finally {
    await browser.close();
    await server.dispose();
  }
}
