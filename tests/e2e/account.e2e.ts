import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

describe('account: change password, switch organisation', () => {
  const web = useWebTest();

  it('refuses a mismatched confirmation, a wrong current password and a weak one, then changes it and ends the other sessions', async () => {
    const elsewhere = await web.signedInPage('consultant@demo.tupu.local', {});
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
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('当前密码不正确');

    // the policy's refusal, rule by rule, in the user's language
    await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill('1234567890');
    await dialog.getByLabel('确认新密码').fill('1234567890');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('新密码不符合密码规则：这是最常见的密码之一，攻击者会最先尝试');

    await dialog.getByLabel('新密码', { exact: true }).fill('a-new-password-123');
    await dialog.getByLabel('确认新密码').fill('a-new-password-123');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByText('密码已修改，您在其他设备上的登录已全部退出').isVisible())
      .toBe(true);
    // the session in the other browser has ended; this one goes on
    expect((await elsewhere.request.get(`${web.url}/api/auth/me`)).status()).toBe(401);
    expect((await page.request.get(`${web.url}/api/auth/me`)).status()).toBe(200);
    await elsewhere.close();

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

  it('shows a user with a one-time password only the page to choose their own, in Chinese and English', async () => {
    const cio = await web.signedInPage('cio@demo.tupu.local', {});
    const me = (await (await cio.request.get(`${web.url}/api/auth/me`)).json()) as {
      organisation: { orgId: string };
    };
    // members are invited and accept; a reset by the CIO then gives the new colleague a one-time password
    const orgUrl = `${web.url}/api/organisations/${me.organisation.orgId}`;
    const invited = await cio.request.post(`${orgUrl}/invitations`, {
      data: { email: 'new.colleague@mingyuan.example', role: 'viewer' },
    });
    expect(invited.status()).toBe(202);
    const { code } = (await invited.json()) as { code: string };
    const accepted = await cio.request.post(`${web.url}/api/invitations/by-code/accept`, {
      data: { code, displayName: '王新', password: 'lantern-harbour-quietly-7' },
    });
    expect(accepted.status()).toBe(200);
    const members = (await (await cio.request.get(`${orgUrl}/members`)).json()) as {
      members: { userId: string; email: string }[];
    };
    const colleague = members.members.find((m) => m.email === 'new.colleague@mingyuan.example');
    const reset = await cio.request.post(`${orgUrl}/members/${colleague?.userId ?? ''}/password-reset`);
    expect(reset.status()).toBe(200);
    const { oneTimePassword } = (await reset.json()) as { oneTimePassword: string };
    await cio.close();

    const page = await web.browser.newPage({ viewport: { width: 768, height: 900 } });
    await page.goto(web.url);
    await page.getByLabel('邮箱').fill('new.colleague@mingyuan.example');
    await page.getByLabel('密码').fill(oneTimePassword);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '请设置您自己的密码' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);
    expect((await page.request.get(`${web.url}/api/assessments`)).status()).toBe(403);

    await page.getByLabel('一次性密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill('new.colleague@mingyuan.example');
    await page.getByLabel('确认新密码').fill('new.colleague@mingyuan.example');
    await page.getByRole('button', { name: '保存新密码' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '密码规则' });
    await expect.poll(() => alert.textContent()).toContain('不能是您的邮箱或姓名');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'password rules' }).textContent())
      .toContain('It cannot be your email or your name, nor a close variant of them');

    await page.getByLabel('New password', { exact: true }).fill('Lantern-Orchid-Velvet-42');
    await page.getByLabel('Confirm new password').fill('Lantern-Orchid-Velvet-42');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'main' }).count()).toBe(1);
    expect((await page.request.get(`${web.url}/api/assessments`)).status()).toBe(200);
    await page.close();
  });
});
