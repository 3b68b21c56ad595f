import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIGHTS } from '../../../../src/contracts/delivery.ts';
import type { Light, ProjectView } from './api.ts';
import { LIGHT_COLOURS } from './deliver-ui.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money } from '../plan/plan-ui.ts';

export function LightTag({ light, testId }: { light: Light; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LIGHT_COLOURS[light]} data-light={light} data-testid={testId}>
      ● {t(`deliver.lights.${light}`)}
    </Tag>
  );
}

/** What each light means: derived from milestones and cost, never typed in. */
export function LightLegend() {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('deliver.legend.title')}
      data-testid="light-legend"
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('deliver.legend.intro')}
      </Typography.Paragraph>
      <Flex vertical gap={4}>
        {LIGHTS.map((light) => (
          <div key={light}>
            <Tag color={LIGHT_COLOURS[light]}>● {t(`deliver.lights.${light}`)}</Tag>
            <Typography.Text style={{ fontSize: 13 }}>{t(`deliver.legend.${light}`)}</Typography.Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

/** Why a project's light is what it is: each overdue milestone and the overrun, with the light it causes. */
export function LightReasons({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const titles = new Map(project.milestones.map((m) => [m.id, m.title]));
  const { reasons } = project.status;
  if (reasons.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="light-reasons">
        {t('deliver.reasons.none')}
      </Typography.Text>
    );
  return (
    <ul data-testid="light-reasons" style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((r, i) => {
        const title = titles.get(r.milestoneId ?? '') ?? '';
        const text =
          r.kind === 'overdue'
            ? t('deliver.reasons.overdue', { title, days: r.amount ?? 0 })
            : r.kind === 'done-late'
              ? t('deliver.reasons.doneLate', { title, days: r.amount ?? 0 })
              : r.amount === null
                ? t('deliver.reasons.overrunNoBudget', { actual: money(project.rollup.actualToDate, lang) })
                : t('deliver.reasons.overrun', { share: `${Math.round(r.amount * 100)}%` });
        return (
          <li key={i}>
            <Tag color={LIGHT_COLOURS[r.light]} style={{ marginInlineEnd: 6 }}>
              {t(`deliver.lights.${r.light}`)}
            </Tag>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
