import { Card, Flex, Grid, Skeleton, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAtlasGraph, usePack, useScenarios, type ChainType } from './api.ts';
import { AtlasFilters } from './AtlasFilters.tsx';
import { AtlasGraphChart } from './AtlasGraphChart.tsx';
import { AtlasHeader } from './AtlasHeader.tsx';
import { AtlasLoadError } from './AtlasLoadError.tsx';
import { CategoryLegend } from './CategoryLegend.tsx';
import { ChainLegend } from './ChainLegend.tsx';
import { scenarioPath, useAtlasParams, useLocalized } from './atlas-ui.ts';
import { atlasGraphOption, matchingNodes, type GraphFilters } from './graph-option.ts';

/** /atlas — the scenario map as an interactive graph. */
export function AtlasGraphPage() {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const { pack, get, packQuery } = useAtlasParams();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const detail = usePack(pack);
  const graph = useAtlasGraph(pack);
  const scenarios = useScenarios(pack);

  const valueTag = get('valueTag');
  const enterpriseType = get('enterpriseType');
  const chain = get('chain');
  const filters = useMemo<GraphFilters>(
    () => ({ valueTag, enterpriseType, chain }),
    [valueTag, enterpriseType, chain],
  );

  const vocabulary = detail.data?.vocabulary;
  const chainName = useCallback(
    (id: ChainType) => tx(vocabulary?.chains.find((c) => c.id === id)?.name) || id,
    [vocabulary, tx],
  );

  const option = useMemo(() => {
    if (!graph.data || !scenarios.data || !vocabulary) return undefined;
    const g = graph.data;
    const list = scenarios.data;
    const texts = {
      lang,
      chainName,
      valueTagName: (id: string) => tx(vocabulary.valueTags.find((v) => v.id === id)?.name) || id,
      prerequisite: t('atlas.graph.prerequisite'),
      valueTags: t('atlas.graph.valueTags'),
      flow: t('atlas.graph.flow'),
    };
    return (size: { width: number; height: number }) => atlasGraphOption(g, list, filters, texts, size);
  }, [graph.data, scenarios.data, vocabulary, filters, lang, chainName, tx, t]);

  const onNodeClick = useCallback(
    (code: string) => void navigate(scenarioPath(code, packQuery)),
    [navigate, packQuery],
  );

  const failed = detail.isError || graph.isError || scenarios.isError;
  const retry = () => {
    void detail.refetch();
    void graph.refetch();
    void scenarios.refetch();
  };
  const matching = graph.data && scenarios.data ? matchingNodes(graph.data, scenarios.data, filters).size : 0;
  const filtered = Boolean(valueTag || enterpriseType || chain);

  return (
    <div>
      <AtlasHeader view="graph" />
      {failed ? (
        <AtlasLoadError error={detail.error ?? graph.error ?? scenarios.error} onRetry={retry} />
      ) : (
        <Card size="small" styles={{ body: { padding: screens.md ? 16 : 8 } }}>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
            <AtlasFilters pack={detail.data} filters={['valueTag', 'enterpriseType', 'chain']} />
            {graph.data && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {filtered
                  ? t('atlas.graph.matching', { count: matching, total: graph.data.nodes.length })
                  : t('atlas.graph.hint')}
              </Typography.Text>
            )}
          </Flex>
          {option && graph.data ? (
            <AtlasGraphChart
              option={option}
              nodeCount={graph.data.nodes.length}
              edgeCount={graph.data.edges.length}
              label={t('atlas.graph.label')}
              height={(screens.lg ? 640 : 620) + (graph.data.nodes.length > 30 ? 140 : 0)}
              onNodeClick={onNodeClick}
            />
          ) : (
            <Skeleton.Node active style={{ width: '100%', height: 560 }} />
          )}
          <Flex vertical gap={6} style={{ marginTop: 8 }}>
            {graph.data && <CategoryLegend categories={graph.data.categories} />}
            <ChainLegend chainName={chainName} />
          </Flex>
        </Card>
      )}
    </div>
  );
}
