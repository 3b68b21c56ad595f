/**
 * Data quality profiling by the GB/T 36344-2018 dimensions, as an accumulator: feed it the rows one at a time (from a
 * stream), then `finish()`. Memory is O(columns): per column a few counters, a bounded pattern table, a distinct
 * counter (exact up to `distinctLimit` values, then a HyperLogLog estimate — `distinctExact` says which) and the
 * first `keepRows` offending row numbers per rule. A `unique` rule keeps the values it has seen, exactly, up to
 * `uniqueLimit`; past that it stops checking and says so (`exact: false`).
 *
 * An empty cell (or only spaces) is null; `distinct` counts non-null values.
 */
import { evaluate, type FieldLookup } from '../kpi/expression-eval.ts';
import { fieldsOf, parseExpression, type Expr } from '../kpi/expression.ts';
import { dayNumber, parseHeader, parseLedgerDate, parseLedgerNumber } from '../ledger/values.ts';
import { DistinctCounter } from './distinct.ts';
import {
  DIMENSION_OF,
  DIMENSIONS,
  type ColumnRules,
  type Dimension,
  type RuleKind,
  type RulesFile,
  type ValueType,
} from './rules.ts';

export interface ProfileOptions {
  /** the rules to check; absent: every column required and of its inferred type (proposed from the data) */
  rules?: RulesFile;
  /** the date freshness is judged against, YYYY-MM-DD (the rules file's asOf wins) */
  asOf?: string;
  distinctLimit?: number;
  uniqueLimit?: number;
  /** offending row numbers kept per rule */
  keepRows?: number;
}

export interface RuleResult {
  /** `column:kind` for a column rule, the check's id for a cross-field one, `readable` */
  rule: string;
  kind: RuleKind;
  dimension: Dimension;
  columns: string[];
  checked: number;
  failed: number;
  /** 0–100, one decimal; null when nothing was checked */
  score: number | null;
  /** the first offending row numbers (as the caller numbered them) */
  rows: number[];
  /** false when the rule stopped being checked exactly (uniqueness past its limit) */
  exact: boolean;
  message?: string;
}

export interface ColumnProfile {
  name: string;
  type: ValueType | 'empty';
  nulls: number;
  distinct: number;
  distinctExact: boolean;
  /** non-null values equal to an earlier value of the column (estimated when distinct is) */
  duplicates: number;
  min: number | string | null;
  max: number | string | null;
  patterns: { pattern: string; count: number }[];
  /** the values, sorted, when there are at most 20 distinct ones (counted exactly) */
  values: string[] | undefined;
  violations: RuleResult[];
  score: number | null;
}

export interface Profile {
  rows: number;
  columns: ColumnProfile[];
  rules: RuleResult[];
  dimensions: Record<Dimension, number | null>;
  score: number | null;
  /** the rules were proposed from the data (no rules file) */
  proposed: boolean;
}

const PATTERN_LIMIT = 32;
const PATTERN_LENGTH = 24;
const BOOLEANS = new Set(['是', '否', 'true', 'false', 'yes', 'no', 'y', 'n', '对', '错']);
const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d+)?$/;
const COMPACT_DATE = /^\d{8}$/;

/** The shape of a value: 9 for a digit, A/a for Latin letters, 汉 for a CJK character, others as they are. */
export function patternOf(value: string): string {
  let out = '';
  let n = 0;
  for (const ch of value) {
    if (n++ === PATTERN_LENGTH) return `${out}…`;
    const c = ch.codePointAt(0)!;
    if (c >= 48 && c <= 57) out += '9';
    else if (c >= 65 && c <= 90) out += 'A';
    else if (c >= 97 && c <= 122) out += 'a';
    else if (c >= 0x4e00 && c <= 0x9fff) out += '汉';
    else out += ch;
  }
  return out;
}

