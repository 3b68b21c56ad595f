import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { useWebTest } from '../support/web-test.ts';

/**
 * One language at a time (issue #12): every page of the web app, walked in English, shows no Chinese character, and
 * walked in Chinese, no English word, except what the test lists below with its reason. What is read: the visible
 * text of the page, the `title` and `placeholder` attributes, and the window title. Not read: chart text (ECharts
 * draws on a canvas) and icons' aria-labels (Ant Design names its icons in English: "home", "lock").
 *
 * Allowed on English pages:
 * - what users typed: people's and organisations' names, e-mails, assessment and plan titles, a plan's enterprise
 *   name and industry — taken from the API, so a string Tupu wrote itself is never excused;
 * - pack fields that have no English yet: an atlas pack's publisher and source (书名, 章节, 说明), a scenario's
 *   citation (the guide's Chinese title and clause numbers, 附件1 二（一）1) and KPI units (天, 万元/人·年) — plain
 *   strings in the pack format, taken from the atlas API;
 * - by design: 中文 (the language switch names the other language in its own script), 图 (the logo mark) and
 *   "Tupu 图谱" (the product's name, in the window title).
 *
 * Allowed on Chinese pages: the same typed names and e-mails (and, on the sign-in page of a demo server, the demo
 * account's e-mail and password, shown for the visitor to type); codes, abbreviations and units (anything in
 * capitals: GEN-RD-01, ERP, Q1, CAD/CAE; numbers, %), pack versions (v1.1.0); the product names Tupu, Word, Excel,
 * SaaS; and English, the language switch.
 */
