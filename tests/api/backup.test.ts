import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/db/backup/restore-backup.ts';
import { countRows } from '../../src/db/backup/write-backup.ts';
import { useApiApp } from '../support/api-app.ts';
import { openTestDatabase, testEngines } from '../support/databases.ts';
import { useTempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'platform-admin-password';

describe.each(testEngines())('GET /api/backup on %s', (engine) => {
  const api = useApiApp(engine, { platformAdminPassword: ADMIN_PASSWORD });
  const temp = useTempDir('tupu-backup-api-');

  it('refuses anyone but a platform administrator', async () => {
    const anonymous = await api.app.inject({ method: 'GET', url: '/api/backup' });
    expect(anonymous.statusCode).toBe(401);
    const regionAdmin = await api.signIn('region@demo.tupu.local');
    expect((await api.call(regionAdmin, 'GET', '/api/backup')).status).toBe(403);
  });

  it('gives the platform administrator a backup file that restores the whole database', async () => {
    const cookie = await api.signIn('admin@tupu.local', ADMIN_PASSWORD);
    const res = await api.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/attachment; .*tupu-backup-\d{8}-\d{6}\.jsonl\.gz/);
    const body = res.rawPayload;
    const lines = gunzipSync(body).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'tupu-backup' });

    const file = join(temp, `${engine}.jsonl.gz`);
    writeFileSync(file, body);
    const copy = await openTestDatabase(engine);
    try {
      await restoreBackup(copy.db, file);
      expect(await countRows(copy.db)).toEqual(await countRows(api.database.db));
    } finally {
      await copy.close();
    }
  });
});
