import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

describe('组织与成员: the region admin renames and deletes organisations and resets a password', () => {
  // the demo CIO's assessments and plan keep the machinery maker from being deleted
  const web = useWebTest({ demoContent: true });

  it('renames a child and its own organisation, deletes only an empty child, and shows a reset password once', async () => {
    const page = await web.signedInPage('region@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/organisation`);
    const organisations = page.getByTestId('organisations-table');
    await expect.poll(() => organisations.textContent()).toContain('锦华纺织科技有限公司（演示）');
    const row = (name: string) => organisations.getByRole('row').filter({ hasText: name });

    // rename a child organisation; a sibling's name is refused in words
    await row('锦华').getByRole('button', { name: '重命名' }).click();
    const rename = page.getByRole('dialog', { name: '重命名组织' });
    await rename.getByLabel('名称').fill('江川新材料化工有限公司（演示）');
    await rename.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => rename.getByRole('alert').textContent()).toContain('同一上级下已有同名组织');
    await rename.getByLabel('名称').fill('锦华纺织（已改名）');
    await rename.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => rename.isVisible()).toBe(false);
    await expect.poll(() => organisations.textContent()).toContain('锦华纺织（已改名）');

    // rename its own organisation from the members card's title
    await page.getByRole('button', { name: '重命名组织' }).click();
    await rename.getByLabel('名称').fill('示范市经信局（演示）');
    await rename.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('示范市经信局（演示） 的成员').isVisible()).toBe(true);

    // a child with assessments and a plan is refused, saying what it holds; an empty one goes
    await row('明远').getByRole('button', { name: '删除' }).click();
    await page.getByRole('tooltip').filter({ visible: true }).getByRole('button', { name: '删除' }).click();
    const refused = page.getByText(/明远精密机械有限公司（演示） 还有.*次评估.*份规划，不能删除/);
    await expect.poll(() => refused.isVisible()).toBe(true);
    // the confirmation closes (it fades out, so wait until it is gone before opening the next one)
    await expect.poll(() => page.getByRole('tooltip').filter({ visible: true }).count()).toBe(0);
    expect(await organisations.textContent()).toContain('明远精密机械有限公司（演示）');

    await row('江川').getByRole('button', { name: '删除' }).click();
    await page.getByRole('tooltip').filter({ visible: true }).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => organisations.textContent()).not.toContain('江川新材料化工有限公司（演示）');

    // reset the CIO's password: confirmed, then shown once
    await row('明远').getByRole('link', { name: '管理成员' }).click();
    const members = page.getByTestId('members-table');
    await expect.poll(() => members.textContent()).toContain('cio@demo.tupu.local');
    await members
      .getByRole('row')
      .filter({ hasText: 'cio@' })
      .getByRole('button', { name: '重置密码' })
      .click();
    await page
      .getByRole('tooltip')
      .filter({ visible: true })
      .getByRole('button', { name: '重置密码' })
      .click();
    const shown = page.getByRole('dialog', { name: '重置后的一次性密码' });
    await expect.poll(() => shown.isVisible()).toBe(true);
    const password = (await shown.getByTestId('one-time-password').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await expect.poll(() => members.textContent()).toContain('待修改初始密码');

    const signIn = await page.request.post(`${web.url}/api/auth/sign-in`, {
      data: { email: 'cio@demo.tupu.local', password },
    });
    expect(signIn.status()).toBe(200);
    await page.close();
  });
});