describe('one language at a time', () => {
  const web = useWebTest({ demoContent: true });

  const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
  /** what stays of a text once codes and abbreviations (all capitals and digits) are taken out */
  const LATIN_WORD = /[A-Za-z]*[a-z][A-Za-z]*/g;
  /** a pack's version, v1.1.0, is a code */
  const VERSION = /\bv\d+(\.\d+)*\b/g;
  const ZH_LATIN_ALLOWED = new Set(['Tupu', 'Word', 'Excel', 'SaaS', 'English']);
  const EN_CJK_BY_DESIGN = ['Tupu 图谱', '中文', '图'];

  type Json = Record<string, unknown>;
  const getJson = async (request: APIRequestContext, path: string): Promise<Json> => {
    const res = await request.get(`${web.url}${path}`);
    expect(res.ok(), `GET ${path}`).toBe(true);
    return (await res.json()) as Json;
  };
  const strings = (...values: unknown[]): string[] =>
    values.filter((v): v is string => typeof v === 'string' && v.length > 0);

  /** What the signed-in user can see that someone typed, from the API (never from the page itself). */
  async function typedNames(request: APIRequestContext): Promise<string[]> {
    const session = (await getJson(request, '/api/auth/session')) as {
      me: { user: { displayName: string; email: string }; memberships: { orgId: string; orgName: string }[] };
    };
    const out = strings(session.me.user.displayName, session.me.user.email);
    for (const m of session.me.memberships) {
      out.push(m.orgName);
      // the member list is for those who may see it (an editor of a service provider may not)
      const res = await request.get(`${web.url}/api/organisations/${m.orgId}/members`);
      if (!res.ok()) continue;
      const members = (await res.json()) as { members: { displayName: string; email: string }[] };
      for (const member of members.members) out.push(...strings(member.displayName, member.email));
    }
    const orgs = (await getJson(request, '/api/organisations')) as { organisations: { name: string }[] };
    out.push(...orgs.organisations.map((o) => o.name));
    const assessments = (await request.get(`${web.url}/api/assessments`).then((r) => r.json())) as {
      title: string;
    }[];
    out.push(...assessments.map((a) => a.title));
    const plans = (await getJson(request, '/api/plans')) as { plans: { id: string; title: string }[] };
    for (const p of plans.plans) {
      const plan = (await getJson(request, `/api/plans/${p.id}`)) as {
        title: string;
        profile: { name: string; industry: string };
      };
      out.push(...strings(plan.title, plan.profile.name, plan.profile.industry));
    }
    const portfolio = await request.get(`${web.url}/api/portfolio`);
    if (portfolio.ok()) {
      const body = (await portfolio.json()) as {
        enterprises: {
          name: string;
          latestAssessment: { title: string } | null;
          latestPlan: { title: string } | null;
          provider: { name: string } | null;
        }[];
      };
      for (const e of body.enterprises)
        out.push(...strings(e.name, e.latestAssessment?.title, e.latestPlan?.title, e.provider?.name));
    }
    // an enterprise's authority, named on its home page's result-sharing card
    const sharing = await request.get(`${web.url}/api/result-sharing`);
    if (sharing.ok()) {
      const body = (await sharing.json()) as { authority: { name: string } | null };
      out.push(...strings(body.authority?.name));
    }
    // the file names of the enterprise's imported ledgers (评估)
    const ledgers = await request.get(`${web.url}/api/ledgers/imports`);
    if (ledgers.ok()) {
      const body = (await ledgers.json()) as { imports: { fileName: string }[] };
      out.push(...strings(...body.imports.map((i) => i.fileName)));
    }
    return out;
  }

  /** The pack fields that are plain (Chinese) strings in the pack format, from the atlas API. */
  async function packFieldsWithoutEnglish(request: APIRequestContext): Promise<string[]> {
    type Citation = { source: string; section: string; note?: string };
    const packs = (await getJson(request, '/api/atlas/packs')) as {
      packs: { id: string; publisher: string; source: Citation }[];
    };
    const out: string[] = [];
    for (const pack of packs.packs) {
      out.push(...strings(pack.publisher, pack.source.source, pack.source.section, pack.source.note));
      const detail = (await getJson(request, `/api/atlas/packs/${pack.id}`)) as { kpis: { unit: string }[] };
      out.push(...detail.kpis.map((k) => k.unit));
      const scenarios = (await getJson(request, `/api/atlas/packs/${pack.id}/scenarios`)) as {
        scenarios: { citation: Citation }[];
      };
      for (const s of scenarios.scenarios)
        out.push(...strings(s.citation.source, s.citation.section, s.citation.note));
    }
    return out;
  }

  /** Run in the page (a string: the tests are typed without the DOM library). */
  const PAGE_TEXTS = `(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text && node.parentElement?.checkVisibility()) out.push(text);
    }
    for (const el of document.querySelectorAll('[title], [placeholder]'))
      for (const name of ['title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    return out;
  })()`;

  /** The page's visible text nodes, titles and placeholders, and the window title, once it has loaded. */
  async function pageTexts(page: Page): Promise<string[]> {
    await page.waitForLoadState('networkidle');
    await expect
      .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 })
      .toBe(0);
    await page.waitForTimeout(200);
    return page.evaluate<string[]>(PAGE_TEXTS);
  }

  /** Each text with the allowed strings cut out (longest first), kept when something of the other language is left. */
  function offending(texts: string[], allowed: string[], lang: 'en' | 'zh'): string[] {
    const cuts = [...new Set(allowed)].filter((s) => s.trim() !== '').sort((a, b) => b.length - a.length);
    const found = new Set<string>();
    for (const text of texts) {
      let rest = text.replace(VERSION, ' ');
      for (const cut of cuts) rest = rest.split(cut).join(' ');
      if (
        lang === 'en' ? CJK.test(rest) : (rest.match(LATIN_WORD) ?? []).some((w) => !ZH_LATIN_ALLOWED.has(w))
      )
        found.add(text);
    }
    return [...found];
  }

  async function walk(lang: 'en' | 'zh'): Promise<string[]> {
    const context = await web.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: lang === 'en' ? 'en-GB' : 'zh-CN',
    });
    await context.addInitScript(`localStorage.setItem('tupu.lang', ${JSON.stringify(lang)})`);
    const page = await context.newPage();
    const problems: string[] = [];
    const packFields = await packFieldsWithoutEnglish(page.request);
    const check = async (where: string, allowed: string[]) => {
      const base = lang === 'en' ? [...EN_CJK_BY_DESIGN, ...packFields] : [];
      for (const text of offending(await pageTexts(page), [...base, ...allowed], lang))
        problems.push(`${lang} ${where}: ${text}`);
    };

    // signed out: the sign-in page, which on a demo server shows the demo account to type
    await page.goto(web.url);
    await check('sign-in', ['cio@demo.tupu.local', DEMO_PASSWORD]);

    const signIn = async (email: string) => {
      await page.request.post(`${web.url}/api/auth/sign-out`);
      const res = await page.request.post(`${web.url}/api/auth/sign-in`, {
        data: { email, password: DEMO_PASSWORD },
      });
      expect(res.ok(), `sign-in as ${email}`).toBe(true);
      return typedNames(page.request);
    };

    // the enterprise CIO: every page, every plan tab
    const typed = await signIn('cio@demo.tupu.local');
    const assessments = (await page.request.get(`${web.url}/api/assessments`).then((r) => r.json())) as {
      id: string;
    }[];
    const plans = (await getJson(page.request, '/api/plans')) as { plans: { id: string }[] };
    const planId = plans.plans[0]?.id;
    expect(assessments.length).toBeGreaterThan(1);
    expect(planId).toBeTruthy();
    const paths = [
      '/',
      '/atlas',
      '/atlas/table',
      '/atlas/scenarios/GEN-RD-01',
      '/diagnose',
      ...assessments.flatMap((a) => [`/diagnose/${a.id}`, `/diagnose/${a.id}/result`]),
      '/plan',
      '/plan/new',
      ...['candidates', 'roadmap', 'frontier', 'risks', 'compare', 'document', 'settings'].map(
        (tab) => `/plan/${planId}?tab=${tab}`,
      ),
      '/organisation',
      '/deliver',
      '/evaluate',
      '/region',
      '/account/password',
      '/no-such-page',
    ];
    for (const path of paths) {
      await page.goto(web.url + path);
      await check(path, typed);
    }
    // the new-plan wizard's later steps, started from the latest diagnosis (so that 下一步 is open)
    await page.goto(`${web.url}/plan/new?assessment=${assessments[0]?.id ?? ''}`);
    for (let step = 2; step <= 3; step++) {
      await page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步' }).click();
      await check(`/plan/new step ${step}`, typed);
    }

    // the consultant's and the official's portfolio homes
    for (const email of ['consultant@demo.tupu.local', 'region@demo.tupu.local']) {
      const theirs = await signIn(email);
      for (const path of ['/', '/organisation']) {
        await page.goto(web.url + path);
        await check(`${email} ${path}`, theirs);
      }
    }
    await context.close();
    return problems;
  }

  it('English pages show no Chinese outside typed names and pack fields without English', async () => {
    expect(await walk('en')).toEqual([]);
  }, 240_000);

  it('Chinese pages show no English words outside typed names, codes, units and product names', async () => {
    expect(await walk('zh')).toEqual([]);
  }, 240_000);
});
