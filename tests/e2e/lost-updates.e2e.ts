import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../src/contracts/planning.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';
import { useWebTest } from '../support/web-test.ts';

/** Where the dialog's screenshots go, to look at (TUPU_SCREENSHOTS, else the OS temp folder). */
const SHOTS = process.env.TUPU_SCREENSHOTS ?? join(process.env.TMPDIR ?? '/tmp', 'tupu-lost-updates');

const SAVE = { zh: '保存假设', en: 'Save assumptions' } as const;
const MESSAGE = {
  zh: '在您打开之后，其他人修改了此内容',
  en: 'Someone else changed this since you opened it',
} as const;

/** Two browsers edit the same initiative of one plan: the later save does not erase the earlier one. */
describe('lost updates in the plan page', () => {
  const web = useWebTest();

  const openCandidates = async (lang: 'zh' | 'en', width: number, planId: string): Promise<Page> => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width, height: 900 } });
    await page.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
    await page.goto(`${web.url}/plan/${planId}?tab=candidates`);
    await expect.poll(() => page.getByTestId('plan-candidates').isVisible(), { timeout: 15_000 }).toBe(true);
    return page;
  };
  const setCapex = async (page: Page, id: string, value: number) => {
    const input = page.getByTestId(`capex-${id}`);
    await input.fill(String(value));
    await input.press('Tab');
  };
  const capexShown = (page: Page, id: string) => page.getByTestId(`capex-${id}`).inputValue();

  for (const [lang, width] of [
    ['zh', 1280],
    ['en', 1280],
    ['zh', 768],
    ['en', 768],
  ] as const) {
    it(`${lang} at ${width} px: the second save of the same initiative opens the dialog; Reload shows the first's change`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const api = await web.signedInPage('cio@demo.tupu.local', {});
      const created = await api.request.post(`${web.url}/api/plans`, { data: DEMO_PLAN_REQUEST });
      expect(created.status()).toBe(201);
      const plan = (await created.json()) as PlanView;
      const id = plan.initiatives[0]!.id;
      const start = plan.initiatives[0]!.capex;

      const alice = await openCandidates(lang, width, plan.id);
      const bob = await openCandidates(lang, width, plan.id);

      await setCapex(alice, id, start + 11);
      await alice.getByRole('button', { name: SAVE[lang] }).click();
      await expect
        .poll(async () => {
          const now = await api.request.get(`${web.url}/api/plans/${plan.id}`);
          return ((await now.json()) as PlanView).initiatives[0]!.capex;
        })
        .toBe(start + 11);

      await setCapex(bob, id, start + 22);
      await bob.getByRole('button', { name: SAVE[lang] }).click();
      const dialog = bob.getByTestId('stale-version-dialog');
      await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await dialog.textContent()).toContain(MESSAGE[lang]);
      expect(await dialog.textContent()).toContain(id);
      // the field both changed, both values shown to pick from
      const conflict = bob.getByTestId(`stale-conflict-${id}|capex`);
      expect(await conflict.textContent()).toContain(String(start + 11));
      expect(await conflict.textContent()).toContain(String(start + 22));
      await bob.waitForTimeout(400); // the modal's opening animation
      await bob.screenshot({ path: join(SHOTS, `stale-dialog-${lang}-${width}.png`) });

      // nothing of Bob's was stored
      const stored = await api.request.get(`${web.url}/api/plans/${plan.id}`);
      expect(((await stored.json()) as PlanView).initiatives[0]!.capex).toBe(start + 11);

      await bob.getByTestId('stale-reload').click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => capexShown(bob, id)).toBe(String(start + 11));

      await Promise.all([alice.close(), bob.close(), api.close()]);
    });
  }

  it('Merge keeps their change where I did not edit and mine where I did (my pick where we both did), saved together', async () => {
    const api = await web.signedInPage('cio@demo.tupu.local', {});
    const created = await api.request.post(`${web.url}/api/plans`, { data: DEMO_PLAN_REQUEST });
    const plan = (await created.json()) as PlanView;
    const [one, two, three] = plan.initiatives;
    const alice = await openCandidates('zh', 1280, plan.id);
    const bob = await openCandidates('zh', 1280, plan.id);

    await setCapex(alice, one!.id, one!.capex + 5);
    await setCapex(alice, three!.id, three!.capex + 9);
    await alice.getByRole('button', { name: SAVE.zh }).click();
    await expect
      .poll(async () => {
        const now = await api.request.get(`${web.url}/api/plans/${plan.id}`);
        return ((await now.json()) as PlanView).version;
      })
      .toBe(plan.version + 1);

    // Bob changes the same initiative's capex (a conflict, he keeps his) and another one's
    await setCapex(bob, one!.id, one!.capex + 7);
    await setCapex(bob, two!.id, two!.capex + 3);
    await bob.getByRole('button', { name: SAVE.zh }).click();
    await expect
      .poll(() => bob.getByTestId('stale-version-dialog').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await bob.getByTestId('stale-merge').click();
    await expect
      .poll(async () => {
        const now = await api.request.get(`${web.url}/api/plans/${plan.id}`);
        const body = (await now.json()) as PlanView;
        return [body.initiatives[0]!.capex, body.initiatives[1]!.capex, body.initiatives[2]!.capex];
      })
      .toEqual([one!.capex + 7, two!.capex + 3, three!.capex + 9]);
    await Promise.all([alice.close(), bob.close(), api.close()]);
  });
});
