import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { sameValue } from '../../components/stale-version.ts';
import type { PlanCandidate, PlanSettings } from './api.ts';

/** The fields of an initiative a person edits on the candidates tab (merged one by one after a stale save). */
export const CANDIDATE_FIELDS = [
  'capex',
  'opexPerYear',
  'duration',
  'effort',
  'successProbability',
  'mandatory',
  'kpiDeltas',
] as const;
type CandidateField = (typeof CANDIDATE_FIELDS)[number];

/** Initiatives as a form of fields: `<id>|<field>` → value. */
export function candidateFields(list: readonly PlanCandidate[]): Record<string, unknown> {
  return Object.fromEntries(list.flatMap((c) => CANDIDATE_FIELDS.map((f) => [`${c.id}|${f}`, c[f]])));
}

/** Their initiatives with the merged fields put in. */
export function withCandidateFields(
  theirs: readonly PlanCandidate[],
  fields: Readonly<Record<string, unknown>>,
): PlanCandidate[] {
  return theirs.map((c) => {
    const next: Record<string, unknown> = { ...c };
    for (const f of CANDIDATE_FIELDS) if (`${c.id}|${f}` in fields) next[f] = fields[`${c.id}|${f}`];
    return next as unknown as PlanCandidate;
  });
}

/** The initiatives of `draft` that differ from the saved ones (what a PATCH sends). */
export function changedCandidates(
  draft: readonly PlanCandidate[],
  saved: readonly PlanCandidate[],
): PlanCandidate[] {
  const byId = new Map(saved.map((c) => [c.id, c]));
  return draft.filter((c) => !sameValue(c, byId.get(c.id)));
}

/** The settings form (with the title) as fields. */
export function settingsFields(title: string, settings: PlanSettings): Record<string, unknown> {
  return { title, ...settings };
}

/** Words for a part of a plan named by the server (`initiatives.GEN-OM-01`, `settings`, `document.zh.vision`) or by a merge (`GEN-OM-01|capex`). */
export function usePlanPartLabel(sectionTitle?: (id: string) => string | undefined) {
  const { t } = useTranslation();
  return useCallback(
    (key: string): string => {
      const [kind, ...rest] = key.split('.');
      const id = rest.join('.');
      if (key.includes('|')) {
        const [initiative, field] = key.split('|') as [string, CandidateField];
        return `${initiative} ${t(`plan.merge.fields.${field}`)}`;
      }
      if (kind === 'title') return t('plan.wizard.planTitle');
      if (kind === 'settings') return t('plan.tabs.settings');
      if (kind === 'initiatives') return `${t('plan.tabs.candidates')} ${id}`;
      if (kind === 'risks') return `${t('plan.tabs.risks')} ${id}`;
      if (kind === 'document') {
        const section = rest.slice(1).join('.');
        return `${t('plan.tabs.document')}「${sectionTitle?.(section) ?? section}」`;
      }
      return t(`plan.merge.fields.${key}`, { defaultValue: key });
    },
    [t, sectionTitle],
  );
}

/** A value of a merged field, in a few words. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value))
    return value
      .map((v: unknown) =>
        typeof v === 'object' && v !== null && 'kpi' in v && 'improvement' in v
          ? `${String((v as { kpi: string }).kpi)} ${Math.round(Number((v as { improvement: number }).improvement) * 1000) / 10}%`
          : String(v),
      )
      .join(', ');
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}
