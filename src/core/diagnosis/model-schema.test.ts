import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textIn, ZhText } from '../shared/text.ts';
import { ChecklistItemDef, IndicatorSystemMeta, QuestionDef, SceneDef } from './model-schema.ts';

const nonBlank = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');

describe('pack texts: a plain string (Chinese only) or { zh, en }', () => {
  it('reads both shapes of a question into one shape', () => {
    const question = (prompt: unknown, text: unknown) =>
      QuestionDef.parse({
        id: 'Q',
        name: { zh: '题', en: 'Q' },
        type: 'single',
        prompt,
        scenarios: [],
        options: [
          { id: 'A', text: '无', points: 0 },
          { id: 'B', text, points: 1 },
        ],
      });
    const plain = question('网络建设情况', '有');
    expect(plain.prompt).toEqual({ zh: '网络建设情况' });
    expect(plain.type === 'single' && plain.options.map((o) => o.text)).toEqual([{ zh: '无' }, { zh: '有' }]);
    const both = question({ zh: '网络建设情况', en: 'Network construction' }, { zh: '有', en: 'Yes' });
    expect(both.prompt).toEqual({ zh: '网络建设情况', en: 'Network construction' });
    expect(both.type === 'single' && both.options[1]?.text).toEqual({ zh: '有', en: 'Yes' });
  });

  it('reads scene descriptors, checklist items and ratio field labels in either shape', () => {
    const scene = SceneDef.parse({
      id: 'S',
      name: { zh: '场景', en: 'Scene' },
      group: 'G',
      constrained: false,
      scenarios: [],
      levels: ['借助表格记录', { zh: '系统管理', en: 'Managed in a system' }],
    });
    expect(scene.levels).toEqual([{ zh: '借助表格记录' }, { zh: '系统管理', en: 'Managed in a system' }]);
    expect(ChecklistItemDef.parse({ id: 'I', text: '有制度' }).text).toEqual({ zh: '有制度' });
    const ratio = QuestionDef.parse({
      id: 'R',
      name: { zh: '比率', en: 'Ratio' },
      type: 'ratio',
      prompt: '比率',
      scenarios: [],
      fields: { numerator: { zh: '联网数', en: 'networked' }, denominator: '总数' },
      bands: [{ upTo: 100, points: 1 }],
    });
    expect(ratio.type === 'ratio' && ratio.fields).toEqual({
      numerator: { zh: '联网数', en: 'networked' },
      denominator: { zh: '总数' },
    });
  });

  it('reads the publisher and source citation in either shape, and a checklist item with or without a name', () => {
    const meta = (publisher: unknown, source: unknown) =>
      IndicatorSystemMeta.parse({
        kind: 'model',
        id: 'm',
        version: '1.0.0',
        title: { zh: '模型', en: 'Model' },
        language: 'zh-CN',
        publisher,
        source,
        family: 'checklist',
        atlas: 'guide-2024',
      });
    const plain = meta('工业和信息化部', { source: '某标准', section: '第一章' });
    expect([plain.publisher, plain.source]).toEqual([
      { zh: '工业和信息化部' },
      { source: { zh: '某标准' }, section: { zh: '第一章' } },
    ]);
    const both = meta(
      { zh: '工业和信息化部', en: 'MIIT' },
      { source: { zh: '某标准', en: 'A standard' }, section: '第一章', note: { zh: '注', en: 'Note' } },
    );
    expect(textIn(both.publisher, 'en')).toBe('MIIT');
    expect(
      [both.source.source, both.source.section, both.source.note].map((t) => t && textIn(t, 'en')),
    ).toEqual(['A standard', '第一章', 'Note']);
    expect(() => meta('', { source: 's', section: 's' })).toThrow(/must not be empty/);
    expect(
      ChecklistItemDef.parse({ id: 'I', name: { zh: '资产清单', en: 'Asset inventory' }, text: '有' }).name,
    ).toEqual({
      zh: '资产清单',
      en: 'Asset inventory',
    });
    expect(() => ChecklistItemDef.parse({ id: 'I', name: '资产清单', text: '有' })).toThrow();
  });

  it('a plain string is the same text as { zh } and shows in Chinese in both languages (property)', () => {
    fc.assert(
      fc.property(nonBlank, (s) => {
        const plain = ZhText.parse(s);
        expect(plain).toEqual(ZhText.parse({ zh: s }));
        expect(textIn(plain, 'en')).toBe(s.trim());
        expect(textIn(plain, 'zh')).toBe(s.trim());
      }),
    );
  });

  it('shows English when there is some, Chinese otherwise (property)', () => {
    fc.assert(
      fc.property(nonBlank, nonBlank, (zh, en) => {
        const t = ZhText.parse({ zh, en });
        expect(textIn(t, 'en')).toBe(en.trim());
        expect(textIn(t, 'zh')).toBe(zh.trim());
      }),
    );
  });

  it('refuses wrong shapes with a message at the text', () => {
    const issues = (v: unknown) =>
      (ZhText.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(42)).toEqual([': expected a text: a string (Chinese) or { zh, en }']);
    expect(issues(['a'])).toEqual([': expected a text: a string (Chinese) or { zh, en }']);
    expect(issues(undefined)).toEqual([': text is required']);
    expect(issues('  ')).toEqual(['zh: zh text must not be empty']);
    expect(issues({ en: 'English only' })).toEqual(['zh: zh text is required']);
    expect(issues({ zh: '有', en: '' })).toEqual(['en: en text must not be empty']);
    expect(issues({ zh: '有', fr: 'Oui' })).toEqual([': Unrecognized key: "fr"']);
  });
});
