import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { PlanSummary } from '../../src/contracts/planning.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { ADMIN_EMAIL } from '../../src/db/seed/platform-admin.ts';
import { useWebTest } from '../support/web-test.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const PLAN_TABS = ['candidates', 'roadmap', 'frontier', 'risks', 'compare', 'document', 'settings'];

/**
 * Records every Content-Security-Policy violation of the page, across navigations: the browser's
 * `securitypolicyviolation` events (reported through a binding, which the policy does not govern) and its console
 * errors about the policy. Returns the list, filled as the page goes.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeBinding('__tupuCspViolation', (_source, text: string) => found.push(text));
  // a string: this file is type-checked without the DOM library; the script runs in the page before its own
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__tupuCspViolation(
        e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI + ' (' + e.sample + ')',
      );
    });
  `);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) {
      found.push(`console: ${msg.text()} at ${page.url()}`);
    }
  });
  page.on('pageerror', (e) => found.push(`page error: ${e.message} at ${page.url()}`));
  return found;
}

/** Wait until the page has drawn: no request in flight, no spinner, every chart ready. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('[data-ready="false"]').count(), { timeout: 30_000 }).toBe(0);
}

/** Open `path` and check the app drew something there (a page blocked by the policy would stay empty). */
async function visit(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await settled(page);
  await expect.poll(() => page.locator('#root').innerText(), { timeout: 15_000 }).not.toBe('');
}

describe('the Content-Security-Policy lets every page work', () => {
  const web = useWebTest({ demoContent: true });
  const json = async <T>(page: Page, path: string) =>
    (await (await page.request.get(`${web.url}${path}`)).json()) as T;

  it('the demo CIO signs in through the form, visits every page and signs out: no violation', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = await watchCsp(page);

    // sign-in page, then the form's own POST (it passes the origin check)
    await visit(page, web.url, '/');
    await page.getByLabel('邮箱').fill('cio@demo.tupu.local');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    await settled(page);

    const assessments = await json<AssessmentSummary[]>(page, '/api/assessments');
    const { plans } = await json<{ plans: PlanSummary[] }>(page, '/api/plans');
    const submitted = assessments.find((a) => a.status === 'submitted') ?? assessments[0];
    if (!submitted || !plans[0]) throw new Error('the demo CIO has no assessment or no plan');
    const me = await json<{ organisation: { orgId: string } }>(page, '/api/auth/me');

    const paths = [
      '/',
      '/atlas',
      '/atlas/table',
      '/atlas/scenarios/GEN-OM-01',
      '/diagnose',
      `/diagnose/${submitted.id}`,
      `/diagnose/${submitted.id}/result`,
      '/plan',
      '/plan/new',
      ...PLAN_TABS.map((tab) => `/plan/${plans[0]!.id}?tab=${tab}`),
      '/organisation',
      `/organisation/${me.organisation.orgId}`,
      '/deliver',
      '/evaluate',
      '/region',
      '/no-such-page',
    ];
    for (const path of paths) await visit(page, web.url, path);

    // the atlas graph's tooltips (HTML built by ECharts)
    await visit(page, web.url, '/atlas');
    const graph = page.locator('[data-ready="true"]').first();
    const box = await graph.boundingBox();
    if (box) {
      for (let x = 0.3; x < 0.8; x += 0.1)
        await page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
    }

    // account: the change-password dialog
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // sign out through the app's own button: the browser's same-origin POST is accepted
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    expect((await page.request.get(`${web.url}/api/auth/me`)).status()).toBe(401);

    expect(violations).toEqual([]);
    await page.close();
  });

  it('the region, a consultant and the platform admin see their home and organisation pages: no violation', async () => {
    for (const [email, password] of [
      ['region@demo.tupu.local', DEMO_PASSWORD],
      ['consultant@demo.tupu.local', DEMO_PASSWORD],
      [ADMIN_EMAIL, ADMIN_PASSWORD],
    ] as const) {
      const page = await web.signedInPage(email, { viewport: { width: 1280, height: 900 } }, password);
      const violations = await watchCsp(page);
      for (const path of ['/', '/organisation', '/atlas', '/diagnose', '/plan'])
        await visit(page, web.url, path);
      expect(violations, email).toEqual([]);
      await page.close();
    }
  });

  it('the API reference at /api/docs renders every operation under its policy: no violation', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = await watchCsp(page);
    await page.goto(`${web.url}/api/docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // open one operation: its schema and "Try it out" render too
    await page.locator('.opblock-summary').first().click();
    await expect.poll(() => page.locator('.opblock-body').first().isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the app cannot be framed by another page', async () => {
    const page = await web.browser.newPage();
    const violations = await watchCsp(page);
    await page.setContent(`<iframe src="${web.url}/" id="f"></iframe>`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f.url().startsWith(web.url));
    // the browser refuses to show it: the frame stays on an error page, never the app's root
    const drawn = framed
      ? await framed
          .locator('#root')
          .count()
          .catch(() => 0)
      : 0;
    expect(drawn).toBe(0);
    expect(violations.some((v) => /frame-ancestors/.test(v))).toBe(true);
    await page.close();
  });
});
