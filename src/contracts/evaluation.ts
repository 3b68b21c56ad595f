/**
 * Evaluation API shapes (成效评估, guide 二（三）): the KPI catalogue, ledgers uploaded and mapped onto its data fields,
 * the imports stored, and KPI values per period computed from the stored rows (never typed in; a manual value only
 * marked as such, with who entered it), each value with the ledger rows behind it. One definition per concept; the
 * server and the web app both use these.
 *
 * Routes (src/features/evaluation/routes.ts; read = any member, write = editor or administrator):
 * - GET    /api/kpis                                 read   → KpiCatalogueView
 * - POST   /api/ledgers/uploads?fileName=台账.csv     write  raw body (Content-Type: application/octet-stream, as the
 *          evidence uploads; ≤ MAX_UPLOAD_BYTES) → 201 LedgerUploadPreview; 413 file_too_large, 415 unsupported_ledger
 *          (.xls), 422 ledger_unreadable (a zip bomb, a NUL byte, a quote never closed: details { row, column })
 * - POST   /api/ledgers/imports                      write  ImportLedger → 201 ImportedLedger; 422 ledger_problems
 *          (details LedgerProblems: nothing stored), 404 when the upload is gone (imported, expired, another's), 409
 *          ledger_already_imported when the same file was imported before
 * - GET    /api/ledgers/imports                      read   → LedgerImportList
 * - DELETE /api/ledgers/imports/:id                  write  → 204 (its rows go with it)
 * - GET    /api/kpis/values?from=2025-01&to=2025-12&period=quarter  read → KpiValues
 * - PUT    /api/kpis/:id/manual-values/:period       write  SaveManualValue → KpiValueView; 400 bad_period when the
 *          period is finer than the KPI's
 * - DELETE /api/kpis/:id/manual-values/:period       write  → 204
 * - GET    /api/kpis/:id/values/:period/rows?offset&limit  read → KpiValueRows
 */
import { z } from 'zod';
import type { LEDGERS, PERIODS } from '../core/kpi/catalogue-schema.ts';
import type { EvalProblemKind } from '../core/kpi/expression-eval.ts';
import type { LedgerEncoding } from '../core/ledger/encoding.ts';
import { IsoDate } from './delivery.ts';

const Text = z.object({ zh: z.string(), en: z.string() });

/** The ledgers (台账) a data field comes from; the kind of an import. Same list as the catalogue schema's LEDGERS. */
export const LEDGER_KINDS = [
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
] as const satisfies readonly (typeof LEDGERS)[number][];
export const LedgerKind = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof LedgerKind>;

export const KPI_PERIODS = [
  'month',
  'quarter',
  'year',
] as const satisfies readonly (typeof PERIODS)[number][];
export const KpiPeriod = z.enum(KPI_PERIODS);
export type KpiPeriod = z.infer<typeof KpiPeriod>;

export const DIRECTIONS = ['up', 'down'] as const;
/** up: a rise improves the KPI; down: a fall does */
export const Direction = z.enum(DIRECTIONS);

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030'] as const satisfies readonly LedgerEncoding[];

/** A period key: a month 2025-01, a quarter 2025-Q1, a year 2025. */
export const PeriodKey = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/,
    'a period is a month 2025-01, a quarter 2025-Q1 or a year 2025',
  );

const Source = z.object({ source: z.string(), section: z.string(), note: z.string().optional() });

// ── the KPI catalogue (GET /api/kpis) ──────────────────────────────────────────────────────────────────────
export const DataFieldView = z.object({
  /** the field id a formula and a column mapping name */
  id: z.string(),
  name: Text,
  type: z.enum(['number', 'integer']),
  /** the common unit values are converted to on import (元, not 万元) */
  unit: Text,
  /** how the field's rows in a period become one value */
  aggregation: z.enum(['sum', 'avg', 'min', 'max', 'first', 'last', 'count']),
  ledger: LedgerKind,
  description: Text.optional(),
});
export type DataFieldView = z.infer<typeof DataFieldView>;

export const KpiCatalogueEntry = z.object({
  id: z.string(),
  name: Text,
  unit: Text,
  direction: Direction,
  /** the finest period the KPI is computed for (its aggregation over time); coarser periods aggregate the same rows */
  period: KpiPeriod,
  formula: z.string(),
  /** ids of the data fields the formula reads (DataFieldView.id) */
  fields: z.array(z.string()),
  /** the ledgers those fields come from */
  ledgers: z.array(LedgerKind),
  /** atlas scenario codes whose results the KPI measures */
  scenarios: z.array(z.string()),
  /** the KPI of the atlas it computes, when the atlas has it */
  atlasKpi: z.string().optional(),
  sources: z.array(Source),
  note: Text.optional(),
});
export type KpiCatalogueEntry = z.infer<typeof KpiCatalogueEntry>;

