import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';

const CONSULTANT = 'consultant@demo.tupu.local';
const CLIENT = '华东精密铸造有限公司（演示客户）';
const UNDIAGNOSED = '北辰电子元件有限公司（演示客户）';

describe('企业总览: the service provider sees the enterprises it serves on its home page', () => {
  const web = useWebTest();

  /** The page's JSON answer to one API call (through the page's own session), failing on an error status. */
  const call = async (page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: object) => {
    const res = await page.request.fetch(`${web.url}${path}`, { method, ...(data ? { data } : {}) });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    // the consultant's provider takes on two clients, joins one and submits its first diagnosis
    const page = await web.signedInPage(CONSULTANT, {});
    const me = (await call(page, 'GET', '/api/auth/me')) as { organisation: { orgId: string } };
    const client = await call(page, 'POST', '/api/organisations', { kind: 'enterprise', name: CLIENT });
    await call(page, 'POST', '/api/organisations', { kind: 'enterprise', name: UNDIAGNOSED });
    const clientId = String(client.id);
    const invited = await call(page, 'POST', `/api/organisations/${clientId}/invitations`, {
      email: CONSULTANT,
      role: 'editor',
    });
    await call(page, 'POST', '/api/invitations/by-code/accept', {
      code: invited.code,
      password: DEMO_PASSWORD,
    });
    await call(page, 'POST', '/api/auth/organisation', { orgId: clientId });
    const assessment = await call(page, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '首次诊断',
    });
    await call(page, 'PUT', `/api/assessments/${String(assessment.id)}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'C', 设备数字化: 55 },
    });
    await call(page, 'POST', `/api/assessments/${String(assessment.id)}/submit`, {});
    await call(page, 'POST', '/api/auth/organisation', { orgId: me.organisation.orgId });
    await page.close();
  });

  /** Whether the page itself has no horizontal scroll (the table may scroll inside itself). */
  const noPageScroll = (page: Page) =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

  it('shows the table in Chinese at tablet width, searches by name, and opens the diagnosis in the enterprise', async () => {
    const page = await web.signedInPage(CONSULTANT, {
      viewport: { width: 768, height: 1000 },
      locale: 'zh-CN',
    });
    await page.goto(web.url);
    await expect.poll(() => page.getByRole('heading', { name: '企业总览' }).isVisible()).toBe(true);
    const table = page.getByTestId('portfolio-table');
    await expect.poll(() => table.textContent()).toContain(CLIENT);
    const row = table.getByRole('row').filter({ hasText: CLIENT });
    expect(await row.textContent()).toContain('未达一级');
    expect(await row.textContent()).toContain('/ 100');
    expect(await table.getByRole('row').filter({ hasText: UNDIAGNOSED }).textContent()).toContain('尚未诊断');
    expect(await page.getByTestId('portfolio-stats').textContent()).toContain('已提交诊断');
    expect(await noPageScroll(page)).toBe(true);

    await page.getByRole('searchbox', { name: '按企业名称搜索' }).fill('北辰');
    await expect.poll(() => table.textContent()).not.toContain(CLIENT);
    expect(await table.textContent()).toContain(UNDIAGNOSED);
    await page.getByRole('searchbox', { name: '按企业名称搜索' }).fill('');
    await expect.poll(() => table.textContent()).toContain(CLIENT);

    // the consultant is a member of the client: the score opens the result, acting for the client
    await row.getByRole('button', { name: /\/ 100/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/diagnose\/[0-9a-f-]+\/result$/);
    await expect.poll(() => page.getByText('诊断结果').first().isVisible()).toBe(true);
    const me = await page.request.get(`${web.url}/api/auth/me`);
    expect(((await me.json()) as { organisation: { orgName: string } }).organisation.orgName).toBe(CLIENT);
    await page.close();
  });

  it('shows the table in English', async () => {
    const page = await web.signedInPage(CONSULTANT, {
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    await page.addInitScript(`localStorage.setItem('tupu.lang', 'en')`);
    await page.goto(web.url);
    // a new sign-in acts for the consultant's first organisation, the provider, again
    await expect
      .poll(() => page.getByRole('heading', { name: 'Enterprise portfolio' }).isVisible())
      .toBe(true);
    const table = page.getByTestId('portfolio-table');
    await expect.poll(() => table.textContent()).toContain(CLIENT);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Latest diagnosis');
    expect(text).toContain('below level 1');
    expect(text).toContain('Not diagnosed yet');
    expect(await noPageScroll(page)).toBe(true);
    await page.close();
  });
});
