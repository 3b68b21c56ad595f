/**
 * The evaluation feature's SQL: ledger uploads (their bytes in chunks), imports and their rows, the mappings
 * remembered per file layout, manual KPI values. Every function takes the TenantId and filters by it; every table is
 * keyed by org_id first, so another organisation's rows do not exist here.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  kpiManualValues,
  ledgerImports,
  ledgerMappings,
  ledgerRows,
  ledgerUploadChunks,
  ledgerUploads,
  users,
} from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type UploadRow = typeof ledgerUploads.$inferSelect;
export type ImportRow = typeof ledgerImports.$inferSelect & { importedByName: string | null };
export type ManualValueRow = typeof kpiManualValues.$inferSelect & { enteredByName: string | null };
export interface StoredLedgerRow {
  importId: string;
  row: number;
  date: string;
  values: Record<string, number | null>;
}

/** Bytes of one chunk of an upload (as the evidence store: sent as base64 text, decoded by the database). */
const CHUNK_BYTES = 256 * 1024;
/** Rows per INSERT of an import. */
const ROW_BATCH = 1000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function deleteExpiredUploads(db: Db, tenant: TenantId, now: Date): Promise<void> {
  await db
    .delete(ledgerUploads)
    .where(and(eq(ledgerUploads.orgId, tenant), lt(ledgerUploads.expiresAt, now)));
}

/** Bytes of the tenant's uploads not yet imported nor expired. */
export async function pendingUploadBytes(db: Db, tenant: TenantId, now: Date): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<number>`coalesce(sum(${ledgerUploads.size}), 0)`.mapWith(Number) })
    .from(ledgerUploads)
    .where(and(eq(ledgerUploads.orgId, tenant), gte(ledgerUploads.expiresAt, now)));
  return row?.bytes ?? 0;
}

/** Stores an upload and its bytes, all or none. */
export async function insertUpload(
  db: Db,
  tenant: TenantId,
  upload: Omit<typeof ledgerUploads.$inferInsert, 'orgId' | 'id' | 'uploadedAt'>,
  bytes: Buffer,
): Promise<UploadRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ledgerUploads)
      .values({ ...upload, orgId: tenant })
      .returning();
    for (let at = 0, seq = 0; at < bytes.length; at += CHUNK_BYTES, seq++) {
      await tx.insert(ledgerUploadChunks).values({
        orgId: tenant,
        uploadId: row!.id,
        seq,
        content: sql`decode(${bytes.subarray(at, at + CHUNK_BYTES).toString('base64')}, 'base64')`,
      });
      await yieldToEventLoop();
    }
    return row!;
  });
}

export async function findUpload(db: Db, tenant: TenantId, id: string): Promise<UploadRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerUploads)
    .where(and(eq(ledgerUploads.orgId, tenant), eq(ledgerUploads.id, id)));
  return row;
}

/** The upload's bytes, a chunk at a time. */
export async function* uploadBytes(db: Db, tenant: TenantId, id: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 4) {
    const rows = await db
      .select({ data: sql<string>`encode(${ledgerUploadChunks.content}, 'base64')` })
      .from(ledgerUploadChunks)
      .where(
        and(
          eq(ledgerUploadChunks.orgId, tenant),
          eq(ledgerUploadChunks.uploadId, id),
          gte(ledgerUploadChunks.seq, seq),
          lt(ledgerUploadChunks.seq, seq + 4),
        ),
      )
      .orderBy(asc(ledgerUploadChunks.seq));
    if (rows.length === 0) return;
    for (const row of rows) yield Buffer.from(row.data, 'base64');
  }
}

export async function findMapping(
  db: Db,
  tenant: TenantId,
  layout: string,
): Promise<{ kind: string; mapping: unknown } | undefined> {
  const [row] = await db
    .select({ kind: ledgerMappings.kind, mapping: ledgerMappings.mapping })
    .from(ledgerMappings)
    .where(and(eq(ledgerMappings.orgId, tenant), eq(ledgerMappings.layout, layout)));
  return row;
}

export type NewImport = Omit<typeof ledgerImports.$inferInsert, 'orgId' | 'id' | 'importedAt'>;

/**
 * One import in one transaction: the import's record, its rows, the mapping remembered for the layout, the upload
 * removed. Any failure rolls all of it back; earlier imports are not touched.
 */
