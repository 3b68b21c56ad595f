import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  levelRule,
  type LevelCondition,
  type LevelRuleRow,
} from '../../../../src/core/diagnosis/level-rule.ts';
import type { IndicatorSystem, ResultResponse } from './api.ts';
import { fmt, useText } from './diagnose-ui.ts';

type Result = ResultResponse['result'];

/** One condition: what the level needs, where the enterprise stands, met or not. */
function Condition({ c }: { c: LevelCondition | undefined }) {
  const { t } = useTranslation();
  if (!c) return null;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span>{need(c, t)}</span>
      <Typography.Text type={c.met ? 'success' : 'danger'} style={{ fontSize: 12 }}>
        {c.met ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
        {t('diagnose.result.rule.have', { have: fmt(c.have) })}
      </Typography.Text>
    </span>
  );
}

function need(c: LevelCondition, t: TFunction): string {
  switch (c.kind) {
    case 'score':
      return t('diagnose.result.rule.score', { need: fmt(c.need) });
    case 'scenes':
      return t('diagnose.result.rule.scenes', { need: c.need, level: c.sceneLevel });
    case 'constrained':
      return t('diagnose.result.rule.constrained', { need: c.need });
    case 'staged-s':
      return t('diagnose.result.rule.s', { need: fmt(c.need) });
  }
}

/** The condition of a level that is not met, in words: "3 级及以上场景 5 个，需 8 个". */
function unmet(c: LevelCondition, t: TFunction): string {
  return t(`diagnose.result.rule.unmet.${c.kind}`, {
    need: fmt(c.need),
    have: fmt(c.have),
    level: c.kind === 'scenes' || c.kind === 'constrained' ? c.sceneLevel : 0,
  });
}

/**
 * The level rule with the enterprise's position against each condition, as the report's threshold table: why a
 * score of 62.15 is still 二级. The rows come from levelRule (src/core/diagnosis/level-rule.ts), as the report's.
 */
export function LevelRule({
  model,
  result,
  levelName,
}: {
  model: IndicatorSystem;
  result: Result;
  levelName: (l: { id: string; name: string }) => string;
}) {
  const { t } = useTranslation();
  const { tx } = useText();
  const rows = levelRule(model, result);
  if (rows.length === 0) return null;
  const name = (r: LevelRuleRow) => levelName({ id: r.id, name: tx(r.name) });
  const firstMissed = rows.find((r) => !r.reached);
  const current = [...rows].reverse().find((r) => r.reached);
  const why = firstMissed
    ? t(current ? 'diagnose.result.rule.why' : 'diagnose.result.rule.whyNone', {
        current: current ? name(current) : '',
        target: name(firstMissed),
        unmet: firstMissed.holds
          ? t('diagnose.result.rule.lowerFirst')
          : firstMissed.conditions
              .filter((c) => !c.met)
              .map((c) => unmet(c, t))
              .join(t('diagnose.result.rule.sep')),
      })
    : t('diagnose.result.rule.allMet');
  const status = {
    title: t('diagnose.result.rule.status'),
    width: 90,
    render: (_: unknown, r: LevelRuleRow) =>
      r.reached ? (
        <Tag color="green">{t('diagnose.result.rule.reached')}</Tag>
      ) : (
        <Tag>{t('diagnose.result.rule.notReached')}</Tag>
      ),
  };
  const level = { title: t('diagnose.level'), width: 90, render: (_: unknown, r: LevelRuleRow) => name(r) };
  const columns =
    model.family === 'points'
      ? [
          level,
          {
            title: t('diagnose.score'),
            render: (_: unknown, r: LevelRuleRow) => <Condition c={r.conditions[0]} />,
          },
          {
            title: t('diagnose.result.rule.scenesTitle'),
            render: (_: unknown, r: LevelRuleRow) => <Condition c={r.conditions[1]} />,
          },
          {
            title: t('diagnose.result.rule.constrainedTitle'),
            render: (_: unknown, r: LevelRuleRow) => <Condition c={r.conditions[2]} />,
          },
          status,
        ]
      : [
          level,
          { title: 'S', render: (_: unknown, r: LevelRuleRow) => <Condition c={r.conditions[0]} /> },
          {
            title: t('diagnose.result.levelScores'),
            render: (_: unknown, r: LevelRuleRow) =>
              r.levelScore ? (
                <span>
                  {fmt(r.levelScore.score)}{' '}
                  {r.levelScore.passed ? (
                    <Tag color="green">{t('diagnose.result.passed')}</Tag>
                  ) : (
                    <Tag>{t('diagnose.result.notPassed')}</Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
          },
          status,
        ];
  return (
    <div data-testid="level-rule">
      <Typography.Paragraph style={{ marginBottom: 8 }}>{why}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {model.family === 'points'
          ? t('diagnose.result.rule.howPoints')
          : t('diagnose.result.rule.howStaged', {
              pass: fmt(rows[0]?.conditions[0]?.kind === 'staged-s' ? rows[0].conditions[0].passScore : 0),
            })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 560 }}
      />
    </div>
  );
}