class RuleState {
  checked = 0;
  failed = 0;
  rows: number[] = [];
  exact = true;
  message: string | undefined;
  constructor(
    readonly rule: string,
    readonly kind: RuleKind,
    readonly columns: string[],
    private readonly keep: number,
  ) {}
  pass(): void {
    this.checked++;
  }
  fail(row: number): void {
    this.checked++;
    this.failed++;
    if (this.rows.length < this.keep) this.rows.push(row);
  }
  result(): RuleResult {
    const r: RuleResult = {
      rule: this.rule,
      kind: this.kind,
      dimension: DIMENSION_OF[this.kind],
      columns: this.columns,
      checked: this.checked,
      failed: this.failed,
      score: this.checked === 0 ? null : round1((100 * (this.checked - this.failed)) / this.checked),
      rows: this.rows,
      exact: this.exact,
    };
    if (this.message !== undefined) r.message = this.message;
    return r;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : round1(v.reduce((s, x) => s + x, 0) / v.length);
};

interface Candidate {
  count: number;
  bad: number[];
}

/** A parsed cell: its text (trimmed), number and date when it reads as one. */
interface Cell {
  text: string;
  num: number | undefined;
  date: string | undefined;
}

function readCell(text: string): Cell {
  const num = PLAIN_NUMBER.test(text) ? Number(text) : parseLedgerNumber(text);
  const c0 = text.charCodeAt(0);
  const date =
    (c0 >= 48 && c0 <= 57) || c0 >= 0xff10
      ? text.length >= 8
        ? parseLedgerDate(text)
        : undefined
      : undefined;
  return { text, num, date };
}

class ColumnState {
  nonNull = 0;
  nulls = 0;
  numMin = Infinity;
  numMax = -Infinity;
  dateMin: string | undefined;
  dateMax: string | undefined;
  textMin: string | undefined;
  textMax: string | undefined;
  compactDates = 0;
  readonly integer: Candidate = { count: 0, bad: [] };
  readonly number: Candidate = { count: 0, bad: [] };
  readonly date: Candidate = { count: 0, bad: [] };
  readonly boolean: Candidate = { count: 0, bad: [] };
  readonly patterns = new Map<string, number>();
  otherPatterns = 0;
  readonly distinct: DistinctCounter;
  /** the checks of this column's rules, run on each cell (null included) */
  checks: ((cell: Cell | null, row: number) => void)[] = [];
  rules: RuleState[] = [];

  constructor(
    readonly name: string,
    distinctLimit: number,
    private readonly keep: number,
  ) {
    this.distinct = new DistinctCounter(distinctLimit);
  }

  private candidate(c: Candidate, ok: boolean, row: number): void {
    if (ok) c.count++;
    else if (c.bad.length < this.keep) c.bad.push(row);
  }

  add(cell: Cell | null, row: number): void {
    for (const check of this.checks) check(cell, row);
    if (cell === null) {
      this.nulls++;
      return;
    }
    this.nonNull++;
    const { text, num, date } = cell;
    this.distinct.add(text);
    this.candidate(this.number, num !== undefined, row);
    this.candidate(this.integer, num !== undefined && Number.isInteger(num), row);
    this.candidate(this.date, date !== undefined, row);
    this.candidate(this.boolean, text.length <= 5 && BOOLEANS.has(text.toLowerCase()), row);
    if (num !== undefined) {
      if (num < this.numMin) this.numMin = num;
      if (num > this.numMax) this.numMax = num;
    }
    if (date !== undefined) {
      if (COMPACT_DATE.test(text)) this.compactDates++;
      if (this.dateMin === undefined || date < this.dateMin) this.dateMin = date;
      if (this.dateMax === undefined || date > this.dateMax) this.dateMax = date;
    }
    if (this.textMin === undefined || text < this.textMin) this.textMin = text;
    if (this.textMax === undefined || text > this.textMax) this.textMax = text;
    const p = patternOf(text);
    const seen = this.patterns.get(p);
    if (seen !== undefined) this.patterns.set(p, seen + 1);
    else if (this.patterns.size < PATTERN_LIMIT) this.patterns.set(p, 1);
    else this.otherPatterns++;
  }

