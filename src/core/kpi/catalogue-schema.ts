/**
 * The KPI catalogue pack (packs/kpis/<id>/: pack.yaml + kpis.yaml, kind `kpis`): the data fields an enterprise's
 * ledgers supply (named, typed, with a unit and how they aggregate over a period) and the KPIs computed from them,
 * each a formula in the expression language of expression.ts. Guide 二（三）开展成效评估.
 *
 * A formula that does not parse, or names a field the catalogue does not declare, is an issue at the formula's path,
 * so the pack loader reports it at its file:line.
 */
import { z } from 'zod';
import { Citation, LocalizedText } from '../shared/text.ts';
import { fieldsOf, parseExpression, type Expr } from './expression.ts';

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** How a field's rows in a period become one value when a formula names the field bare. */
export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'first', 'last', 'count'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The ledgers a field comes from (台账): what a column-mapping step offers for a file. */
export const LEDGERS = [
  'financial',
  'production',
  'inventory',
  'quality',
  'energy',
  'orders',
  'equipment',
  'rd',
  'customers',
  'hr',
] as const;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, starting with a letter');
/** a field id is a name a formula can use: letters of any script, digits and `_`, not starting with a digit */
const FieldId = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, 'a field id is letters, digits and _, not starting with a digit');

export const DataField = z.strictObject({
  id: FieldId,
  name: LocalizedText,
  type: z.enum(['number', 'integer']),
  /** the common unit values are converted to on import (元, not 万元) */
  unit: z.string().trim().min(1),
  aggregation: z.enum(AGGREGATIONS),
  ledger: z.enum(LEDGERS),
  description: LocalizedText.optional(),
});
export type DataField = z.infer<typeof DataField>;

export const Kpi = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** the KPI of the atlas (packs/atlas/…/kpis.yaml) this computes, when the atlas has it */
  atlasKpi: Id.optional(),
  formula: z.string().trim().min(1),
  /** the finest period the KPI is computed for; coarser periods aggregate the same rows */
  period: z.enum(PERIODS),
  unit: z.string().trim().min(1),
  direction: z.enum(['up', 'down']),
  /** atlas scenario codes whose results this KPI measures */
  scenarios: z.array(z.string().regex(/^[A-Z][A-Z0-9.]*-[A-Z]+-\d{2}$/, 'a scenario code such as GEN-PM-03')),
  sources: z.array(Citation).min(1, 'cite at least one source'),
  note: LocalizedText.optional(),
});
export type Kpi = z.infer<typeof Kpi>;

export const KpiPackMeta = z.strictObject({
  kind: z.literal('kpis'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id is lower-case letters, digits and hyphens'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: 1.0.0'),
  title: LocalizedText,
  description: LocalizedText.optional(),
  sources: z.array(Citation).min(1, 'cite at least one source'),
});
export type KpiPackMeta = z.infer<typeof KpiPackMeta>;

export const KpiFile = z
  .strictObject({
    fields: z.array(DataField).min(1),
    kpis: z.array(Kpi).min(1),
    /**
     * the English of each unit the fields and KPIs use (元: yuan); when given, every unit used must be in it, so an
     * English page never shows a Chinese unit
     */
    units: z.record(z.string().trim().min(1), z.string().trim().min(1)).optional(),
  })
  // runs even when another part of the file is wrong, so every formula problem is reported at once
  .superRefine((file, ctx) => checkFile(file, ctx), { when: () => true });
export type KpiFile = z.infer<typeof KpiFile>;

const record = (x: unknown): Record<string, unknown> =>
  x !== null && typeof x === 'object' ? (x as Record<string, unknown>) : {};
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Ids given twice, formulas that do not parse or name a field not declared: over data that may be invalid elsewhere. */
function checkFile(data: unknown, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list(record(data).fields).forEach((f, k) => {
    const id = record(f).id;
    if (typeof id !== 'string') return;
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', path: ['fields', k, 'id'], message: `field "${id}" is given twice` });
    seen.add(id);
  });
  const kpiIds = new Set<string>();
  list(record(data).kpis).forEach((kpi, k) => {
    const { id, formula } = record(kpi);
    if (typeof id === 'string') {
      if (kpiIds.has(id))
        ctx.addIssue({ code: 'custom', path: ['kpis', k, 'id'], message: `KPI "${id}" is given twice` });
      kpiIds.add(id);
    }
    if (typeof formula !== 'string') return;
    for (const problem of formulaProblems(formula, seen))
      ctx.addIssue({ code: 'custom', path: ['kpis', k, 'formula'], message: problem });
  });
  const units = record(data).units;
  if (units === undefined) return;
  const named = record(units);
  for (const part of ['fields', 'kpis'] as const)
    list(record(data)[part]).forEach((entry, k) => {
      const unit = record(entry).unit;
      if (typeof unit === 'string' && !(unit in named))
        ctx.addIssue({
          code: 'custom',
          path: [part, k, 'unit'],
          message: `unit ${unit} has no English name in units:`,
        });
    });
}

/** What is wrong with a formula against the declared fields: syntax (with its column) and unknown field names. */
export function formulaProblems(formula: string, fields: ReadonlySet<string>): string[] {
  const parsed = parseExpression(formula);
  if (!parsed.ok) return [`column ${parsed.problem.column}: ${parsed.problem.message}`];
  return fieldsOf(parsed.expr)
    .filter((name) => !fields.has(name))
    .map((name) => `column ${columnOf(parsed.expr, name)}: unknown field ${name} (not in fields)`);
}

function columnOf(e: Expr, name: string): number {
  let at = -1;
  const walk = (x: Expr): void => {
    if (at >= 0) return;
    if (x.kind === 'field' && x.name === name) at = x.at;
    else if (x.kind === 'neg') walk(x.operand);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'call') x.args.forEach(walk);
  };
  walk(e);
  return at + 1;
}

export interface KpiCatalogue {
  meta: KpiPackMeta;
  fields: DataField[];
  kpis: Kpi[];
  /** unit → its English name (empty when the pack gives none) */
  units?: Readonly<Record<string, string>>;
}
