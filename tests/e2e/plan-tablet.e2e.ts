import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

/**
 * The candidates table per width (issue #12): a tablet sees what a plan is weighed by (NPV and IRR included), is told
 * which columns are not shown, and can show them all, the table then saying that it scrolls sideways.
 */
describe('plan candidates on a tablet', () => {
  const web = useWebTest({ demoContent: true });

  it('shows scenario, build cost, duration, NPV and IRR at 768 px, names the rest, and shows all on demand', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 768, height: 1024 } });
    const plans = (await (await page.request.get(`${web.url}/api/plans`)).json()) as {
      plans: { id: string }[];
    };
    await page.goto(`${web.url}/plan/${plans.plans[0]?.id}?tab=candidates`);
    const table = page.getByTestId('plan-candidates');
    await expect
      .poll(() => table.locator('tr[data-row-key]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const headers = async () =>
      (await table.locator('thead th').allTextContents()).map((h) => h.trim()).filter((h) => h !== '');
    expect(await headers()).toEqual(['场景', '建设投入', '工期（期）', '净现值', '内部收益率']);
    const note = page.getByTestId('candidates-columns');
    expect(await note.textContent()).toMatch(/^按屏幕宽度，未显示：年运维.*必选。$/u);

    await page.getByRole('button', { name: '显示全部列' }).click();
    await expect.poll(async () => (await headers()).length).toBeGreaterThan(10);
    expect(await headers()).toContain('年运维');
    expect(await note.textContent()).toBe('显示全部列：表格可左右滑动 →');
    await page.getByRole('button', { name: '只显示主要列' }).click();
    await expect.poll(async () => (await headers()).length).toBe(5);
    await page.close();
  });
});
