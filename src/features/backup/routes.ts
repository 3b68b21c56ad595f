import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { VERSION } from '../../server/version.ts';
import { attachment } from '../assessments/downloads.ts';
import { exportBackup } from './export-backup.ts';

/**
 * The whole database as a `tupu backup` file, for platform administrators, while the server runs (the command line
 * cannot open the embedded database a running server holds), encrypted when the server was started with
 * TUPU_BACKUP_PASSPHRASE. Restore it with `tupu restore`.
 */
export function backupRoutes(db: Db, passphrase: string | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/backup',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['system'],
          summary: 'Download a backup of the whole database (platform administrators)',
          description:
            'A gzip JSON-lines file of every organisation, user, assessment (with evidence files) and plan, taken as ' +
            'one consistent snapshot; sign-in sessions are left out. Restore it with `tupu restore <file>` into an ' +
            'empty database of either engine.\n\n' +
            'When the server was started with the environment variable `TUPU_BACKUP_PASSPHRASE` set, the file is ' +
            'encrypted with that passphrase (scrypt, AES-256-GCM in authenticated chunks; magic header `TUPU-ENC`): ' +
            'it is sent as `application/octet-stream` named `tupu-backup-<time>.jsonl.gz.enc`, and `tupu restore` ' +
            'needs the same variable. Otherwise it is sent unencrypted as `application/gzip` named ' +
            '`tupu-backup-<time>.jsonl.gz`.',
        },
      },
      async (request, reply) => {
        const backup = await exportBackup(db, member(request).organisation, { passphrase, version: VERSION });
        const stream = createReadStream(backup.file);
        stream.once('close', () => void backup.discard());
        return reply
          .type(backup.encrypted ? 'application/octet-stream' : 'application/gzip')
          .header('content-disposition', attachment(backup.name))
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  };
}
