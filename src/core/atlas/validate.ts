import { parseScenarioCode } from './code.ts';
import { findCycles, formatCycle } from './cycles.ts';
import type { Atlas, AtlasPackData, AtlasProblem } from './types.ts';

type Path = readonly (string | number)[];

/** Where one file's content came from, so problems can carry its name and lines. */
export interface SourceRef {
  file: string;
  lineOf(path: Path): number;
}

/** The source of each file of a pack; a missing optional file has none. */
export interface PackSources {
  meta: SourceRef;
  vocabulary?: SourceRef;
  painPoints?: SourceRef;
  kpis?: SourceRef;
  scenarios?: SourceRef;
  links?: SourceRef;
}

/**
 * What the loader could not read: a file that did not parse or whose items were dropped for schema errors. Checks
 * that depend on such content are skipped or told of the dropped ids, so one broken file does not cause a flood of
 * follow-on problems.
 */
export interface Unreadable {
  /** vocabulary.yaml exists but could not be read */
  vocabulary?: boolean;
  /** a whole catalogue file could not be read: references into it are not checked */
  painPoints?: boolean;
  kpis?: boolean;
  scenarios?: boolean;
  /** ids/codes of items dropped for schema errors: references to them are not reported again */
  painPointIds?: readonly string[];
  kpiIds?: readonly string[];
  scenarioCodes?: readonly string[];
}

/**
 * Cross-file rules of an atlas pack, given its schema-valid files and the atlas it extends (if any): unique codes and
 * ids (also against the base), references to existing codes and ids, closed vocabularies, code parts that agree with
 * the category and the pack's industry, no self or duplicate links, and no cycle among prerequisite links.
 * Returns every problem found, in file order.
 */
