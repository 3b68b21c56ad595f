import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, restoreBackup } from '../../src/db/backup/restore-backup.ts';
import { countRows, writeBackup } from '../../src/db/backup/write-backup.ts';
import { openDatabase, type Database, type Db, type DbEngine } from '../../src/db/client.ts';
import { evidenceFiles } from '../../src/db/schema.ts';
import { runTupu } from '../support/cli.ts';
import { openTestDatabase, testEngines } from '../support/databases.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { fakeHash, fill, snapshot } from './backup-fixtures.ts';
import { seedDemoRegion } from '../../src/db/seed/demo-region.ts';

const PASSPHRASE = 'correct horse battery staple';
const engines = testEngines();
const workDir = useTempDir('tupu-backup-enc-');

/** A second evidence file of random (incompressible) bytes, so that the encrypted file has several chunks. */
const bigEvidence = randomBytes(400 * 1024);
async function fillWithBigEvidence(db: Db): Promise<void> {
  await fill(db);
  const [first] = await db.select().from(evidenceFiles).limit(1);
  if (!first) throw new Error('no evidence file');
  const { id: _id, ...rest } = first;
  await db.insert(evidenceFiles).values({
    ...rest,
    fileName: 'big.bin',
    size: bigEvidence.length,
    content: bigEvidence,
  });
}

/** Where each chunk of an encrypted backup starts and ends (the layout documented in backup-crypto.ts). */
function chunks(file: Buffer): { start: number; end: number; final: boolean }[] {
  const out: { start: number; end: number; final: boolean }[] = [];
  for (let at = 66; at < file.length;) {
    const end = at + 17 + file.readUInt32BE(at + 1) + 16;
    out.push({ start: at, end, final: file[at] === 1 });
    at = end;
  }
  return out;
}

