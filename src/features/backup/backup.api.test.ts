import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BackupError, restoreBackup } from '../../db/backup/restore-backup.ts';
import { countRows } from '../../db/backup/write-backup.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { openTestDatabase, testEngines } from '../../../tests/support/databases.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';

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

describe('GET /api/backup of a server started with TUPU_BACKUP_PASSPHRASE', () => {
  const passphrase = 'server backup passphrase';
  const api = useApiApp('pglite', {
    platformAdminPassword: ADMIN_PASSWORD,
    env: { TUPU_BACKUP_PASSPHRASE: passphrase },
  });
  const temp = useTempDir('tupu-backup-api-enc-');

  it('sends an encrypted file that restores with the passphrase only, and says so in OpenAPI', async () => {
    const cookie = await api.signIn('admin@tupu.local', ADMIN_PASSWORD);
    const res = await api.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/tupu-backup-\d{8}-\d{6}\.jsonl\.gz\.enc/);
    const body = res.rawPayload;
    expect(body.subarray(0, 8).toString('latin1')).toBe('TUPU-ENC');

    const file = join(temp, 'download.jsonl.gz.enc');
    writeFileSync(file, body);
    const copy = await openTestDatabase('pglite');
    try {
      await expect(restoreBackup(copy.db, file)).rejects.toThrow(BackupError);
      await restoreBackup(copy.db, file, { passphrase });
      expect(await countRows(copy.db)).toEqual(await countRows(api.database.db));
    } finally {
      await copy.close();
    }

    const openapi = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { description?: string } }>;
    }>();
    expect(openapi.paths['/api/backup']?.get?.description).toContain('TUPU_BACKUP_PASSPHRASE');
  });
});
