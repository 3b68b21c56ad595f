/**
 * Which encoding a ledger file's bytes are in — UTF-8 with a BOM, UTF-8, or GBK/GB18030 (what Excel in a Chinese
 * Windows writes as "CSV") — from its first bytes, with the web-standard TextDecoder (no Node.js API).
 */

export type LedgerEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';

/** How much of the start of a file is enough to tell. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-8 with a BOM when it starts with EF BB BF; UTF-8 when the sample is valid UTF-8 (a sequence cut by the end of
 * the sample is allowed); GB18030 (a superset of GBK and GB2312) otherwise.
 */
export function detectEncoding(bytes: Uint8Array): LedgerEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, completeUtf8Length(sample)));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The length of the sample without a UTF-8 sequence cut at its end (at most 3 bytes are dropped). */
function completeUtf8Length(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? b.length - back : b.length;
  }
  return b.length;
}

/** A streaming decoder for the encoding (the BOM is skipped); feed it chunks with `{ stream: true }`. */
export function ledgerDecoder(encoding: LedgerEncoding): InstanceType<typeof TextDecoder> {
  return new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8');
}

/** Decode a whole file: its encoding and its text (without BOM). U+FFFD marks bytes that are in no encoding. */
export function decodeLedger(bytes: Uint8Array): { encoding: LedgerEncoding; text: string } {
  const encoding = detectEncoding(bytes);
  return { encoding, text: ledgerDecoder(encoding).decode(bytes) };
}
