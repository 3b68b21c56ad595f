import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Family } from '../core/diagnosis/model-schema.ts';
import type {
  DiagnosisResult as CoreDiagnosisResult,
  Unreachable as CoreUnreachable,
} from '../core/diagnosis/result.ts';
import {
  DiagnosisResult,
  type DiagnosisResultBody,
  type IndicatorSystemFamily,
  type Unreachable,
} from './diagnosis.ts';
import type { Writable } from './test-writable.ts';

const unreachable: fc.Arbitrary<CoreUnreachable> = fc.oneof(
  fc.record({
    kind: fc.constant('score-cap' as const),
    reachable: fc.double({ min: 0, max: 100, noNaN: true }),
    needed: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.constant({ kind: 'too-few-scenes' as const }),
  fc.constant({ kind: 'scenes-cannot-rise' as const }),
  fc.record({ kind: fc.constant('staged-cap' as const), minS: fc.double({ min: 0, max: 5, noNaN: true }) }),
  fc.constant({ kind: 'no-levels' as const }),
);

describe('diagnosis result contract', () => {
  it('has the families of indicator systems the engine has', () => {
    expectTypeOf<IndicatorSystemFamily>().toEqualTypeOf<Family>();
  });

  it("describes the engine's Unreachable exactly", () => {
    expectTypeOf<Unreachable>().toEqualTypeOf<CoreUnreachable>();
  });

  it("describes the engine's whole DiagnosisResult exactly", () => {
    expectTypeOf<DiagnosisResultBody>().toEqualTypeOf<Writable<CoreDiagnosisResult>>();
  });

  it('keeps the cause of an unreachable next level when the result is validated or serialised', () => {
    const base = DiagnosisResult.parse({
      model: { id: 'm', version: '1' },
      family: 'points',
      score: 0,
      maxScore: 100,
      percent: 0,
      level: null,
      dimensions: [],
      subDimensions: [],
      scenes: [],
      levelScores: [],
      gaps: [],
      nextLevel: null,
    });
    fc.assert(
      fc.property(unreachable, (why) => {
        const nextLevel = { reachable: false as const, target: { id: 'L2', name: '二级' }, reason: 'x', why };
        expect(DiagnosisResult.parse({ ...base, nextLevel }).nextLevel).toEqual(nextLevel);
      }),
    );
    // results frozen before the cause existed still pass, without one
    const old = { reachable: false as const, target: null, reason: 'x' };
    expect(DiagnosisResult.parse({ ...base, nextLevel: old }).nextLevel).toEqual(old);
    expect(() => DiagnosisResult.parse({ ...base, nextLevel: { ...old, why: { kind: 'tired' } } })).toThrow();
  });
});
