import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanSummary, PlanView } from '../../src/contracts/planning.ts';
import { useWebTest } from '../support/web-test.ts';

/** The name an editor saved in the demo: an image whose error handler would run script as whoever hovers. */
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** Move the mouse over the chart on a grid until its tooltip shows `text`; the tooltip's text, or null. */
async function hoverUntilTooltip(page: Page, testId: string, text: RegExp): Promise<string | null> {
  const chart = page.getByTestId(testId);
  const box = await chart.boundingBox();
  if (!box) throw new Error(`${testId} is not on the page`);
  const tooltip = chart.locator('div').filter({ hasText: text });
  for (let y = 12; y < box.height - 20; y += 10) {
    for (let x = box.width * 0.2; x < box.width - 16; x += 14) {
      await page.mouse.move(box.x + x, box.y + y);
      if ((await tooltip.count()) > 0 && (await tooltip.last().isVisible()))
        return tooltip.last().textContent();
    }
  }
  return null;
}

describe('stored XSS through an initiative name in the roadmap Gantt', () => {
  const web = useWebTest({ demoContent: true });

  it('shows a hostile initiative name as text in the bar tooltip and runs nothing', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // as the editor did: save the name through the API, then optimise
    const { plans } = (await (await page.request.get(`${web.url}/api/plans`)).json()) as {
      plans: PlanSummary[];
    };
    const id = plans[0]?.id;
    if (!id) throw new Error('the demo CIO has no plan');
    const plan = (await (await page.request.get(`${web.url}/api/plans/${id}`)).json()) as PlanView;
    const initiatives = plan.initiatives.map(({ benefit: _b, appraisal: _a, ...i }) => ({
      ...i,
      name: { zh: `${HOSTILE}${i.id}`, en: `${HOSTILE}${i.id}` },
    }));
    const saved = await page.request.patch(`${web.url}/api/plans/${id}`, {
      data: { version: plan.version, initiatives },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const solved = await page.request.post(`${web.url}/api/plans/${id}/solve`, {
      data: { timeLimitSeconds: 10 },
      timeout: 60_000,
    });
    expect(solved.status(), await solved.text()).toBe(200);

    // as the admin did: open the roadmap and hover the bars
    await page.goto(`${web.url}/plan/${id}?tab=roadmap`);
    const gantt = page.getByTestId('plan-gantt');
    await expect.poll(() => gantt.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    const scheduled = (
      (await (await page.request.get(`${web.url}/api/plans/${id}`)).json()) as PlanView
    ).solution?.result.schedule.map((s) => s.id);
    expect(scheduled?.length, 'initiatives on the roadmap').toBeGreaterThan(0);
    const tooltip = await hoverUntilTooltip(page, 'plan-gantt', new RegExp((scheduled ?? []).join('|')));
    expect(tooltip, 'a bar tooltip naming the initiative').toContain(HOSTILE);

    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
