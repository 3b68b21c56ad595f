import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

describe('account: change password, switch organisation', () => {
  const web = useWebTest();

  it('refuses a mismatched confirmation and a wrong current password, then changes it', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(web.url);
    await page.getByLabel('邮箱').fill('consultant@demo.tupu.local');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('not the password');
    await dialog.getByLabel('新密码', { exact: true }).fill('a-new-password-123');
    await dialog.getByLabel('确认新密码').fill('a-different-one-123');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('两次输入的新密码不一致').isVisible()).toBe(true);

    await dialog.getByLabel('确认新密码').fill('a-new-password-123');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('The current password is wrong');

    await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('密码已修改').isVisible()).toBe(true);

    const oldSignIn = await page.request.post(`${web.url}/api/auth/sign-in`, {
      data: { email: 'consultant@demo.tupu.local', password: DEMO_PASSWORD },
    });
    expect(oldSignIn.status()).toBe(401);
    const newSignIn = await page.request.post(`${web.url}/api/auth/sign-in`, {
      data: { email: 'consultant@demo.tupu.local', password: 'a-new-password-123' },
    });
    expect(newSignIn.status()).toBe(200);
    await page.close();
  });

  it('lets the consultant switch to an enterprise they serve, and the shell follows', async () => {
    const page = await web.signedInPage(
      'consultant@demo.tupu.local',
      { viewport: { width: 1280, height: 900 } },
      'a-new-password-123',
    );
    await page.goto(`${web.url}/diagnose`);
    const select = page.getByTestId('organisation-switch');
    await expect.poll(() => select.textContent()).toContain('启明数字化服务有限公司');
    await select.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '锦华纺织' }).click();
    await expect.poll(() => select.textContent()).toContain('锦华纺织科技有限公司');
    expect(new URL(page.url()).pathname).toBe('/');
    const me = (await (await page.request.get(`${web.url}/api/auth/me`)).json()) as {
      organisation: { orgName: string; role: string };
    };
    expect(me.organisation).toMatchObject({ orgName: '锦华纺织科技有限公司（演示）', role: 'editor' });
    await page.close();
  });
});
