import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../../src/core/planning/plan-calendar.ts';
import { BANDS, type PLAN_STATUSES } from '../../../../src/contracts/planning.ts';
import type { Origin, PlanSettings } from './api.ts';

/** Money in 万元 with at most one decimal, grouped. */
export function money(value: number | null | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 });
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

export function years(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(1);
}

export const STATUS_COLOURS = {
  optimal: 'green',
  feasible: 'gold',
  infeasible: 'red',
  unknown: 'default',
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>;
export const BAND_COLOURS = {
  low: 'green',
  medium: 'gold',
  high: 'orange',
  critical: 'red',
} as const satisfies Record<(typeof BANDS)[number], string>;
/** The risk bands as the register's summary shows them: the worst first (the contract lists them mildest first). */
export const BANDS_WORST_FIRST = [...BANDS].reverse();
export const ORIGIN_COLOURS: Record<Origin['kind'], string> = {
  default: 'default',
  gap: 'orange',
  'pain-point': 'geekblue',
  prerequisite: 'purple',
  atlas: 'magenta',
  user: 'blue',
};

/** Words for an origin: "默认值（专精特新“小巨人”企业）", "来自诊断差距：设备联网", "用户修改" … */
export function useOriginText(gapName?: (ref: string) => string) {
  const { t } = useTranslation();
  return useCallback(
    (origin: Origin, painPointName?: (id: string) => string) => {
      const type = origin.ref ? t(`plan.enterpriseTypes.${origin.ref}`, { defaultValue: origin.ref }) : '';
      const ref =
        origin.kind === 'pain-point' && origin.ref && painPointName
          ? painPointName(origin.ref)
          : origin.kind === 'gap' && origin.ref && gapName
            ? gapName(origin.ref)
            : origin.ref;
      // 'atlas' with an enterprise type: the scenario is not listed for it; with "pack: index": atlas economics
      if (origin.kind === 'atlas' && origin.ref?.includes(':'))
        return t('plan.origin.atlasEconomics', { ref });
      return t(`plan.origin.${origin.kind}`, { type, ref });
    },
    [t, gapName],
  );
}

/**
 * Label of a 0-based period of the plan in calendar time, from its start (2027年Q1 / 2027 Q1, half-years, years or
 * months as `periodsPerYear` says): the same wording as the plan document's (core planning/plan-calendar.ts).
 */
export function usePeriodLabel(settings: Pick<PlanSettings, 'start' | 'periodsPerYear'>) {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const { periodsPerYear } = settings;
  const { year, quarter } = settings.start;
  // the start's parts, not the object, so that a re-read plan keeps the same labeller
  return useCallback(
    (period: number) => periodLabel({ year, quarter }, periodsPerYear, period, lang),
    [year, quarter, periodsPerYear, lang],
  );
}
