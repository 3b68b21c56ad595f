import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

/**
 * Every page, visited as a user does, logs nothing to the console: no failed request (Chromium logs a 401 or 500 as
 * a console error), no React warning raised to an error, no uncaught exception (such as a chart drawing after its
 * page has gone).
 */
describe('console errors', () => {
  const web = useWebTest({ demoContent: true });

  /** Everything the page logs as an error, with where it was. */
  function collectErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error at ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught at ${page.url()}: ${error.message}`));
    return errors;
  }

  /** Wait until `ready` is visible and the page's requests have settled, so that late errors are caught too. */
  async function settled(page: Page, ready: Locator): Promise<void> {
    await expect.poll(() => ready.isVisible(), { timeout: 20_000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  }

  it('the sign-in page, signed out, logs no error (the session probe answers 200)', async () => {
    const page = await web.browser.newPage({ viewport: { width: 768, height: 1024 } });
    const errors = collectErrors(page);
    await page.goto(web.url);
    await settled(page, page.getByRole('button', { name: '登录' }));
    await page.reload();
    await settled(page, page.getByRole('button', { name: '登录' }));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every page of the demo CIO, and leaving each for the next, logs no error', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const assessments = (await (await page.request.get(`${web.url}/api/assessments`)).json()) as {
      id: string;
    }[];
    const plans = (await (await page.request.get(`${web.url}/api/plans`)).json()) as {
      plans: { id: string }[];
    };
    const assessmentId = assessments[0]?.id;
    const planId = plans.plans[0]?.id;
    expect(assessmentId).toBeTruthy();
    expect(planId).toBeTruthy();
    const nav = page.getByRole('navigation', { name: 'main' });

    await page.goto(web.url);
    await settled(page, page.getByTestId('home-standing'));

    // the atlas graph, drawn, then left by the menu (its chart is disposed while ECharts may still be drawing)
    await nav.getByRole('link', { name: '图谱' }).click();
    await settled(page, page.locator('[data-testid="atlas-graph"][data-ready="true"]'));
    await page.goto(`${web.url}/atlas/table`);
    await settled(page, page.getByTestId('atlas-table').locator('tr[data-row-key]').first());
    await page.getByTestId('atlas-table').locator('tr[data-row-key]').first().click();
    await settled(page, page.getByText('GEN-RD-01').first());
    // leave the graph at once, before it has finished
    await page.goto(`${web.url}/atlas`);
    await nav.getByRole('link', { name: '诊断' }).click();

    await settled(page, page.getByText('2025年度中小企业数字化水平自评'));
    await page.goto(`${web.url}/diagnose/${assessmentId}/result`);
    await settled(page, page.locator('[data-testid="radar"][data-ready="true"]'));
    await page.goto(`${web.url}/diagnose/${assessmentId}`);
    await settled(page, page.getByText('2026年度中小企业数字化水平自评').first());

    await nav.getByRole('link', { name: '规划' }).click();
    await settled(page, page.getByText(/\d{4}—\d{4} 数字化转型规划（演示）/).first());
    await page.goto(`${web.url}/plan/${planId}`);
    await settled(page, page.getByText(/\d{4}—\d{4} 数字化转型规划（演示）/).first());
    await page.goto(`${web.url}/plan/new`);
    await settled(page, page.getByRole('button', { name: '下一步' }));

    await nav.getByRole('link', { name: '组织与成员' }).click();
    await settled(page, page.getByText('明远精密机械有限公司（演示）').first());
    // 实施: the plan's projects made from its roadmap, the list, the board, the plan's delivery, a project's tabs
    await page.goto(`${web.url}/plan/${planId}?tab=roadmap`);
    await settled(page, page.getByTestId('plan-projects-card'));
    await page.getByTestId('create-projects').click();
    await settled(page, page.getByTestId('plan-projects-link'));
    await nav.getByRole('link', { name: '实施' }).click();
    await settled(page, page.getByTestId('deliver-table').getByRole('link').first());
    await page.getByText('看板', { exact: true }).click();
    await settled(page, page.getByTestId('deliver-board'));
    await page.goto(`${web.url}/deliver/plans/${planId}`);
    await settled(page, page.locator('[data-testid="plan-rollup-chart"][data-ready="true"]'));
    await page.locator('.tupu-shell-content table').first().getByRole('link').first().click();
    await settled(page, page.locator('[data-testid="milestone-timeline"][data-ready="true"]'));
    for (const tab of ['成本', '阶段关口', '监督检查', '团队', '变更记录']) {
      await page.getByRole('tab', { name: tab }).click();
      await settled(page, page.getByRole('tab', { name: tab, selected: true }));
    }
    // leave a chart page at once, before it has finished
    await page.getByRole('tab', { name: '成本' }).click();
    await nav.getByRole('link', { name: '评估' }).click();
    await settled(page, page.getByTestId('kpi-table'));

    expect(errors).toEqual([]);
    await page.close();
  });
});
