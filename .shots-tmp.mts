import { startTestServer } from './tests/support/test-server.ts';
import { launchChromium } from './tests/support/browser.ts';
import { DEMO_PASSWORD } from './src/db/seed/demo-region.ts';
const server = await startTestServer({ demo: true, demoContent: true });
const browser = await launchChromium();
try {
  for (const lang of ['zh', 'en'] as const)
    for (const width of [1280, 768]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
      await page.request.post(`${server.url}/api/auth/sign-in`, { data: { email: 'cio@demo.tupu.local', password: DEMO_PASSWORD } });
      const list = (await (await page.request.get(`${server.url}/api/assessments`)).json()) as { id: string; modelId: string; status: string; title: string }[];
      const sme = list.filter((a) => a.modelId === 'sme-digital-level-2024' && a.status === 'submitted').at(-1) ?? list[0]!;
      if (lang === 'zh' && width === 1280) console.log(list.map((a) => `${a.title} ${a.modelId} ${a.status}`).join('\n'));
      await page.goto(`${server.url}/diagnose/${sme.id}/result`);
      await page.getByTestId('level-rule').waitFor({ timeout: 20000 });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots-p-diag/result-${lang}-${width}.png`, fullPage: true });
      // hover a clipped option for the tooltip
      const opt = page.getByTestId('option-answer').first();
      await opt.scrollIntoViewIfNeeded();
      if (lang === 'zh' && width === 1280) {
        await page.locator('[data-testid=option-answer] span[lang]').filter({ hasText: '…' }).first().hover();
        await page.waitForTimeout(600);
        await page.screenshot({ path: `/tmp/shots-p-diag/result-${lang}-${width}-hover.png` });
        await page.getByTestId('plan-from-gaps').click();
        await page.waitForURL(/plan\/new/);
        await page.waitForTimeout(1000);
        console.log('plan url', page.url());
      }
      await page.close();
    }
} finally {
  await browser.close();
  await server.dispose();
}
