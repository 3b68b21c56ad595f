import type { Unreachable } from './result.ts';

/** Why the next level cannot be reached, as a clause (no final full stop) in the report or workbook language. */
export function unreachableText(w: Unreachable, lang: 'zh' | 'en'): string {
  switch (w.kind) {
    case 'score-cap':
      return lang === 'zh'
        ? `总分最多只能达到 ${w.reachable}，而该等级需要 ${w.needed}`
        : `the score can reach at most ${w.reachable}, the level needs ${w.needed}`;
    case 'too-few-scenes':
      return lang === 'zh'
        ? '模型中的场景数量不足以满足该等级的场景门槛'
        : 'the model has too few scenes for the scene gate of the level';
    case 'scenes-cannot-rise':
      return lang === 'zh'
        ? '可提升的场景不足以满足该等级的场景门槛'
        : 'not enough scenes can be raised for the scene gate of the level';
    case 'staged-cap':
      return lang === 'zh'
        ? `即使全部要求完全满足，S 也无法达到 ${w.minS}`
        : `S cannot reach ${w.minS} even with every requirement fully met`;
    case 'no-levels':
      return lang === 'zh'
        ? '核查清单不设等级：每一项差距都是需要满足的要求'
        : 'a checklist has no levels: every gap is a requirement to meet';
  }
}
