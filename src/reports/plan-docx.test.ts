import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from './pdf.ts';
import type { PlanDocument, PlanSection } from './plan-document-types.ts';
import { planDocx } from './plan-docx.ts';

// No charts: the printer (a real one, started on first use) is never started.
const printer = new PdfPrinter();
afterAll(() => printer.close());

const section = (id: PlanSection['id'], heading: string, text: string): PlanSection => ({
  id,
  number: heading.split('.')[0] ?? '',
  title: heading,
  heading,
  text,
  prefilled: '',
  edited: true,
  tables: [],
  charts: [],
});

const doc: PlanDocument = {
  lang: 'en',
  title: 'Digital transformation plan',
  organisation: 'Example Machinery Ltd',
  dateText: '2025-03-01',
  subtitle: '2-year horizon',
  moneyUnit: 'CNY 10k',
  labels: { contents: 'Contents', generatedBy: 'Tupu' },
  projects: [],
  budget: { periods: [], byCategory: [], totalBudget: 0, totalSpend: 0 },
  sections: [
    section('vision', '1. Vision and targets', 'Vision (edited): a smart factory\nPlain paragraph.'),
    section('risks', '2. Risk assessment', 'Funding: 615 over the horizon'),
  ],
};

async function part(bytes: Buffer, name: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file(name)?.async('string');
  if (xml === undefined) throw new Error(`no ${name} in the file`);
  return xml;
}

describe('planDocx', () => {
  const file = planDocx(doc, printer);

  it('has a Word table of contents field over the Heading 1 sections, updated when Word opens the file', async () => {
    const xml = await part(await file, 'word/document.xml');
    expect(xml).toContain('TOC \\h \\o &quot;1-1&quot;');
    const contents = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    // its written entries, one per section, so the page is not empty before the field is updated
    const entries = [
      ...contents.matchAll(/<w:pStyle w:val="TOC1"\/>.*?<w:t xml:space="preserve">([^<]*)<\/w:t>/g),
    ];
    expect(entries.map((m) => m[1])).toEqual(['1. Vision and targets', '2. Risk assessment']);
    // the contents title looks like a heading but is not one, so it does not list itself
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>/g)];
    expect(headings).toHaveLength(2);
    expect(contents).not.toContain('>Contents<');
    expect(await part(await file, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('prints a lead-in label bold and keeps the space after a Latin colon', async () => {
    const xml = await part(await file, 'word/document.xml');
    const runs = (label: string) => {
      const at = xml.indexOf(`>${label}</w:t>`);
      return xml.slice(xml.lastIndexOf('<w:r>', at), xml.indexOf('</w:p>', at));
    };
    const vision = runs('Vision (edited):');
    expect(vision).toMatch(/<w:b\/>.*>Vision \(edited\):<\/w:t>/);
    expect(vision).toContain('<w:t xml:space="preserve"> a smart factory</w:t>');
    expect(runs('Funding:')).toContain('<w:t xml:space="preserve"> 615 over the horizon</w:t>');
  });
});
