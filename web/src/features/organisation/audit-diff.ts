/** One field of an audit entry, before and after, as text; `changed` when the two differ. */
export interface AuditDiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const text = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields of an entry's before and after snapshots side by side, in the order they first appear (before's
 * first); a snapshot that is not an object is one row named '' (a value, or nothing at all).
 */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  if (before == null && after == null) return [];
  if ((before != null && !isRecord(before)) || (after != null && !isRecord(after))) {
    const b = text(before ?? undefined);
    const a = text(after ?? undefined);
    return [{ field: '', before: b, after: a, changed: b !== a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const was = text(b[field]);
    const now = text(a[field]);
    return { field, before: was, after: now, changed: was !== now };
  });
}
