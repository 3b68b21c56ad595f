import { ArrowRightOutlined, FileTextOutlined, ScheduleOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Avatar,
  Empty,
  List,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  useAssessment,
  useModel,
  useResult,
  type AnswerValue,
  type ModelDetail,
  type ResultResponse,
} from './api.ts';
import type { Text } from '../../../../src/contracts/diagnosis.ts';
import { Chart } from './Chart.tsx';
import { fmt, formatDate, showResultAnswer, useText } from './diagnose-ui.ts';
import { sceneHeatmapHeight, sceneHeatmapOption } from './scene-heatmap-option.ts';
import { useElementWidth } from '../../components/use-element-width.ts';
import { itemTexts } from './form-items.ts';
import { LevelRule } from './LevelRule.tsx';
import { OptionAnswer } from './OptionAnswer.tsx';
import { OtherModelsCard } from './OtherModelsCard.tsx';

type Result = ResultResponse['result'];
type Unreachable = Extract<NonNullable<Result['nextLevel']>, { reachable: false }>;

const DEFAULT_ATLAS = 'guide-2024';

/** The diagnosis: score and level, dimension radar, scene heat map, gaps with atlas scenarios, comparison, next level. */
const CHECKLIST_GRADES = new Set(['met', 'partly', 'not', 'na']);

