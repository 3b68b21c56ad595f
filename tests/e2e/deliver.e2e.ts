import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../support/browser.ts';
import { useWebTest } from '../support/web-test.ts';

/** The text of the page's content (not the shell), without what users typed or named (marked data-user-text). */
const contentText = (page: Page) =>
  page.evaluate<string>(`(() => {
    const main = document.querySelector('.tupu-shell-content');
    if (!main) return '';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const out = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (!n.parentElement.closest('[data-user-text]')) out.push(n.textContent);
    return out.join(' ');
  })()`);
const CJK = /[\u3400-\u9fff\uff08\uff09\uff1a\u3001\u3002]/u;
/** an English word on a Chinese page: codes (GEN-BM-03), acronyms (CIO, LMS) and unit-free numbers are fine */
const ENGLISH_WORD = /\b[a-z]{3,}\b/u;

describe('deliver pages', () => {
  const web = useWebTest({ demoContent: true });

  it('the demo CIO makes projects from the demo plan, and runs one: milestone, cost, checklist, gate, light, history', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    await page.goto(web.url);
    const nav = page.getByRole('navigation', { name: 'main' });
    // 实施 is built: no 即将推出 in the menu, and its home card enters it
    expect(await nav.getByRole('link', { name: '实施' }).textContent()).toBe('实施');
    await expect
      .poll(() => page.getByTestId('home-loop-deliver').getByRole('button', { name: '进入' }).count())
      .toBe(1);
    expect(await page.getByTestId('home-loop-deliver').getByText('即将推出').count()).toBe(0);

    // the solved demo plan's roadmap: create its projects
    await nav.getByRole('link', { name: '规划' }).click();
    await page
      .getByRole('link', { name: /数字化转型规划（演示）/ })
      .first()
      .click();
    await page.getByRole('tab', { name: '路线图' }).click();
    const card = page.getByTestId('plan-projects-card');
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    await card.getByRole('button', { name: '生成实施项目' }).click();
    await expect
      .poll(() => card.getByRole('link', { name: '打开项目' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(1);
    expect(await card.getByRole('button', { name: '生成实施项目' }).isDisabled()).toBe(true);

    // the plan's delivery: planned against actual spend and slip per period
    await card.getByRole('link', { name: '查看这个规划的实施项目' }).click();
    await expect
      .poll(() => page.getByTestId('plan-rollup-chart').getAttribute('data-ready'), { timeout: 15_000 })
      .toBe('true');
    await page.locator('.tupu-shell-content table').first().getByRole('link').first().click();

    // the project page: facts, light with its reasons
    await expect.poll(() => page.getByTestId('project-facts').isVisible()).toBe(true);
    const projectId = page.url().split('/').pop() ?? '';
    const read = async () =>
      (await (await page.request.get(`${web.url}/api/projects/${projectId}`)).json()) as {
        plannedFinish: string;
        plannedStart: string;
        startPeriod: number;
        status: { light: string; reasons: { kind: string }[] };
        milestones: { title: string }[];
        costs: unknown[];
      };
    const before = await read();
    expect(await page.getByTestId('project-facts').textContent()).toContain('计划完成');
    expect(await page.getByTestId('project-status').textContent()).toContain('没有逾期里程碑');
    // the status report links download real files, in the page's language
    for (const [id, magic] of [
      ['project-report-pdf', '%PDF'],
      ['project-report-docx', 'PK'],
    ] as const) {
      const href = await page.getByTestId(id).locator('xpath=..').getAttribute('href');
      expect(href).toContain('lang=zh');
      const file = await page.request.get(`${web.url}${href ?? ''}`);
      expect(file.status()).toBe(200);
      expect((await file.body()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    // a milestone after the project's end: refused with the server's reason, in Chinese, nothing saved
    const dayAfter = new Date(Date.parse(`${before.plannedFinish}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.getByTestId('milestone-title').fill('需求评审');
    await page.getByTestId('milestone-due').fill(dayAfter);
    await page.getByTestId('milestone-add').click();
    const refusal = page.getByTestId('milestone-error');
    await expect.poll(() => refusal.textContent()).toContain('晚于项目计划完成日');
    expect(await refusal.textContent()).not.toMatch(ENGLISH_WORD);
    expect((await read()).milestones).toEqual([]);
    // on its last day it is accepted
    await page.getByTestId('milestone-due').fill(before.plannedFinish);
    await page.getByTestId('milestone-add').click();
    await expect.poll(() => page.getByTestId('milestone-table').getByText('需求评审').count()).toBe(1);
    expect(await page.getByTestId('milestone-timeline').getAttribute('data-ready')).toBe('true');

    // a cost entry in the project's first period
    await page.getByRole('tab', { name: '成本' }).click();
    await page.getByTestId('cost-amount').fill('5');
    await page.getByTestId('cost-note').fill('首付款');
    await page.getByTestId('cost-add').click();
    await expect.poll(() => page.getByTestId('cost-table').getByText('首付款').count()).toBe(1);
    await expect.poll(() => page.getByTestId('cost-chart').getAttribute('data-ready')).toBe('true');
    // the light follows from the data: whatever it is, the page says why (the demo plan starts next quarter, so
    // spend booked today may be before any budget to date — then the light is late and the reason says so)
    const after = await read();
    const status = page.getByTestId('project-status');
    const lightWords = { 'on-track': '正常', 'at-risk': '有风险', late: '滞后' } as Record<string, string>;
    await expect
      .poll(() => status.locator('[data-light]').first().getAttribute('data-light'))
      .toBe(after.status.light);
    expect(await status.textContent()).toContain(lightWords[after.status.light]);
    if (after.status.reasons.some((r) => r.kind === 'overrun'))
      expect(await status.textContent()).toMatch(/支出/u);

    // gates: tick the first gate's checklist (evidence where asked), then pass it as the party the pack names
    await page.getByRole('tab', { name: '阶段关口' }).click();
    const gate = page.getByTestId('gate-diagnosis');
    expect(await page.getByTestId('gate-party-diagnosis').textContent()).toContain('可通过者：服务商');
    // the box is controlled by the server's answer: click, then wait for the stored tick (check() would demand the
    // state change at once, before the server has answered)
    await gate.getByTestId('item-diagnosis-pain-points').getByRole('checkbox').click();
    await expect
      .poll(() => gate.getByTestId('item-diagnosis-pain-points').getAttribute('data-ticked'))
      .toBe('true');
    for (const item of ['current-state', 'diagnosis-report']) {
      const row = gate.getByTestId(`item-diagnosis-${item}`);
      await row.getByRole('checkbox').click();
      await row.getByTestId('evidence-input').fill(`${item}.pdf`);
      await row.getByTestId('evidence-save').click();
      await expect.poll(() => row.getAttribute('data-ticked')).toBe('true');
      expect(await row.getByText(`${item}.pdf`).isVisible()).toBe(true);
    }
    // the enterprise's CIO does not act for the provider: refused, and told so in Chinese
    await gate.getByTestId('gate-pass-diagnosis').click();
    const gateError = page.getByTestId('gate-error-diagnosis');
    await expect.poll(() => gateError.textContent()).toContain('由服务商通过');
    expect(await gateError.textContent()).not.toMatch(ENGLISH_WORD);
    expect(await gate.getAttribute('data-passed')).toBe('false');
    // linked to the provider's lead in the team, the CIO passes it
    await page.getByRole('tab', { name: '团队' }).click();
    await page.getByTestId('team-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '服务商项目负责人' }).click();
    await page.getByTestId('team-name').fill('林晓');
    await page.getByTestId('team-mine').check();
    await page.getByTestId('team-add').click();
    await expect.poll(() => page.getByTestId('team-table').getByText('服务商项目负责人').count()).toBe(1);
    await page.getByRole('tab', { name: '阶段关口' }).click();
    await page.getByTestId('gate-pass-diagnosis').click();
    await expect.poll(() => page.getByTestId('gate-diagnosis').getAttribute('data-passed')).toBe('true');
    expect(await page.getByTestId('gate-filing').getByText('当前关口').isVisible()).toBe(true);

    // a supervision item (知识产权保护) ticked with its evidence reference
    await page.getByRole('tab', { name: '监督检查' }).click();
    const ip = page.getByTestId('item-ip-ip-clauses');
    await ip.getByRole('checkbox').click();
    await ip.getByTestId('evidence-input').fill('合同第12条');
    await ip.getByTestId('evidence-save').click();
    await expect.poll(() => ip.getAttribute('data-ticked')).toBe('true');

    // another ticked with an uploaded file alone: the file is listed, downloads, and is the tick's evidence
    const escrow = page.getByTestId('item-ip-source-escrow');
    const chooser = page.waitForEvent('filechooser');
    await escrow.getByTestId('item-file-upload').click();
    await (
      await chooser
    ).setFiles({
      name: '源代码托管协议.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 escrow agreement'),
    });
    await expect.poll(() => escrow.getByRole('link', { name: '源代码托管协议.pdf' }).count()).toBe(1);
    const href = (await escrow.getByRole('link', { name: '源代码托管协议.pdf' }).getAttribute('href')) ?? '';
    const download = await page.request.get(`${web.url}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString()).toBe('%PDF-1.4 escrow agreement');
    await escrow.getByRole('checkbox').click();
    await escrow.getByTestId('evidence-save').click();
    await expect.poll(() => escrow.getAttribute('data-ticked')).toBe('true');
    // the evidence tag names the file, not its id; a ticked item's file can no longer be removed here
    expect(await escrow.locator('.ant-tag', { hasText: '源代码托管协议.pdf' }).count()).toBe(2);
    expect(await escrow.getByRole('button', { name: /删除/ }).count()).toBe(0);

    // an edit of the provider needs its reason, then shows in the change history: who, when, why
    await page.getByTestId('project-edit').click();
    await page.getByTestId('edit-provider').fill('青岛某集成商');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByText('请写明变更原因').isVisible()).toBe(true);
    await page.getByTestId('edit-reason').fill('招标确定服务商');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('edit-project').count()).toBe(0);
    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByTestId('changes-table');
    await expect.poll(() => history.getByText('招标确定服务商').count()).toBe(1);
    expect(await history.textContent()).toContain('服务商');
    expect(await history.textContent()).toContain('青岛某集成商');
    expect(await history.getByText('我', { exact: true }).count()).toBe(1);

    // the project list and board show it with its light, the legend says why
    await nav.getByRole('link', { name: '实施' }).click();
    await expect.poll(() => page.getByTestId('deliver-table').getByRole('link').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('light-legend').textContent()).toContain('状态灯由里程碑和成本自动算出');
    await page.getByText('看板', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('board-column-filing').getByTestId('board-card').count())
      .toBe(1);
    await page.close();
  });

  it.each([
    ['zh', 1280],
    ['en', 1280],
    ['zh', 768],
    ['en', 768],
  ] as const)(
    'in %s at %i px the deliver pages show no text of the other language and fit',
    async (lang, width) => {
      // the projects of the first test, or made here when it ran alone
      const setup = await web.signedInPage('cio@demo.tupu.local', {});
      const plans = (await (await setup.request.get(`${web.url}/api/plans`)).json()) as {
        plans: { id: string }[];
      };
      const made = await setup.request.get(`${web.url}/api/plans/${plans.plans[0]?.id}/projects`);
      if (((await made.json()) as { projects: unknown[] }).projects.length === 0) {
        const res = await setup.request.post(`${web.url}/api/plans/${plans.plans[0]?.id}/projects`, {
          data: {},
          headers: { origin: web.url },
        });
        expect(res.status()).toBe(201);
      }
      await setup.close();
      const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width, height: 900 } });
      await page.addInitScript(`localStorage.setItem('tupu.lang', ${JSON.stringify(lang)})`);
      const list = (await (await page.request.get(`${web.url}/api/projects`)).json()) as {
        projects: { id: string; planId: string }[];
      };
      const project = list.projects[0];
      expect(project).toBeTruthy();
      const pages = [
        '/deliver',
        '/deliver?view=board',
        `/deliver/plans/${project?.planId}`,
        ...['milestones', 'costs', 'gates', 'supervision', 'team', 'changes'].map(
          (tab) => `/deliver/projects/${project?.id}?tab=${tab}`,
        ),
      ];
      for (const path of pages) {
        await page.goto(web.url + path);
        await expect
          .poll(() => page.locator('.tupu-shell-content h3').first().isVisible(), { timeout: 15_000 })
          .toBe(true);
        // every query answered and drawn: the text settles, and it is all in the page's language
        const wrong = lang === 'en' ? CJK : ENGLISH_WORD;
        await expect
          .poll(async () => (await contentText(page)).match(wrong)?.[0] ?? null, {
            message: `${path} at ${width} px in ${lang}`,
            timeout: 10_000,
          })
          .toBeNull();
        expect(await noHorizontalScroll(page), `${path} scrolls sideways at ${width}`).toBe(true);
      }
      await page.close();
    },
    180_000,
  );
});
