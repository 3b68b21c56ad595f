import { describe, expect, it } from 'vitest';
import type { Unreachable } from './result.ts';
import { unreachableText } from './unreachable-text.ts';

const every: Unreachable[] = [
  { kind: 'score-cap', reachable: 71.5, needed: 80 },
  { kind: 'too-few-scenes' },
  { kind: 'scenes-cannot-rise' },
  { kind: 'staged-cap', minS: 3 },
  { kind: 'no-levels' },
];

describe('unreachableText', () => {
  it.each(every)('words $kind in Chinese and in English, with its figures', (w) => {
    const zh = unreachableText(w, 'zh');
    const en = unreachableText(w, 'en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    for (const figure of Object.values(w).filter((v) => typeof v === 'number'))
      for (const text of [zh, en]) expect(text).toContain(String(figure));
  });
});
