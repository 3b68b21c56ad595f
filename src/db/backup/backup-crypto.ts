/**
 * Encrypted backup files (`tupu backup --encrypt`, or the web download of a server started with
 * TUPU_BACKUP_PASSPHRASE). The backup itself (gzip JSON lines, see backup-format.ts) is cut into chunks of at most
 * 64 KiB, each sealed on its own with AES-256-GCM under a key derived from the passphrase with scrypt, so a file of
 * any size is written and read as a stream. node:crypto only.
 *
 *   header, 66 bytes
 *      0   8  magic "TUPU-ENC"
 *      8   1  format version: 1
 *      9   1  key derivation: 1 = scrypt
 *     10   1  log2 of scrypt's N (15)
 *     11   1  scrypt's r (8)
 *     12   1  scrypt's p (1)
 *     13   1  what the chunks hold once joined: 1 = gzip JSON lines, 0 = JSON lines
 *     14   4  largest chunk, plaintext bytes (u32 big-endian; 65536)
 *     18  16  salt (random)
 *     34  32  key check: bytes 32–63 of scrypt's 64-byte output (bytes 0–31 are the AES-256 key)
 *   chunks, one after another, numbered from 0
 *      0   1  flags: 1 = the final chunk, 0 = more follow
 *      1   4  ciphertext length n (u32 big-endian, at most the largest chunk of the header)
 *      5  12  GCM nonce (random)
 *     17   n  ciphertext
 *   17+n  16  GCM tag
 *
 * Each chunk's additional authenticated data is the whole header, the chunk's number (u64 big-endian) and its flags:
 * a changed byte anywhere, chunks reordered or dropped, or a file cut at a chunk boundary (no final chunk) all fail,
 * as does anything after the final chunk. The key check tells a wrong passphrase from a damaged chunk; it reveals no
 * more than the first chunk would (trying a passphrase costs one scrypt either way).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { BackupError } from './backup-error.ts';
import { ByteReader } from './byte-reader.ts';

/** The environment variable holding the passphrase (never a command-line argument: those land in shell history). */
export const PASSPHRASE_VARIABLE = 'TUPU_BACKUP_PASSPHRASE';
export const MIN_PASSPHRASE_LENGTH = 8;

const MAGIC = Buffer.from('TUPU-ENC', 'latin1');
const VERSION = 1;
const KDF_SCRYPT = 1;
export const HEADER_LENGTH = 66;
const CHUNK_HEAD = 17;
const TAG_LENGTH = 16;
const NONCE_LENGTH = 12;
const DEFAULT_CHUNK = 64 * 1024;
/** Limits a reader accepts, so that a forged header cannot make it allocate without bound. */
const MAX_CHUNK = 16 * 1024 * 1024;
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

export interface EncryptionParams {
  log2N: number;
  r: number;
  p: number;
  /** whether the joined chunks are gzip */
  gzip: boolean;
  chunkSize: number;
  salt: Buffer;
}

export const DEFAULT_SCRYPT = { log2N: 15, r: 8, p: 1 } as const;

/** Whether a file's first bytes are an encrypted backup's magic. */
export function isEncryptedHead(head: Uint8Array): boolean {
  return head.length >= MAGIC.length && MAGIC.equals(head.subarray(0, MAGIC.length));
}

/** The first bytes of a file (fewer when it is shorter). */
export async function readFileHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The passphrase a backup is encrypted with, from the environment; a user error (thrown as Error with a message
 * meant for people) when it is unset, empty or shorter than MIN_PASSPHRASE_LENGTH.
 */
export function passphraseForEncryption(env: NodeJS.ProcessEnv): string {
  const value = env[PASSPHRASE_VARIABLE];
  if (value === undefined || value === '')
    throw new Error(`set ${PASSPHRASE_VARIABLE} to the passphrase to encrypt the backup with`);
  if ([...value].length < MIN_PASSPHRASE_LENGTH)
    throw new Error(`${PASSPHRASE_VARIABLE} is shorter than ${MIN_PASSPHRASE_LENGTH} characters`);
  return value;
}

