import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

describe('组织与成员: the region admin sets up a pilot enterprise and its first user', () => {
  const web = useWebTest();

  it('creates an enterprise, invites a user with a one-time link shown once; the new user accepts it and appears in members', async () => {
    const page = await web.signedInPage('region@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    await page.goto(web.url);

    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '组织与成员' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '组织与成员' }).isVisible()).toBe(true);
    const organisations = page.getByTestId('organisations-table');
    await expect.poll(() => organisations.textContent()).toContain('明远精密机械有限公司（演示）');

    await page.getByRole('button', { name: '新建组织' }).click();
    const create = page.getByRole('dialog', { name: '新建组织' });
    await create.getByLabel('名称').fill('示范试点企业乙');
    await create.getByLabel('行政区划代码（可选）').fill('12345');
    await create.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => create.getByText('应为 6 位数字').isVisible()).toBe(true);
    await create.getByLabel('行政区划代码（可选）').fill('990100');
    await create.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => create.isVisible()).toBe(false);
    const row = organisations.getByRole('row').filter({ hasText: '示范试点企业乙' });
    await expect.poll(() => row.textContent()).toContain('企业');

    await row.getByRole('link', { name: '示范试点企业乙' }).click();
    await expect.poll(() => page.getByText('示范试点企业乙 的成员').isVisible()).toBe(true);
    await page.getByRole('button', { name: '邀请成员' }).click();
    const invite = page.getByRole('dialog', { name: '邀请成员' });
    await invite.getByLabel('邮箱').fill('lead@pilot-b.example');
    await invite.getByRole('button', { name: '邀请' }).click();

    const shown = page.getByRole('dialog', { name: '邀请已生成' });
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain('只显示这一次');
    const link = (await shown.getByTestId('invitation-link').textContent()) ?? '';
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await expect.poll(() => shown.isVisible()).toBe(false);

    // nobody is a member yet: the invitation waits, the first one as administrator
    const pending = page.getByTestId('pending-invitations');
    await expect.poll(() => pending.textContent()).toContain('lead@pilot-b.example');
    expect(await pending.textContent()).toContain('管理员');
    const members = page.getByTestId('members-table');
    expect(await members.textContent()).not.toContain('lead@pilot-b.example');

    // the invitee, new to Tupu, opens the link, chooses a name and password, and lands signed in
    const other = await web.browser.newContext({ viewport: { width: 768, height: 900 } });
    const invitee = await other.newPage();
    await invitee.goto(link);
    const card = invitee.getByTestId('invitation-page');
    await expect.poll(() => card.textContent()).toContain('示范试点企业乙');
    await card.getByRole('tab', { name: '我是新用户' }).click();
    const form = card.getByRole('tabpanel', { name: '我是新用户' });
    await form.getByLabel('姓名').fill('赵工');
    await form.getByLabel('设置密码（至少 10 个字符）').fill('zhao-password-2026');
    await form.getByLabel('再次输入密码').fill('zhao-password-2026');
    await form.getByRole('button', { name: '接受邀请' }).click();
    await expect.poll(() => invitee.getByText('您好').first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(invitee.url()).pathname).toBe('/');
    await other.close();

    await page.reload();
    await expect.poll(() => members.textContent()).toContain('lead@pilot-b.example');
    expect(await members.getByRole('row').filter({ hasText: '赵工' }).textContent()).toContain('管理员');
    expect(await members.textContent()).not.toContain('待修改初始密码');
    expect(await page.getByTestId('pending-invitations').count()).toBe(0);
    await page.close();
  });

  it('hides the page from the navigation of an editor', async () => {
    const page = await web.signedInPage('consultant@demo.tupu.local', {
      viewport: { width: 768, height: 900 },
    });
    // the consultant administers the provider: the entry is there
    await page.goto(`${web.url}/`);
    const nav = page.getByRole('navigation', { name: 'main' });
    await expect.poll(() => nav.locator('a[href="/organisation"]').count()).toBe(1);
    // acting for the machinery maker, where they are an editor, it is not
    const me = (await (await page.request.get(`${web.url}/api/auth/me`)).json()) as {
      memberships: { orgId: string; orgName: string }[];
    };
    const machinery = me.memberships.find((m) => m.orgName.startsWith('明远'));
    await page.request.post(`${web.url}/api/auth/organisation`, { data: { orgId: machinery?.orgId } });
    await page.goto(`${web.url}/`);
    await expect.poll(() => nav.locator('a[href="/plan"]').count()).toBe(1);
    expect(await nav.locator('a[href="/organisation"]').count()).toBe(0);
    await page.close();
  });
});
