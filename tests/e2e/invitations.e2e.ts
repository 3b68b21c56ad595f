import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

/** Set TUPU_SCREENSHOTS to a folder to keep screenshots of each step (for looking at the layout). */
const shotsDir = process.env.TUPU_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForTimeout(500); // let dialogs finish fading in
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

const TEXT = {
  en: {
    nav: 'Org & people',
    invite: 'Invite member',
    submit: 'Invite',
    email: 'Email',
    issued: 'Invitation ready',
    done: 'I have noted it',
    mine: 'Invitations for you',
    accept: 'Accept',
    existingTab: 'I have an account',
    password: 'Password',
    greeting: 'Hello',
  },
  zh: {
    nav: '组织与成员',
    invite: '邀请成员',
    submit: '邀请',
    email: '邮箱',
    issued: '邀请已生成',
    done: '我已记下',
    mine: '待处理的邀请',
    accept: '接受邀请',
    existingTab: '我已有账号',
    password: '密码',
    greeting: '您好',
  },
} as const;

describe('组织与成员: invitations — an existing user joins only by accepting', () => {
  const web = useWebTest();

  /** The CIO (admin of 明远) invites `email` through the dialog and returns the one-time link shown once. */
  async function inviteFromMembersCard(page: Page, lang: 'zh' | 'en', email: string, tag: string) {
    const text = TEXT[lang];
    await page.goto(`${web.url}/`);
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: text.nav }).click();
    const members = page.getByTestId('members-table');
    await expect.poll(() => members.textContent()).toContain('cio@demo.tupu.local');
    await page.getByRole('button', { name: text.invite }).click();
    const dialog = page.getByRole('dialog', { name: text.invite });
    await dialog.getByLabel(text.email).fill(email);
    await shot(page, `${tag}-invite-dialog`);
    await dialog.getByRole('button', { name: text.submit, exact: true }).click();
    const shown = page.getByRole('dialog', { name: text.issued });
    await expect.poll(() => shown.isVisible()).toBe(true);
    const link = (await shown.getByTestId('invitation-link').textContent()) ?? '';
    expect(link).toContain('/invitation#');
    await shot(page, `${tag}-invitation-link`);
    await shown.getByRole('button', { name: text.done }).click();
    await expect.poll(() => page.getByTestId('pending-invitations').textContent()).toContain(email);
    expect(await members.textContent()).not.toContain(email);
    await shot(page, `${tag}-pending`);
    return link;
  }

  for (const [lang, width] of [
    ['en', 1280],
    ['zh', 768],
  ] as const) {
    it(`${lang} at ${width} px: the invitee accepts on their home page and appears in the members`, async () => {
      const text = TEXT[lang];
      const viewport = { width, height: 900 };
      const cio = await web.signedInPage('cio@demo.tupu.local', { viewport });
      await cio.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
      const email = lang === 'en' ? 'cdo@demo.tupu.local' : 'region@demo.tupu.local';
      await inviteFromMembersCard(cio, lang, email, `${lang}-${width}-home`);

      const invitee = await web.signedInPage(email, { viewport });
      await invitee.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
      await invitee.goto(`${web.url}/`);
      const card = invitee.getByTestId('my-invitations');
      await expect.poll(() => card.textContent()).toContain('明远精密机械有限公司（演示）');
      expect(await card.textContent()).toContain(text.mine);
      await shot(invitee, `${lang}-${width}-home-card`);
      await card.getByRole('button', { name: text.accept }).click();
      await expect.poll(() => card.count()).toBe(0);
      await invitee.close();

      await cio.reload();
      const members = cio.getByTestId('members-table');
      await expect.poll(() => members.textContent()).toContain(email);
      expect(await cio.getByTestId('pending-invitations').count()).toBe(0);
      await cio.close();
    });
  }

  for (const [lang, width] of [
    ['zh', 1280],
    ['en', 768],
  ] as const) {
    it(`${lang} at ${width} px: an existing user, not signed in, opens the link, enters their password and joins`, async () => {
      const text = TEXT[lang];
      const viewport = { width, height: 900 };
      const cio = await web.signedInPage('cio@demo.tupu.local', { viewport });
      await cio.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
      const email = lang === 'zh' ? 'association@demo.tupu.local' : 'consultant@demo.tupu.local';
      if (lang === 'en') {
        // the consultant is an editor of 明远 in the demo: remove them first, so that they can be invited
        const me = (await (await cio.request.get(`${web.url}/api/auth/me`)).json()) as {
          organisation: { orgId: string };
        };
        const list = (await (
          await cio.request.get(`${web.url}/api/organisations/${me.organisation.orgId}/members`)
        ).json()) as { members: { userId: string; email: string }[] };
        const consultant = list.members.find((m) => m.email === email);
        const removed = await cio.request.delete(
          `${web.url}/api/organisations/${me.organisation.orgId}/members/${consultant?.userId}`,
        );
        expect(removed.status()).toBe(204);
      }
      const link = await inviteFromMembersCard(cio, lang, email, `${lang}-${width}-link`);

      const context = await web.browser.newContext({ viewport });
      const invitee = await context.newPage();
      await invitee.addInitScript(`localStorage.setItem('tupu.lang', '${lang}')`);
      await invitee.goto(link);
      const page = invitee.getByTestId('invitation-page');
      await expect.poll(() => page.textContent()).toContain('明远精密机械有限公司（演示）');
      expect(await page.textContent()).toContain(email);
      await shot(invitee, `${lang}-${width}-link-page`);
      await page.getByRole('tab', { name: text.existingTab }).click();
      const form = page.getByRole('tabpanel', { name: text.existingTab });
      await form.getByLabel(text.password).fill('wrong-password-2026');
      await form.getByRole('button', { name: text.accept }).click();
      await expect.poll(() => form.getByRole('alert').isVisible()).toBe(true);
      await shot(invitee, `${lang}-${width}-link-wrong-password`);
      await form.getByLabel(text.password).fill(DEMO_PASSWORD);
      await form.getByRole('button', { name: text.accept }).click();
      await expect
        .poll(() => invitee.getByText(text.greeting).first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(new URL(invitee.url()).pathname).toBe('/');
      await context.close();

      await cio.reload();
      await expect.poll(() => cio.getByTestId('members-table').textContent()).toContain(email);
      await cio.close();
    });
  }
});
