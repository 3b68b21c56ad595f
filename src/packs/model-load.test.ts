import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorSystemTexts } from '../core/diagnosis/model-texts.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById, loadIndicatorSystemPack } from './model-load.ts';
import { formatProblem } from './yaml-source.ts';

const fixtures = 'src/packs/fixtures/models';

describe('model pack loader', () => {
  it('loads every shipped model pack without a problem', async () => {
    const ids = await listIndicatorSystemPacks('packs/models');
    expect(ids).toContain('sme-digital-level-2024');
    for (const id of ids) {
      const r = await loadIndicatorSystemById('packs/models', id);
      expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    }
  });

  it('has English for every text of every shipped pack, and no Chinese in the English', async () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    /** every `en` of a { zh, en } pair (names and texts) anywhere in the model */
    const english = (v: unknown): string[] =>
      Array.isArray(v)
        ? v.flatMap(english)
        : v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => (k === 'en' && typeof x === 'string' ? [x] : english(x)))
          : [];
    for (const id of await listIndicatorSystemPacks('packs/models')) {
      const r = await loadIndicatorSystemById('packs/models', id);
      if (!r.ok) throw new Error(`${id} does not load`);
      const texts = indicatorSystemTexts(r.model);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter((t) => t.text.en === undefined).map((t) => `${id}: ${t.where}`)).toEqual([]);
      expect(english(r.model).filter((en) => cjk.test(en))).toEqual([]);
    }
  });

  it('reports every semantic problem at once, with file and line', async () => {
    const r = await loadIndicatorSystemPack(join(fixtures, 'bad-points'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const f = `${fixtures}/bad-points`;
    expect(r.problems.map(formatProblem)).toEqual([
      `${f}/indicators.yaml:17: options must be lettered A, B, C … in order: expected B, got C`,
      `${f}/indicators.yaml:25: an exclusive ("无") option must score 0`,
      `${f}/indicators.yaml:4: dimension D1 declares 10 points, its indicators add up to 5`,
      `${f}/indicators.yaml:18: duplicate question id "Q1"`,
      `${f}/levels.yaml:7: minConstrainedScenes cannot exceed minScenes`,
      `${f}/levels.yaml:7: minConstrainedScenes 2 exceeds the 1 约束性 scenes`,
      `${f}/levels.yaml:10: minScore must not decrease from one level to the next (8 → 4)`,
      `${f}/levels.yaml:13: minConstrainedScenes must not decrease from one level to the next (2 → 1)`,
    ]);
  });

  it('reports schema problems (bad scenario codes, wrong types) with lines', async () => {
    const r = await loadIndicatorSystemPack(join(fixtures, 'bad-schema'));
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message.split(':')[0]}`)).toEqual([
      '4: dimensions.0.points',
      '23: dimensions.0.indicators.0.questions.1.scenarios.0',
    ]);
  });

  it('reports texts of the wrong shape (neither a string nor { zh, en }) with file and line', async () => {
    const r = await loadIndicatorSystemPack(join(fixtures, 'bad-text'));
    const f = `${fixtures}/bad-text/indicators.yaml`;
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `${f}:13: dimensions.0.indicators.0.questions.0.prompt: expected a text: a string (Chinese) or { zh, en }`,
      `${f}:17: dimensions.0.indicators.0.questions.0.options.1.text: Unrecognized key: "fr"`,
      `${f}:21: dimensions.0.indicators.0.questions.1.prompt.zh: zh text is required`,
      `${f}:23: dimensions.0.indicators.0.questions.1.fields.numerator.en: en text must not be empty`,
    ]);
  });

  it('names the available packs when an id is unknown', async () => {
    const r = await loadIndicatorSystemById('packs/models', 'nope');
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(
      /no model pack "nope" \(available: .*sme-digital-level-2024/,
    );
  });
});