export const KpiCatalogueView = z.object({
  pack: z.object({ id: z.string(), version: z.string(), title: Text }),
  fields: z.array(DataFieldView),
  kpis: z.array(KpiCatalogueEntry),
});
export type KpiCatalogueView = z.infer<typeof KpiCatalogueView>;

// ── a ledger uploaded, before it is imported (POST /api/ledgers/uploads) ───────────────────────────────────
/** Rows of a file shown in its preview. */
export const PREVIEW_ROWS = 20;

/** Which column holds what: the date column's header, and per data field the header of its column. */
export const LedgerMapping = z.object({
  date: z.string().trim().min(1, 'name the date column').max(500),
  /** data field id → header of the column that holds it */
  fields: z
    .record(z.string().min(1).max(100), z.string().trim().min(1).max(500))
    .refine((f) => Object.keys(f).length > 0, 'map at least one column onto a data field'),
});
export type LedgerMapping = z.infer<typeof LedgerMapping>;

/** What the server proposes a column holds: `date`, a data field id, or nothing (null). */
export const ColumnProposal = z.object({
  header: z.string(),
  /** 'date', a data field id, or null when the column is not mapped */
  target: z.string().nullable(),
  /** 0–1: 1 for an exact name or a remembered mapping, less for a partial match */
  confidence: z.number().min(0).max(1),
});
export type ColumnProposal = z.infer<typeof ColumnProposal>;

export const LedgerUploadPreview = z.object({
  uploadId: z.uuid(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** the CSV's detected encoding; null for a workbook */
  encoding: z.enum(ENCODINGS).nullable(),
  /** the sheet read (the first); null for a CSV */
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  /** the first rows after the header (at most PREVIEW_ROWS), cells as text, empty as null */
  sampleRows: z.array(z.array(z.string().nullable())).max(PREVIEW_ROWS),
  /** data rows in the file (the header not counted) */
  rows: z.number().int(),
  /** the layout's signature: a hash of the sorted, normalised headers */
  layout: z.string(),
  /** the ledger kind proposed (remembered, or the one most mapped fields come from) */
  kind: LedgerKind.nullable(),
  /** per header, what it is proposed to hold */
  columns: z.array(ColumnProposal),
  /** the proposal as a mapping to send back (null when no date column was recognised) */
  mapping: LedgerMapping.nullable(),
  /** true when the mapping is the one used by an earlier import of a file of the same layout */
  remembered: z.boolean(),
  /** the earlier import of this very file (same bytes), which its import would refuse (409 ledger_already_imported) */
  importedAs: z.object({ id: z.uuid(), fileName: z.string(), importedAt: z.string() }).nullable(),
  /** the upload is kept until then for its import */
  expiresAt: z.string(),
});
export type LedgerUploadPreview = z.infer<typeof LedgerUploadPreview>;

// ── imports (POST/GET /api/ledgers/imports, DELETE /api/ledgers/imports/:id) ───────────────────────────────
export const ImportLedger = z.object({
  uploadId: z.uuid('uploadId must be the id of an upload'),
  kind: LedgerKind,
  mapping: LedgerMapping,
  /**
   * false (the default): any cell that cannot be read refuses the whole import, nothing stored. true: rows with such
   * a cell are left out and the import is stored as `partial`, its problems listed.
   */
  skipProblemRows: z.boolean().default(false),
});
export type ImportLedger = z.infer<typeof ImportLedger>;

/** A cell that could not be read: its row as the file numbers it (the header is row 1), its 1-based column and header. */
export const LedgerProblem = z.object({
  row: z.number().int(),
  /** 1-based; 0 when the problem is of the mapping itself (a header not in the file) */
  column: z.number().int(),
  header: z.string(),
  message: z.string(),
});
export type LedgerProblem = z.infer<typeof LedgerProblem>;

/** `error.details` of a 422 ledger_problems: the import was refused and nothing was stored. */
export const LedgerProblems = z.object({ problems: z.array(LedgerProblem), total: z.number().int() });

export const IMPORT_STATUSES = ['complete', 'partial'] as const;
export const LedgerImportView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  kind: LedgerKind,
  format: z.enum(['csv', 'xlsx']),
  layout: z.string(),
  mapping: LedgerMapping,
  /** rows stored */
  rows: z.number().int(),
  /** the first and last date of the rows stored (null when none) */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  /** complete: every row stored; partial: rows with problems left out (listed, at most 200) */
  status: z.enum(IMPORT_STATUSES),
  problems: z.array(LedgerProblem),
});
export type LedgerImportView = z.infer<typeof LedgerImportView>;

