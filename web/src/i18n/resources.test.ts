import { describe, expect, it } from 'vitest';
import { en, MESSAGES_BY_PART, zh } from './resources.ts';

/** The dotted path of every message (`plan.list.new`); an array of texts is one message. */
function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? keyPaths(value, path)
      : [path];
  });
}

/** Every text of a message tree. */
function texts(messages: object): unknown[] {
  return Object.values(messages).flatMap((value: unknown) =>
    Array.isArray(value)
      ? (value as unknown[])
      : typeof value === 'object' && value !== null
        ? texts(value)
        : [value],
  );
}

const parts = Object.entries(MESSAGES_BY_PART);

describe('the messages of the web app, one file per part and language', () => {
  it.each(parts)('%s has the same keys in Chinese and English', (_part, { zh: partZh, en: partEn }) => {
    expect(keyPaths(partEn).sort()).toEqual(keyPaths(partZh).sort());
    expect(keyPaths(partZh).length).toBeGreaterThan(0);
  });

  it.each(parts)('%s has a non-empty text for every message', (_part, { zh: partZh, en: partEn }) => {
    for (const text of [...texts(partZh), ...texts(partEn)]) {
      expect(typeof text).toBe('string');
      expect(text).not.toBe('');
    }
  });

  it('no namespace is defined by two parts', () => {
    const owners = new Map<string, string[]>();
    for (const [part, { zh: partZh, en: partEn }] of parts)
      for (const namespace of new Set([...Object.keys(partZh), ...Object.keys(partEn)]))
        owners.set(namespace, [...(owners.get(namespace) ?? []), part]);
    const shared = [...owners].filter(([, by]) => by.length > 1);
    expect(shared).toEqual([]);
  });

  it.each([
    ['zh', zh],
    ['en', en],
  ] as const)('the merged %s messages are exactly the namespaces of all parts', (lang, merged) => {
    const namespaces = parts.flatMap(([, byLang]) => Object.keys(byLang[lang]));
    expect(Object.keys(merged).sort()).toEqual([...namespaces].sort());
    for (const [, byLang] of parts)
      for (const [namespace, messages] of Object.entries(byLang[lang]))
        expect(merged[namespace as keyof typeof merged]).toBe(messages);
  });

  it('the merged Chinese and English messages have the same keys', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zh).sort());
  });
});
