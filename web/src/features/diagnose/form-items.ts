import type { ZhText } from '../../../../src/core/shared/text.ts';
import type { IndicatorSystem, Section } from './api.ts';
import type { Text } from '../../../../src/contracts/diagnosis.ts';
import type { ItemDef } from './ItemInput.tsx';

export interface FormItem {
  id: string;
  title: Text;
  /** the item's id, shown small beside a title that is not the id itself (requirements, checklist items) */
  code: string | null;
  /** Chinese, with English where the pack has it (shown in the UI language, Chinese as the fallback) */
  prompt: ZhText | null;
  help: ZhText | null;
  /** a 约束性 scene, or an item's level name (staged) */
  tag: 'constrained' | ZhText | null;
  def: ItemDef;
}
export interface FormGroup {
  heading: Text | null;
  items: FormItem[];
}

const same = (s: string): Text => ({ zh: s, en: s });

/** A requirement is titled by its sub-domain and level, e.g. 数据战略规划 · 2 级要求. */
const requirementTitle = (subdomain: Text, level: number): Text => ({
  zh: `${subdomain.zh} · ${level} 级要求`,
  en: `${subdomain.en} · level ${level} requirement`,
});
/** A checklist item without a name of its own is titled by its group and position, e.g. 资产管理 · 第 2 项. */
const checklistTitle = (group: Text, n: number): Text => ({
  zh: `${group.zh} · 第 ${n} 项`,
  en: `${group.en} · item ${n}`,
});

/** The items of one form section, grouped the way the model is (indicator, sub-domain, checklist group). */
export function sectionGroups(model: IndicatorSystem, section: Section): FormGroup[] {
  if (model.family === 'points') {
    if (section.kind === 'scenes')
      return [
        {
          heading: null,
          items: model.scenes
            .filter((s) => s.group === section.id)
            .map((s) => ({
              id: s.id,
              title: s.name,
              code: null,
              prompt: null,
              help: null,
              tag: s.constrained ? 'constrained' : null,
              def: { kind: 'scene', def: s },
            })),
        },
      ];
    const dim = model.dimensions.find((d) => d.id === section.id);
    return (dim?.indicators ?? []).map((ind) => ({
      heading: ind.name,
      items: ind.questions.map((q) => ({
        id: q.id,
        title: q.name,
        code: null,
        prompt: q.prompt,
        help: q.help ?? null,
        tag: null,
        def: { kind: 'question', def: q },
      })),
    }));
  }
  if (model.family === 'staged') {
    const area = model.areas.find((a) => a.id === section.id);
    return (area?.subdomains ?? []).map((s) => ({
      heading: s.name,
      items: s.requirements.map((r) => ({
        id: r.id,
        title: requirementTitle(s.name, r.level),
        code: r.id,
        prompt: r.text,
        help: null,
        tag: model.rules.levels[r.level - 1]?.name ?? same(`L${r.level}`),
        def: { kind: 'requirement', grades: model.rules.grades },
      })),
    }));
  }
  const part = model.parts.find((p) => p.id === section.id);
  return (part?.groups ?? []).map((g) => ({
    heading: g.name,
    items: g.items.map((it, i) => ({
      id: it.id,
      title: it.name ?? checklistTitle(g.name, i + 1),
      code: it.id,
      prompt: it.text,
      help: null,
      tag: null,
      def: { kind: 'check', conformance: model.conformance },
    })),
  }));
}

/**
 * What each answerable item is called, by item id, for result lists (gaps, next-level changes): the question or scene
 * name, the requirement or checklist text. The diagnosis result itself names items in Chinese.
 */
export function itemTexts(model: IndicatorSystem): Map<string, ZhText> {
  const out = new Map<string, ZhText>();
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators) for (const q of ind.questions) out.set(q.id, q.name);
    for (const s of model.scenes) out.set(s.id, s.name);
  } else if (model.family === 'staged') {
    for (const a of model.areas)
      for (const s of a.subdomains) for (const r of s.requirements) out.set(r.id, r.text);
  } else {
    for (const p of model.parts) for (const g of p.groups) for (const it of g.items) out.set(it.id, it.text);
  }
  return out;
}
