/**
 * POST /api/ledgers/imports: an upload's rows mapped onto the catalogue's data fields (read again in a worker
 * thread) and stored in one transaction with the import's record and the mapping remembered for the layout. A cell
 * that cannot be read refuses the whole import (422 ledger_problems, each problem naming its row and column) unless
 * the caller asks to leave such rows out; then the import is `partial` and lists them. Either way earlier imports
 * are untouched: nothing is written until every row is read.
 */
import type {
  ImportedLedger,
  ImportLedger,
  LedgerMapping,
  LedgerProblem,
} from '../../contracts/evaluation.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { EvaluationDeps } from './deps.ts';
import { unreadable, withTempFile } from './ledger-file.ts';
import { presentImport } from './presenter.ts';
import { readLedgerInWorker } from './read-in-worker.ts';
import { findImportOfFile, findUpload, listImports, storeImport, uploadBytes } from './repository.ts';

/** Problems kept with an import and sent in an answer. */
const PROBLEMS_KEPT = 200;

const where = (p: LedgerProblem) =>
  p.column > 0 ? `row ${p.row}, column ${p.column} (${p.header})` : `column ${p.header}`;

export async function importLedger(
  deps: EvaluationDeps,
  tenant: TenantId,
  userId: string,
  request: ImportLedger,
): Promise<ImportedLedger> {
  const { db, catalogue } = deps;
  const upload = await findUpload(db, tenant, request.uploadId);
  if (!upload || upload.expiresAt < deps.now())
    throw notFound('Upload', {
      hint: 'an upload is kept for a day and until it is imported: upload the file again',
    });

  const earlier = await findImportOfFile(db, tenant, upload.sha256);
  if (earlier)
    throw new AppError(
      409,
      'ledger_already_imported',
      `${upload.fileName} is the same file as ${earlier.fileName}, imported ${earlier.importedAt.toISOString().slice(0, 10)}: ` +
        'its rows would count twice; remove that import first to import it again',
      { importId: earlier.id },
    );

  const known = new Set(catalogue.fields.map((f) => f.id));
  const unknown = Object.keys(request.mapping.fields).filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw new AppError(
      400,
      'unknown_field',
      `mapping.fields names ${unknown.join(', ')}, not a data field of the KPI catalogue`,
      { fields: unknown },
    );

  const pieces: Buffer[] = [];
  for await (const piece of uploadBytes(db, tenant, upload.id)) pieces.push(piece);
  const read = await withTempFile(Buffer.concat(pieces), upload.format, (path) =>
    readLedgerInWorker({
      path,
      format: upload.format,
      sample: 0,
      mapping: request.mapping,
      fields: catalogue.fields.map((f) => ({ id: f.id, unit: f.unit })),
    }),
  );
  if (!read.ok) throw unreadable(upload.fileName, read);
  const { rows, problems } = read.mapped!;

  const ofMapping = problems.filter((p) => p.column === 0 || p.row === 1);
  const refuse = (list: LedgerProblem[], why: string) =>
    new AppError(
      422,
      'ledger_problems',
      `${upload.fileName}: ${where(list[0]!)}: ${list[0]!.message}` +
        (list.length > 1 ? ` (and ${list.length - 1} more)` : '') +
        `; ${why}`,
      { problems: list.slice(0, PROBLEMS_KEPT), total: list.length },
    );
  if (ofMapping.length > 0) throw refuse(ofMapping, 'fix the mapping; nothing was stored');
  if (problems.length > 0 && !request.skipProblemRows)
    throw refuse(problems, 'nothing was stored (correct the file, or import leaving these rows out)');

  const bad = new Set(problems.map((p) => p.row));
  const kept = rows.filter((r) => !bad.has(r.ref));
  if (kept.length === 0)
    throw new AppError(422, 'ledger_empty', `${upload.fileName}: no row to import; nothing was stored`);
  let from = kept[0]!.date;
  let to = from;
  for (const r of kept) {
    if (r.date < from) from = r.date;
    if (r.date > to) to = r.date;
  }
  const id = await storeImport(
    db,
    tenant,
    upload.id,
    {
      fileName: upload.fileName,
      kind: request.kind,
      format: upload.format,
      sha256: upload.sha256,
      layout: upload.layout,
      mapping: request.mapping,
      rowCount: kept.length,
      dateFrom: from,
      dateTo: to,
      status: problems.length > 0 ? 'partial' : 'complete',
      problems: problems.slice(0, PROBLEMS_KEPT),
      importedBy: userId,
    },
    kept.map((r) => ({ row: r.ref, date: r.date, values: r.values })),
    deps.audit,
  );
  const all = await listImports(db, tenant);
  const saved = all.find((i) => i.id === id)!;
  const mine = new Set(Object.keys(request.mapping.fields));
  const overlaps = all
    .filter(
      (i) => i.id !== id && i.dateFrom !== null && i.dateTo !== null && i.dateFrom <= to && i.dateTo >= from,
    )
    .map((i) => ({
      id: i.id,
      fileName: i.fileName,
      from: i.dateFrom,
      to: i.dateTo,
      fields: Object.keys((i.mapping as LedgerMapping).fields).filter((f) => mine.has(f)),
    }))
    .filter((o) => o.fields.length > 0);
  return { ...presentImport(saved), overlaps };
}