  /**
   * The type most non-null values have, if at least half do (ties to the more specific: date, integer, number,
   * boolean); else text. The values of another type are then its type violations. A column whose only dates are
   * 8-digit numbers (20250107) is integer.
   */
  inferredType(): ValueType | 'empty' {
    if (this.nonNull === 0) return 'empty';
    const dates = this.compactDates < this.date.count ? this.date.count : 0;
    let best: ValueType = 'text';
    let most = 0;
    for (const [type, count] of [
      ['date', dates],
      ['integer', this.integer.count],
      ['number', this.number.count],
      ['boolean', this.boolean.count],
    ] as const)
      if (count > most) [best, most] = [type, count];
    return most * 2 >= this.nonNull ? best : 'text';
  }

  candidateOf(type: ValueType): Candidate | undefined {
    return type === 'text' ? undefined : this[type];
  }
}

/** Does a cell conform to a type? */
function hasType(cell: Cell, type: ValueType): boolean {
  switch (type) {
    case 'integer':
      return cell.num !== undefined && Number.isInteger(cell.num);
    case 'number':
      return cell.num !== undefined;
    case 'date':
      return cell.date !== undefined;
    case 'boolean':
      return BOOLEANS.has(cell.text.toLowerCase());
    case 'text':
      return true;
  }
}

export class Profiler {
  private readonly columns: ColumnState[];
  private readonly crossChecks: { state: RuleState; expr: Expr; refs: Map<string, number> }[] = [];
  private readonly freshness: { state: RuleState; column: ColumnState; maxAgeDays: number }[] = [];
  private readonly readable: RuleState;
  private rowCount = 0;
  private readonly keep: number;
  private readonly asOf: string | undefined;
  readonly proposed: boolean;

  constructor(header: readonly string[], options: ProfileOptions = {}) {
    this.keep = options.keepRows ?? 100;
    this.asOf = options.rules?.asOf ?? options.asOf;
    const distinctLimit = options.distinctLimit ?? 50_000;
    const uniqueLimit = options.uniqueLimit ?? 1_000_000;
    this.columns = header.map((name) => new ColumnState(name, distinctLimit, this.keep));
    this.readable = new RuleState('readable', 'readable', [], this.keep);
    this.proposed = options.rules === undefined;
    const rules = options.rules;
    if (!rules) {
      for (const c of this.columns) {
        const required = this.rule(c, 'required');
        c.checks.push((cell, row) => (cell === null ? required.fail(row) : required.pass()));
        this.rule(c, 'type'); // scored at finish, against the inferred type
      }
      return;
    }
    const byName = new Map<string, ColumnState>();
    for (const c of this.columns) {
      byName.set(c.name, c);
      const bare = parseHeader(c.name).name;
      if (!byName.has(bare)) byName.set(bare, c);
    }
    for (const [name, cr] of Object.entries(rules.columns)) {
      const c = byName.get(name);
      if (!c) {
        const missing = new RuleState(`${name}:required`, 'required', [name], this.keep);
        missing.message = `the file has no column ${name}`;
        missing.checked = 1;
        missing.failed = 1;
        this.orphans.push(missing);
        continue;
      }
      this.columnRules(c, cr, uniqueLimit);
    }
    for (const check of rules.checks) {
      const parsed = parseExpression(check.check);
      const names = parsed.ok ? fieldsOf(parsed.expr) : [];
      const refs = new Map<string, number>();
      const unknown = names.filter((n) => {
        const c = byName.get(n);
        if (c) refs.set(n, this.columns.indexOf(c));
        return !c;
      });
      const state = new RuleState(
        check.id,
        'cross-field',
        names.map((n) => byName.get(n)?.name ?? n),
        this.keep,
      );
      for (const n of names) byName.get(n)?.rules.push(state);
      if (!parsed.ok || unknown.length > 0) {
        state.message = parsed.ok
          ? `the file has no column ${unknown.join(', ')}`
          : `column ${parsed.problem.column}: ${parsed.problem.message}`;
        this.orphans.push(state);
        continue;
      }
      this.crossChecks.push({ state, expr: parsed.expr, refs });
    }
  }

