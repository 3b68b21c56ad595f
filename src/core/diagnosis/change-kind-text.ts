import type { Change } from './result.ts';

/** What a next-level change is about — a question, a scene or a requirement — as a word in `lang`. */
export function changeKindText(kind: Change['kind'], lang: 'zh' | 'en'): string {
  switch (kind) {
    case 'question':
      return lang === 'zh' ? '题目' : 'Question';
    case 'scene':
      return lang === 'zh' ? '场景' : 'Scene';
    case 'requirement':
      return lang === 'zh' ? '要求' : 'Requirement';
  }
}
