import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

describe('sign-in throttling in the web app', () => {
  const web = useWebTest();

  it('says in Chinese, then in English, how many minutes to wait after too many wrong passwords', async () => {
    const page = await web.browser.newPage({ viewport: { width: 768, height: 900 } });
    await page.goto(web.url);
    await page.getByLabel('邮箱').fill('association@demo.tupu.local');
    await page.getByLabel('密码').fill('wrong password');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
      await page.getByRole('button', { name: '登录' }).click();
      statuses.push((await answer).status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('尝试次数过多，请 15 分钟后再试');

    // the right password is refused too while the email is locked
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await answer).status()).toBe(429);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Too many failed attempts; please try again in 15 min');
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);
  });
});
