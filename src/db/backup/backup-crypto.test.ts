import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.ts';
import { encryptionStage, openEncryptedBackup, passphraseForEncryption } from './backup-crypto.ts';

const dir = mkdtempSync(join(tmpdir(), 'tupu-backup-crypto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FAST = { log2N: 10, r: 8, p: 1 };

async function concat(items: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const item of items) out.push(Buffer.from(item));
  return Buffer.concat(out);
}

async function encrypt(pieces: Buffer[], chunkSize: number, passphrase = 'passphrase'): Promise<Buffer> {
  const stage = await encryptionStage(passphrase, { gzip: false, scrypt: FAST, chunkSize });
  return concat(stage(Readable.from(pieces)));
}

let files = 0;
async function decrypt(bytes: Buffer, passphrase = 'passphrase'): Promise<Buffer> {
  const file = join(dir, `f${files++}.enc`);
  writeFileSync(file, bytes);
  const opened = await openEncryptedBackup(file, passphrase);
  return concat(opened.decrypt(Readable.from([bytes])));
}

describe('encrypted backup chunks', () => {
  it('decrypt ∘ encrypt is the identity, however the bytes arrive and whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 16 }),
        async (pieces, chunkSize) => {
          const plain = Buffer.concat(pieces.map((p) => Buffer.from(p)));
          const sealed = await encrypt(
            pieces.map((p) => Buffer.from(p)),
            chunkSize,
          );
          expect(await decrypt(sealed)).toEqual(plain);
          // header, then ⌈n / size⌉ chunks (one empty final chunk when nothing or an exact multiple was written)
          const chunks = Math.max(1, Math.ceil(plain.length / chunkSize));
          expect(sealed.length).toBe(66 + chunks * 33 + plain.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any single changed byte after the header is refused', async () => {
    const sealed = await encrypt([Buffer.from('0123456789abcdefghij')], 8);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 66, max: sealed.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const changed = Buffer.from(sealed);
          changed[at]! ^= flip;
          await expect(decrypt(changed)).rejects.toThrow(BackupError);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a wrong passphrase is told apart from a damaged chunk', async () => {
    const sealed = await encrypt([Buffer.from('secret rows')], 4);
    await expect(decrypt(sealed, 'another passphrase')).rejects.toThrow(/wrong passphrase/);
    const damaged = Buffer.from(sealed);
    damaged[66 + 17]! ^= 1;
    await expect(decrypt(damaged)).rejects.toThrow(/chunk 1 \(at byte 66\) is damaged or has been altered/);
  });

  it('reads a passphrase for encryption from the environment only when it is usable', () => {
    expect(passphraseForEncryption({ TUPU_BACKUP_PASSPHRASE: 'long enough' })).toBe('long enough');
    expect(() => passphraseForEncryption({})).toThrow(/set TUPU_BACKUP_PASSPHRASE/);
    expect(() => passphraseForEncryption({ TUPU_BACKUP_PASSPHRASE: '' })).toThrow(
      /set TUPU_BACKUP_PASSPHRASE/,
    );
    expect(() => passphraseForEncryption({ TUPU_BACKUP_PASSPHRASE: 'short' })).toThrow(/shorter than 8/);
  });
});
