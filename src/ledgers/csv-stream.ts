/**
 * Streams a CSV ledger record by record in bounded memory: the encoding detected from the first 64 KB (UTF-8, UTF-8
 * with a BOM, GBK/GB18030), the delimiter from the header line (comma, tab or semicolon), quoted cells with "" and
 * line breaks inside them, CRLF or LF. Each record comes with the line it starts on (the header is line 1), so a
 * problem names its row. A quoted cell never closed, a NUL byte (not a text file) or a cell over the length limit
 * stops the read with a LedgerReadError naming the row and column.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { detectEncoding, ledgerDecoder, SNIFF_BYTES, type LedgerEncoding } from '../core/ledger/encoding.ts';
import { LedgerReadError } from './errors.ts';

export interface CsvReadSummary {
  encoding: LedgerEncoding;
  delimiter: string;
  /** records read, the header included */
  records: number;
}

/** Characters of one cell (Excel's own limit, as ANSWER_SHEET_LIMITS.cellChars). */
export const CSV_CELL_CHARS = 32_767;

/**
 * Calls `onRecord` for each record (the first is the header) with its cells and the line it starts on. Memory holds
 * one chunk and one record.
 */
export async function streamCsv(
  path: string,
  onRecord: (cells: string[], line: number) => void,
  options: { progress?: (bytes: number) => void } = {},
): Promise<CsvReadSummary> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = 1 + head.subarray(0, nul).reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
    throw new LedgerReadError('a NUL byte: this is not a text (CSV) file', line, undefined);
  }
  const encoding = detectEncoding(head);
  const decoder = ledgerDecoder(encoding);

  let delimiter: string | undefined;
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside a quoted cell
  let afterQuote = false; // just read a quote inside a quoted cell: "" or the end of the cell
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let records = 0;
  let pendingCR = false;
  let headerProbe = '';

  const endCell = () => {
    if (cell.length > CSV_CELL_CHARS)
      throw new LedgerReadError(
        `a cell of ${cell.length} characters, over the limit of ${CSV_CELL_CHARS}`,
        recordLine,
        cells.length + 1,
      );
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records++;
    // a blank line is no record
    if (!(cells.length === 1 && cells[0] === '')) onRecord(cells, recordLine);
    cells = [];
  };

  /** The delimiter the header line uses most, outside quotes. */
  const decideDelimiter = (probe: string): string => {
    const nl = probe.search(/\r|\n/);
    const unquoted = (nl < 0 ? probe : probe.slice(0, nl)).replace(/"[^"]*"/g, '');
    let best = ',';
    let most = 0;
    for (const d of [',', '\t', ';']) {
      const count = unquoted.split(d).length - 1;
      if (count > most) [best, most] = [d, count];
    }
    return best;
  };

  const feed = (text: string, final = false) => {
    if (delimiter === undefined) {
      headerProbe += text;
      if (!final && headerProbe.search(/\r|\n/) < 0 && headerProbe.length < SNIFF_BYTES) return;
      delimiter = decideDelimiter(headerProbe);
      text = headerProbe;
      headerProbe = '';
    }
    const d = delimiter;
    for (let k = 0; k < text.length; k++) {
      const ch = text[k]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') {
          if (quoted && !afterQuote) cell += ch;
          continue;
        }
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (ch === '"') {
            cell += '"';
            continue;
          }
          quoted = false; // the quote closed the cell: read ch as outside it
        } else if (ch === '"') {
          afterQuote = true;
          continue;
        } else {
          if (ch === '\n' || ch === '\r') line++;
          if (ch === '\r') pendingCR = true;
          cell += ch;
          continue;
        }
      }
      if (ch === d) endCell();
      else if (ch === '\n' || ch === '\r') {
        endRecord();
        line++;
        recordLine = line;
        if (ch === '\r') pendingCR = true;
      } else if (ch === '"' && cell === '') {
        quoted = true;
        quoteLine = line;
      } else cell += ch;
    }
  };

  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let data: Uint8Array = chunk;
    if (first && encoding === 'utf-8-bom') data = chunk.subarray(3);
    first = false;
    feed(decoder.decode(data, { stream: true }));
    options.progress?.(bytes);
  }
  feed(decoder.decode(), true);
  if (quoted && !afterQuote)
    throw new LedgerReadError('a quoted cell is never closed', quoteLine, cells.length + 1);
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return { encoding, delimiter: delimiter ?? ',', records };
}
