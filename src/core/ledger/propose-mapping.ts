/**
 * The column-mapping step's first guess: which column of a ledger holds the date and which holds each data field of
 * the KPI catalogue, by the fields' names (Chinese and English) and ids against the headers (their unit in brackets
 * set aside), and for the date also by the sample's cells. And a file layout's key — its sorted, normalised headers —
 * under which the mapping an organisation chose is remembered for the next file of the same layout.
 */
import type { DataField } from '../kpi/catalogue-schema.ts';
import { parseHeader, parseLedgerDate } from './values.ts';

/** A header as compared: its name without the unit, NFKC, lower case, without white space and punctuation. */
export function normaliseHeader(header: string): string {
  return parseHeader(header.normalize('NFKC'))
    .name.toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');
}

/** The layout's key: the normalised headers (units kept), sorted, joined by U+001F; the caller hashes it. */
export function layoutKey(headers: readonly string[]): string {
  return headers
    .map((h) => h.normalize('NFKC').toLowerCase().replace(/\s+/g, ''))
    .sort()
    .join('\u001f');
}

/** Headers that name the date of a ledger row (日期, 记账日期, 月份 …), normalised. */
const DATE_WORDS = [
  '日期',
  'date',
  '时间',
  '期间',
  '月份',
  '年月',
  '记账日期',
  '业务日期',
  '单据日期',
  '生产日期',
];

export interface Proposal {
  header: string;
  /** 'date', a data field id, or null */
  target: string | null;
  confidence: number;
}

export interface ProposedMapping {
  columns: Proposal[];
  /** the date column's header and field id → header; undefined when no date column was recognised */
  mapping: { date: string; fields: Record<string, string> } | undefined;
  /** the ledger most mapped fields come from */
  kind: DataField['ledger'] | undefined;
}

/**
 * Proposes a target per header: the date column (by name, else the first column whose sample cells are all dates)
 * and each field at most once, the best-scoring header taking it (1 for the field's name or id exactly, 0.6 when one
 * contains the other).
 */
export function proposeMapping(
  headers: readonly string[],
  sample: readonly (readonly (string | null)[])[],
  fields: readonly Pick<DataField, 'id' | 'name' | 'ledger'>[],
): ProposedMapping {
  const norm = headers.map(normaliseHeader);
  const columns: Proposal[] = headers.map((header) => ({ header, target: null, confidence: 0 }));

  // the date column
  let dateAt = -1;
  let dateConfidence = 0;
  norm.forEach((n, k) => {
    const c = DATE_WORDS.includes(n) ? 1 : DATE_WORDS.some((w) => n.includes(w)) ? 0.8 : 0;
    if (c > dateConfidence) [dateAt, dateConfidence] = [k, c];
  });
  if (dateAt < 0) {
    dateAt = headers.findIndex((_, k) => {
      const cells = sample.map((r) => (r[k] ?? '').trim()).filter((c) => c !== '');
      return cells.length > 0 && cells.every((c) => parseLedgerDate(c) !== undefined);
    });
    dateConfidence = 0.7;
  }
  if (dateAt >= 0) columns[dateAt] = { header: headers[dateAt]!, target: 'date', confidence: dateConfidence };

  // the data fields: every (header, field) score, best first, each header and field once
  const scores: { k: number; field: string; score: number }[] = [];
  norm.forEach((n, k) => {
    if (k === dateAt || n === '') return;
    for (const f of fields) {
      const names = [f.name.zh, f.name.en, f.id].map(normaliseHeader).filter((x) => x !== '');
      const score = names.includes(n)
        ? 1
        : names.some((x) => x.length >= 2 && (n.includes(x) || x.includes(n)))
          ? 0.6
          : 0;
      if (score > 0) scores.push({ k, field: f.id, score });
    }
  });
  scores.sort((a, b) => b.score - a.score || a.k - b.k);
  const taken = new Set<string>();
  for (const { k, field, score } of scores) {
    if (columns[k]!.target !== null || taken.has(field)) continue;
    columns[k] = { header: headers[k]!, target: field, confidence: score };
    taken.add(field);
  }

  const mapped = columns.filter((c) => c.target !== null && c.target !== 'date');
  const ledgerOf = new Map(fields.map((f) => [f.id, f.ledger]));
  const counts = new Map<DataField['ledger'], number>();
  for (const c of mapped) {
    const l = ledgerOf.get(c.target!)!;
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const kind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    columns,
    mapping:
      dateAt >= 0 && mapped.length > 0
        ? { date: headers[dateAt]!, fields: Object.fromEntries(mapped.map((c) => [c.target!, c.header])) }
        : undefined,
    kind,
  };
}
