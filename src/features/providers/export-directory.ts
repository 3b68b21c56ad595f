import type { ProviderDirectoryQuery } from '../../contracts/providers.ts';
import type { ProviderDeps } from './deps.ts';
import { directoryWorkbook } from './directory-workbook.ts';
import { listProviders } from './list-providers.ts';

/** The directory (with the same filters as the list) as an Excel workbook: 服务商 and 产品. */
export async function exportDirectory(
  deps: ProviderDeps,
  query: ProviderDirectoryQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const { providers } = await listProviders(deps, query);
  const day = deps.now().toISOString().slice(0, 10).replace(/-/g, '');
  return {
    fileName: `tupu-providers-${day}.xlsx`,
    content: await directoryWorkbook(providers.map((p) => p.profile)),
  };
}
