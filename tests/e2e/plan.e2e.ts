import { describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../support/browser.ts';
import { useWebTest } from '../support/web-test.ts';

describe('plan pages', () => {
  const web = useWebTest();

  it('the demo CIO creates a plan from a few pain points, optimises it and sees the Gantt roadmap, status 最优', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 768, height: 1024 } });
    await page.goto(web.url);

    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '规划' }).click();
    await page.getByRole('button', { name: '新建规划' }).click();

    // profile: a 小巨人 gets the 梯次 strategy
    await expect.poll(() => page.getByTestId('plan-strategy').textContent()).toContain('梯次');
    await page.getByRole('button', { name: '下一步' }).click();

    // pain points, grouped by category
    for (const id of ['unplanned-downtime', 'schedule-disruption', 'manual-finance'])
      await page.getByTestId(`pain-${id}`).click();
    await expect.poll(() => page.getByText('已选 3 个痛点').isVisible()).toBe(true);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    // settings: the plan starts in 2028 (the quarter of the default start is the one after today's)
    await page.getByLabel('开始季度 · year').fill('2028');
    await page.getByRole('button', { name: '创建规划' }).click();

    // candidates with their default origins
    const table = page.getByTestId('plan-candidates');
    await expect.poll(() => table.getByText('GEN-OM-01').first().isVisible(), { timeout: 15_000 }).toBe(true);
    // on a tablet the columns of default numbers (people, success) are behind 显示全部列 (column priority)
    await page.getByRole('button', { name: '显示全部列' }).click();
    await expect.poll(() => table.getByText('默认值').first().isVisible()).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);

    // optimise → roadmap
    await page.getByRole('tab', { name: '路线图' }).click();
    await page.getByTestId('plan-optimise').click();
    await expect.poll(() => page.getByTestId('plan-status').textContent(), { timeout: 60_000 }).toBe('最优');
    const gantt = page.getByTestId('plan-gantt');
    await expect.poll(() => gantt.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByTestId('plan-budget').isVisible()).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    // the roadmap runs in real quarters from the start chosen, not 第1期…第8期
    const horizon = (await page.getByTestId('plan-horizon').textContent()) ?? '';
    expect(horizon).toMatch(/^规划期 2028年Q[1-4]—20(28|29|30)年Q[1-4]（\d+ 期）$/u);
    expect(horizon).not.toContain('第');

    // the plan is listed
    await page.getByRole('link', { name: '转型规划' }).click();
    await expect.poll(() => page.getByText('数字化转型规划').first().isVisible()).toBe(true);
  });
});
