import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childPath,
  describeControlCharacter,
  findControlCharacter,
  findControlCharacterIn,
} from './control-characters.ts';

describe('control characters', () => {
  it('finds C0 controls, DEL and C1 controls, with their 1-based position in characters', () => {
    expect(findControlCharacter('ab\u0000c')).toEqual({ position: 3, character: 'U+0000' });
    expect(findControlCharacter('\u007f')).toEqual({ position: 1, character: 'U+007F' });
    expect(findControlCharacter('é\u0085')).toEqual({ position: 2, character: 'U+0085' });
    expect(findControlCharacter('𝒜\u001b')).toEqual({ position: 2, character: 'U+001B' });
    expect(findControlCharacter('x\u009f')?.character).toBe('U+009F');
  });

  it('lets tab, line feed, carriage return and every other character through', () => {
    expect(findControlCharacter('a\tb\nc\r\nd')).toBeNull();
    expect(findControlCharacter('明远 \u00a0\u00a9\u200b')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const found = findControlCharacter(s);
        const has = [...s].some((ch) => {
          const c = ch.codePointAt(0)!;
          return (c <= 0x1f && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f);
        });
        expect(found !== null).toBe(has);
      }),
    );
  });

  it('names the field of a nested value: keys as .name or ["…"], array items as [i]', () => {
    const body = { title: 'ok', sections: [{ text: 'a' }, { text: 'b' }, { text: 'c\u0000' }] };
    expect(findControlCharacterIn(body, 'body')).toEqual({
      path: 'body.sections[2].text',
      position: 2,
      character: 'U+0000',
      key: false,
    });
    expect(findControlCharacterIn({ answers: { 网络建设: ['B', 'C\u0001'] } }, 'body')?.path).toBe(
      'body.answers.网络建设[1]',
    );
    expect(findControlCharacterIn({ 'a b': 'x\u0002' }, 'query')?.path).toBe('query["a b"]');
    expect(childPath('body', 'k\u0000')).toBe('body["k\\u0000"]');
  });

  it('finds a control character in a key, reporting the object that holds it', () => {
    const found = findControlCharacterIn({ answers: { ['x\u0000']: 1 } }, 'body');
    expect(found).toEqual({ path: 'body.answers', key: true, position: 2, character: 'U+0000' });
    expect(describeControlCharacter(found!)).toMatch(
      /^a key of body\.answers contains .*U\+0000 at position 2/,
    );
  });

  it('takes the first in document order, skips bytes, and survives deep nesting and null-prototype objects', () => {
    expect(findControlCharacterIn({ a: 'x\u0001', b: 'y\u0002' }, 'body')?.path).toBe('body.a');
    expect(findControlCharacterIn(Buffer.from([0, 1, 2]), 'body')).toBeNull();
    expect(findControlCharacterIn(12, 'body')).toBeNull();
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findControlCharacterIn(deep, 'body')?.position).toBe(4);
    const query = Object.assign(Object.create(Object.create(null) as object) as object, {
      fileName: 'a\u0000',
    });
    expect(findControlCharacterIn(query, 'query')?.path).toBe('query.fileName');
  });
});
