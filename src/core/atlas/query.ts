import { indexAtlas } from './atlas-index.ts';
import type { ChainType, Scenario } from './pack-schema.ts';
import type { LocalizedText } from '../shared/text.ts';
import { ELEMENT_LISTS, type Atlas, type ElementList } from './types.ts';

/** What to look for; every given criterion must hold (AND). */
export interface ScenarioFilter {
  /** free text over code, name and description (every word must occur; case-insensitive) */
  q?: string;
  /** category id (e.g. production) or category code (e.g. PM) */
  category?: string;
  valueTag?: string;
  enterpriseType?: string;
  kpi?: string;
  painPoint?: string;
  /** substring of an element of the four lists (zh or en, case-insensitive) */
  element?: string;
  /** restrict `element` to one list */
  elementList?: ElementList;
  /** only scenarios with at least one link (in or out) of this chain type */
  chain?: ChainType;
}

const fold = (s: string) => s.toLocaleLowerCase('en');
const both = (t: LocalizedText) => `${fold(t.zh)}\n${fold(t.en)}`;

/** A scenario's searchable texts, lower-cased once (zh and en joined by a newline, which no needle contains). */
interface Folded {
  code: string;
  name: string;
  description: string;
  elements: Record<ElementList, string>;
}
const foldedCache = new WeakMap<Scenario, Folded>();
function folded(s: Scenario): Folded {
  let f = foldedCache.get(s);
  if (!f) {
    const list = (l: ElementList) => s.elements[l].map(both).join('\n');
    f = {
      code: fold(s.code),
      name: both(s.name),
      description: both(s.description),
      elements: { data: list('data'), models: list('models'), tools: list('tools'), skills: list('skills') },
    };
    foldedCache.set(s, f);
  }
  return f;
}

/** Category id for an id or a code, or undefined when it names no category. */
export function resolveCategory(atlas: Atlas, idOrCode: string): string | undefined {
  return atlas.vocabulary.categories.find((c) => c.id === idOrCode || c.code === idOrCode)?.id;
}

export function byCategory(atlas: Atlas, idOrCode: string): Scenario[] {
  const id = resolveCategory(atlas, idOrCode);
  return atlas.scenarios.filter((s) => s.category === id);
}

export const byValueTag = (atlas: Atlas, tag: string) =>
  atlas.scenarios.filter((s) => s.valueTags.includes(tag));
export const byEnterpriseType = (atlas: Atlas, type: string) =>
  atlas.scenarios.filter((s) => s.enterpriseTypes.includes(type));
export const byKpi = (atlas: Atlas, kpi: string) => atlas.scenarios.filter((s) => s.kpis.includes(kpi));
export const byPainPoint = (atlas: Atlas, id: string) =>
  atlas.scenarios.filter((s) => s.painPoints.includes(id));

/** Does any element of the scenario's four lists (or of one list) contain the text? */
export function needsElement(s: Scenario, text: string, list?: ElementList): boolean {
  const needle = fold(text.trim()).replace(/\s+/g, ' ');
  const f = folded(s);
  return (list ? [list] : ELEMENT_LISTS).some((l) => f.elements[l].includes(needle));
}

/** Which scenarios need an element, e.g. 设备运行数据 — substring match over zh and en. */
export function byElement(atlas: Atlas, text: string, list?: ElementList): Scenario[] {
  return atlas.scenarios.filter((s) => needsElement(s, text, list));
}

function searchScore(s: Scenario, words: readonly string[]): number {
  const f = folded(s);
  let score = 0;
  for (const w of words) {
    if (f.code.includes(w)) score += 3;
    else if (f.name.includes(w)) score += 2;
    else if (f.description.includes(w)) score += 1;
    else return 0;
  }
  return score;
}

/** Free-text search over code, name and description; best matches first (code, then name, then description). */
export function search(atlas: Atlas, q: string): Scenario[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...atlas.scenarios];
  return atlas.scenarios
    .map((s, i) => ({ s, i, score: searchScore(s, words) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => r.s);
}

/** All scenarios matching every criterion of the filter; search order when `q` is given, else atlas order. */
export function filterScenarios(atlas: Atlas, filter: ScenarioFilter): Scenario[] {
  const index = indexAtlas(atlas);
  const category =
    filter.category === undefined ? undefined : (resolveCategory(atlas, filter.category) ?? '');
  const start = filter.q ? search(atlas, filter.q) : atlas.scenarios;
  return start.filter(
    (s) =>
      (category === undefined || s.category === category) &&
      (filter.valueTag === undefined || s.valueTags.includes(filter.valueTag)) &&
      (filter.enterpriseType === undefined || s.enterpriseTypes.includes(filter.enterpriseType)) &&
      (filter.kpi === undefined || s.kpis.includes(filter.kpi)) &&
      (filter.painPoint === undefined || s.painPoints.includes(filter.painPoint)) &&
      (filter.element === undefined || needsElement(s, filter.element, filter.elementList)) &&
      (filter.chain === undefined ||
        [...(index.outgoing.get(s.code) ?? []), ...(index.incoming.get(s.code) ?? [])].some(
          (l) => l.chain === filter.chain,
        )),
  );
}

export function findScenario(atlas: Atlas, code: string): Scenario | undefined {
  return indexAtlas(atlas).byCode.get(code);
}
