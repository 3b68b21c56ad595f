import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

interface Plan {
  id: string;
  assessmentId: string | null;
  gaps: { name: string }[];
  initiatives: { id: string; reasons: { kind: string; ref?: string }[] }[];
}

/**
 * The diagnosis path's items ticked into the next plan (issue #12): the CIO ticks two items of the path to the next
 * level on the result of the demo's submitted diagnosis, makes a plan from them, and the new plan's candidates from
 * diagnosis gaps are those two items' scenarios only.
 */
describe('a plan from the ticked gaps of a diagnosis', () => {
  const web = useWebTest({ demoContent: true });

  for (const lang of ['zh', 'en'] as const)
    it(`ticks two path items on the result page and the new plan takes only them (${lang}, 768 px)`, async () => {
      const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 768, height: 1024 } });
      await page.addInitScript(`localStorage.setItem('tupu.lang', ${JSON.stringify(lang)})`);
      const assessments = (await (await page.request.get(`${web.url}/api/assessments`)).json()) as {
        id: string;
        status: string;
      }[];
      const submitted = assessments.find((a) => a.status === 'submitted');
      expect(submitted).toBeTruthy();
      await page.goto(`${web.url}/diagnose/${submitted?.id}/result`);

      const path = page.getByTestId('next-level');
      const boxes = path.locator('input[data-testid="tick-gap"]:not([disabled])');
      await expect.poll(() => boxes.count()).toBeGreaterThan(2);
      const button = page.getByTestId('plan-from-gaps');
      expect(await button.textContent()).toBe(
        lang === 'zh' ? '以这些差距制定转型规划' : 'Make a transformation plan from these gaps',
      );
      await boxes.nth(0).check();
      await boxes.nth(2).check();
      const names: string[] = [];
      for (const box of await path.locator('input[data-testid="tick-gap"]:checked').all())
        names.push((await box.getAttribute('data-gap')) ?? '');
      expect(names).toHaveLength(2);
      expect(await button.textContent()).toBe(
        lang === 'zh' ? '以勾选的 2 项制定转型规划' : 'Make a transformation plan from the 2 ticked',
      );

      await button.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/plan/new');
      expect(new URL(page.url()).searchParams.getAll('gap')).toEqual(names);
      const next = page.getByRole('button', { name: lang === 'zh' ? '下一步' : 'Next' });
      await next.click();
      await next.click();
      await expect.poll(() => page.getByTestId('ticked-gaps').isVisible()).toBe(true);
      expect(await page.getByTestId('ticked-gaps').textContent()).toContain(
        lang === 'zh' ? '勾选的 2 项差距' : 'the 2 gaps ticked',
      );
      await page.screenshot({ path: `/tmp/shots-polish/plan-new-ticked-${lang}-768.png`, fullPage: true });
      await next.click();
      await page.getByRole('button', { name: lang === 'zh' ? '创建规划' : 'Create plan' }).click();
      await expect.poll(() => /^\/plan\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname)).toBe(true);

      const id = new URL(page.url()).pathname.split('/').pop() ?? '';
      const plan = (await (await page.request.get(`${web.url}/api/plans/${id}`)).json()) as Plan;
      expect(plan.assessmentId).toBe(submitted?.id);
      // gaps[] and the path name an item each: the plan keeps both entries, of the ticked names only
      expect([...new Set(plan.gaps.map((g) => g.name))].sort()).toEqual([...names].sort());
      const gapRefs = new Set(
        plan.initiatives.flatMap((i) => i.reasons.filter((r) => r.kind === 'gap').map((r) => r.ref)),
      );
      expect([...gapRefs].sort()).toEqual([...names].sort());

      // the same diagnosis without ticks: every gap, more of them
      const result = (await (
        await page.request.get(`${web.url}/api/assessments/${submitted?.id}/result`)
      ).json()) as {
        result: { gaps: { name: string; scenarios: string[] }[] };
      };
      const withScenarios = new Set(
        result.result.gaps.filter((g) => g.scenarios.length > 0).map((g) => g.name),
      );
      expect(withScenarios.size).toBeGreaterThan(2);
      await page.close();
    });
});
