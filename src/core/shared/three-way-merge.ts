/**
 * Three-way merge of a form of fields after someone else saved it (lost updates): what I loaded, what I edited and
 * what is stored now. Pure; the web app's stale-version dialog uses it.
 */

/** The same JSON value (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => sameValue(x, b[k]))
    );
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}

export type Pick = 'mine' | 'theirs';

export interface FieldMerge<T> {
  /** their value where I did not change a field, mine where only I did; for conflicts, mine until picked */
  merged: Record<string, T>;
  /** fields both of us changed, to different values */
  conflicts: string[];
}

/**
 * Three-way merge of a form of fields: `base` as I loaded it, `mine` as I edited it, `theirs` as it is now. A field
 * only I changed keeps mine, one only they changed takes theirs, one we both changed differently is a conflict.
 */
export function mergeFields<T>(
  base: Readonly<Record<string, T>>,
  mine: Readonly<Record<string, T>>,
  theirs: Readonly<Record<string, T>>,
): FieldMerge<T> {
  const merged: Record<string, T> = {};
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[key] as T;
    const m = mine[key] as T;
    const t = theirs[key] as T;
    const iChanged = !sameValue(m, b);
    const theyChanged = !sameValue(t, b);
    if (iChanged && theyChanged && !sameValue(m, t)) conflicts.push(key);
    merged[key] = iChanged ? m : t;
  }
  return { merged, conflicts };
}

/** The merge with each conflict resolved by the pick (mine unless told otherwise). */
export function resolveMerge<T>(
  merge: FieldMerge<T>,
  theirs: Readonly<Record<string, T>>,
  picks: Readonly<Record<string, Pick>>,
): Record<string, T> {
  const out = { ...merge.merged };
  for (const key of merge.conflicts) if (picks[key] === 'theirs') out[key] = theirs[key] as T;
  return out;
}
