import type { LocalizedText } from '../shared/text.ts';
import { indexAtlas } from './atlas-index.ts';
import type { Atlas } from './types.ts';

const both = (t: LocalizedText) => `${t.zh}（${t.en}）`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A readable Markdown document of an atlas (一图四清单), scenarios grouped by category. */
export function exportAtlasMarkdown(atlas: Atlas): string {
  const index = indexAtlas(atlas);
  const { vocabulary } = atlas;
  const label = (list: { id: string; name: LocalizedText }[], id: string) =>
    list.find((e) => e.id === id)?.name.zh ?? id;
  const painPoint = (id: string) => atlas.painPoints.find((p) => p.id === id)?.name.zh ?? id;
  const kpi = (id: string) => {
    const k = atlas.kpis.find((x) => x.id === id);
    return k ? `${k.name.zh}（${k.unit}，${k.direction === 'up' ? '越高越好' : '越低越好'}）` : id;
  };
  const chainName = (id: string) => label(vocabulary.chains, id);
  const out: string[] = [];
  out.push(`# ${atlas.meta.title.zh}`, '', `*${atlas.meta.title.en}*`, '');
  out.push(`- 图谱 Pack: \`${atlas.meta.id}\` ${atlas.meta.version}`);
  if (atlas.chain.length > 1) {
    out.push(
      `- 扩展自 Extends: ${atlas.chain
        .slice(0, -1)
        .reverse()
        .map((m) => `\`${m.id}\` ${m.version}`)
        .join(' ← ')}`,
    );
  }
  out.push(`- 行业 Industry: ${both(atlas.meta.industry.name)} \`${atlas.meta.industry.code}\``);
  out.push(`- 出处 Source: ${atlas.meta.source.source}，${atlas.meta.source.section}`);
  out.push(`- 场景 ${atlas.scenarios.length} 个，连接 ${atlas.links.length} 条`, '');
  if (atlas.meta.description) out.push(atlas.meta.description.zh, '');

  out.push('## 目录 Contents', '');
  for (const c of vocabulary.categories) {
    const list = atlas.scenarios.filter((s) => s.category === c.id);
    if (list.length === 0) continue;
    out.push(`- ${c.code} ${both(c.name)}: ${list.map((s) => `${s.code} ${s.name.zh}`).join('；')}`);
  }
  out.push('');

  for (const c of vocabulary.categories) {
    const list = atlas.scenarios.filter((s) => s.category === c.id);
    if (list.length === 0) continue;
    out.push(`## ${c.code} ${both(c.name)}`, '', c.description.zh, '');
    for (const s of list) {
      out.push(`### ${s.code} ${s.name.zh}`, '', `*${s.name.en}*`, '', s.description.zh, '');
      out.push(`- 痛点: ${s.painPoints.map(painPoint).join('；')}`);
      out.push(`- 价值标签: ${s.valueTags.map((t) => label(vocabulary.valueTags, t)).join('、')}`);
      out.push(`- 成效指标: ${s.kpis.map(kpi).join('；')}`);
      out.push(
        `- 适用企业: ${s.enterpriseTypes.map((t) => label(vocabulary.enterpriseTypes, t)).join('、')}`,
      );
      out.push(`- 出处: ${s.citation.source}，${s.citation.section}`, '');
      out.push(
        '| 数据要素 Data | 知识模型 Models | 工具软件 Tools | 人才技能 Skills |',
        '| --- | --- | --- | --- |',
      );
      const rows = Math.max(
        s.elements.data.length,
        s.elements.models.length,
        s.elements.tools.length,
        s.elements.skills.length,
      );
      for (let i = 0; i < rows; i++) {
        const at = (l: LocalizedText[]) => cell(l[i]?.zh ?? '');
        out.push(
          `| ${at(s.elements.data)} | ${at(s.elements.models)} | ${at(s.elements.tools)} | ${at(s.elements.skills)} |`,
        );
      }
      out.push('', `数字基础设施: ${s.infrastructure.map((x) => x.zh).join('；')}`, '');
      const outgoing = index.outgoing.get(s.code) ?? [];
      const incoming = index.incoming.get(s.code) ?? [];
      if (outgoing.length + incoming.length > 0) {
        out.push('连接:', '');
        for (const l of incoming) {
          out.push(`- ← ${l.from}（${chainName(l.chain)}${l.prerequisite ? '，前置' : ''}）: ${l.flow.zh}`);
        }
        for (const l of outgoing) {
          out.push(`- → ${l.to}（${chainName(l.chain)}${l.prerequisite ? '，前置' : ''}）: ${l.flow.zh}`);
        }
        out.push('');
      }
    }
  }
  return out.join('\n');
}