function deriveKey(passphrase: string, params: EncryptionParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      params.salt,
      64,
      { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function encodeHeader(params: EncryptionParams, keyCheck: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 8);
  header.writeUInt8(KDF_SCRYPT, 9);
  header.writeUInt8(params.log2N, 10);
  header.writeUInt8(params.r, 11);
  header.writeUInt8(params.p, 12);
  header.writeUInt8(params.gzip ? 1 : 0, 13);
  header.writeUInt32BE(params.chunkSize, 14);
  params.salt.copy(header, 18);
  keyCheck.copy(header, 34);
  return header;
}

/** The header's parameters, or the reason the header cannot be read. */
function decodeHeader(header: Buffer): { params: EncryptionParams; keyCheck: Buffer } | string {
  if (header.length < HEADER_LENGTH) return 'the encrypted backup is truncated: its header is incomplete';
  if (!isEncryptedHead(header)) return 'not an encrypted Tupu backup';
  const version = header.readUInt8(8);
  if (version !== VERSION)
    return `encrypted backup format version ${version} is not one this version of Tupu reads (${VERSION})`;
  if (header.readUInt8(9) !== KDF_SCRYPT)
    return 'unknown key derivation in the header: the header is damaged';
  const params: EncryptionParams = {
    log2N: header.readUInt8(10),
    r: header.readUInt8(11),
    p: header.readUInt8(12),
    gzip: header.readUInt8(13) === 1,
    chunkSize: header.readUInt32BE(14),
    salt: Buffer.from(header.subarray(18, 34)),
  };
  const memory = 128 * 2 ** params.log2N * params.r;
  if (
    header.readUInt8(13) > 1 ||
    params.log2N < 10 ||
    params.log2N > 24 ||
    params.r < 1 ||
    params.p < 1 ||
    params.p > 16 ||
    memory > MAX_SCRYPT_MEMORY ||
    params.chunkSize < 1 ||
    params.chunkSize > MAX_CHUNK
  )
    return 'the header of the encrypted backup is damaged (parameters out of range)';
  return { params, keyCheck: Buffer.from(header.subarray(34, 66)) };
}

function chunkAad(header: Buffer, index: number, flags: number): Buffer {
  const aad = Buffer.alloc(header.length + 9);
  header.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), header.length);
  aad.writeUInt8(flags, header.length + 8);
  return aad;
}

function sealChunk(key: Buffer, header: Buffer, index: number, final: boolean, plain: Buffer): Buffer {
  const flags = final ? 1 : 0;
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(chunkAad(header, index, flags));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  const head = Buffer.alloc(CHUNK_HEAD);
  head.writeUInt8(flags, 0);
  head.writeUInt32BE(sealed.length, 1);
  nonce.copy(head, 5);
  return Buffer.concat([head, sealed, cipher.getAuthTag()]);
}

export type ByteStage = (source: AsyncIterable<Uint8Array | string>) => AsyncGenerator<Buffer>;

const bytesOf = (piece: Uint8Array | string): Buffer =>
  typeof piece === 'string'
    ? Buffer.from(piece, 'utf8')
    : Buffer.from(piece.buffer, piece.byteOffset, piece.length);

/**
 * A pipeline stage that encrypts what flows through it into the format above (header first). The key is derived
 * before this resolves, so the stage itself only seals chunks.
 */
