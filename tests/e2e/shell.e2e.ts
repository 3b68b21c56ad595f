import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

describe('web shell', () => {
  const web = useWebTest();

  it('signs in as the demo user, shows the Chinese shell, switches to English and back after reload, signs out', async () => {
    const page = await web.browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.goto(web.url);

    // Chinese by default
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await page.getByLabel('邮箱').fill('cio@demo.tupu.local');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    // the wrong password is told in the page's language, and follows a switch of language
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('邮箱或密码错误');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email or password is wrong');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('邮箱或密码错误');

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    const nav = page.getByRole('navigation', { name: 'main' });
    await expect.poll(() => nav.isVisible()).toBe(true);
    for (const label of ['图谱', '诊断', '规划', '实施', '评估', '区域']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(1);
    }
    expect(await page.getByText('明远精密机械有限公司（演示）').first().isVisible()).toBe(true);
    // an enterprise home shows where it stands and what first (no diagnosis or plan yet in this test server)
    await expect.poll(() => page.getByTestId('home-standing').textContent()).toContain('还没有提交的诊断');
    expect(await page.getByTestId('home-plan').textContent()).toContain('还没有规划');

    // the steps not built yet say so, in the menu and on the home cards (no 进入 there)
    for (const label of ['区域'])
      expect(await nav.getByRole('link', { name: label }).textContent()).toBe(`${label}即将推出`);
    for (const label of ['图谱', '实施', '评估'])
      expect(await nav.getByRole('link', { name: label }).textContent()).toBe(label);
    for (const step of ['region']) {
      const card = page.getByTestId(`home-loop-${step}`);
      expect(await card.getByText('即将推出').isVisible()).toBe(true);
      expect(await card.getByRole('button', { name: '进入' }).count()).toBe(0);
    }
    for (const step of ['atlas', 'deliver', 'evaluate'])
      expect(await page.getByTestId(`home-loop-${step}`).getByRole('button', { name: '进入' }).count()).toBe(
        1,
      );

    // printed, a page is the page: no sidebar, no header
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await nav.isVisible()).toBe(true);

    // an unbuilt step shows an honest empty state
    await nav.getByRole('link', { name: '区域' }).click();
    await expect.poll(() => page.getByText('区域尚未开放').isVisible()).toBe(true);

    // English, remembered across a reload
    await page.getByRole('button', { name: '语言' }).click();
    await expect.poll(() => nav.getByRole('link', { name: 'Diagnose' }).count()).toBe(1);
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Region' }).count(),
      )
      .toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);

    // the session is gone on the server too
    const me = await page.request.get(`${web.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    await page.close();
  });
});
