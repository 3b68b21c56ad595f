import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../core/atlas/types.ts';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import { answersFor } from '../core/diagnosis/sample-answers.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { DiagnosisResult } from '../core/diagnosis/result.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import { loadIndicatorSystemById } from '../packs/model-load.ts';
import { diagnosisHtml } from './diagnosis-pdf.ts';
import { buildDiagnosisReport } from './diagnosis-report-model.ts';

const IDS = ['sme-digital-level-2024', 'cmmm-2020', 'dcmm-2018', 'ics-security-2024'] as const;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** fields that hold pack ids (the official Chinese names), not text shown as a sentence or label */
const ID_FIELDS = new Set(['itemId', 'id', 'code', 'group']);

const models = new Map<string, IndicatorSystem>();
let atlas: Atlas;
beforeAll(async () => {
  for (const id of IDS) {
    const r = await loadIndicatorSystemById('packs/models', id);
    if (!r.ok) throw new Error(`${id} does not load`);
    models.set(id, r.model);
  }
  const c = await loadAtlasPacks('packs/atlas');
  const a = c.ok ? c.catalog.get('guide-2024') : undefined;
  if (!a) throw new Error('atlas does not load');
  atlas = a;
});

/** Answers that vary item by item (`shift` moves every choice), so that there are gaps, levels and a to-do list. */

function result(model: IndicatorSystem, shift: number): DiagnosisResult {
  const { result, problems } = diagnose(model, answersFor(model, shift));
  expect(problems).toEqual([]);
  return result;
}

/** Every string of a plain value with its path, skipping id fields. */
function strings(v: unknown, path = '', onlyIds = false, inId = false): { path: string; text: string }[] {
  if (typeof v === 'string') return onlyIds && !inId ? [] : [{ path, text: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`, onlyIds, inId));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) =>
      ID_FIELDS.has(k) && !onlyIds ? [] : strings(x, `${path}.${k}`, onlyIds, inId || ID_FIELDS.has(k)),
    );
  return [];
}

describe('an English diagnosis report has no Chinese of its own', () => {
  it.each(IDS)('%s', (id) => {
    const model = models.get(id);
    if (!model) throw new Error(id);
    const first = model.family === 'staged' ? model.areas[0]?.subdomains[0]?.requirements[0]?.id : undefined;
    const report = buildDiagnosisReport({
      model,
      result: result(model, 1),
      previous: result(model, 2),
      organisation: { name: 'Ningbo Precision Machinery Co.', kind: 'enterprise' },
      assessment: { title: '2024 self-assessment', mode: 'self', submittedAt: '2024-11-05T08:00:00Z' },
      evidence: [
        { itemId: first ?? 'x', fileName: 'policy.pdf', size: 2048, uploadedAt: '2024-11-01T00:00:00Z' },
      ],
      atlas,
      lang: 'en',
    });
    expect(report.gaps.rows.length).toBeGreaterThan(0);
    expect(strings(report).filter((s) => CJK.test(s.text))).toEqual([]);
    // the printed document (the PDF's HTML, charts included) adds none either, ids aside
    const ids = new Set(strings(report, '', true).map((s) => s.text));
    const text = diagnosisHtml(report)
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, '\n')
      .split('\n')
      .map((x) => x.trim())
      .filter((x) => x !== '' && !ids.has(x));
    expect(text.filter((x) => CJK.test(x))).toEqual([]);
    // the method notes cite the pack's source and publisher in English
    expect(text.some((x) => x.includes('Tupu (encoding'))).toBe(true);
  });
});

describe('an unreachable next level', () => {
  it('is explained in the report language, with the level named in it', () => {
    const model = models.get('sme-digital-level-2024');
    if (!model || model.family !== 'points') throw new Error('points');
    const base = result(model, 1);
    const target = model.levels[3];
    if (!target) throw new Error('level 4');
    const r: DiagnosisResult = {
      ...base,
      nextLevel: {
        reachable: false,
        target: { id: target.id, name: target.name.zh },
        reason: 'the score can reach at most 55, … needs 60',
        why: { kind: 'score-cap', reachable: 55, needed: 60 },
      },
    };
    const report = (lang: 'zh' | 'en') =>
      buildDiagnosisReport({
        model,
        result: r,
        organisation: { name: 'X' },
        assessment: { title: 'X', mode: 'self' },
        lang,
      }).todo.intro;
    expect(report('en')).toBe(
      `${target.name.en} cannot be reached within the model: the score can reach at most 55, the level needs 60.`,
    );
    expect(report('zh')).toBe(
      `在现有题目范围内无法达到${target.name.zh}：总分最多只能达到 55，而该等级需要 60。`,
    );
  });
});