describe.each(engines)('an encrypted backup taken on %s', (engine: DbEngine) => {
  let source: Database;
  let original: Record<string, unknown[]>;
  const plain = join(workDir, `${engine}.jsonl.gz`);
  const encrypted = join(workDir, `${engine}.jsonl.gz.enc`);
  beforeAll(async () => {
    source = await openTestDatabase(engine);
    await fillWithBigEvidence(source.db);
    original = await snapshot(source.db);
    await writeBackup(source.db, plain, '9.9.9');
    await writeBackup(source.db, encrypted, '9.9.9', { passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await source?.close();
  });

  it('is not readable without the passphrase: no gzip, no JSON, no evidence bytes in the file', () => {
    const bytes = readFileSync(encrypted);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('TUPU-ENC');
    expect(bytes.includes(Buffer.from('tupu-backup'))).toBe(false);
    expect(bytes.includes(bigEvidence.subarray(0, 64))).toBe(false);
    const list = chunks(bytes);
    expect(list.length).toBeGreaterThan(3);
    expect(list.map((c) => c.final)).toEqual(list.map((_, k) => k === list.length - 1));
    expect(list.at(-1)?.end).toBe(bytes.length);
  });

  it.each(engines)('restores into an empty %s database exactly as the plain backup does', async (target) => {
    const fromPlain = await openTestDatabase(target);
    const fromEncrypted = await openTestDatabase(target);
    try {
      const summary = await restoreBackup(fromEncrypted.db, encrypted, { passphrase: PASSPHRASE });
      await restoreBackup(fromPlain.db, plain);
      expect(summary.header.tupuVersion).toBe('9.9.9');
      const restored = await snapshot(fromEncrypted.db);
      expect(restored).toEqual(await snapshot(fromPlain.db));
      expect(restored).toEqual(original);
    } finally {
      await fromPlain.close();
      await fromEncrypted.close();
    }
  });
});

describe('an encrypted backup that cannot be opened is refused and nothing is written', () => {
  let good: string;
  let bytes: Buffer;
  let target: Database;
  beforeAll(async () => {
    const source = await openTestDatabase('pglite');
    await fillWithBigEvidence(source.db);
    good = join(workDir, 'good.jsonl.gz.enc');
    await writeBackup(source.db, good, '1.0.0', { passphrase: PASSPHRASE });
    await source.close();
    bytes = readFileSync(good);
    target = await openTestDatabase(engines.at(-1) ?? 'pglite');
  });
  afterAll(async () => {
    await target?.close();
  });

  const variant = (name: string, content: Buffer): string => {
    const path = join(workDir, name);
    writeFileSync(path, content);
    return path;
  };
  const expectRefused = async (
    path: string,
    passphrase: string | undefined,
    message: RegExp,
  ): Promise<void> => {
    const error = await restoreBackup(target.db, path, { passphrase }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(path)).toBe(true);
    expect(Object.values(await countRows(target.db)).every((n) => n === 0)).toBe(true);
  };

  it('without a passphrase, or with a wrong one', async () => {
    await expectRefused(good, undefined, /the backup is encrypted: set TUPU_BACKUP_PASSPHRASE/);
    await expectRefused(good, '', /the backup is encrypted: set TUPU_BACKUP_PASSPHRASE/);
    await expectRefused(good, `${PASSPHRASE}!`, /wrong passphrase/);
  });

  it('a byte changed in a middle chunk, named by its number', async () => {
    const list = chunks(bytes);
    const middle = Math.floor(list.length / 2);
    const chunk = list[middle]!;
    const tampered = Buffer.from(bytes);
    tampered[chunk.start + 17 + 100]! ^= 0x01;
    await expectRefused(
      variant('tampered.enc', tampered),
      PASSPHRASE,
      new RegExp(`chunk ${middle + 1} \\(at byte ${chunk.start}\\) is damaged or has been altered`),
    );
  });

  it('chunks swapped, or a damaged header', async () => {
    const [, second, third] = chunks(bytes);
    const swapped = Buffer.concat([
      bytes.subarray(0, second!.start),
      bytes.subarray(third!.start, third!.end),
      bytes.subarray(second!.start, second!.end),
      bytes.subarray(third!.end),
    ]);
    await expectRefused(variant('swapped.enc', swapped), PASSPHRASE, /chunk 2 .* has been altered/);
    const header = Buffer.from(bytes);
    header[20]! ^= 0xff; // the salt
    await expectRefused(variant('header.enc', header), PASSPHRASE, /wrong passphrase.*header is damaged/);
  });

  it('the last chunk dropped, the file cut inside a chunk, or data after the final chunk', async () => {
    const list = chunks(bytes);
    const last = list.at(-1)!;
    await expectRefused(
      variant('no-final.enc', bytes.subarray(0, last.start)),
      PASSPHRASE,
      new RegExp(`truncated: it ends after chunk ${list.length - 1} without its final chunk`),
    );
    await expectRefused(
      variant('cut.enc', bytes.subarray(0, last.start - 5)),
      PASSPHRASE,
      new RegExp(`truncated in chunk ${list.length - 1}`),
    );
    await expectRefused(
      variant('header-only.enc', bytes.subarray(0, 40)),
      PASSPHRASE,
      /truncated: its header is incomplete/,
    );
    await expectRefused(
      variant('extra.enc', Buffer.concat([bytes, Buffer.from('more')])),
      PASSPHRASE,
      /data after its final chunk/,
    );
  });
});

describe('tupu backup --encrypt and tupu restore', () => {
  const dir = useTempDir('tupu-backup-cli-');
  const data = join(dir, 'data');
  const copy = join(dir, 'copy');
  const file = join(dir, 'site.jsonl.gz.enc');
  let seeded: Record<string, number>;
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(data, 'pglite') });
    try {
      await seedDemoRegion(database.db, fakeHash);
      seeded = await countRows(database.db);
    } finally {
      await database.close();
    }
  });
  const env = (passphrase: string | undefined) => ({
    TUPU_BACKUP_PASSPHRASE: passphrase,
    DATABASE_URL: undefined,
    TUPU_DATA_DIR: undefined,
  });

  it('encrypts with the passphrase of the environment and restores with it only', async () => {
    const missing = runTupu(['backup', '--encrypt', '--data', data, '--out', file], { env: env(undefined) });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/--encrypt: set TUPU_BACKUP_PASSPHRASE/);

    const done = runTupu(['backup', '--encrypt', '--data', data, '--out', file], { env: env(PASSPHRASE) });
    expect(done.stderr).toBe('');
    expect(done.stdout).toContain(`to ${file} (encrypted)`);
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('TUPU-ENC');

    const locked = runTupu(['restore', file, '--data', copy], { env: env(undefined) });
    expect(locked.status).not.toBe(0);
    expect(locked.stderr).toContain(`${file}: the backup is encrypted: set TUPU_BACKUP_PASSPHRASE`);
    expect(locked.stderr).toContain('nothing was restored');
    const restored = runTupu(['restore', file, '--data', copy], { env: env(PASSPHRASE) });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain(`restored ${file}`);
    const database = await openDatabase({ dataDir: join(copy, 'pglite') });
    try {
      expect(await countRows(database.db)).toEqual(seeded);
    } finally {
      await database.close();
    }
  });
});
