import { describe, expect, it } from 'vitest';
import { changeKindText } from './change-kind-text.ts';
import type { Change } from './result.ts';

const kinds: Change['kind'][] = ['question', 'scene', 'requirement'];

describe('changeKindText', () => {
  it('words every change kind in Chinese and in English, each kind differently', () => {
    expect(kinds.map((k) => changeKindText(k, 'zh'))).toEqual(['题目', '场景', '要求']);
    expect(kinds.map((k) => changeKindText(k, 'en'))).toEqual(['Question', 'Scene', 'Requirement']);
  });
});