  /** rules naming what the file does not have: reported, scored as failed */
  private readonly orphans: RuleState[] = [];

  private rule(c: ColumnState, kind: RuleKind): RuleState {
    const s = new RuleState(`${c.name}:${kind}`, kind, [c.name], this.keep);
    c.rules.push(s);
    return s;
  }

  private columnRules(c: ColumnState, cr: ColumnRules, uniqueLimit: number): void {
    if (cr.required) {
      const s = this.rule(c, 'required');
      c.checks.push((cell, row) => (cell === null ? s.fail(row) : s.pass()));
    }
    if (cr.type) {
      const type = cr.type;
      const s = this.rule(c, 'type');
      c.checks.push((cell, row) => {
        if (cell === null) return;
        if (hasType(cell, type)) s.pass();
        else s.fail(row);
      });
    }
    if (cr.pattern) {
      const re = new RegExp(cr.pattern, 'u');
      const s = this.rule(c, 'pattern');
      c.checks.push((cell, row) => {
        if (cell === null) return;
        if (re.test(cell.text)) s.pass();
        else s.fail(row);
      });
    }
    if (cr.values) {
      const allowed = new Set(cr.values);
      const s = this.rule(c, 'values');
      c.checks.push((cell, row) => {
        if (cell === null) return;
        if (allowed.has(cell.text)) s.pass();
        else s.fail(row);
      });
    }
    if (cr.range) {
      const { min, max } = cr.range;
      const s = this.rule(c, 'range');
      c.checks.push((cell, row) => {
        if (cell === null) return;
        const v = typeof (min ?? max) === 'string' ? cell.date : cell.num;
        if (v === undefined) return; // not of the type: the type rule's business
        // a bound of the other kind (a date bound against a number) is ignored
        const low = min !== undefined && typeof min === typeof v && v < min;
        const high = max !== undefined && typeof max === typeof v && v > max;
        if (low || high) s.fail(row);
        else s.pass();
      });
    }
    if (cr.unique) {
      const seen = new Set<string>();
      const s = this.rule(c, 'unique');
      c.checks.push((cell, row) => {
        if (cell === null || !s.exact) return;
        if (seen.has(cell.text)) s.fail(row);
        else if (seen.size >= uniqueLimit) {
          s.exact = false;
          s.message = `checked the first ${uniqueLimit} distinct values only`;
          seen.clear();
        } else {
          seen.add(cell.text);
          s.pass();
        }
      });
    }
    if (cr.freshness)
      this.freshness.push({
        state: this.rule(c, 'freshness'),
        column: c,
        maxAgeDays: cr.freshness.maxAgeDays,
      });
  }

  /**
   * One data row. `row` is its number as the caller reports it (the line in the file, the sheet's row). A row with
   * more or fewer cells than the header, or with undecodable text (U+FFFD), fails the readable rule (可访问性).
   */
  add(cells: readonly (string | null | undefined)[], row: number): void {
    this.rowCount++;
    let readable = cells.length === this.columns.length;
    const parsed: (Cell | null)[] = new Array<Cell | null>(this.columns.length);
    for (let k = 0; k < this.columns.length; k++) {
      const raw = cells[k];
      const text = raw === null || raw === undefined ? '' : raw.trim();
      if (text.includes('\uFFFD')) readable = false;
      const cell = text === '' ? null : readCell(text);
      parsed[k] = cell;
      this.columns[k]!.add(cell, row);
    }
    if (readable) this.readable.pass();
    else this.readable.fail(row);
    for (const { state, expr, refs } of this.crossChecks) {
      const env = {
        read(name: string): FieldLookup {
          const cell = parsed[refs.get(name)!];
          const v = cell ? (cell.date !== undefined ? dayNumber(cell.date) : cell.num) : undefined;
          return v === undefined
            ? { ok: false, kind: 'missing-data', message: `${name} is empty` }
            : { ok: true, value: v };
        },
      };
      const r = evaluate(expr, env);
      if (!r.ok && r.problem.kind === 'missing-data') continue;
      if (r.ok && r.value !== 0) state.pass();
      else state.fail(row);
    }
  }

