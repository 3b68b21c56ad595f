import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../core/diagnosis/assessment.ts';
import { applyChanges, diagnose } from '../core/diagnosis/diagnose.ts';
import type { PointsIndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { indicatorSystemTexts } from '../core/diagnosis/model-texts.ts';
import { flatQuestions } from '../core/diagnosis/points-flat.ts';
import { loadIndicatorSystemById } from './model-load.ts';

let model: PointsIndicatorSystem;
beforeAll(async () => {
  const r = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  if (!r.ok || r.model.family !== 'points') throw new Error('SME pack does not load');
  model = r.model;
});

/** Answers with every question at option index / band `k` (clamped) and every scene at `scene`. */
function uniform(k: number, scene: number): Assessment {
  const answers: Assessment['answers'] = {};
  for (const { def } of flatQuestions(model)) {
    if (def.type === 'single') answers[def.id] = def.options[Math.min(k, def.options.length - 1)]!.id;
    else if (def.type === 'multi')
      answers[def.id] = k === 0 ? ['A'] : def.options.slice(1, 1 + k).map((o) => o.id);
    else answers[def.id] = def.bands[Math.min(k, def.bands.length - 1)]!.upTo;
  }
  return {
    model: model.meta.id,
    answers,
    scenes: Object.fromEntries(model.scenes.map((s) => [s.id, scene])),
  };
}

describe('sme-digital-level-2024', () => {
  it('has English for every prompt, option, field label, scene descriptor, level description and note', () => {
    const texts = indicatorSystemTexts(model);
    // publisher + 3 source parts + 5 uncertainty notes + 15 prompts + 1 help + 4 field labels + 64 options
    // + 64 scene descriptors + 4 levels
    expect(texts.length).toBe(161);
    expect(texts.filter((t) => t.text.en === undefined).map((t) => t.where)).toEqual([]);
    const q = flatQuestions(model).find((x) => x.def.id === '网络建设')?.def;
    expect(q?.type === 'multi' && q.options[0]?.text).toEqual({ zh: '无', en: 'None' });
  });

  it('has the official structure: 50 / 30 / 20, 15 questions, 16 scenes of which 10 约束性', () => {
    expect(model.dimensions.map((d) => [d.id, d.points])).toEqual([
      ['数字化基础', 50],
      ['数字化管理', 30],
      ['数字化成效', 20],
    ]);
    expect(flatQuestions(model).map((q) => q.def.id)).toEqual(
      '网络建设 设备数字化 设备联网 数据采集 信息系统 网络安全 数据安全 规划实施 管理机制 人才建设 资金保障 绿色低碳 产品质量 市场表现 价值效益'.split(
        ' ',
      ),
    );
    expect(model.scenes).toHaveLength(16);
    expect(model.scenes.filter((s) => s.constrained).map((s) => s.id)).toEqual(
      '产品设计 营销管理 生产管控 质量管理 设备管理 安全生产 能耗管理 采购管理 仓储物流 财务管理'.split(' '),
    );
  });

  it('scores the best answers 100 / 四级 and the worst 0 / no level', () => {
    const best = diagnose(model, uniform(20, 4));
    expect(best.problems).toEqual([]);
    expect(best.result.score).toBe(100);
    expect(best.result.maxScore).toBe(100);
    expect(best.result.level?.name).toBe('四级');
    expect(best.result.nextLevel).toBeNull();
    const worst = diagnose(model, uniform(0, 0)).result;
    expect([worst.score, worst.level]).toEqual([0, null]);
  });

  it('scores a realistic enterprise and lists the path to the next level', () => {
    const a: Assessment = {
      model: 'sme-digital-level-2024',
      answers: {
        网络建设: ['B', 'C'],
        设备数字化: { 实现数字化的生产设备数量: 35, 生产设备数量: 100 },
        设备联网: 25,
        数据采集: ['G', 'H', 'N'],
        信息系统: 'C',
        网络安全: ['B', 'C'],
        数据安全: ['A'],
        规划实施: 'C',
        管理机制: ['B'],
        人才建设: ['B'],
        资金保障: 8,
        绿色低碳: 'B',
        产品质量: 'C',
        市场表现: 'B',
        价值效益: 'B',
      },
      scenes: { ...uniform(0, 2).scenes, 营销管理: 1, 售后服务: 1, 决策支持: 0, 协同办公: 3 },
    };
    const { result, problems } = diagnose(model, a);
    expect(problems).toEqual([]);
    // 4 + 3 + 3 + 2.1 + 5 + 2.5 + 0 | 3 + 1.875 + 1.5 + 0 | 3.5 + 7 + 1.5 + 1.5
    expect(result.dimensions.map((d) => d.score)).toEqual([19.6, 6.375, 13.5]);
    expect(result.score).toBe(39.475);
    expect(result.level?.name).toBe('一级');
    const next = result.nextLevel;
    if (!next?.reachable) throw new Error('二级 should be reachable');
    expect(next.target.name).toBe('二级');
    expect(next.changeCount).toBe(1); // one more answer (e.g. one more option) lifts 39.475 over 40
    const after = diagnose(model, applyChanges(a, next.changes)).result;
    expect(after.level?.name).toBe('二级');
  });

  it('asks to raise 资金保障 from 4 % to the lower edge of the band that gives the points, not to 100 %', () => {
    // all best answers except: 资金保障 4 % (band [0,10], 0 of 7.5) and five multi-choice questions short by
    // 4 + 3.75 + 3.75 + 3.75 + 3 = 18.25 → 74.25 (三级); 四级 needs 80, a gap of 5.75 that only 资金保障's top band
    // (60,100] (+7.5) closes in one change; its smallest whole percentage is 61.
    const best = uniform(20, 4);
    const a: Assessment = {
      ...best,
      answers: {
        ...best.answers,
        资金保障: 4,
        网络建设: ['B', 'C'],
        网络安全: ['B'],
        数据安全: ['B'],
        管理机制: ['B', 'C'],
        人才建设: ['B', 'C', 'D'],
      },
    };
    const { result, problems } = diagnose(model, a);
    expect(problems).toEqual([]);
    expect([result.score, result.level?.name]).toEqual([74.25, '三级']);
    expect(result.gaps.find((g) => g.itemId === '资金保障')).toMatchObject({
      current: 4,
      best: 61,
      lostPoints: 7.5,
    });
    const next = result.nextLevel;
    if (!next?.reachable) throw new Error('四级 should be reachable');
    expect(next.changes).toEqual([
      {
        itemId: '资金保障',
        kind: 'question',
        name: '资金保障',
        from: 4,
        to: 61,
        gain: 7.5,
        step: 4,
        scenarios: ['GEN-BM-01'],
      },
    ]);
    const after = diagnose(model, applyChanges(a, next.changes)).result;
    expect([after.score, after.level?.name]).toEqual([81.75, '四级']);
    // one below the edge (60 %, still in (40,60]) would not do it
    const short = diagnose(model, { ...a, answers: { ...a.answers, 资金保障: 60 } }).result;
    expect(short.level?.name).toBe('三级');
  });

  it('laws on the real pack: bounds, monotonic, and the to-do list reaches its target', () => {
    const pick = fc.record({
      k: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 15, maxLength: 15 }),
      scenes: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
    });
    const build = (k: number[], scenes: number[]): Assessment => {
      const answers: Assessment['answers'] = {};
      flatQuestions(model).forEach(({ def }, i) => {
        const v = k[i] ?? 0;
        if (def.type === 'single') answers[def.id] = def.options[v % def.options.length]!.id;
        else if (def.type === 'multi')
          answers[def.id] =
            v === 0
              ? ['A']
              : def.options
                  .slice(1)
                  .filter((_, j) => (v >> j) & 1 || j === v % 4)
                  .map((o) => o.id);
        else answers[def.id] = (v * 7) % 101;
      });
      return {
        model: model.meta.id,
        answers,
        scenes: Object.fromEntries(model.scenes.map((s, i) => [s.id, scenes[i] ?? 0])),
      };
    };
    fc.assert(
      fc.property(pick, ({ k, scenes }) => {
        const a = build(k, scenes);
        const { result, problems } = diagnose(model, a);
        expect(problems).toEqual([]);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        const levelIdx = (id: string | undefined) => model.levels.findIndex((l) => l.id === id);
        // monotonic: one scene up never lowers the level
        const up = { ...a, scenes: { ...a.scenes, [model.scenes[k[0]! % 16]!.id]: 4 } };
        expect(levelIdx(diagnose(model, up).result.level?.id)).toBeGreaterThanOrEqual(
          levelIdx(result.level?.id),
        );
        const next = result.nextLevel;
        if (next?.reachable) {
          const after = diagnose(model, applyChanges(a, next.changes));
          expect(after.problems).toEqual([]);
          expect(levelIdx(after.result.level?.id)).toBeGreaterThanOrEqual(levelIdx(next.target.id));
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