export async function encryptionStage(
  passphrase: string,
  options: { gzip: boolean; scrypt?: { log2N: number; r: number; p: number }; chunkSize?: number },
): Promise<ByteStage> {
  const params: EncryptionParams = {
    ...(options.scrypt ?? DEFAULT_SCRYPT),
    gzip: options.gzip,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
    salt: randomBytes(16),
  };
  const derived = await deriveKey(passphrase, params);
  const key = derived.subarray(0, 32);
  const header = encodeHeader(params, derived.subarray(32, 64));
  return async function* encrypt(source) {
    yield header;
    let index = 0;
    let pending: Buffer[] = [];
    let size = 0;
    for await (const piece of source) {
      const bytes = bytesOf(piece);
      pending.push(bytes);
      size += bytes.length;
      // Strictly more than one chunk: the last chunk, which carries the final flag, is sealed only at the end.
      if (size > params.chunkSize) {
        let all = Buffer.concat(pending, size);
        while (all.length > params.chunkSize) {
          yield sealChunk(key, header, index++, false, all.subarray(0, params.chunkSize));
          all = all.subarray(params.chunkSize);
        }
        pending = [all];
        size = all.length;
      }
    }
    yield sealChunk(key, header, index, true, Buffer.concat(pending, size));
  };
}

export interface OpenedEncryptedBackup {
  /** whether the decrypted bytes are gzip */
  gzip: boolean;
  /** A pipeline stage that reads the file from its first byte and yields the decrypted, authenticated bytes. */
  decrypt: ByteStage;
}

/**
 * Reads an encrypted backup's header and checks the passphrase against it, before anything else is read: a missing
 * or wrong passphrase, or a damaged header, is a BackupError naming the file. The returned stage throws a
 * BackupError naming the file and the chunk for a chunk that fails authentication, and for a truncated file.
 */
export async function openEncryptedBackup(
  file: string,
  passphrase: string | undefined,
): Promise<OpenedEncryptedBackup> {
  const headerBytes = await readFileHead(file, HEADER_LENGTH);
  const decoded = decodeHeader(headerBytes);
  if (typeof decoded === 'string') throw new BackupError(file, undefined, decoded);
  if (passphrase === undefined || passphrase === '')
    throw new BackupError(
      file,
      undefined,
      `the backup is encrypted: set ${PASSPHRASE_VARIABLE} to the passphrase it was written with`,
    );
  const { params, keyCheck } = decoded;
  const derived = await deriveKey(passphrase, params);
  if (!timingSafeEqual(derived.subarray(32, 64), keyCheck))
    throw new BackupError(
      file,
      undefined,
      `wrong passphrase: ${PASSPHRASE_VARIABLE} is not the passphrase this backup was encrypted with ` +
        `(or the file's header is damaged)`,
    );
  const key = derived.subarray(0, 32);
  const fail = (problem: string) => new BackupError(file, undefined, problem);
  return {
    gzip: params.gzip,
    async *decrypt(source) {
      const reader = new ByteReader(source);
      const header = await reader.read(HEADER_LENGTH);
      if (!header.equals(headerBytes)) throw fail('the file changed while it was being read');
      for (let index = 0; ; index++) {
        const at = reader.offset;
        const chunk = `chunk ${index + 1} (at byte ${at})`;
        const head = await reader.read(CHUNK_HEAD);
        if (head.length === 0)
          throw fail(
            `the encrypted backup is truncated: it ends after chunk ${index} without its final chunk`,
          );
        if (head.length < CHUNK_HEAD) throw fail(`the encrypted backup is truncated in ${chunk}`);
        const flags = head.readUInt8(0);
        const length = head.readUInt32BE(1);
        if (flags > 1 || length > params.chunkSize)
          throw fail(`${chunk} is damaged or has been altered (its length or flags are impossible)`);
        const body = await reader.read(length + TAG_LENGTH);
        if (body.length < length + TAG_LENGTH) throw fail(`the encrypted backup is truncated in ${chunk}`);
        const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(5, CHUNK_HEAD), {
          authTagLength: TAG_LENGTH,
        });
        decipher.setAAD(chunkAad(headerBytes, index, flags));
        decipher.setAuthTag(body.subarray(length));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
        } catch {
          throw fail(`${chunk} is damaged or has been altered: it fails authentication`);
        }
        if (plain.length > 0) yield plain;
        if (flags === 1) {
          if ((await reader.read(1)).length > 0)
            throw fail(`the encrypted backup has data after its final chunk (${index + 1})`);
          return;
        }
      }
    },
  };
}