  finish(today?: string): Profile {
    const asOf = this.asOf ?? today;
    for (const f of this.freshness) {
      const latest = f.column.dateMax;
      f.state.checked = 1;
      if (asOf === undefined) {
        f.state.checked = 0;
        f.state.message = 'no as-of date to judge freshness against';
      } else if (latest === undefined || dayNumber(asOf) - dayNumber(latest) > f.maxAgeDays) {
        f.state.failed = 1;
        f.state.message = `latest date ${latest ?? 'none'} is more than ${f.maxAgeDays} days before ${asOf}`;
      } else f.state.message = `latest date ${latest}`;
    }
    const columns = this.columns.map((c): ColumnProfile => {
      const type = c.inferredType();
      if (this.proposed) {
        const s = c.rules.find((r) => r.kind === 'type')!;
        const cand = type === 'empty' ? undefined : c.candidateOf(type);
        s.checked = c.nonNull;
        s.failed = cand ? c.nonNull - cand.count : 0;
        s.rows = cand ? cand.bad : [];
        s.message = `type ${type}, inferred from the data`;
      }
      const distinct = c.distinct.count;
      const [min, max] =
        type === 'integer' || type === 'number'
          ? [c.numMin, c.numMax]
          : type === 'date'
            ? [c.dateMin ?? null, c.dateMax ?? null]
            : type === 'text'
              ? [c.textMin ?? null, c.textMax ?? null]
              : [null, null];
      const violations = c.rules.map((r) => r.result());
      const patterns = [...c.patterns.entries()]
        .map(([pattern, count]) => ({ pattern, count }))
        .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern));
      if (c.otherPatterns > 0) patterns.push({ pattern: '(other)', count: c.otherPatterns });
      return {
        name: c.name,
        type,
        nulls: c.nulls,
        distinct,
        distinctExact: c.distinct.exact,
        duplicates: Math.max(0, c.nonNull - distinct),
        min,
        max,
        patterns,
        values: c.distinct.exact && distinct <= 20 ? [...c.distinct.values()!].sort() : undefined,
        violations,
        score: mean(violations.map((v) => v.score)),
      };
    });
    const seen = new Set<string>();
    const rules: RuleResult[] = [];
    for (const s of [...this.columns.flatMap((c) => c.rules), ...this.orphans, this.readable]) {
      if (seen.has(s.rule)) continue;
      seen.add(s.rule);
      rules.push(s.result());
    }
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => [d, mean(rules.filter((r) => r.dimension === d).map((r) => r.score))]),
    ) as Record<Dimension, number | null>;
    return {
      rows: this.rowCount,
      columns,
      rules,
      dimensions,
      score: mean(Object.values(dimensions)),
      proposed: this.proposed,
    };
  }
}

/**
 * Rules proposed from a profile, for a data steward to edit into a rules file: each column's inferred type, required
 * when it had no nulls, unique when every text or integer value differed, a reference list when it has a few distinct values, and
 * the observed range of numbers and dates.
 */
export function proposeRules(profile: Profile): RulesFile {
  const columns: Record<string, ColumnRules> = {};
  for (const c of profile.columns) {
    if (c.type === 'empty') continue;
    const r: ColumnRules = { type: c.type };
    if (c.nulls === 0) r.required = true;
    // identifiers are text or integers; amounts and dates that happen to differ are not keys
    if (
      (c.type === 'text' || c.type === 'integer') &&
      c.distinctExact &&
      c.duplicates === 0 &&
      c.distinct > 1
    )
      r.unique = true;
    if (c.type === 'text' && c.values && c.duplicates > 0) r.values = [...c.values];
    if (
      (c.type === 'integer' || c.type === 'number') &&
      typeof c.min === 'number' &&
      typeof c.max === 'number'
    )
      r.range = { min: c.min, max: c.max };
    if (c.type === 'date' && typeof c.min === 'string' && typeof c.max === 'string')
      r.range = { min: c.min, max: c.max };
    columns[c.name] = r;
  }
  return { columns, checks: [] };
}
