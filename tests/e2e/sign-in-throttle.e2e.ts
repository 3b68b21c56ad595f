import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

describe('sign-in throttling in the web app', () => {
  const web = useWebTest();

  it('counts down the growing wait after too many wrong passwords, in Chinese, then in English', async () => {
    const page = await web.browser.newPage({ viewport: { width: 768, height: 900 } });
    await page.goto(web.url);
    const email = 'association@demo.tupu.local';
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill('wrong password');
    const signInButton = page.getByRole('button', { name: '登录' });
    const statuses: number[] = [];
    // five wrong passwords are free; the sixth try waits a second, and the wait doubles with each failure, so a
    // slow machine may get one or two more 401s before its 429
    for (let i = 0; i < 9 && statuses.at(-1) !== 429; i++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
      await signInButton.click();
      statuses.push((await answer).status());
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
    expect(await signInButton.isDisabled()).toBe(true);
    // the countdown ends by itself and the button comes back
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(0);
    expect(await signInButton.isDisabled()).toBe(false);

    // someone has failed fourteen times from this address: the next try waits 512 seconds, the right password too
    await web.server.database.db.execute(
      sql`update sign_in_failures set failures = 14, blocked_until = now() + interval '512 seconds'
          where scope = 'pair' and email = ${email}`,
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await answer).status()).toBe(429);
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Too many failed attempts; please try again in 8 min (2\d|3[0-2]) s$/);
    const first = await alert.textContent();
    await expect.poll(() => alert.textContent(), { timeout: 5_000 }).not.toBe(first);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/^尝试次数过多，请 8 分 \d+ 秒后再试$/);
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);
    await page.close();
  });
});
