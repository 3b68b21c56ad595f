/**
 * 批量建立企业: an administrator of a provider (an authority, an association, the platform) creates its client
 * enterprises from a filled template, all or none. The workbook is checked against the sheet limits before exceljs
 * reads it; every row is validated (name required and valid, region code 6 digits, no name twice in the sheet, none
 * already under the organisation), and every problem is named by its cell; the enterprises are then created by the
 * organisations feature's batch use case, under the lock on the parent's names.
 */
import { ANSWER_SHEET_LIMITS } from '../../contracts/diagnosis.ts';
import { OrganisationName, RegionCode } from '../../contracts/organisations.ts';
import type { EnterpriseImportProblem, EnterpriseImportResult } from '../../contracts/portfolio.ts';
import { ENTERPRISE_SHEET } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { checkWorkbookLimits } from '../../packs/xlsx-limits.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { AppError } from '../../server/app-error.ts';
import { createEnterprisesBatch } from '../organisations/create-organisations-batch.ts';
import { readEnterpriseSheet } from './enterprise-sheet.ts';

/** 400 invalid_enterprise_sheet (413 for a workbook over the limits) listing every problem; nothing was created. */
const refusal = (problems: readonly EnterpriseImportProblem[], status = 400) =>
  new AppError(
    status,
    'invalid_enterprise_sheet',
    `${problems
      .slice(0, 5)
      .map((p) => p.message)
      .join(
        '; ',
      )}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}; no enterprise was created`,
    { problems },
  );

const key = (name: string) => name.normalize('NFKC').toLowerCase();

export async function importEnterprises(
  db: Db,
  manager: Pick<OrganisationPlace, 'id' | 'kind'>,
  bytes: Buffer,
): Promise<EnterpriseImportResult> {
  const over = checkWorkbookLimits(bytes, ANSWER_SHEET_LIMITS);
  if (over) {
    const cell = over.sheet === '' ? 'file' : `${over.sheet}${over.row === null ? '' : `!A${over.row}`}`;
    throw refusal(
      [
        {
          code: 'unreadable',
          cell,
          row: over.row,
          column: null,
          value: null,
          otherRow: null,
          message: over.message.replace(/answer workbook/g, 'enterprise workbook'),
        },
      ],
      over.limit ? 413 : 400,
    );
  }
  const read = await readEnterpriseSheet(bytes);
  if (!read.ok) throw refusal(read.problems);
  const words = ENTERPRISE_SHEET[read.lang];
  const problems: EnterpriseImportProblem[] = [];
  const problem = (
    code: EnterpriseImportProblem['code'],
    row: number,
    column: 'A' | 'B',
    value: string | null,
    message: string,
    otherRow: number | null = null,
  ) =>
    problems.push({
      code,
      cell: `${read.sheet}!${column}${row}`,
      row,
      column: column === 'A' ? words.name : words.regionCode,
      value,
      otherRow,
      message: `${read.sheet}!${column}${row}: ${message}`,
    });

  const firstRowOf = new Map<string, number>();
  for (const r of read.rows) {
    if (r.name === '') problem('name_required', r.row, 'A', null, 'an enterprise name is required');
    else {
      const parsed = OrganisationName.safeParse(r.name);
      if (!parsed.success)
        problem('name_invalid', r.row, 'A', r.name, parsed.error.issues[0]?.message ?? 'not a valid name');
      const first = firstRowOf.get(key(r.name));
      if (first !== undefined)
        problem('duplicate_in_file', r.row, 'A', r.name, `“${r.name}” is already on row ${first}`, first);
      else firstRowOf.set(key(r.name), r.row);
    }
    if (r.regionCode !== '' && !RegionCode.safeParse(r.regionCode).success)
      problem(
        'region_invalid',
        r.row,
        'B',
        r.regionCode,
        `“${r.regionCode}” is not 6 digits (GB/T 2260), e.g. 330100`,
      );
  }
  if (problems.length > 0) throw refusal(problems);

  const outcome = await createEnterprisesBatch(
    db,
    manager,
    read.rows.map((r) => ({ row: r.row, name: r.name, regionCode: r.regionCode || null })),
  );
  if (!outcome.ok) {
    for (const t of outcome.taken)
      problem(
        'name_taken',
        t.row,
        'A',
        t.name,
        `an organisation named “${t.existing}” already exists under your organisation`,
      );
    throw refusal(problems);
  }
  return { created: outcome.created };
}
