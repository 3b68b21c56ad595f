import type { GraphSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { AtlasGraph, ChainType, Scenario } from './api.ts';
import type { LocalizedText } from '../../../../src/core/shared/text.ts';
import { html } from '../../components/escape-html.ts';
import { CHAIN_STYLES, categoryColour } from './atlas-ui.ts';

export type AtlasGraphOption = ComposeOption<GraphSeriesOption | TooltipComponentOption>;

export interface GraphFilters {
  valueTag?: string;
  enterpriseType?: string;
  chain?: string;
}

export interface GraphTexts {
  lang: 'zh' | 'en';
  chainName: (chain: ChainType) => string;
  valueTagName: (id: string) => string;
  prerequisite: string;
  valueTags: string;
  flow: string;
}

/** Which scenarios pass the filters: value tag, enterprise type, and having a link of the chain type. */
export function matchingNodes(
  graph: AtlasGraph,
  scenarios: readonly Scenario[],
  filters: GraphFilters,
): Set<string> {
  const byCode = new Map(scenarios.map((s) => [s.code, s]));
  const onChain = new Set<string>();
  if (filters.chain) {
    for (const e of graph.edges) {
      if (e.chain === filters.chain) {
        onChain.add(e.source);
        onChain.add(e.target);
      }
    }
  }
  const keep = new Set<string>();
  for (const node of graph.nodes) {
    const s = byCode.get(node.id);
    if (filters.valueTag && !s?.valueTags.includes(filters.valueTag)) continue;
    if (filters.enterpriseType && !s?.enterpriseTypes.includes(filters.enterpriseType)) continue;
    if (filters.chain && !onChain.has(node.id)) continue;
    keep.add(node.id);
  }
  return keep;
}

/**
 * Node positions on a circle, grouped by category (one arc per category, a gap between arcs), running clockwise.
 * The circle is turned so that as few nodes as possible sit near the top and bottom, where horizontal labels
 * crowd each other. Returns unit-circle coordinates (y down, as on screen).
 */
export function circularLayout(
  graph: AtlasGraph,
  crowding: (ids: readonly string[], angles: readonly number[]) => number = poleCrowding,
): Map<string, { x: number; y: number; angle: number }> {
  const ordered = [...graph.nodes].sort((a, b) => a.category - b.category || a.id.localeCompare(b.id));
  const groups = new Set(ordered.map((n) => n.category)).size;
  const gap = groups > 1 ? 1 : 0;
  const slots = ordered.length + gap * groups;
  const slotOf: number[] = [];
  let slot = 0;
  let previous: number | undefined;
  for (const node of ordered) {
    if (previous !== undefined && node.category !== previous) slot += gap;
    previous = node.category;
    slotOf.push(slot + gap / 2);
    slot += 1;
  }
  const anglesFor = (turn: number) => slotOf.map((sl) => -Math.PI / 2 + turn + (2 * Math.PI * sl) / slots);
  const ids = ordered.map((n) => n.id);
  let best = { turn: 0, score: crowding(ids, anglesFor(0)) };
  for (let step = 1; step < 72; step++) {
    const turn = (step * Math.PI) / 36;
    const score = crowding(ids, anglesFor(turn));
    if (score < best.score - 1e-9) best = { turn, score };
  }
  const positions = new Map<string, { x: number; y: number; angle: number }>();
  anglesFor(best.turn).forEach((angle, i) => {
    const node = ordered[i];
    if (node) positions.set(node.id, { x: Math.cos(angle), y: Math.sin(angle), angle });
  });
  return positions;
}

/** How many nodes sit near the top and bottom of the circle (weighted by how near). */
function poleCrowding(_ids: readonly string[], angles: readonly number[]): number {
  return angles.reduce((sum, a) => sum + Math.max(0, 0.4 - Math.abs(Math.cos(a))), 0);
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box a node's label takes on screen, estimated from its text (CJK characters are about one em wide). */
function labelBox(
  text: string,
  at: { x: number; y: number; angle: number },
  font: { size: number; lineHeight: number; width: number },
): Box {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? font.size : font.size * 0.55;
  const lines = Math.max(1, Math.ceil(width / font.width));
  const w = Math.min(width, font.width);
  const h = lines * font.lineHeight;
  const gap = 12;
  switch (labelPosition(at.angle)) {
    case 'right':
      return { x: at.x + gap, y: at.y - h / 2, w, h };
    case 'left':
      return { x: at.x - gap - w, y: at.y - h / 2, w, h };
    case 'top':
      return { x: at.x - w / 2, y: at.y - gap - h, w, h };
    case 'bottom':
      return { x: at.x - w / 2, y: at.y + gap, w, h };
  }
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

function labelPosition(angle: number): 'left' | 'right' | 'top' | 'bottom' {
  const c = Math.cos(angle);
  if (c > 0.12) return 'right';
  if (c < -0.12) return 'left';
  return Math.sin(angle) < 0 ? 'top' : 'bottom';
}

/** The ECharts option for the atlas graph; non-matching nodes and links are faded, not removed. */
export function atlasGraphOption(
  graph: AtlasGraph,
  scenarios: readonly Scenario[],
  filters: GraphFilters,
  texts: GraphTexts,
  size: { width: number; height: number },
): AtlasGraphOption {
  const tx = (t: LocalizedText) => t[texts.lang];
  const byCode = new Map(scenarios.map((s) => [s.code, s]));
  const keep = matchingNodes(graph, scenarios, filters);
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const names = new Map(graph.nodes.map((n) => [n.id, tx(n.name)]));
  const labelWidth = Math.max(
    80,
    Math.min(140, Math.round(size.width * (texts.lang === 'en' ? 0.17 : 0.15))),
  );
  const dense = graph.nodes.length > 30;
  const small = dense || size.width < 900;
  // the series fits the layout into its box keeping the aspect ratio: stretch the circle into an ellipse that
  // fills the box, so that narrow screens get more vertical room between labels
  const boxWidth = Math.max(1, size.width - 2 * (labelWidth + 12));
  const boxHeight = Math.max(1, size.height - (texts.lang === 'en' ? 128 : 88));
  const stretch = Math.max(0.7, Math.min(1.5, boxHeight / boxWidth));
  // turn the circle so that the labels, as drawn at this size, overlap each other least
  const font = { size: small ? 11 : 12, lineHeight: small ? 13 : 15, width: labelWidth };
  const half = Math.min(boxWidth, boxHeight / stretch) / 2;
  const labelOverlap = (ids: readonly string[], angles: readonly number[]) => {
    const boxes = ids.map((id, i) => {
      const angle = angles[i] ?? 0;
      const at = { x: Math.cos(angle) * half, y: Math.sin(angle) * half * stretch, angle };
      return labelBox(names.get(id) ?? id, at, font);
    });
    let total = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) total += overlap(boxes[i]!, boxes[j]!);
    }
    return total;
  };
  const positions = circularLayout(graph, labelOverlap);

  const nodes = graph.nodes.map((n) => {
    const p = positions.get(n.id) ?? { x: 0, y: 0, angle: 0 };
    const on = keep.has(n.id);
    const s = byCode.get(n.id);
    return {
      id: n.id,
      name: tx(n.name),
      x: p.x * 100,
      y: p.y * 100 * stretch,
      category: n.category,
      symbolSize: 12 + Math.min(degree.get(n.id) ?? 0, 10) * 1.3,
      itemStyle: { opacity: on ? 1 : 0.15 },
      label: {
        position: labelPosition(p.angle),
        width: labelWidth,
        overflow: 'break' as const,
        fontSize: small ? 11 : 12,
        lineHeight: small ? 13 : 15,
        color: on ? '#1f2329' : '#c3c7cf',
      },
      // tooltip formatters return HTML: every text in them escaped (pack texts may come from anyone's pack)
      tooltip: {
        formatter: () =>
          html`<b>${n.id}</b> ${tx(n.name)}<br />${texts.valueTags}:
            ${(s?.valueTags ?? []).map(texts.valueTagName).join(' · ')}`,
      },
    };
  });

  const seen = new Map<string, number>();
  const edges = graph.edges.map((e) => {
    const pair = [e.source, e.target].sort().join('|');
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    const style = CHAIN_STYLES[e.chain];
    const on = keep.has(e.source) && keep.has(e.target) && (!filters.chain || filters.chain === e.chain);
    return {
      source: e.source,
      target: e.target,
      lineStyle: {
        type: style.type,
        color: style.colour,
        width: e.prerequisite ? 2.6 : 1.2,
        opacity: on ? (e.prerequisite ? 0.85 : 0.55) : 0.05,
        curveness: 0.12 + nth * 0.14,
      },
      symbolSize: e.prerequisite ? [0, 10] : [0, 7],
      tooltip: {
        formatter: () =>
          html`${names.get(e.source) ?? e.source} → ${names.get(e.target) ?? e.target}<br />${texts.chainName(e.chain)}` +
          (e.prerequisite ? html` · <b>${texts.prerequisite}</b>` : '') +
          html`<br /><span style="white-space:normal">${texts.flow}: ${tx(e.flow)}</span>`,
      },
    };
  });

  return {
    color: graph.categories.map((_, i) => categoryColour(i)),
    tooltip: {
      trigger: 'item',
      confine: true,
      extraCssText: 'max-width: 320px; white-space: normal;',
    },
    // no entry animation: the graph is usable as soon as it is drawn (filters fade without animation too)
    animation: false,
    series: [
      {
        type: 'graph',
        layout: 'none',
        // room for a label above the top node and below the bottom one (English labels wrap to more lines)
        top: texts.lang === 'en' ? 64 : 44,
        bottom: texts.lang === 'en' ? 64 : 44,
        left: labelWidth + 12,
        right: labelWidth + 12,
        roam: true,
        draggable: false,
        categories: graph.categories.map((c) => ({ name: tx(c.name) })),
        data: nodes,
        links: edges,
        edgeSymbol: ['none', 'arrow'],
        label: { show: true },
        labelLayout: { hideOverlap: true },
        emphasis: {
          focus: 'adjacency',
          label: { fontWeight: 'bold' },
          lineStyle: { opacity: 1 },
        },
        blur: { itemStyle: { opacity: 0.15 }, lineStyle: { opacity: 0.05 }, label: { opacity: 0.3 } },
      },
    ],
  };
}
