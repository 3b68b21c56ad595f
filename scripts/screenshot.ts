/**
 * Developer tool: screenshot pages of a running Tupu as a signed-in user.
 *   npx tsx scripts/screenshot.ts <base-url> <out-dir> [path ...] [--width 1280] [--lang en] [--user email]
 *     [--element test-id]   only the element of that data-testid, at full size (to read a chart or a table)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/db/seed/demo-region.ts';
import { launchChromium } from '../tests/support/browser.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1] ?? fallback;
  args.splice(i, 2);
  return value;
};
const width = Number(flag('width', '1280'));
const lang = flag('lang', 'zh');
const user = flag('user', 'cio@demo.tupu.local');
const element = flag('element', '');
const [base, outDir, ...paths] = args;
if (!base || !outDir) throw new Error('usage: screenshot.ts <base-url> <out-dir> [path ...]');
mkdirSync(outDir, { recursive: true });

const browser = await launchChromium();
const context = await browser.newContext({
  viewport: { width, height: 900 },
  locale: lang === 'en' ? 'en-US' : 'zh-CN',
});
await context.addInitScript(`localStorage.setItem('tupu.lang', ${JSON.stringify(lang)})`);
const page = await context.newPage();
await page.goto(base);
if (user !== 'none') {
  const res = await page.request.post(`${base}/api/auth/sign-in`, {
    data: { email: user, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}
for (const path of paths.length ? paths : ['/']) {
  await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}${element ? `-${element}` : ''}-${lang}-${width}.png`;
  const file = join(outDir, name);
  if (element) await page.getByTestId(element).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
