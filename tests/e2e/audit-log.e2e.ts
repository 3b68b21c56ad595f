import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

describe('审计日志: an administrator reads the organisation’s audit trail', () => {
  // the demo content is written through the API as the demo CIO: assessments, answers and a plan
  const web = useWebTest({ demoContent: true });

  it('opens from the admin menu, filters by action, and opens an entry to its before and after', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/organisation`);
    const nav = page.getByRole('navigation', { name: 'main' });
    await nav.getByRole('link', { name: '审计日志' }).click();
    await expect.poll(() => page.url()).toContain('/organisation/audit');
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('创建诊断');
    expect(await table.textContent()).toContain('林晓（首席信息官）');
    // the menu marks the audit log, not 组织与成员
    expect(await nav.locator('.ant-menu-item-selected').textContent()).toContain('审计日志');

    // only the answer saves, then the newest one opened: the items it saved, after
    await page.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '保存答案' }).click();
    await expect.poll(() => table.locator('[data-action]').allTextContents()).not.toContain('创建诊断');
    const actions: (string | null)[] = [];
    for (const cell of await table.locator('[data-action]').all())
      actions.push(await cell.getAttribute('data-action'));
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['assessment.answer.save']));
    await table
      .getByRole('button', { name: /展开|Expand/ })
      .first()
      .click();
    const diff = page.getByTestId('audit-diff').first();
    await expect.poll(() => diff.textContent()).toContain('改动后');
    expect(await diff.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('refuses a member who is not an administrator', async () => {
    const page = await web.signedInPage('consultant@demo.tupu.local', {
      viewport: { width: 1280, height: 900 },
    });
    // the consultant's session acts for the provider they administer: switch to the enterprise they edit for
    const me = await page.request.get(`${web.url}/api/auth/me`);
    expect(me.ok()).toBe(true);
    const orgs = (await me.json()) as { memberships: { orgId: string; role: string }[] };
    const editorOf = orgs.memberships.find((m) => m.role === 'editor');
    expect(editorOf).toBeDefined();
    const switched = await page.request.post(`${web.url}/api/auth/organisation`, {
      data: { orgId: editorOf!.orgId },
    });
    expect(switched.ok(), await switched.text()).toBe(true);
    await page.goto(`${web.url}/organisation/audit`);
    await expect.poll(() => page.getByText('您没有权限执行此操作').isVisible()).toBe(true);
    expect(
      await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '审计日志' }).count(),
    ).toBe(0);
    await page.close();
  });
});