export async function storeImport(
  db: Db,
  tenant: TenantId,
  uploadId: string,
  record: NewImport,
  rows: readonly { row: number; date: string; values: Record<string, number | null | undefined> }[],
  audit?: AuditScope,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(ledgerImports)
      .values({ ...record, orgId: tenant })
      .returning({ id: ledgerImports.id });
    const importId = saved!.id;
    for (let at = 0; at < rows.length; at += ROW_BATCH) {
      await tx.insert(ledgerRows).values(
        rows.slice(at, at + ROW_BATCH).map((r) => ({
          orgId: tenant,
          importId,
          row: r.row,
          date: r.date,
          values: r.values,
        })),
      );
      await yieldToEventLoop();
    }
    await tx
      .insert(ledgerMappings)
      .values({
        orgId: tenant,
        layout: record.layout,
        kind: record.kind,
        mapping: record.mapping,
        updatedBy: record.importedBy,
      })
      .onConflictDoUpdate({
        target: [ledgerMappings.orgId, ledgerMappings.layout],
        set: {
          kind: record.kind,
          mapping: record.mapping,
          updatedBy: record.importedBy,
          updatedAt: new Date(),
        },
      });
    await tx
      .delete(ledgerUploads)
      .where(and(eq(ledgerUploads.orgId, tenant), eq(ledgerUploads.id, uploadId)));
    if (audit)
      await recordAudit(tx, audit, {
        action: 'ledger.import',
        entityType: 'ledger_import',
        entityId: importId,
        after: {
          fileName: record.fileName,
          kind: record.kind,
          sha256: record.sha256,
          rowCount: record.rowCount,
          dateFrom: record.dateFrom,
          dateTo: record.dateTo,
          status: record.status,
        },
      });
    return importId;
  });
}

const importColumns = {
  orgId: ledgerImports.orgId,
  id: ledgerImports.id,
  fileName: ledgerImports.fileName,
  kind: ledgerImports.kind,
  format: ledgerImports.format,
  sha256: ledgerImports.sha256,
  layout: ledgerImports.layout,
  mapping: ledgerImports.mapping,
  rowCount: ledgerImports.rowCount,
  dateFrom: ledgerImports.dateFrom,
  dateTo: ledgerImports.dateTo,
  status: ledgerImports.status,
  problems: ledgerImports.problems,
  importedBy: ledgerImports.importedBy,
  importedAt: ledgerImports.importedAt,
  importedByName: users.displayName,
};

export async function listImports(db: Db, tenant: TenantId, id?: string): Promise<ImportRow[]> {
  return db
    .select(importColumns)
    .from(ledgerImports)
    .leftJoin(users, eq(users.id, ledgerImports.importedBy))
    .where(
      id === undefined
        ? eq(ledgerImports.orgId, tenant)
        : and(eq(ledgerImports.orgId, tenant), eq(ledgerImports.id, id)),
    )
    .orderBy(desc(ledgerImports.importedAt), asc(ledgerImports.id));
}

/** The tenant's import of a file with these bytes, if any. */
export async function findImportOfFile(
  db: Db,
  tenant: TenantId,
  sha256: string,
): Promise<{ id: string; fileName: string; importedAt: Date } | undefined> {
  const [row] = await db
    .select({ id: ledgerImports.id, fileName: ledgerImports.fileName, importedAt: ledgerImports.importedAt })
    .from(ledgerImports)
    .where(and(eq(ledgerImports.orgId, tenant), eq(ledgerImports.sha256, sha256)));
  return row;
}

export async function hasImport(db: Db, tenant: TenantId, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: ledgerImports.id })
    .from(ledgerImports)
    .where(and(eq(ledgerImports.orgId, tenant), eq(ledgerImports.id, id)))
    .limit(1);
  return rows.length === 1;
}

/** Removes an import and (by cascade) its rows; false when it is not the tenant's. */
export async function deleteImport(
  db: Db,
  tenant: TenantId,
  id: string,
  audit?: AuditScope,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(ledgerImports)
      .where(and(eq(ledgerImports.orgId, tenant), eq(ledgerImports.id, id)))
      .returning();
    if (gone && audit)
      await recordAudit(tx, audit, {
        action: 'ledger.import.delete',
        entityType: 'ledger_import',
        entityId: id,
        before: { fileName: gone.fileName, kind: gone.kind, rowCount: gone.rowCount, sha256: gone.sha256 },
      });
    return gone !== undefined;
  });
}

