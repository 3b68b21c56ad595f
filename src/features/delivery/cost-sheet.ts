/**
 * Excel export and import of a project's cost entries (src/reports/cost-workbook.ts). Import books every row of the
 * sheet as a new entry, all or none, under the project's row lock, with the same rules as the API (a closed period
 * or one outside the plan refused, an amount other than 0, the invited provider only with the pack's cost right).
 * Every problem names its cell, `成本!A3: …`; one problem and nothing is written. The workbook is checked against
 * COST_SHEET_LIMITS before it is parsed.
 */
import { periodText } from '../../core/delivery/project.ts';
import { costEntryProblems } from '../../core/delivery/validate.ts';
import type { DeliveryProblem } from '../../core/delivery/gates.ts';
import { checkWorkbookLimits } from '../../packs/xlsx-limits.ts';
import { COST_SHEET_LIMITS, costWorkbook, readCostWorkbook } from '../../reports/cost-workbook.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { budgetOf, calendarOf, windowOf } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';
import { found } from './show-project.ts';

export async function exportCosts(
  deps: DeliveryDeps,
  tenant: TenantId,
  id: string,
  lang: 'zh' | 'en',
): Promise<{ bundle: ProjectBundle; content: Buffer }> {
  const bundle = found(await deps.repo.findProject(tenant, id));
  const calendar = calendarOf(bundle.project);
  const content = await costWorkbook(
    lang,
    bundle.costs.map((c) => ({
      period: periodText(calendar, c.period)[lang],
      amount: c.amount,
      note: c.note,
    })),
  );
  return { bundle, content };
}

const sheetRefusal = (problems: readonly DeliveryProblem[], status = 400) =>
  new AppError(
    status,
    'invalid_cost_sheet',
    `${problems
      .map((p) => `${p.field}: ${p.message}`)
      .slice(0, 5)
      .join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}; nothing was saved`,
    { problems },
  );

export async function importCosts(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  bytes: Buffer,
): Promise<{ bundle: ProjectBundle; imported: number }> {
  requireInvitedRight(deps.pack, writer, { kind: 'costs' });
  const over = checkWorkbookLimits(bytes, COST_SHEET_LIMITS);
  if (over) {
    const where = over.sheet === '' ? 'file' : `${over.sheet}${over.row === null ? '' : `!A${over.row}`}`;
    throw sheetRefusal(
      [{ field: where, message: over.message.replace(/answer workbook/g, 'cost workbook') }],
      over.limit ? 413 : 400,
    );
  }
  const read = await readCostWorkbook(bytes);
  if (!read.ok) throw sheetRefusal([read.problem]);
  let imported = 0;
  const bundle = await saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    const calendar = calendarOf(project);
    const periods = budgetOf(project).length;
    const byLabel = new Map<string, number>();
    for (let t = 0; t < periods; t++) {
      const text = periodText(calendar, t);
      byLabel.set(text.zh, t);
      byLabel.set(text.en, t);
    }
    const problems: DeliveryProblem[] = [];
    const entries: { period: number; amount: number; note: string }[] = [];
    if (read.rows.length === 0)
      problems.push({ field: `${read.sheet}!A2`, message: 'the sheet has no cost entries' });
    for (const r of read.rows) {
      const period = byLabel.get(r.period);
      if (period === undefined) {
        problems.push({
          field: `${read.sheet}!A${r.row}`,
          message: `“${r.period}” is not a period of the project's plan (${periodText(calendar, 0).zh} … ${periodText(calendar, periods - 1).en})`,
        });
        continue;
      }
      if (!Number.isFinite(r.amount)) {
        problems.push({
          field: `${read.sheet}!B${r.row}`,
          message: `“${r.amountText}” is not an amount in 万元`,
        });
        continue;
      }
      if (r.note.length > 500) {
        problems.push({ field: `${read.sheet}!C${r.row}`, message: 'a note is at most 500 characters' });
        continue;
      }
      for (const p of costEntryProblems(windowOf(project), { period, amount: r.amount }))
        problems.push({
          field: `${read.sheet}!${p.field === 'amount' ? 'B' : 'A'}${r.row}`,
          message: p.message.replace(/; nothing was saved$/, ''),
        });
      entries.push({ period, amount: r.amount, note: r.note });
    }
    if (problems.length > 0) throw sheetRefusal(problems);
    const parts: string[] = [];
    for (const e of entries) {
      const c = await projectWrites.addCost(tx, tenant, project.id, { ...e, enteredBy: writer.userId });
      parts.push(`costs.${c.id}`);
    }
    imported = entries.length;
    return { parts };
  });
  return { bundle, imported };
}
