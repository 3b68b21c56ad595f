/**
 * The demo enterprise's ledgers (packs/kpis/guide-2024/demo-ledgers/: a financial statement, an inventory ledger, a
 * GBK quality record and a production record over 22 months), imported through the real API — upload, the proposed
 * mapping, import — so the evaluation page has KPI values, trends and rows behind them to show. Any file the proposal
 * cannot map stops the seed naming it.
 */
import type { FastifyInstance } from 'fastify';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LedgerImportList, LedgerUploadPreview } from '../../contracts/evaluation.ts';

export const DEMO_LEDGERS_DIR = fileURLToPath(
  new URL('../../../packs/kpis/guide-2024/demo-ledgers/', import.meta.url),
);

export async function seedDemoLedgers(
  app: FastifyInstance,
  cookie: string,
  dir = DEMO_LEDGERS_DIR,
): Promise<void> {
  const existing = await app.inject({ url: '/api/ledgers/imports', headers: { cookie } });
  if (existing.json<LedgerImportList>().imports.length > 0) return;
  const files = (await readdir(dir)).filter((f) => /\.(csv|xlsx)$/i.test(f)).sort();
  for (const file of files) {
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/ledgers/uploads?fileName=${encodeURIComponent(file)}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: await readFile(`${dir}/${file}`),
    });
    if (uploaded.statusCode !== 201)
      throw new Error(`demo ledger ${file}: upload failed with ${uploaded.statusCode}: ${uploaded.body}`);
    const preview = uploaded.json<LedgerUploadPreview>();
    if (!preview.mapping || !preview.kind)
      throw new Error(`demo ledger ${file}: no column mapping proposed for ${preview.headers.join(', ')}`);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/ledgers/imports',
      headers: { cookie },
      payload: { uploadId: preview.uploadId, kind: preview.kind, mapping: preview.mapping },
    });
    if (imported.statusCode !== 201)
      throw new Error(`demo ledger ${file}: import failed with ${imported.statusCode}: ${imported.body}`);
  }
}