/** The tenant's stored rows dated within [from, to] (ISO dates, either open), in date order. */
export async function loadRows(
  db: Db,
  tenant: TenantId,
  range: { from?: string; to?: string } = {},
): Promise<StoredLedgerRow[]> {
  const where = [eq(ledgerRows.orgId, tenant)];
  if (range.from) where.push(gte(ledgerRows.date, range.from));
  if (range.to) where.push(lte(ledgerRows.date, range.to));
  const rows = await db
    .select({
      importId: ledgerRows.importId,
      row: ledgerRows.row,
      date: ledgerRows.date,
      values: ledgerRows.values,
    })
    .from(ledgerRows)
    .where(and(...where))
    .orderBy(asc(ledgerRows.date), asc(ledgerRows.importId), asc(ledgerRows.row));
  return rows as StoredLedgerRow[];
}

/** File names of the tenant's imports by id. */
export async function importNames(
  db: Db,
  tenant: TenantId,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: ledgerImports.id, fileName: ledgerImports.fileName })
    .from(ledgerImports)
    .where(and(eq(ledgerImports.orgId, tenant), inArray(ledgerImports.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.fileName]));
}

const manualColumns = {
  orgId: kpiManualValues.orgId,
  kpiId: kpiManualValues.kpiId,
  period: kpiManualValues.period,
  value: kpiManualValues.value,
  note: kpiManualValues.note,
  enteredBy: kpiManualValues.enteredBy,
  enteredAt: kpiManualValues.enteredAt,
  enteredByName: users.displayName,
};

export async function listManualValues(db: Db, tenant: TenantId, kpiId?: string): Promise<ManualValueRow[]> {
  return db
    .select(manualColumns)
    .from(kpiManualValues)
    .leftJoin(users, eq(users.id, kpiManualValues.enteredBy))
    .where(
      kpiId === undefined
        ? eq(kpiManualValues.orgId, tenant)
        : and(eq(kpiManualValues.orgId, tenant), eq(kpiManualValues.kpiId, kpiId)),
    )
    .orderBy(asc(kpiManualValues.kpiId), asc(kpiManualValues.period));
}

export async function saveManualValue(
  db: Db,
  tenant: TenantId,
  v: { kpiId: string; period: string; value: number; note: string; enteredBy: string; at: Date },
  audit?: AuditScope,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = audit ? await manualValueOf(tx, tenant, v.kpiId, v.period) : [];
    await tx
      .insert(kpiManualValues)
      .values({
        orgId: tenant,
        kpiId: v.kpiId,
        period: v.period,
        value: v.value,
        note: v.note,
        enteredBy: v.enteredBy,
        enteredAt: v.at,
      })
      .onConflictDoUpdate({
        target: [kpiManualValues.orgId, kpiManualValues.kpiId, kpiManualValues.period],
        set: { value: v.value, note: v.note, enteredBy: v.enteredBy, enteredAt: v.at },
      });
    if (audit)
      await recordAudit(tx, audit, {
        action: 'kpi.manual_value.save',
        entityType: 'kpi',
        entityId: v.kpiId,
        before: before ? { period: v.period, value: before.value, note: before.note } : null,
        after: { period: v.period, value: v.value, note: v.note },
      });
  });
}

const manualValueOf = (db: Db, tenant: TenantId, kpiId: string, period: string) =>
  db
    .select({ value: kpiManualValues.value, note: kpiManualValues.note })
    .from(kpiManualValues)
    .where(
      and(
        eq(kpiManualValues.orgId, tenant),
        eq(kpiManualValues.kpiId, kpiId),
        eq(kpiManualValues.period, period),
      ),
    );

export async function deleteManualValue(
  db: Db,
  tenant: TenantId,
  kpiId: string,
  period: string,
  audit?: AuditScope,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(kpiManualValues)
      .where(
        and(
          eq(kpiManualValues.orgId, tenant),
          eq(kpiManualValues.kpiId, kpiId),
          eq(kpiManualValues.period, period),
        ),
      )
      .returning({ value: kpiManualValues.value, note: kpiManualValues.note });
    if (gone && audit)
      await recordAudit(tx, audit, {
        action: 'kpi.manual_value.delete',
        entityType: 'kpi',
        entityId: kpiId,
        before: { period, value: gone.value, note: gone.note },
      });
    return gone !== undefined;
  });
}
