import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLAN_LANGS,
  PLAN_SECTION_IDS,
  type PlanDocumentEdits,
  type PlanLang,
} from '../../reports/plan-document-types.ts';
import { documentToStore, storedEdits, storedEditsByLang } from './plan-document.ts';

const editsArb: fc.Arbitrary<PlanDocumentEdits> = fc
  .uniqueArray(fc.constantFrom(...PLAN_SECTION_IDS), { maxLength: 4 })
  .chain((ids) =>
    fc
      .array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: ids.length, maxLength: ids.length })
      .map((texts) => Object.fromEntries(ids.map((id, k) => [id, texts[k]]))),
  );
const langArb = fc.constantFrom<PlanLang>(...PLAN_LANGS);
const documentArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  editsArb, // the flat shape written before edits were per language
  fc.record({ zh: editsArb, en: editsArb }, { requiredKeys: [] }),
);

describe('plan document edits per language', () => {
  it('reads the flat shape written before edits were per language as the Chinese edits', () => {
    const old = { vision: '三年建成智能工厂', risks: '数据基础薄弱' };
    expect(storedEdits(old, 'zh')).toEqual(old);
    expect(storedEdits(old, 'en')).toEqual({});
    expect(documentToStore(old)).toEqual({ zh: old });
  });

  it('reads each language of the per-language shape on its own', () => {
    const document = { zh: { vision: '愿景' }, en: { vision: 'Vision text' } };
    expect(storedEdits(document, 'zh')).toEqual({ vision: '愿景' });
    expect(storedEdits(document, 'en')).toEqual({ vision: 'Vision text' });
    // one unreadable language does not cost the other its edits
    expect(storedEditsByLang({ zh: { vision: '愿景' }, en: { appendix: 'x' } })).toEqual({
      zh: { vision: '愿景' },
    });
  });

  it('counts anything unreadable as no edits', () => {
    for (const bad of [null, undefined, 'text', 3, [], { vision: 3 }, { appendix: 'x' }, { zh: 'x' }])
      expect(storedEditsByLang(bad)).toEqual({});
  });

  it("saving one language's edits keeps the other language's, and reads back what was saved", () => {
    fc.assert(
      fc.property(documentArb, langArb, editsArb, (document, lang, edits) => {
        const stored = documentToStore(document, { lang, edits });
        const other: PlanLang = lang === 'zh' ? 'en' : 'zh';
        expect(storedEdits(stored, lang)).toEqual(edits);
        expect(storedEdits(stored, other)).toEqual(storedEdits(document, other));
        // always written in the per-language shape, or null when nothing is left
        if (stored === null)
          expect(Object.keys(edits).length + Object.keys(storedEdits(document, other)).length).toBe(0);
        else
          expect(Object.keys(stored).every((k) => (PLAN_LANGS as readonly string[]).includes(k))).toBe(true);
      }),
    );
  });

  it('a copy keeps every language and rewrites the flat shape as Chinese', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const copy = documentToStore(document);
        for (const lang of PLAN_LANGS) expect(storedEdits(copy, lang)).toEqual(storedEdits(document, lang));
      }),
    );
  });
});
