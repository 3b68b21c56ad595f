import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useWebTest } from '../support/web-test.ts';

const EDIT = '到 2027 年建成省级智能工厂，设备联网率达到 85%。';
const EN_EDIT = 'By 2027 a provincial smart factory, with 85% of the equipment connected.';

interface DocumentView {
  sections: { id: string; text: string; prefilled: string; edited: boolean }[];
}

describe('plan document tab (规划文档)', () => {
  const dir = useTempDir('tupu-plan-doc-tab-');
  const web = useWebTest();
  let page: Page;
  let planId: string;

  beforeAll(async () => {
    page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    const created = await page.request.post(`${web.url}/api/plans`, { data: DEMO_PLAN_REQUEST });
    expect(created.status()).toBe(201);
    planId = ((await created.json()) as { id: string }).id;
  });

  it('keeps the downloads disabled, with the reason, until the plan is optimised', async () => {
    await page.goto(`${web.url}/plan/${planId}?tab=document`);
    const word = page.getByTestId('plan-document-docx');
    await expect.poll(() => word.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await word.isDisabled()).toBe(true);
    expect(await page.getByText('规划还没有优化求解').isVisible()).toBe(true);
  });

  it('edits a section, saves it, and the PDF download prints the edit', async () => {
    const solved = await page.request.post(`${web.url}/api/plans/${planId}/solve`, {
      data: { timeLimitSeconds: 5, frontier: false },
    });
    expect(solved.ok()).toBe(true);
    await page.goto(`${web.url}/plan/${planId}?tab=document`);
    const vision = page.getByTestId('plan-document-section-vision');
    await expect.poll(() => vision.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('plan-document-pdf').isDisabled()).toBe(false);
    const prefilled = await vision.inputValue();
    expect(prefilled.length).toBeGreaterThan(20);

    await vision.fill(EDIT);
    await page.getByTestId('plan-document-save').click();
    // the confirmation stays once the saved document is back (the editor starts afresh from it)
    const saved = page.getByTestId('plan-document-saved');
    await expect.poll(() => saved.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await saved.textContent()).toContain('已保存');
    // saved on the server
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`${web.url}/api/plans/${planId}/document`)).json()) as {
              sections: { id: string; text: string; edited: boolean }[];
            }
          ).sections.find((s) => s.id === 'vision')?.text,
        { timeout: 15_000 },
      )
      .toBe(EDIT);
    await expect
      .poll(() => page.getByTestId('plan-document-save').isDisabled(), { timeout: 15_000 })
      .toBe(true);
    expect(await vision.inputValue()).toBe(EDIT);

    const href = await page.getByTestId('plan-document-pdf').getAttribute('href');
    expect(href).toBe(`/api/plans/${planId}/document.pdf?lang=zh`);
    const pdf = await page.request.get(`${web.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(EDIT.replace(/\s+/g, ''));
    expect(text).toContain('目标愿景');

    // reset to the pre-filled text and save: nothing is stored any more
    await page.getByRole('button', { name: '恢复预填文字' }).first().click();
    expect(await vision.inputValue()).toBe(prefilled);
    await page.getByTestId('plan-document-save').click();
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`${web.url}/api/plans/${planId}/document`)).json()) as {
              sections: { id: string; edited: boolean }[];
            }
          ).sections.find((s) => s.id === 'vision')?.edited,
        { timeout: 15_000 },
      )
      .toBe(false);
  });
  it('shows, saves and downloads the edits of the UI language: English shows English edits', async () => {
    const vision = () => page.getByTestId('plan-document-section-vision');
    const serverText = async (lang: 'zh' | 'en') =>
      (
        (await (
          await page.request.get(`${web.url}/api/plans/${planId}/document?lang=${lang}`)
        ).json()) as DocumentView
      ).sections.find((s) => s.id === 'vision');
    // the version edited goes with the save (a save without one is refused: lost updates)
    const { version } = (await (await page.request.get(`${web.url}/api/plans/${planId}`)).json()) as {
      version: number;
    };
    const zhSaved = await page.request.put(`${web.url}/api/plans/${planId}/document?lang=zh`, {
      data: { version, edits: { vision: EDIT } },
    });
    expect(zhSaved.ok()).toBe(true);
    await page.goto(`${web.url}/plan/${planId}?tab=document`);
    await expect.poll(() => vision().inputValue(), { timeout: 15_000 }).toBe(EDIT);

    // English: the English pre-filled text, not the Chinese edit
    await page.getByRole('button', { name: '语言' }).click();
    const enPrefilled = (await serverText('en'))?.prefilled;
    expect(enPrefilled).toMatch(/[a-z]/);
    await expect.poll(() => vision().inputValue(), { timeout: 15_000 }).toBe(enPrefilled);
    expect(await page.getByTestId('plan-document-pdf').getAttribute('href')).toBe(
      `/api/plans/${planId}/document.pdf?lang=en`,
    );

    await vision().fill(EN_EDIT);
    await page.getByTestId('plan-document-save').click();
    const saved = page.getByTestId('plan-document-saved');
    await expect.poll(() => saved.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await saved.textContent()).toContain('Saved');
    await expect.poll(async () => (await serverText('en'))?.text, { timeout: 15_000 }).toBe(EN_EDIT);
    expect((await serverText('zh'))?.text).toBe(EDIT);

    // back to Chinese: the Chinese edit, and no confirmation carried over from the English save
    await page.getByRole('button', { name: 'Language' }).click();
    await expect.poll(() => vision().inputValue(), { timeout: 15_000 }).toBe(EDIT);
    expect(await page.getByTestId('plan-document-saved').count()).toBe(0);

    // the English Word download prints the English edit
    const docx = await page.request.get(`${web.url}/api/plans/${planId}/document.docx?lang=en`);
    expect(docx.status()).toBe(200);
    const file = join(dir, 'plan-en.docx');
    writeFileSync(file, await docx.body());
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(EN_EDIT);
    expect(xml).not.toContain(EDIT);
  });
});
