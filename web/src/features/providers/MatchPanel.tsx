import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useMatch,
  useProviders,
  useScenarioNames,
  type FactorScore,
  type MatchAsk,
  type MatchEntry,
  type MatchFilters,
  type MatchSource,
  type WhyNot,
  useClassNames,
} from './api.ts';
import { round1, scenarioLabel } from './provider-ui.ts';

export type { MatchSource };

/** One factor of a score: its name, a small bar of the points it earned of its weight, and why. */
function FactorBar({ factor }: { factor: FactorScore }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`factor-${factor.factor}`} style={{ lineHeight: 1.3 }}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text style={{ fontSize: 12 }}>{t(`providers.factors.${factor.factor}`)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('providers.match.factor', { points: round1(factor.points), weight: round1(factor.weight) })}
        </Typography.Text>
      </Flex>
      <Progress
        percent={Math.round(factor.score * 100)}
        showInfo={false}
        size="small"
        strokeColor={factor.score >= 0.7 ? '#389e0d' : factor.score >= 0.3 ? '#d48806' : '#cf1322'}
        style={{ margin: 0 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`providers.reasons.${factor.reason}`)}
      </Typography.Text>
    </div>
  );
}

function EntryCard({ entry, inviteTo }: { entry: MatchEntry; inviteTo?: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="match-entry"
      actions={
        inviteTo
          ? [
              <Link
                key="invite"
                to={`/deliver/projects/${inviteTo}?tab=team&invite=${encodeURIComponent(entry.providerId)}`}
                data-testid="match-invite"
              >
                {t('providers.match.invite')}
              </Link>,
            ]
          : undefined
      }
      title={
        <Flex justify="space-between" gap={8} align="baseline">
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Tag color="blue">{t('providers.match.rank', { rank: entry.rank })}</Tag>
            <Link to={`/providers/${entry.providerId}`}>{entry.name}</Link>
          </span>
          <Typography.Text strong data-testid="match-total">
            {t('providers.match.total', { total: round1(entry.total) })}
          </Typography.Text>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {entry.product
          ? t('providers.match.product', {
              name: entry.product.name,
              price: t('providers.yuan', { min: entry.product.price.min, max: entry.product.price.max }),
            })
          : t('providers.match.noProduct')}
      </Typography.Paragraph>
      <Row gutter={[12, 8]}>
        {entry.factors.map((f) => (
          <Col xs={24} sm={12} key={f.factor}>
            <FactorBar factor={f} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function WhyNotAnswer({ whyNot, shown }: { whyNot: WhyNot; shown: number }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (!whyNot.known) lines.push(t('providers.match.whyNot.unknown'));
  else if (whyNot.shown && whyNot.rank !== null)
    lines.push(t('providers.match.whyNot.shown', { rank: whyNot.rank }));
  else if (whyNot.rank !== null && whyNot.lastShown)
    lines.push(
      t('providers.match.whyNot.ranked', {
        rank: whyNot.rank,
        shown,
        total: round1(whyNot.lastShown.total),
        gap: round1(whyNot.gap),
      }),
    );
  else if (whyNot.excludedBy.length === 0) lines.push(t('providers.match.whyNot.unranked'));
  return (
    <Alert
      type={whyNot.shown ? 'success' : 'info'}
      showIcon
      data-testid="why-not"
      title={lines.join(' ') || t('providers.match.whyNot.excludedBy')}
      description={
        <Space direction="vertical" size={2}>
          {whyNot.excludedBy.length > 0 && (
            <span>
              {t('providers.match.whyNot.excludedBy')}{' '}
              {whyNot.excludedBy
                .map((x) => t(`providers.match.filters.${x.filter}`))
                .join(t('providers.separator'))}
            </span>
          )}
          {whyNot.weakest.length > 0 && (
            <span>
              {t('providers.match.whyNot.weakest')}{' '}
              {whyNot.weakest
                .map((w) =>
                  t('providers.match.whyNot.lost', {
                    factor: t(`providers.factors.${w.factor}`),
                    lost: round1(w.lost),
                    reason: t(`providers.reasons.${w.reason}`),
                  }),
                )
                .join(t('providers.semicolon'))}
            </span>
          )}
        </Space>
      }
    />
  );
}

/**
 * 供需对接: providers ranked for an initiative, a plan's initiative or a project, each score broken down by factor,
 * with filters and "why not" for a provider the user expected. Embeddable: the project page shows it for its project.
 */
export function MatchPanel({
  source,
  initial,
  inviteTo,
}: {
  source: MatchSource;
  /** a project id: each entry links to inviting the provider to that project */
  inviteTo?: string;
  /** filters to start from (default: none) */
  initial?: MatchFilters;
}) {
  const { t, i18n } = useTranslation();
  const { typeIds, typeName } = useClassNames();
  const lang = i18n.language;
  const names = useScenarioNames();
  const [filters, setFilters] = useState<MatchFilters>(initial ?? {});
  const [limit, setLimit] = useState(10);
  const [whyNot, setWhyNot] = useState<string | undefined>();
  const ask: MatchAsk = { options: { filters, limit }, whyNot };
  const match = useMatch(source, ask);
  const directory = useProviders({});
  const patch = (p: Partial<MatchFilters>) => {
    const next: MatchFilters = { ...filters, ...p };
    for (const key of Object.keys(next) as (keyof MatchFilters)[])
      if (
        next[key] === undefined ||
        next[key] === false ||
        (Array.isArray(next[key]) && next[key].length === 0)
      )
        delete next[key];
    setFilters(next);
  };
  const result = match.data?.result;
  const excluded = result
    ? Object.entries(result.excluded)
        .filter(([, n]) => (n ?? 0) > 0)
        .map(([filter, n]) => `${t(`providers.match.filters.${filter}`)} ${n}`)
    : [];
  const i = result?.initiative;

  return (
    <div data-testid="match-panel">
      <Typography.Paragraph type="secondary">{t('providers.match.intro')}</Typography.Paragraph>
      {i && (
        <Typography.Paragraph data-testid="match-initiative">
          <Typography.Text strong>
            {t('providers.match.initiative', { scenario: scenarioLabel(names, i.scenario, lang) })}
          </Typography.Text>
          {i.industry && ` · ${t('providers.match.industry', { code: i.industry })}`}
          {i.region && ` · ${t('providers.match.region', { code: i.region })}`}
          {i.budget !== undefined && ` · ${t('providers.match.budget', { budget: round1(i.budget) })}`}
        </Typography.Paragraph>
      )}
      <Card size="small" title={t('providers.match.filters.title')} style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center">
          <Space>
            <Switch
              size="small"
              checked={filters.scenarioRequired ?? false}
              onChange={(v) => patch({ scenarioRequired: v })}
              aria-label={t('providers.match.filters.scenarioRequired')}
              data-testid="filter-scenarioRequired"
            />
            {t('providers.match.filters.scenarioRequired')}
          </Space>
          <Space>
            <Switch
              size="small"
              checked={filters.inPool ?? false}
              onChange={(v) => patch({ inPool: v })}
              aria-label={t('providers.match.filters.inPool')}
              data-testid="filter-inPool"
            />
            {t('providers.match.filters.inPool')}
          </Space>
          <Space>
            <Switch
              size="small"
              checked={filters.coversRegion ?? false}
              onChange={(v) => patch({ coversRegion: v })}
              aria-label={t('providers.match.filters.coversRegion')}
            />
            {t('providers.match.filters.coversRegion')}
          </Space>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('providers.match.filters.types')}
            aria-label={t('providers.match.filters.types')}
            value={filters.types ?? []}
            onChange={(types: string[]) => patch({ types })}
            options={typeIds.map((id) => ({ value: id, label: typeName(id) }))}
            style={{ minWidth: 200 }}
            popupMatchSelectWidth={false}
            maxTagCount="responsive"
          />
          <Select
            allowClear
            placeholder={t('providers.match.filters.deployment')}
            aria-label={t('providers.match.filters.deployment')}
            value={filters.deployment}
            onChange={(deployment?: MatchFilters['deployment']) => patch({ deployment })}
            options={(['cloud', 'on-premises'] as const).map((d) => ({
              value: d,
              label: t(`providers.deployment.${d}`),
            }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t('providers.match.filters.pricing')}
            aria-label={t('providers.match.filters.pricing')}
            value={filters.pricing}
            onChange={(pricing?: MatchFilters['pricing']) => patch({ pricing })}
            options={(['subscription', 'licence'] as const).map((d) => ({
              value: d,
              label: t(`providers.pricing.${d}`),
            }))}
            style={{ width: 130 }}
          />
          <InputNumber
            min={0}
            max={100}
            placeholder={t('providers.match.filters.minGrade')}
            aria-label={t('providers.match.filters.minGrade')}
            value={filters.minGrade ?? null}
            onChange={(v) => patch({ minGrade: v ?? undefined })}
            style={{ width: 150 }}
          />
          <InputNumber
            min={0}
            placeholder={t('providers.match.filters.maxPrice')}
            aria-label={t('providers.match.filters.maxPrice')}
            value={filters.maxPrice ?? null}
            onChange={(v) => patch({ maxPrice: v ?? undefined })}
            style={{ width: 170 }}
          />
          <Space>
            {t('providers.match.limit')}
            <Select
              value={limit}
              onChange={setLimit}
              aria-label={t('providers.match.limit')}
              options={[5, 10, 20, 50].map((n) => ({ value: n, label: n }))}
              style={{ width: 72 }}
            />
          </Space>
        </Flex>
      </Card>
      <Card size="small" title={t('providers.match.whyNot.title')} style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('providers.match.whyNot.pick')}
            aria-label={t('providers.match.whyNot.pick')}
            value={whyNot}
            onChange={(v?: string) => setWhyNot(v)}
            options={(directory.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="why-not-pick"
          />
          {match.data?.whyNot && (
            <WhyNotAnswer whyNot={match.data.whyNot} shown={result?.entries.length ?? 0} />
          )}
        </Space>
      </Card>
      {match.isError && (
        <Alert type="error" showIcon title={t('providers.loadFailed', { message: match.error.message })} />
      )}
      {result && (
        <>
          <Typography.Paragraph type="secondary" data-testid="match-considered">
            {t('providers.match.considered', { considered: result.considered, providers: result.providers })}
            {excluded.length > 0 &&
              ` · ${t('providers.match.excluded', { what: excluded.join(t('providers.separator')) })}`}
          </Typography.Paragraph>
          {result.entries.length === 0 ? (
            <Empty description={t('providers.match.empty')} />
          ) : (
            <>
              {result.entries.length < 5 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('providers.match.fewer', { count: result.entries.length })}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Row gutter={[12, 12]} data-testid="match-entries">
                {result.entries.map((e) => (
                  <Col xs={24} xl={12} key={e.providerId}>
                    <EntryCard entry={e} inviteTo={inviteTo} />
                  </Col>
                ))}
              </Row>
            </>
          )}
        </>
      )}
      {match.isPending && <Card loading />}
    </div>
  );
}
