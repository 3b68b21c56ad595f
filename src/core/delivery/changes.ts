/**
 * Changes during delivery (scope, budget, provider, dates) are recorded with who, when and why: an edit of a
 * project becomes one change record per kind it touches.
 */
import { sameValue as sameJson } from '../shared/three-way-merge.ts';

export const CHANGE_KINDS = ['scope', 'budget', 'provider', 'dates'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The fields of a project that a recorded change covers, by kind. */
export const CHANGE_FIELDS: Readonly<Record<ChangeKind, readonly string[]>> = {
  scope: ['scope', 'name'],
  budget: ['budget'],
  provider: ['provider'],
  dates: ['startPeriod', 'finishPeriod'],
};

export interface ChangeRecord {
  readonly kind: ChangeKind;
  readonly from: Readonly<Record<string, unknown>>;
  readonly to: Readonly<Record<string, unknown>>;
  readonly reason: string;
  readonly by: string | null;
  /** ISO timestamp */
  readonly at: string;
}

/** The change records of an edit: one per kind whose fields differ; empty when nothing recorded changed. */
export function changeRecords(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  who: { by: string | null; at: string; reason: string },
): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const kind of CHANGE_KINDS) {
    const fields = CHANGE_FIELDS[kind].filter((f) => f in after && !sameJson(before[f], after[f]));
    if (fields.length === 0) continue;
    records.push({
      kind,
      from: Object.fromEntries(fields.map((f) => [f, before[f] ?? null])),
      to: Object.fromEntries(fields.map((f) => [f, after[f] ?? null])),
      ...who,
    });
  }
  return records;
}
