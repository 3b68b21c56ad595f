/**
 * First load over a slow line: headless Chromium throttled to 1.6 Mbit/s each way with 150 ms latency (CDP
 * Network.emulateNetworkConditions), each load in a fresh browser context (empty cache). Measured, in the page's
 * own clock from navigation start: the sign-in form shown (signed out, at /), the home page's content shown (the
 * demo CIO, signed in, at /: both standing cards loaded), and signing in through the form → home shown (from the
 * click; the sign-in page first left to settle, as while a person types). Bytes: the encoded bytes received (CDP,
 * headers included) until then, and the sign-in page's total once settled.
 *
 * Baseline in the same run: the web app as it was built and served before issue #12's first-load work — commit
 * BENCH_BASELINE_REF (default 7832af4), its web/ and src/ checked out into a temp folder (git archive) and built
 * with its own vite.config.ts (one antd chunk, everything behind sign-in in the entry), served by this server.
 * That build has no .br/.gz files, so it goes out uncompressed, as it did; its Cache-Control differs from then
 * (max-age=0), which a cold load never consults. Targets: sign-in form < 2 s, home < 4 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-region.ts';
import { startServer } from '../src/server/start.ts';
import { launchChromium } from '../tests/support/browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? '7832af4';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** 1.6 Mbit/s = 200 000 bytes/s, both ways; 150 ms added to every request. */
const LINE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };
const EMAIL = 'cio@demo.tupu.local';