export function validateAtlasPack(
  pack: AtlasPackData,
  sources: PackSources,
  base?: Atlas,
  unreadable: Unreadable = {},
): AtlasProblem[] {
  const problems: AtlasProblem[] = [];
  const report = (src: SourceRef | undefined, path: Path, message: string) => {
    const s = src ?? sources.meta;
    problems.push({ file: s.file, line: src ? s.lineOf(path) : 1, message, path });
  };
  const { meta } = pack;

  // vocabulary
  if (!meta.extends && !pack.vocabulary && !unreadable.vocabulary)
    report(sources.meta, [], 'a stand-alone pack needs vocabulary.yaml');
  if (meta.extends && pack.vocabulary) {
    report(
      sources.vocabulary,
      [],
      `pack extends ${meta.extends} and inherits its vocabulary: remove vocabulary.yaml`,
    );
  }
  const vocabulary = base?.vocabulary ?? pack.vocabulary;
  if (pack.vocabulary) {
    for (const list of ['categories', 'valueTags', 'enterpriseTypes', 'chains'] as const) {
      duplicates(
        pack.vocabulary[list],
        (e) => e.id,
        (i, id) => report(sources.vocabulary, [list, i, 'id'], `duplicate ${list} id "${id}"`),
      );
    }
    duplicates(
      pack.vocabulary.categories,
      (c) => c.code,
      (i, code) => report(sources.vocabulary, ['categories', i, 'code'], `duplicate category code "${code}"`),
    );
  }
  const categories = new Map(vocabulary?.categories.map((c) => [c.id, c]));
  const valueTags = new Set(vocabulary?.valueTags.map((t) => t.id));
  const enterpriseTypes = new Set(vocabulary?.enterpriseTypes.map((t) => t.id));
  const chains = new Set<string>(vocabulary?.chains.map((c) => c.id));
  const check = (ok: boolean, src: SourceRef | undefined, path: Path, message: string) => {
    if (vocabulary && !ok) report(src, path, message);
  };

  // pain points
  const painPoints = new Set(base?.painPoints.map((p) => p.id));
  const droppedPainPoints = new Set(unreadable.painPointIds);
  pack.painPoints.forEach((p, i) => {
    if (painPoints.has(p.id))
      report(sources.painPoints, ['painPoints', i, 'id'], `duplicate pain point id "${p.id}"`);
    painPoints.add(p.id);
    check(
      categories.has(p.category),
      sources.painPoints,
      ['painPoints', i, 'category'],
      `unknown category "${p.category}"`,
    );
  });

  // KPIs
  const kpis = new Set(base?.kpis.map((k) => k.id));
  const droppedKpis = new Set(unreadable.kpiIds);
  pack.kpis.forEach((k, i) => {
    if (kpis.has(k.id)) report(sources.kpis, ['kpis', i, 'id'], `duplicate KPI id "${k.id}"`);
    kpis.add(k.id);
    check(
      valueTags.has(k.valueTag),
      sources.kpis,
      ['kpis', i, 'valueTag'],
      `unknown value tag "${k.valueTag}"`,
    );
  });

  // scenarios
  if (
    !meta.extends &&
    pack.scenarios.length === 0 &&
    !unreadable.scenarios &&
    !unreadable.scenarioCodes?.length
  ) {
    report(sources.scenarios, ['scenarios'], 'a stand-alone pack needs at least one scenario');
  }
  const codes = new Set(base?.scenarios.map((s) => s.code));
  pack.scenarios.forEach((s, i) => {
    const src = sources.scenarios;
    const at = (...rest: (string | number)[]) => ['scenarios', i, ...rest];
    if (codes.has(s.code)) {
      const where = base?.origin[s.code];
      report(
        src,
        at('code'),
        `duplicate scenario code ${s.code}${where ? ` (already in pack ${where})` : ''}`,
      );
    }
    codes.add(s.code);
    const parts = parseScenarioCode(s.code);
    if (parts && parts.industry !== meta.industry.code) {
      report(
        src,
        at('code'),
        `code ${s.code}: industry ${parts.industry} is not the pack's industry ${meta.industry.code}`,
      );
    }
    const category = categories.get(s.category);
    check(category !== undefined, src, at('category'), `unknown category "${s.category}"`);
    if (parts && category && parts.category !== category.code) {
      report(
        src,
        at('code'),
        `code ${s.code}: category part ${parts.category} does not match category ${category.id} (${category.code})`,
      );
    }
    const refs = (
      list: 'painPoints' | 'kpis' | 'valueTags' | 'enterpriseTypes',
      ok: (id: string) => boolean,
      what: string,
      needsVocabulary: boolean,
    ) => {
      s[list].forEach((id, j) => {
        if (!ok(id) && (!needsVocabulary || vocabulary)) report(src, at(list, j), `unknown ${what} "${id}"`);
      });
      duplicates(
        s[list],
        (x) => x,
        (j, id) => report(src, at(list, j), `${what} "${id}" listed twice`),
      );
    };
    refs(
      'painPoints',
      (id) => painPoints.has(id) || droppedPainPoints.has(id) || !!unreadable.painPoints,
      'pain point',
      false,
    );
    refs('kpis', (id) => kpis.has(id) || droppedKpis.has(id) || !!unreadable.kpis, 'KPI', false);
    refs('valueTags', (id) => valueTags.has(id), 'value tag', true);
    refs('enterpriseTypes', (id) => enterpriseTypes.has(id), 'enterprise type', true);
  });

  // links
  const linkKey = (l: { from: string; to: string; chain: string }) =>
    `${l.from}\u0000${l.to}\u0000${l.chain}`;
  const seenLinks = new Set(base?.links.map(linkKey));
  const droppedCodes = new Set(unreadable.scenarioCodes);
  pack.links.forEach((l, i) => {
    const src = sources.links;
    const exists = (code: string) => codes.has(code) || droppedCodes.has(code) || !!unreadable.scenarios;
    if (!exists(l.from)) report(src, ['links', i, 'from'], `link from unknown scenario ${l.from}`);
    if (!exists(l.to)) report(src, ['links', i, 'to'], `link to unknown scenario ${l.to}`);
    if (l.from === l.to) report(src, ['links', i], `link from ${l.from} to itself`);
    check(chains.has(l.chain), src, ['links', i, 'chain'], `unknown chain "${l.chain}"`);
    const key = linkKey(l);
    if (seenLinks.has(key)) report(src, ['links', i], `duplicate ${l.chain} link ${l.from} → ${l.to}`);
    seenLinks.add(key);
  });

  // prerequisite cycles: base links first (the base is acyclic), so a cycle is closed by one of this pack's links
  const baseCount = base?.links.length ?? 0;
  const edges = [...(base?.links ?? []), ...pack.links]
    .map((l, index) => ({ from: l.from, to: l.to, index, prerequisite: l.prerequisite }))
    .filter((e) => e.prerequisite && e.from !== e.to);
  for (const cycle of findCycles(edges)) {
    const own =
      cycle.closingEdge.index >= baseCount
        ? cycle.closingEdge.index
        : ownEdgeOnCycle(cycle.path, pack, baseCount);
    report(
      sources.links,
      own === undefined ? [] : ['links', own - baseCount],
      `prerequisite cycle: ${formatCycle(cycle.path)}`,
    );
  }
  return problems;
}

function ownEdgeOnCycle(path: readonly string[], pack: AtlasPackData, baseCount: number): number | undefined {
  for (let k = 0; k + 1 < path.length; k++) {
    const i = pack.links.findIndex((l) => l.prerequisite && l.from === path[k] && l.to === path[k + 1]);
    if (i >= 0) return i + baseCount;
  }
  return undefined;
}

function duplicates<T>(
  items: readonly T[],
  key: (t: T) => string,
  onDuplicate: (index: number, key: string) => void,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) onDuplicate(i, k);
    seen.add(k);
  });
}
