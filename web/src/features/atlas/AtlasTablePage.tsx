import { Button, Card, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAtlasGraph, usePack, useScenarios, type Scenario } from './api.ts';
import { AtlasFilters } from './AtlasFilters.tsx';
import { AtlasHeader } from './AtlasHeader.tsx';
import { AtlasLoadError } from './AtlasLoadError.tsx';
import { DebouncedSearch } from './DebouncedSearch.tsx';
import {
  ELEMENT_LISTS,
  categoryColour,
  scenarioPath,
  useAtlasParams,
  useLocalized,
  valueTagColour,
} from './atlas-ui.ts';

/** The entries of the four lists that contain the searched element, shown under the scenario name. */
function MatchedElements({ scenario, needle }: { scenario: Scenario; needle: string }) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const folded = needle.trim().toLocaleLowerCase('en');
  const hits = ELEMENT_LISTS.flatMap((list) =>
    scenario.elements[list]
      .filter((e) => `${e.zh}\n${e.en}`.toLocaleLowerCase('en').includes(folded))
      .map((e) => `${t(`atlas.lists.${list}`)}: ${tx(e)}`),
  );
  return (
    <div style={{ fontSize: 12, color: '#6b7280', marginTop: 2 }}>
      {hits.map((hit) => (
        <div key={hit}>{hit}</div>
      ))}
    </div>
  );
}

const FILTERS = ['q', 'element', 'category', 'valueTag', 'enterpriseType', 'kpi'] as const;

/** /atlas/table — the scenarios as a searchable, filterable table. */
export function AtlasTablePage() {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const { pack, get, set, packQuery } = useAtlasParams();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const detail = usePack(pack);
  const graph = useAtlasGraph(pack);
  const query = Object.fromEntries(FILTERS.map((key) => [key, get(key)]));
  const scenarios = useScenarios(pack, query);
  const vocabulary = detail.data?.vocabulary;
  const element = get('element');

  const lookups = useMemo(() => {
    const name = <T extends { id: string; name: { zh: string; en: string } }>(list: T[] | undefined) =>
      new Map((list ?? []).map((entry) => [entry.id, entry]));
    return {
      categories: name(vocabulary?.categories),
      categoryIndex: new Map((vocabulary?.categories ?? []).map((c, i) => [c.id, i])),
      valueTags: name(vocabulary?.valueTags),
      enterpriseTypes: name(vocabulary?.enterpriseTypes),
    };
  }, [vocabulary]);

  const linkCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of graph.data?.edges ?? []) {
      counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
      counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
    }
    return counts;
  }, [graph.data]);

  const columns: ColumnsType<Scenario> = [
    {
      title: t('atlas.table.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => (
        <Link to={scenarioPath(code, packQuery)} onClick={(e) => e.stopPropagation()}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('atlas.table.name'),
      key: 'name',
      width: 220,
      render: (_, s) => (
        <>
          <Typography.Text strong>{tx(s.name)}</Typography.Text>
          {element && <MatchedElements scenario={s} needle={element} />}
        </>
      ),
    },
    {
      title: t('atlas.table.category'),
      key: 'category',
      width: 130,
      responsive: ['sm'],
      render: (_, s) => (
        // a long category ("Operations, maintenance and service") wraps in its column instead of widening it
        <Tag
          color={categoryColour(lookups.categoryIndex.get(s.category) ?? 0)}
          style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
        >
          {tx(lookups.categories.get(s.category)?.name) || s.category}
        </Tag>
      ),
    },
    {
      title: t('atlas.table.valueTags'),
      key: 'valueTags',
      width: 150,
      responsive: ['md'],
      render: (_, s) => (
        <Space size={[0, 4]} wrap>
          {s.valueTags.map((id) => (
            <Tag key={id} color={valueTagColour(id)}>
              {tx(lookups.valueTags.get(id)?.name) || id}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('atlas.table.enterpriseTypes'),
      key: 'enterpriseTypes',
      width: 220,
      responsive: ['xl'],
      render: (_, s) => (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, margin: 0 }}
          ellipsis={{ rows: 2, tooltip: true }}
        >
          {s.enterpriseTypes.map((id) => tx(lookups.enterpriseTypes.get(id)?.name) || id).join(' · ')}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('atlas.table.links'),
      key: 'links',
      width: 70,
      responsive: ['xl'],
      align: 'right',
      render: (_, s) => linkCount.get(s.code) ?? 0,
    },
  ];

  // What fits the width (the sidebar takes 64 px below lg, 200 from lg): 768 px shows code, name, category and value
  // tags; from xl all six. The hidden ones are named above the table, and the scenario page shows everything.
  const shown = columns.filter((c) => !c.responsive || c.responsive.some((bp) => screens[bp]));
  const hidden = columns
    .filter((c) => !shown.includes(c))
    .map((c) => (typeof c.title === 'string' ? c.title : ''));
  const tableWidth = shown.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

  const failed = detail.isError || scenarios.isError;
  const anyFilter = FILTERS.some((key) => get(key));

  return (
    <div>
      <AtlasHeader view="table" />
      {failed ? (
        <AtlasLoadError
          error={detail.error ?? scenarios.error}
          onRetry={() => {
            void detail.refetch();
            void scenarios.refetch();
          }}
        />
      ) : (
        <Card size="small">
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <DebouncedSearch param="q" placeholder={t('atlas.filters.search')} width={260} />
            <DebouncedSearch param="element" placeholder={t('atlas.filters.element')} width={300} />
            <AtlasFilters pack={detail.data} filters={['category', 'valueTag', 'enterpriseType', 'kpi']} />
            {anyFilter && (
              <Button
                type="link"
                onClick={() => set(Object.fromEntries(FILTERS.map((key) => [key, undefined])))}
              >
                {t('atlas.filters.clear')}
              </Button>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 13 }}>
            {t('atlas.table.results', { count: scenarios.data?.length ?? 0 })}
            {hidden.length > 0 && (
              <span data-testid="atlas-table-hidden">
                {' · '}
                {t('atlas.table.hidden', { columns: hidden.join(t('atlas.table.listSep')) })}
              </span>
            )}
          </Typography.Text>
          <Table<Scenario>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={scenarios.data ?? []}
            loading={scenarios.isFetching || detail.isPending}
            pagination={false}
            scroll={{ x: tableWidth }}
            onRow={(s) => ({
              onClick: () => void navigate(scenarioPath(s.code, packQuery)),
              style: { cursor: 'pointer' },
            })}
            data-testid="atlas-table"
          />
        </Card>
      )}
    </div>
  );
}
