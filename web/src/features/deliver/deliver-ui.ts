import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../../src/core/planning/plan-calendar.ts';
import { STALE_VERSION } from '../../../../src/contracts/versioning.ts';
import { ApiError } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../components/format-date.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import type { DeliveryPackView, Light, ProjectView } from './api.ts';

export const LIGHT_COLOURS: Record<Light, string> = {
  'on-track': 'green',
  'at-risk': 'gold',
  late: 'red',
};
export const LIGHT_HEX: Record<Light, string> = {
  'on-track': '#2f9e6b',
  'at-risk': '#d4a017',
  late: '#c8423b',
};

/** An ISO calendar date (2027-03-31) or timestamp in the page's language: 2027年3月31日 or 31 Mar 2027. */
export function useDateText() {
  const { lang } = useLocalized();
  return useCallback(
    (iso: string | null | undefined) =>
      iso && iso.length > 10 ? formatDateTime(iso, lang) : formatDate(iso, lang),
    [lang],
  );
}

/** Label of a 0-based period of the project's plan (2027年Q1 / 2027 Q1). */
export function usePeriodOf(calendar: ProjectView['calendar'] | undefined) {
  const { lang } = useLocalized();
  return useCallback(
    (period: number) =>
      calendar ? periodLabel(calendar.start, calendar.periodsPerYear, period, lang) : String(period + 1),
    [calendar, lang],
  );
}

interface Problem {
  field: string;
  message: string;
}
const problemsOf = (error: ApiError): Problem[] => {
  const details = error.details as { problems?: unknown } | null;
  return Array.isArray(details?.problems) ? (details.problems as Problem[]) : [];
};

/** What the failed write was, for the words of its refusal. */
export interface ErrorContext {
  project?: ProjectView;
  pack?: DeliveryPackView;
  /** the milestone title and due date sent */
  milestone?: { title: string; due: string };
  /** the cost period sent */
  period?: number;
  gateId?: string;
  itemText?: string;
  /** the parties the user acts for, in words */
  parties?: string;
}

/**
 * The server's refusal in the page's language: each error code (and each problem's field) mapped to a message of
 * ours, filled from what the page knows; the server's English text is never shown on a page.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const date = useDateText();
  return useCallback(
    (error: unknown, context: ErrorContext = {}): string[] => {
      if (!(error instanceof ApiError)) return [t('deliver.errors.generic', { code: 'client' })];
      const { project, pack } = context;
      const periodName = (p: number) =>
        project
          ? periodLabel(project.calendar.start, project.calendar.periodsPerYear, p, lang)
          : String(p + 1);
      const gateName = (id: string) => {
        const gate = pack?.gates.find((g) => g.id === id);
        return gate ? tx(gate.name) : id;
      };
      const problems = problemsOf(error);
      switch (error.code) {
        case 'network':
          return [t('deliver.errors.network')];
        case STALE_VERSION:
          return [t('deliver.errors.stale')];
        case 'not_found':
          return [t('deliver.errors.notFound')];
        case 'forbidden':
          return [t('deliver.errors.forbidden')];
        case 'plan_not_solved':
          return [t('deliver.errors.planNotSolved')];
        case 'plan_solution_stale':
          return [t('deliver.errors.planStale')];
        case 'initiative_not_scheduled':
          return [t('deliver.errors.notScheduled')];
        case 'project_exists':
          return [t('deliver.errors.projectExists')];
        case 'gate_passed':
          return [t('deliver.errors.gateClosed', { gate: gateName(context.gateId ?? '') })];
        case 'invalid_team_member':
          return [t('deliver.errors.roleUnknown')];
        case 'invalid_milestone':
          return [
            t('deliver.errors.milestoneAfterEnd', {
              title: context.milestone?.title ?? '',
              due: date(context.milestone?.due),
              end: date(project?.plannedFinish),
            }),
          ];
        case 'invalid_cost_entry':
          return problems.map((p) => {
            if (p.field === 'amount') return t('deliver.errors.costAmountZero');
            const name = periodName(context.period ?? 0);
            const closed =
              project?.closedThrough !== null &&
              project?.closedThrough !== undefined &&
              (context.period ?? 0) <= project.closedThrough &&
              (context.period ?? 0) >= 0;
            return closed
              ? t('deliver.errors.costPeriodClosed', { period: name })
              : t('deliver.errors.costPeriodOutside', { period: name });
          });
        case 'invalid_tick':
          return [t('deliver.errors.evidenceNeeded', { item: context.itemText ?? '' })];
        case 'gate_refused': {
          const gateId = context.gateId ?? '';
          const gate = pack?.gates.find((g) => g.id === gateId);
          const index = pack?.gates.findIndex((g) => g.id === gateId) ?? -1;
          return problems.map((p) => {
            if (p.field.endsWith('.checklist')) {
              const list = project?.checklists.find((c) => c.id === gateId);
              const total = gate?.checklist.length ?? 0;
              const done =
                gate?.checklist.filter((item) => {
                  const tick = list?.items.find((i) => i.id === item.id);
                  return tick?.ticked && (!item.evidence || tick.evidence.length > 0);
                }).length ?? 0;
              return t('deliver.errors.gateChecklistOpen', {
                gate: gateName(gateId),
                open: total - done,
                total,
              });
            }
            if (p.field.endsWith('.party'))
              return t('deliver.errors.gateParty', {
                gate: gateName(gateId),
                party: gate ? t(`deliver.parties.${gate.party}`) : '',
                parties: context.parties ?? '',
              });
            if (project?.gates.find((g) => g.id === gateId)?.passed)
              return t('deliver.errors.gateAlreadyPassed', { gate: gateName(gateId) });
            const earlier = (pack?.gates ?? [])
              .slice(0, Math.max(0, index))
              .filter((g) => !project?.gates.find((s) => s.id === g.id)?.passed)
              .map((g) => tx(g.name))
              .join('、');
            return t('deliver.errors.gateEarlierOpen', { gate: gateName(gateId), earlier });
          });
        }
        case 'invalid_project':
          return problems.map((p) => {
            if (p.field === 'reason') return t('deliver.errors.reasonRequired');
            if (p.field.startsWith('budget')) return t('deliver.errors.budgetNegative');
            if (p.field === 'closedThrough') return t('deliver.errors.closedRange');
            if (p.field === 'finishPeriod')
              return p.message.startsWith('Milestone')
                ? t('deliver.errors.milestonesBeyondEnd')
                : p.message.includes('before it starts')
                  ? t('deliver.errors.finishBeforeStart')
                  : t('deliver.errors.finishBeyond');
            return t('deliver.errors.generic', { code: `${error.code}: ${p.field}` });
          });
        default:
          return [t('deliver.errors.generic', { code: error.code })];
      }
    },
    [t, tx, lang, date],
  );
}
