import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

type Pack = {
  gates: { id: string; party: string; checklist: { id: string; evidence: boolean }[] }[];
  roles: { id: string; party: string }[];
};
type Project = { id: string; version: number; gates: { id: string; passed: boolean }[] };

describe('acceptance rating (验收满意度)', () => {
  const web = useWebTest({ demoContent: true });

  it('the demo CIO rates the provider of an accepted project in the browser, and sees the rating after reload', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    const req = page.request;
    const json = async <T>(res: {
      ok(): boolean;
      status(): number;
      text(): Promise<string>;
      json(): Promise<unknown>;
    }) => {
      if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const me = await json<{ user: { id: string } }>(await req.get(`${web.url}/api/auth/me`));
    const plans = await json<{ plans: { id: string; title: string }[] }>(
      await req.get(`${web.url}/api/plans`),
    );
    const plan = plans.plans.find((p) => p.title.includes('演示')) ?? plans.plans[0]!;
    const made = await json<{ projects: { id: string }[] }>(
      await req.post(`${web.url}/api/plans/${plan.id}/projects`, { data: {} }),
    );
    const id = made.projects[0]!.id;
    const pack = await json<Pack>(await req.get(`${web.url}/api/delivery/pack`));
    const read = () => req.get(`${web.url}/api/projects/${id}`).then((r) => json<Project>(r));
    // the CIO holds a role of each party, so passes every gate; a provider is named
    for (const party of new Set(pack.gates.map((g) => g.party))) {
      const role = pack.roles.find((r) => r.party === party)!;
      await json(
        await req.post(`${web.url}/api/projects/${id}/team`, {
          data: { role: role.id, name: '测试', userId: me.user.id },
        }),
      );
    }
    await json(
      await req.patch(`${web.url}/api/projects/${id}`, {
        data: { version: (await read()).version, provider: '启明智造', reason: '确定服务商' },
      }),
    );
    for (const gate of pack.gates) {
      for (const item of gate.checklist)
        await json(
          await req.put(`${web.url}/api/projects/${id}/checklists/${gate.id}/items/${item.id}`, {
            data: {
              version: (await read()).version,
              ticked: true,
              evidence: item.evidence ? ['evidence.pdf'] : [],
            },
          }),
        );
      await json(await req.post(`${web.url}/api/projects/${id}/gates/${gate.id}/pass`));
    }
    expect((await read()).gates.every((g) => g.passed)).toBe(true);

    await page.goto(`${web.url}/deliver/projects/${id}`);
    const card = page.getByTestId('acceptance-card');
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await card.textContent()).toContain('验收评价');
    await card.getByTestId('acceptance-rate').locator('.ant-rate-star').nth(3).click();
    await card.getByTestId('acceptance-comment-input').fill('按期交付，培训稍弱');
    await card.getByTestId('acceptance-save').click();
    await expect.poll(() => card.getByTestId('acceptance-by').count(), { timeout: 15_000 }).toBe(1);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('acceptance-comment').textContent(), { timeout: 15_000 })
      .toBe('按期交付，培训稍弱');
    expect(await page.getByTestId('acceptance-current').locator('.ant-rate-star-full').count()).toBe(4);
    expect(await page.getByTestId('acceptance-by').textContent()).toMatch(
      /于 \d{4}年\d{1,2}月\d{1,2}日 评价/,
    );
    const stored = (await read()) as Project & { acceptance: { rating: number } | null };
    expect(stored.acceptance?.rating).toBe(4);
    await page.close();
  });
});