/**
 * The answer of an import: the import, and the earlier imports holding the same data fields over overlapping dates —
 * their rows and this one's add up in a period (right for two production lines, twice counted for a re-export).
 */
export const ImportedLedger = LedgerImportView.extend({
  overlaps: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      from: IsoDate.nullable(),
      to: IsoDate.nullable(),
      fields: z.array(z.string()),
    }),
  ),
});
export type ImportedLedger = z.infer<typeof ImportedLedger>;

export const LedgerImportList = z.object({ imports: z.array(LedgerImportView) });
export type LedgerImportList = z.infer<typeof LedgerImportList>;

// ── KPI values (GET /api/kpis/values, PUT /api/kpis/:id/manual-values/:period) ─────────────────────────────
export const EVAL_PROBLEM_KINDS = [
  'divide-by-zero',
  'unknown-field',
  'missing-data',
  'not-finite',
] as const satisfies readonly EvalProblemKind[];

/** Why a value could not be computed for a period. */
export const NotComputable = z.object({
  kind: z.enum(EVAL_PROBLEM_KINDS),
  message: z.string(),
  field: z.string().optional(),
});

export const KpiValueView = z.object({
  kpiId: z.string(),
  period: PeriodKey,
  /** the value in force: the manual one when there is one, else the computed one (null when not computable) */
  value: z.number().nullable(),
  unit: Text,
  source: z.enum(['computed', 'manual']),
  /** what the stored rows give (also shown beside a manual value); null when not computable or no rows */
  computed: z.number().nullable(),
  /** why the computed value is null */
  reason: NotComputable.nullable(),
  /** ledger rows behind the computed value */
  rowCount: z.number().int(),
  /** for a manual value: who entered it, when, and the note given */
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type KpiValueView = z.infer<typeof KpiValueView>;

export const PeriodValue = z.object({ period: PeriodKey, value: z.number() });

export const KpiSeries = z.object({
  kpiId: z.string(),
  name: Text,
  unit: Text,
  direction: Direction,
  period: KpiPeriod,
  values: z.array(KpiValueView),
  /** T0: the first period with a value */
  baseline: PeriodValue.nullable(),
  /** the last period with a value */
  latest: PeriodValue.nullable(),
  /** latest − baseline (null without two values) */
  change: z.number().nullable(),
  /** the change read in the KPI's direction: better, worse, or unchanged; null without two values */
  trend: z.enum(['better', 'worse', 'unchanged']).nullable(),
});
export type KpiSeries = z.infer<typeof KpiSeries>;

export const KpiValuesQuery = z.object({
  /** first and last month included (YYYY-MM); all stored periods when absent */
  from: z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'from is a month: 2025-01')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'to is a month: 2025-12')
    .optional(),
  /** compute every KPI per this period (at least its own); each KPI's own period when absent */
  period: KpiPeriod.optional(),
});
export type KpiValuesQuery = z.infer<typeof KpiValuesQuery>;

export const KpiValues = z.object({ series: z.array(KpiSeries) });
export type KpiValues = z.infer<typeof KpiValues>;

export const SaveManualValue = z.object({
  value: z.number().refine(Number.isFinite, 'value must be a finite number'),
  note: z.string().trim().max(1000).default(''),
});
export type SaveManualValue = z.infer<typeof SaveManualValue>;

// ── the ledger rows behind a value (GET /api/kpis/:id/values/:period/rows) ─────────────────────────────────
export const ValueRowsQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const LedgerRowView = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  /** the row as the file numbers it (the header is row 1) */
  row: z.number().int(),
  date: IsoDate,
  /** the KPI's data fields on this row, in their common units */
  values: z.record(z.string(), z.number().nullable()),
});
export type LedgerRowView = z.infer<typeof LedgerRowView>;

export const KpiValueRows = z.object({
  kpiId: z.string(),
  period: PeriodKey,
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  rows: z.array(LedgerRowView),
});
export type KpiValueRows = z.infer<typeof KpiValueRows>;
