import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../support/browser.ts';
import { useWebTest } from '../support/web-test.ts';

/** Set TUPU_SCREENSHOTS to a folder to keep screenshots of the invitation card (zh/en, 1280/768). */
const shotsDir = process.env.TUPU_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForTimeout(400);
  await page.getByTestId('invitations-card').screenshot({ path: join(shotsDir, `${name}.png`) });
}

const PROVIDER = /启明数字化服务有限公司/;

describe('provider invitations to a project', () => {
  const web = useWebTest({ demoContent: true });

  it('the CIO invites 启明 (a member of the required pool), its admin accepts and sees the project, the CIO revokes, the project is gone for it', async () => {
    const cio = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    // a project from the demo plan
    const { plans } = (await (await cio.request.get(`${web.url}/api/plans`)).json()) as {
      plans: { id: string; title: string; status: string | null }[];
    };
    const plan = plans.find((p) => p.title.includes('演示')) ?? plans[0]!;
    const made = await cio.request.post(`${web.url}/api/plans/${plan.id}/projects`, { data: {} });
    expect(made.status()).toBeLessThan(300);
    const { projects } = (await (await cio.request.get(`${web.url}/api/projects`)).json()) as {
      projects: { id: string; name: { zh: string } }[];
    };
    const project = projects[0]!;

    await cio.goto(`${web.url}/deliver/projects/${project.id}?tab=team`);
    const card = cio.getByTestId('invitations-card');
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await card.getByTestId('invitations-table').textContent()).toContain('还没有邀请服务商');

    // pick 启明: the pool the pilot requires is named before the invitation
    await card.getByTestId('invite-provider-select').click();
    await cio.locator('.ant-select-item-option', { hasText: PROVIDER }).click();
    await expect
      .poll(() => card.getByTestId('invite-eligibility').textContent(), { timeout: 10_000 })
      .toMatch(/资源池/);
    await card.getByTestId('invite-reason').fill('承担 MES 实施');
    await card.getByTestId('invite-provider').click();
    await expect.poll(() => card.getByTestId('invitation-status').first().textContent()).toBe('待答复');
    // inviting twice is refused in the page's language, nothing saved
    await card.getByTestId('invite-provider').click();
    await expect
      .poll(() => card.getByTestId('invite-error').textContent())
      .toMatch(/已被邀请参与本项目（待答复）/);
    expect(await card.getByTestId('invitation-status').count()).toBe(1);
    await shot(cio, 'invitations-zh-1280');

    // 启明's administrator: the invitation on the deliver list, accept, the project opens
    const provider = await web.signedInPage('consultant@demo.tupu.local', {
      viewport: { width: 1280, height: 900 },
    });
    await provider.goto(`${web.url}/deliver`);
    const mine = provider.getByTestId('my-invitations');
    await expect.poll(() => mine.getByTestId('accept-invitation').count(), { timeout: 15_000 }).toBe(1);
    await mine.getByTestId('accept-invitation').click();
    await expect.poll(() => mine.getByText('已接受').count()).toBe(1);
    if (shotsDir) await mine.screenshot({ path: join(shotsDir, 'my-invitations-zh-1280.png') });
    await mine.getByRole('link', { name: project.name.zh }).click();
    await expect.poll(() => provider.getByTestId('project-name').textContent()).toBe(project.name.zh);
    const seen = await provider.request.get(`${web.url}/api/projects/${project.id}`);
    expect(seen.status()).toBe(200);
    // the provider's members do not manage the enterprise's invitations
    await provider.goto(`${web.url}/deliver/projects/${project.id}?tab=team`);
    await expect.poll(() => provider.getByTestId('project-name').isVisible()).toBe(true);
    expect(await provider.getByTestId('invitations-card').count()).toBe(0);

    // the CIO sees the acceptance and revokes; the history names each step
    await cio.reload();
    await expect.poll(() => card.getByTestId('invitation-status').first().textContent()).toBe('已接受');
    await card.getByTestId('revoke-invitation').click();
    await cio.getByRole('button', { name: '撤销' }).last().click();
    await expect.poll(() => card.getByTestId('invitation-status').first().textContent()).toBe('已撤销');
    expect(await card.getByTestId('revoke-invitation').count()).toBe(0);
    await cio.getByRole('tab', { name: /变更/ }).click();
    const history = cio.getByTestId('changes-table');
    await expect.poll(() => history.textContent()).toContain('撤销服务商邀请');
    const text = (await history.textContent()) ?? '';
    for (const label of ['邀请服务商', '服务商接受邀请']) expect(text).toContain(label);

    // the provider no longer reaches the project, nor finds it in its list
    expect((await provider.request.get(`${web.url}/api/projects/${project.id}`)).status()).toBe(404);
    await provider.goto(`${web.url}/deliver`);
    await expect.poll(() => mine.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => mine.getByRole('link', { name: project.name.zh }).count()).toBe(0);
    const list = (await (await provider.request.get(`${web.url}/api/projects`)).json()) as {
      projects: { id: string }[];
    };
    expect(list.projects.map((p) => p.id)).not.toContain(project.id);

    // the card in English and at 768 px: no horizontal scroll, English only
    for (const [lang, width] of [
      ['zh', 768],
      ['en', 1280],
      ['en', 768],
    ] as const) {
      const page = await web.signedInPage('cio@demo.tupu.local', {
        viewport: { width, height: 900 },
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
      });
      await page.addInitScript(`localStorage.setItem('tupu.lang', ${JSON.stringify(lang)})`);
      await page.goto(`${web.url}/deliver/projects/${project.id}?tab=team`);
      const c = page.getByTestId('invitations-card');
      await expect.poll(() => c.getByTestId('invitation-status').count(), { timeout: 15_000 }).toBe(1);
      if (lang === 'en') {
        expect(await c.getByTestId('invitation-status').textContent()).toBe('Revoked');
        const shown = await page.evaluate<string>(`(() => {
          const clone = document.querySelector('[data-testid="invitations-card"]').cloneNode(true);
          clone.querySelectorAll('[data-user-text]').forEach((n) => n.remove());
          return clone.textContent;
        })()`);
        expect(shown).not.toMatch(/[\u3400-\u9fff]/u);
      }
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `invitations-${lang}-${width}`);
      await page.context().close();
    }
  });
});
