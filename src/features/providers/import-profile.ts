import { profileProblems } from '../../core/providers/profile.ts';
import { providerTypes } from '../../core/providers/classes.ts';
import { ProfileFields } from '../../contracts/providers.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import type { ProviderDeps } from './deps.ts';
import { invalidWorkbook, readProviderRows, type SheetProblem } from './directory-workbook.ts';
import { saveProfile, atlasScenarios } from './save-profile.ts';
import { requireProvider, showProvider } from './show-provider.ts';

/** The cell of a profile path: the longest prefix of it the rows recorded (`products.2.scenarios.1` → its cell). */
function cellFor(
  cellOf: ReadonlyMap<string, string>,
  path: readonly PropertyKey[],
  fallback: string,
): string {
  for (let n = path.length; n > 0; n--) {
    const hit = cellOf.get(path.slice(0, n).map(String).join('.'));
    if (hit) return hit;
  }
  return fallback;
}

/**
 * Import the caller's own rows of a directory workbook into its profile at `version`: the codes of its 服务商 row
 * and its 产品 rows replace those of the profile (references, certifications and grading answers are kept). Every
 * problem is named by its cell (`file/sheet!cell: message`) and nothing is saved; the save itself is the versioned
 * profile save.
 */
export async function importProfile(
  deps: ProviderDeps,
  caller: MemberCaller,
  file: { content: Buffer; fileName: string },
  version: number | undefined,
) {
  requireProvider(caller);
  const { provider } = await showProvider(deps, caller.tenant);
  const rows = await readProviderRows(file.content, file.fileName, caller.tenant);
  const { id: _id, name, ...current } = provider.profile;
  const fields = { ...current, ...rows.fields, products: rows.products };
  const problems: SheetProblem[] = [];
  const checked = ProfileFields.safeParse(fields);
  if (!checked.success)
    for (const issue of checked.error.issues)
      problems.push({ where: cellFor(rows.cellOf, issue.path, file.fileName), message: issue.message });
  else
    for (const p of profileProblems(
      { ...checked.data, id: caller.tenant, name },
      {
        types: new Set(providerTypes(deps.packs.classes).map((t) => t.id)),
        categories: new Set(deps.packs.classes.pilotCategories.map((c) => c.id)),
        scenarios: atlasScenarios(deps),
      },
    ))
      problems.push({ where: cellFor(rows.cellOf, p.path, file.fileName), message: p.message });
  if (problems.length > 0 || !checked.success) throw invalidWorkbook(problems);
  return saveProfile(deps, caller.tenant, caller.user.id, name, {
    ...(version !== undefined ? { version } : {}),
    profile: checked.data,
  });
}
