import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LocalizedText } from '../../../../src/core/shared/text.ts';
import { DEFAULT_PACK } from './api.ts';

/** The four element lists of a scenario (四清单), in display order. */
export const ELEMENT_LISTS = ['data', 'models', 'tools', 'skills'] as const;

/** Colours of the six scenario categories, in vocabulary order (研发设计 … 跨环节协同). */
export const CATEGORY_COLOURS = ['#3b6fd4', '#2f9e6b', '#e08a1e', '#c8423b', '#1d9bb5', '#8a55c2'];

export function categoryColour(index: number): string {
  return CATEGORY_COLOURS[index % CATEGORY_COLOURS.length] ?? '#888';
}

/** Ant Design tag colours of the value tags. */
const VALUE_TAG_COLOURS: Record<string, string> = {
  quality: 'blue',
  cost: 'gold',
  efficiency: 'green',
  energy: 'cyan',
  carbon: 'lime',
  safety: 'red',
  resilience: 'purple',
  'new-model': 'magenta',
};
export const valueTagColour = (id: string) => VALUE_TAG_COLOURS[id] ?? 'default';

/** How each chain is drawn: line pattern and colour. */
export const CHAIN_STYLES = {
  tool: { type: 'solid', colour: '#5b6b82' },
  data: { type: 'dashed', colour: '#1f5fbf' },
  model: { type: 'dotted', colour: '#b0561b' },
} as const;
export const CHAIN_IDS = ['tool', 'data', 'model'] as const;

/** Show a bilingual text in the current language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const lang: 'zh' | 'en' = i18n.language === 'en' ? 'en' : 'zh';
  const tx = useCallback((text: LocalizedText | undefined) => (text ? text[lang] : ''), [lang]);
  return { lang, tx };
}

/** Filter keys kept in the URL query string, so that a filtered view can be shared. */
export type AtlasParam =
  'pack' | 'q' | 'element' | 'category' | 'valueTag' | 'enterpriseType' | 'kpi' | 'chain';

/** The atlas view state in the URL: `?pack=guide-2024&valueTag=quality…`. */
export function useAtlasParams() {
  const [params, setParams] = useSearchParams();
  const pack = params.get('pack') || DEFAULT_PACK;
  const get = useCallback((key: AtlasParam) => params.get(key) ?? undefined, [params]);
  const set = useCallback(
    (changes: Partial<Record<AtlasParam, string | undefined>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (next.get('pack') === DEFAULT_PACK) next.delete('pack');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  /** Query string that keeps only the chosen pack (for links to scenario pages). */
  const packQuery = pack === DEFAULT_PACK ? '' : `?pack=${encodeURIComponent(pack)}`;
  return { params, pack, get, set, packQuery };
}

export const scenarioPath = (code: string, packQuery: string) =>
  `/atlas/scenarios/${encodeURIComponent(code)}${packQuery}`;
