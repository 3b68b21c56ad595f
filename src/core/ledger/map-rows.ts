/**
 * A ledger's rows mapped onto the KPI catalogue's data fields (the column-mapping step): the date column read as
 * Chinese ledgers write dates, each mapped column read as a number with its header's unit converted to the field's
 * unit (金额（万元） → 元 × 10,000). Every cell that cannot be read is a problem naming its row and column; the row's
 * other values are still used, and a row without a date is left out (with its problem).
 */
import type { DataField } from '../kpi/catalogue-schema.ts';
import type { LedgerRow } from '../kpi/compute.ts';
import { parseHeader, parseLedgerDate, parseLedgerNumber, UNIT_FACTORS } from './values.ts';

export interface ColumnMapping {
  /** the header of the date column */
  date: string;
  /** field id → the header of the column that holds it */
  fields: Readonly<Record<string, string>>;
  /** the date column may hold Excel serial numbers (a sheet read without its styles) */
  serialDates?: boolean;
}

export interface LedgerProblem {
  /** the row number as the caller numbers them (the line of the file, the sheet's row) */
  row: number;
  /** 1-based column, and its header */
  column: number;
  header: string;
  message: string;
}

export interface MappedLedger {
  rows: LedgerRow[];
  problems: LedgerProblem[];
}

/** Maps the rows; problems of the mapping itself (a header not in the file, a unit that does not convert) have row 1. */
export function mapLedgerRows(
  header: readonly string[],
  rows: readonly { cells: readonly (string | null | undefined)[]; row: number }[],
  mapping: ColumnMapping,
  fields: readonly Pick<DataField, 'id' | 'unit'>[],
): MappedLedger {
  const problems: LedgerProblem[] = [];
  const find = (name: string) => {
    const exact = header.indexOf(name);
    return exact >= 0 ? exact : header.findIndex((h) => parseHeader(h).name === name);
  };
  const dateAt = find(mapping.date);
  if (dateAt < 0)
    problems.push({
      row: 1,
      column: 0,
      header: mapping.date,
      message: `no column ${mapping.date} in the header`,
    });
  const unitOf = new Map(fields.map((f) => [f.id, f.unit]));
  const columns: { field: string; at: number; factor: number }[] = [];
  for (const [field, name] of Object.entries(mapping.fields)) {
    const at = find(name);
    const unit = unitOf.get(field);
    if (unit === undefined) {
      problems.push({
        row: 1,
        column: at + 1,
        header: name,
        message: `no data field ${field} in the catalogue`,
      });
      continue;
    }
    if (at < 0) {
      problems.push({ row: 1, column: 0, header: name, message: `no column ${name} in the header` });
      continue;
    }
    const stated = parseHeader(header[at]!).unit;
    let factor = 1;
    if (stated !== undefined && stated !== unit) {
      const known = UNIT_FACTORS[stated];
      const target = UNIT_FACTORS[unit];
      if (!known || !target || known.unit !== target.unit) {
        problems.push({
          row: 1,
          column: at + 1,
          header: header[at]!,
          message: `the header's unit ${stated} does not convert to ${field}'s unit ${unit}`,
        });
        continue;
      }
      factor = known.factor / target.factor;
    }
    columns.push({ field, at, factor });
  }
  if (dateAt < 0) return { rows: [], problems };

  const out: LedgerRow[] = [];
  for (const { cells, row } of rows) {
    const rawDate = (cells[dateAt] ?? '').trim();
    const date =
      rawDate === '' ? undefined : parseLedgerDate(rawDate, { serials: mapping.serialDates ?? false });
    if (date === undefined) {
      problems.push({
        row,
        column: dateAt + 1,
        header: header[dateAt]!,
        message:
          rawDate === '' ? 'no date: the row is left out' : `"${rawDate}" is not a date: the row is left out`,
      });
      continue;
    }
    const values: Record<string, number | null> = {};
    for (const { field, at, factor } of columns) {
      const raw = (cells[at] ?? '').trim();
      if (raw === '') {
        values[field] = null;
        continue;
      }
      const n = parseLedgerNumber(raw);
      if (n === undefined) {
        problems.push({ row, column: at + 1, header: header[at]!, message: `"${raw}" is not a number` });
        values[field] = null;
      } else values[field] = n * factor;
    }
    out.push({ ref: row, date, values });
  }
  return { rows: out, problems };
}
