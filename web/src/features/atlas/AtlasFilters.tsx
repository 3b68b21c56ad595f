import { useTranslation } from 'react-i18next';
import type { PackDetail } from './api.ts';
import { AtlasFilterSelect } from './AtlasFilterSelect.tsx';
import { useLocalized } from './atlas-ui.ts';

/** The atlas filters chosen from a list of the pack: its vocabulary, or its KPIs. */
export type AtlasListFilter = 'category' | 'valueTag' | 'enterpriseType' | 'chain' | 'kpi';

/** Width of each filter's select, in px, the same on every view. */
const WIDTHS: Record<AtlasListFilter, number> = {
  category: 140,
  valueTag: 140,
  enterpriseType: 200,
  chain: 130,
  kpi: 170,
};

function entries(pack: PackDetail | undefined, filter: AtlasListFilter) {
  if (filter === 'kpi') return pack?.kpis ?? [];
  const vocabulary = pack?.vocabulary;
  switch (filter) {
    case 'category':
      return vocabulary?.categories ?? [];
    case 'valueTag':
      return vocabulary?.valueTags ?? [];
    case 'enterpriseType':
      return vocabulary?.enterpriseTypes ?? [];
    case 'chain':
      return vocabulary?.chains ?? [];
  }
}

/** The selects of the given filters, in that order, each bound to its URL query parameter (graph and table views). */
export function AtlasFilters({
  pack,
  filters,
}: {
  pack: PackDetail | undefined;
  filters: readonly AtlasListFilter[];
}) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  return filters.map((filter) => (
    <AtlasFilterSelect
      key={filter}
      param={filter}
      label={t(`atlas.filters.${filter}`)}
      options={entries(pack, filter).map((e) => ({ value: e.id, label: tx(e.name) }))}
      width={WIDTHS[filter]}
    />
  ));
}
