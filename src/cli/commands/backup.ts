/**
 * `tupu backup` and `tupu restore`: the whole database as one file (JSON lines, gzip), on either engine. A backup
 * taken from the embedded PGlite restores into a PostgreSQL server and back, which is also how an installation
 * moves from the embedded database to a server. `--encrypt` encrypts it with the passphrase of the environment
 * variable TUPU_BACKUP_PASSPHRASE (never an argument: arguments land in shell history and `ps`); a restore knows an
 * encrypted file by its header and reads the same variable.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openConfiguredDatabase, type Database } from '../../db/client.ts';
import { commandConfig } from '../command-config.ts';
import { DatabaseInUseError } from '../../db/data-dir-lock.ts';
import { PASSPHRASE_VARIABLE, passphraseForEncryption } from '../../db/backup/backup-crypto.ts';
import { BackupError, restoreBackup } from '../../db/backup/restore-backup.ts';
import { backupFileName, writeBackup } from '../../db/backup/write-backup.ts';
import { VERSION } from '../../server/version.ts';
import { CliError } from '../cli-error.ts';

const DATA_OPTION = [
  '-d, --data <dir>',
  'data folder of the embedded database (default ./data, or TUPU_DATA_DIR); DATABASE_URL selects a server instead',
] as const;
const EMBEDDED_NOTE =
  'With the embedded database, stop "tupu serve" on the same data folder first (one process at a time).';

async function openConfigured(dataDir: string | undefined): Promise<{ database: Database; where: string }> {
  const config = commandConfig(dataDir);
  const database = await openConfiguredDatabase(config);
  return {
    database,
    where: config.databaseUrl
      ? 'the PostgreSQL server of DATABASE_URL'
      : `the embedded database in ${config.dataDir}`,
  };
}

const describeRows = (rows: Record<string, number>): string =>
  Object.entries(rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(`write the whole database to one file (sessions excepted). ${EMBEDDED_NOTE}`)
    .option(
      '-o, --out <file>',
      'backup file; gzip unless it ends in neither .gz nor .gz.enc (default tupu-backup-<time>.jsonl.gz)',
    )
    .option(
      '--encrypt',
      `encrypt the file with the passphrase in the environment variable ${PASSPHRASE_VARIABLE} ` +
        `(default name then ends in .jsonl.gz.enc)`,
    )
    .option(...DATA_OPTION)
    .action(async (opts: { out?: string; data?: string; encrypt?: boolean }) => {
      let passphrase: string | undefined;
      if (opts.encrypt) {
        try {
          passphrase = passphraseForEncryption(process.env);
        } catch (err) {
          throw new CliError(`--encrypt: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const file = resolve(opts.out ?? backupFileName(new Date(), passphrase !== undefined));
      if (existsSync(file)) throw new CliError(`${file} already exists; choose another name with --out`);
      const { database, where } = await openConfigured(opts.data).catch((err: unknown) => {
        if (err instanceof DatabaseInUseError)
          throw new CliError(
            `${err.message}\nWhile the server runs, a platform administrator can download a backup from it instead: ` +
              `组织与成员 / Organisation & people → 数据备份 / Backup, or GET /api/backup.`,
          );
        throw err;
      });
      try {
        const summary = await writeBackup(database.db, file, VERSION, { passphrase });
        process.stdout.write(
          `backed up ${where} to ${summary.file}${passphrase === undefined ? '' : ' (encrypted)'}\n` +
            `  ${describeRows(summary.rows)}\n`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description(
      `restore a backup into an empty database (a new data folder, or an empty PostgreSQL database). ${EMBEDDED_NOTE}`,
    )
    .argument(
      '<file>',
      `a file written by "tupu backup"; an encrypted one needs its passphrase in ${PASSPHRASE_VARIABLE}`,
    )
    .option(...DATA_OPTION)
    .action(async (fileArgument: string, opts: { data?: string }) => {
      const file = resolve(fileArgument);
      if (!existsSync(file)) throw new CliError(`${file} does not exist`);
      const { database, where } = await openConfigured(opts.data);
      try {
        const summary = await restoreBackup(database.db, file, {
          passphrase: process.env[PASSPHRASE_VARIABLE],
        });
        process.stdout.write(
          `restored ${file} (taken ${summary.header.createdAt}, Tupu ${summary.header.tupuVersion}) into ${where}\n` +
            `  ${describeRows(summary.rows)}\n  sign-in sessions are not restored: everyone signs in again\n`,
        );
      } catch (err) {
        if (err instanceof BackupError) throw new CliError(`${err.message}\nnothing was restored`);
        throw err;
      } finally {
        await database.close();
      }
    });
}