// Functions, not strings: the page's Content-Security-Policy forbids eval. They run in the page, which this
// project (type-checked without the DOM library) sees through `Dom`; performance.now() is the page's clock.
interface Dom {
  document: { querySelector(selector: string): { querySelector(selector: string): unknown } | null };
}
const SIGN_IN_FORM = () => {
  const { document } = globalThis as unknown as Dom;
  const shown =
    document.querySelector('form input[type="password"]') &&
    document.querySelector('form button[type="submit"]');
  return shown ? performance.now() : false;
};
const HOME_SHOWN = () => {
  const { document } = globalThis as unknown as Dom;
  const shown = ['home-standing', 'home-plan'].every((id) => {
    const card = document.querySelector(`[data-testid="${id}"]`);
    return card && !card.querySelector('.ant-card-loading-content');
  });
  return shown ? performance.now() : false;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The web app of `ref`, built as that commit built it, in a temp folder; returns the build folder. */
function buildBaseline(ref: string, dir: string): string {
  execFileSync('sh', ['-c', `git archive ${ref} web src package.json | tar -x -C "${dir}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const out = join(dir, 'out');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'error', '--outDir', out],
    { cwd: dir, stdio: 'inherit' },
  );
  return out;
}

interface Load {
  ms: number;
  bytes: number;
  requests: number;
}

/** A throttled page in a fresh context, counting what it receives. */
async function throttledPage(browser: Browser, context?: BrowserContext) {
  const ctx =
    context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }));
  const page = await ctx.newPage();
  const cdp: CDPSession = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', LINE);
  const counter = { bytes: 0, requests: 0, encodings: new Map<string, string>() };
  cdp.on('Network.loadingFinished', (e) => {
    counter.bytes += e.encodedDataLength;
    counter.requests += 1;
  });
  cdp.on('Network.responseReceived', (e) => {
    const path = new URL(e.response.url).pathname;
    const headers = e.response.headers as Record<string, string>;
    counter.encodings.set(path, headers['content-encoding'] ?? headers['Content-Encoding'] ?? 'identity');
  });
  return { ctx, page, counter };
}

async function until(page: Page, condition: () => number | false): Promise<number> {
  const handle = await page.waitForFunction(condition, undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  return (await handle.jsonValue()) as number;
}

/** Signed out, open / and wait for the sign-in form. */
async function signInForm(
  browser: Browser,
  base: string,
): Promise<Load & { encodings: Map<string, string> }> {
  const { ctx, page, counter } = await throttledPage(browser);
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const ms = await until(page, SIGN_IN_FORM);
  const result = { ms, bytes: counter.bytes, requests: counter.requests, encodings: counter.encodings };
  await ctx.close();
  return result;
}

/** Signed in already (a session cookie, nothing cached), open / and wait for the home page's content. */
async function home(browser: Browser, base: string): Promise<Load> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const res = await ctx.request.post(`${base}/api/auth/sign-in`, {
    data: { email: EMAIL, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  const { page, counter } = await throttledPage(browser, ctx);
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const ms = await until(page, HOME_SHOWN);
  const result = { ms, bytes: counter.bytes, requests: counter.requests };
  await ctx.close();
  return result;
}

/** From the sign-in form (cold, then left to settle as while typing): submit it, wait for the home page's content. */
async function signInToHome(browser: Browser, base: string): Promise<Load & { settledBytes: number }> {
  const { ctx, page, counter } = await throttledPage(browser);
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  await until(page, SIGN_IN_FORM);
  // a person takes a few seconds to type: what the page fetches meanwhile (App.tsx) is done by the time they submit
  await page.waitForLoadState('networkidle');
  await page.getByLabel('邮箱').fill(EMAIL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  const before = { bytes: counter.bytes, requests: counter.requests };
  const settledBytes = counter.bytes;
  const started = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '登录' }).click();
  const ms = (await until(page, HOME_SHOWN)) - started;
  // the step's bytes once CDP has reported them (a little after each request ends; 'networkidle' fired long ago)
  await page.waitForTimeout(500);
  const result = {
    ms,
    bytes: counter.bytes - before.bytes,
    requests: counter.requests - before.requests,
    settledBytes,
  };
  await ctx.close();
  return result;
}

async function measure(browser: Browser, webDir: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tupu-bench-'));
  const config = loadConfig(
    { TUPU_DATA_DIR: dataDir, TUPU_LOG_LEVEL: 'silent', TUPU_HOST: '127.0.0.1', TUPU_WEB_DIR: webDir },
    { port: 0, adminPassword: 'admin-password-for-bench' },
  );
  const server = await startServer(config, { demo: true, demoContent: true });
  try {
    const signIn: Load[] = [];
    const homes: Load[] = [];
    const flows: (Load & { settledBytes: number })[] = [];
    let encodings = new Map<string, string>();
    for (let i = 0; i < RUNS; i++) {
      const form = await signInForm(browser, server.url);
      encodings = form.encodings;
      signIn.push(form);
      homes.push(await home(browser, server.url));
      flows.push(await signInToHome(browser, server.url));
    }
    const pick = (xs: Load[]): Load => ({
      ms: median(xs.map((x) => x.ms)),
      bytes: median(xs.map((x) => x.bytes)),
      requests: median(xs.map((x) => x.requests)),
    });
    const settledBytes = median(flows.map((f) => f.settledBytes));
    return { signIn: pick(signIn), home: pick(homes), flow: pick(flows), settledBytes, encodings };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  const webDir = join(ROOT, 'dist/web');
  const tmp = mkdtempSync(join(tmpdir(), 'tupu-baseline-web-'));
  const browser = await launchChromium();
  try {
    const baselineDir = buildBaseline(BASELINE_REF, tmp);
    const before = await measure(browser, baselineDir);
    const after = await measure(browser, webDir);

    const kb = (b: number) => `${(b / 1024).toFixed(0).padStart(6)} KB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
    const row = (name: string, a: Load, b: Load) =>
      `${name.padEnd(34)} ${s(a.ms)} ${kb(a.bytes)} ${String(a.requests).padStart(3)} req  →  ${s(b.ms)} ${kb(b.bytes)} ${String(b.requests).padStart(3)} req   ×${(a.ms / b.ms).toFixed(1)}`;
    console.log(
      `headless Chromium, 1.6 Mbit/s each way, 150 ms latency, empty cache, median of ${RUNS}; ` +
        `baseline ${BASELINE_REF} (uncompressed, one antd chunk) → this build (dist/web)`,
    );
    console.log(row('sign-in form shown', before.signIn, after.signIn));
    console.log(row('home shown (signed in, cold)', before.home, after.home));
    console.log(row('sign in → home shown', before.flow, after.flow));
    console.log(
      `${'sign-in page once settled'.padEnd(34)}        ${kb(before.settledBytes)}            →         ${kb(after.settledBytes)}   (with the shell and home fetched while typing)`,
    );
    const encs = [...after.encodings].filter(([p]) => p.startsWith('/assets/') || p === '/');
    console.log(
      `encodings received (this build, sign-in page): ${encs.map(([p, e]) => `${p} ${e}`).join(', ')}`,
    );
    const met = (ms: number, target: number) => (ms < target ? 'met' : 'NOT met');
    console.log(
      `targets: sign-in form < 2 s ${met(after.signIn.ms, 2000)}; home < 4 s ${met(after.home.ms, 4000)} (cold), ` +
        `${met(after.flow.ms, 4000)} (after sign-in)`,
    );
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