export function ResultPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { tx, lang } = useText();
  const result = useResult(id);
  const detail = useAssessment(id);
  const model = useModel(detail.data?.assessment.modelId);
  // the gaps ticked (by name) as the next plan's candidates: the same item ticks in the path and in the gap table
  const [ticked, setTicked] = useState<string[]>([]);
  const toggle = useCallback(
    (name: string) =>
      setTicked((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name])),
    [],
  );

  if (result.isError)
    return (
      <Result
        status={result.error instanceof ApiError && result.error.status === 404 ? '404' : 'error'}
        title={t('diagnose.notFound')}
        subTitle={result.error.message}
        extra={<Link to="/diagnose">{t('diagnose.back')}</Link>}
      />
    );
  if (!result.data || !detail.data || !model.data) return <Spin style={{ display: 'block', margin: 48 }} />;

  const r = result.data.result;
  const a = detail.data.assessment;
  const names = new Map<string, Text>(model.data.summary.dimensions.map((d) => [d.id, d.name]));
  const dimName = (d: { id: string; name: string }) => tx(names.get(d.id)) || d.name;
  /** A gap's answer: checklist grades (met / partly / not / na) by their names in the UI language. */
  const resultAnswer = (v: AnswerValue | null | undefined): string =>
    r.family === 'checklist' && typeof v === 'string' && CHECKLIST_GRADES.has(v)
      ? t(`diagnose.checklist.${v}`)
      : showResultAnswer(v, r.family === 'points');
  const scenarioLink = (code: string) => {
    const pack = result.data.atlas;
    const q = pack === DEFAULT_ATLAS ? '' : `?pack=${encodeURIComponent(pack)}`;
    const name = result.data.scenarios[code];
    return (
      <Link
        key={code}
        to={`/atlas/scenarios/${encodeURIComponent(code)}${q}`}
        style={{ marginRight: 10, display: 'inline-block' }}
      >
        <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{code}</span> {name ? tx(name) : ''}
      </Link>
    );
  };
  const levelNames = new Map<string, Text>(model.data.summary.levels.map((l) => [l.id, l.name]));
  const levelName = (l: { id: string; name: string } | null) =>
    l ? tx(levelNames.get(l.id)) || l.name : t('diagnose.noLevel');
  const texts = itemTexts(model.data.model);
  const itemName = (id: string, name: string) => tx(texts.get(id)) || name;
  const levelText = r.family === 'checklist' ? '—' : levelName(r.level);

  return (
    <div style={{ maxWidth: 1100 }}>
      <Link to={`/diagnose/${id}`}>← {t('diagnose.result.back')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('diagnose.result.title')} · {a.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {tx(a.modelTitle)} ·{' '}
            {t('diagnose.answered', { answered: result.data.answered, total: result.data.total })}
          </Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<FileTextOutlined />} href={`/api/assessments/${id}/report.pdf?lang=${lang}`}>
            PDF
          </Button>
          <Button icon={<FileTextOutlined />} href={`/api/assessments/${id}/report.docx?lang=${lang}`}>
            Word
          </Button>
        </Space>
      </Space>
      <Alert
        type={result.data.live ? 'info' : 'success'}
        showIcon
        message={result.data.live ? t('diagnose.result.live') : t('diagnose.result.frozen')}
        style={{ marginBottom: 16 }}
      />

      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('diagnose.score')} value={fmt(r.score)} suffix={`/ ${fmt(r.maxScore)}`} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('diagnose.result.percent')} value={fmt(r.percent)} suffix="%" />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('diagnose.level')}
              value={levelText}
              valueStyle={{ color: r.level ? '#1f5fbf' : '#8c8c8c' }}
            />
          </Card>
        </Col>
      </Row>

      {r.family !== 'checklist' && (
        <Card size="small" title={t('diagnose.result.levelRule')} style={{ marginTop: 16 }}>
          <LevelRule model={model.data.model} result={r} levelName={levelName} />
        </Card>
      )}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('diagnose.result.radar')}>
            <RadarPanel result={r} dimName={dimName} label={t('diagnose.result.radar')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {r.scenes.length > 0 ? (
            <Card size="small" title={t('diagnose.result.scenes')}>
              <SceneHeatmap result={r} model={model.data} label={t('diagnose.result.scenes')} />
            </Card>
          ) : r.levelScores.length > 0 ? (
            <Card size="small" title={t('diagnose.result.levelScores')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.levelScores}
                columns={[
                  { title: t('diagnose.level'), render: (_, l) => levelName(l) },
                  { title: t('diagnose.score'), render: (_, l) => fmt(l.score) },
                  {
                    title: '',
                    render: (_, l) =>
                      l.passed ? (
                        <Tag color="green">{t('diagnose.result.passed')}</Tag>
                      ) : (
                        <Tag>{t('diagnose.result.notPassed')}</Tag>
                      ),
                  },
                ]}
              />
            </Card>
          ) : (
            <Card size="small" title={t('diagnose.result.dimensions')}>
              <DimensionTable result={r} dimName={dimName} />
            </Card>
          )}
        </Col>
      </Row>

      <Card size="small" title={t('diagnose.result.next')} style={{ marginTop: 16 }} data-testid="next-level">
        <NextLevel
          result={r}
          model={model.data.model}
          assessmentId={id}
          submitted={!result.data.live}
          ticks={{ ticked, toggle, clear: () => setTicked([]) }}
          scenarioLink={scenarioLink}
          itemName={itemName}
          levelName={levelName}
        />
      </Card>

      <Card size="small" title={t('diagnose.result.comparison')} style={{ marginTop: 16 }}>
        {result.data.comparison ? (
          <>
            <Typography.Paragraph>
              {t('diagnose.result.previous', {
                title: result.data.comparison.previous.title,
                date: formatDate(result.data.comparison.previous.submittedAt, lang),
              })}
            </Typography.Paragraph>
            <Space wrap style={{ marginBottom: 12 }}>
              {r.family !== 'checklist' && (
                <>
                  <Tag>{levelName(result.data.comparison.levelBefore)}</Tag>
                  <ArrowRightOutlined />
                  <Tag color="blue">{levelName(result.data.comparison.levelAfter)}</Tag>
                </>
              )}
              <Typography.Text>
                {fmt(result.data.comparison.scoreBefore)} → {fmt(result.data.comparison.scoreAfter)}
              </Typography.Text>
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={result.data.comparison.dimensions}
              columns={[
                { title: t('diagnose.result.item'), render: (_, d) => dimName(d) },
                { title: t('diagnose.result.before'), render: (_, d) => fmt(d.before) },
                { title: t('diagnose.result.after'), render: (_, d) => fmt(d.after) },
                {
                  title: t('diagnose.result.delta'),
                  render: (_, d) => (
                    <Typography.Text type={d.delta > 0 ? 'success' : d.delta < 0 ? 'danger' : 'secondary'}>
                      {d.delta > 0 ? '+' : ''}
                      {fmt(d.delta)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t('diagnose.result.noComparison')}</Typography.Text>
        )}
      </Card>

      <OtherModelsCard assessmentId={id} />

      <Card size="small" title={t('diagnose.result.gaps')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="itemId"
          dataSource={r.gaps}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 820 }}
          columns={[
            ...(result.data.live
              ? []
              : [
                  {
                    key: 'tick',
                    width: 40,
                    render: (_: unknown, g: Result['gaps'][number]) => (
                      <TickBox
                        name={g.name}
                        tickable={g.scenarios.length > 0}
                        ticked={ticked}
                        toggle={toggle}
                      />
                    ),
                  },
                ]),
            { title: t('diagnose.result.item'), render: (_, g) => itemName(g.itemId, g.name), width: 140 },
            {
              title: t('diagnose.result.current'),
              render: (_, g) => (
                <OptionAnswer
                  model={model.data.model}
                  itemId={g.itemId}
                  value={g.current}
                  plain={resultAnswer}
                />
              ),
              width: 210,
            },
            {
              title: t('diagnose.result.best'),
              render: (_, g) => (
                <OptionAnswer
                  model={model.data.model}
                  itemId={g.itemId}
                  value={g.best}
                  addedTo={g.current}
                  plain={resultAnswer}
                />
              ),
              width: 210,
            },
            { title: t('diagnose.result.lost'), render: (_, g) => fmt(g.lostPoints), width: 70 },
            {
              title: t('diagnose.result.scenarios'),
              render: (_, g) => <span>{g.scenarios.map(scenarioLink)}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}

function RadarPanel({
  result,
  dimName,
  label,
}: {
  result: Result;
  dimName: (d: { id: string; name: string }) => string;
  label: string;
}) {
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: {},
      radar: {
        radius: '62%',
        indicator: result.dimensions.map((d) => ({ name: dimName(d), max: d.max > 0 ? d.max : 1 })),
        axisName: { color: '#333', fontSize: 12 },
      },
      series: [
        {
          type: 'radar' as const,
          areaStyle: { opacity: 0.25 },
          data: [{ value: result.dimensions.map((d) => d.score), name: label }],
        },
      ],
    }),
    [result, dimName, label],
  );
  if (result.dimensions.length < 3) return <DimensionTable result={result} dimName={dimName} />;
  return <Chart option={option} height={300} label={label} testId="radar" />;
}

function DimensionTable({
  result,
  dimName,
}: {
  result: Result;
  dimName: (d: { id: string; name: string }) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={result.dimensions}
      columns={[
        { title: t('diagnose.result.item'), render: (_, d) => dimName(d) },
        { title: t('diagnose.score'), render: (_, d) => `${fmt(d.score)} / ${fmt(d.max)}` },
      ]}
    />
  );
}

function SceneHeatmap({ result, model, label }: { result: Result; model: ModelDetail; label: string }) {
  const { tx } = useText();
  const { t } = useTranslation();
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const option = useMemo(
    () => sceneHeatmapOption(result, model, { tx, sceneLevel: t('diagnose.sceneLevel') }, width),
    [result, model, tx, t, width],
  );
  return (
    <div ref={ref}>
      <Chart
        option={option}
        height={sceneHeatmapHeight(result, model, width)}
        label={label}
        testId="scene-heatmap"
      />
    </div>
  );
}

/** Gaps ticked as the next plan's candidates, by name (GapRef names: what POST /api/plans takes as `gaps`). */
interface Ticks {
  ticked: string[];
  toggle: (name: string) => void;
  clear: () => void;
}

/** A gap's tick box: only a gap that names atlas scenarios can become a plan candidate. */
function TickBox({
  name,
  tickable,
  ticked,
  toggle,
}: {
  name: string;
  tickable: boolean;
  ticked: string[];
  toggle: (name: string) => void;
}) {
  const { t } = useTranslation();
  const label = tickable ? t('diagnose.result.tick') : t('diagnose.result.tickNoScenario');
  return (
    <Tooltip title={label}>
      <Checkbox
        checked={tickable && ticked.includes(name)}
        disabled={!tickable}
        onChange={() => toggle(name)}
        aria-label={label}
        data-testid="tick-gap"
        data-gap={name}
      />
    </Tooltip>
  );
}

function NextLevel({
  result,
  model,
  assessmentId,
  submitted,
  ticks,
  scenarioLink,
  itemName,
  levelName,
}: {
  result: Result;
  model: ModelDetail['model'];
  assessmentId: string;
  /** a plan starts from a submitted assessment only */
  submitted: boolean;
  ticks: Ticks;
  scenarioLink: (code: string) => React.ReactNode;
  itemName: (id: string, name: string) => string;
  levelName: (l: { id: string; name: string }) => string;
}) {
  const { t } = useTranslation();
  const { lang } = useText();
  const navigate = useNavigate();
  const next = result.nextLevel;
  /** a numeric answer of a points-family question is a ratio in percent (scenes and grades are not) */
  const ratio = (kind: string) => result.family === 'points' && kind === 'question';
  /** a change's answer: a scene by its level in words, a question's ratio in percent */
  const shown = (kind: string) => (v: AnswerValue | null | undefined) =>
    kind === 'scene' && typeof v === 'number'
      ? v === 0
        ? t('diagnose.result.sceneNone')
        : t('diagnose.result.sceneAt', { n: v })
      : showResultAnswer(v, ratio(kind));
  const count = ticks.ticked.length;
  const planUrl = () => {
    const query = new URLSearchParams({ assessment: assessmentId });
    for (const name of ticks.ticked) query.append('gap', name);
    return `/plan/new?${query.toString()}`;
  };
  const plan = submitted ? (
    <Space direction="vertical" size={4} style={{ marginTop: 12 }}>
      <Space wrap>
        <Button
          type="primary"
          icon={<ScheduleOutlined />}
          data-testid="plan-from-gaps"
          onClick={() => void navigate(planUrl())}
        >
          {count > 0 ? t('diagnose.result.planFromTicked', { count }) : t('diagnose.result.planFrom')}
        </Button>
        {count > 0 && <Button onClick={ticks.clear}>{t('diagnose.result.clearTicks')}</Button>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {count > 0 ? t('diagnose.result.planTickedHint') : t('diagnose.result.planHint')}
      </Typography.Text>
    </Space>
  ) : (
    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
      {t('diagnose.result.planAfterSubmit')}
    </Typography.Paragraph>
  );
  if (!next) return <Typography.Text type="secondary">{t('diagnose.result.top')}</Typography.Text>;
  if (!next.reachable)
    return next.target === null && result.family !== 'checklist' ? (
      <Typography.Text type="secondary">{t('diagnose.result.top')}</Typography.Text>
    ) : (
      <>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span data-testid="unreachable">{unreachableText(next, levelName, t, lang)}</span>}
        />
        {result.gaps.length > 0 && plan}
      </>
    );
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('diagnose.result.nextTo', { level: levelName(next.target), count: next.changes.length })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('diagnose.result.steps')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={next.changes}
        renderItem={(c, i) => (
          <List.Item data-testid="todo">
            <Space align="start" size={10} style={{ width: '100%' }}>
              {submitted && (
                <span style={{ paddingTop: 2 }}>
                  <TickBox
                    name={c.name}
                    tickable={c.scenarios.length > 0}
                    ticked={ticks.ticked}
                    toggle={ticks.toggle}
                  />
                </span>
              )}
              <Avatar
                size={24}
                style={{ background: '#fff', color: '#1f5fbf', border: '1px solid #1f5fbf', flex: 'none' }}
              >
                {i + 1}
              </Avatar>
              <Space direction="vertical" size={2}>
                <Space wrap size={6}>
                  <Typography.Text strong>{itemName(c.itemId, c.name)}</Typography.Text>
                  {c.gain > 0 && <Tag color="green">{t('diagnose.result.gain', { gain: fmt(c.gain) })}</Tag>}
                </Space>
                <Space wrap size={8} align="start">
                  <OptionAnswer model={model} itemId={c.itemId} value={c.from} plain={shown(c.kind)} />
                  <ArrowRightOutlined style={{ color: '#8c8c8c', marginTop: 4 }} />
                  <OptionAnswer
                    model={model}
                    itemId={c.itemId}
                    value={c.to}
                    addedTo={c.from}
                    plain={shown(c.kind)}
                  />
                </Space>
                {c.scenarios.length > 0 && <div>{c.scenarios.map(scenarioLink)}</div>}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {plan}
    </>
  );
}

/**
 * Why the next level cannot be reached, in the UI language, from the engine's cause. A result frozen before causes
 * were stored has only the engine's English reason: shown in English, left out in Chinese.
 */
function unreachableText(
  next: Unreachable,
  levelName: (l: { id: string; name: string }) => string,
  t: TFunction,
  lang: 'zh' | 'en',
): string {
  const why = next.why;
  if (why?.kind === 'no-levels') return t('diagnose.result.why.no-levels');
  const reason = !why
    ? lang === 'en'
      ? next.reason
      : null
    : why.kind === 'score-cap'
      ? t('diagnose.result.why.score-cap', { reachable: fmt(why.reachable), needed: fmt(why.needed) })
      : why.kind === 'staged-cap'
        ? t('diagnose.result.why.staged-cap', { minS: fmt(why.minS) })
        : t(`diagnose.result.why.${why.kind}`);
  if (reason === null) return t('diagnose.result.unreachablePlain');
  return next.target
    ? t('diagnose.result.unreachableTo', { level: levelName(next.target), reason })
    : t('diagnose.result.unreachable', { reason });
}
