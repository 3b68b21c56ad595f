/**
 * Generated answer-sheet files for the hostile-input tests of the answer-sheet import (issue 18;
 * src/packs/answer-sheet-import-*.property.test.ts): random bytes, bytes behind a zip or OLE signature, Tupu's own
 * blank sheet with bytes flipped, cut short or padded, and the sheet with its answers sheet, shared strings or
 * workbook part replaced by generated XML (cells of every type, broken markup, shared-string indexes out of range,
 * formulas); and the check every one of them must pass through readAnswerFile, the parser the import runs.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { IndicatorSystem } from '../../src/core/diagnosis/model-schema.ts';
import { ANSWER_SHEET_LIMITS } from '../../src/contracts/diagnosis.ts';
import { formatSheetProblem, readAnswerFile } from '../../src/packs/model-answers-read.ts';
import { SHEET } from '../../src/packs/model-sheet-layout.ts';
import { answerTemplate } from '../../src/packs/model-sheet-template.ts';
import { workbookBytes } from '../../src/reports/workbook-file.ts';
import { deflatePart, sheetPath, writeZip, type DeflatedPart } from './crafted-xlsx.ts';

/** The name the file is shown under in every problem. */
export const DISPLAY = '答卷 answers.xlsx';
/** far above the ~25 ms a whole sheet takes to read */
const BOUND_MS = 5_000;
const LIMITS = new Set<string>([...Object.keys(ANSWER_SHEET_LIMITS), 'workerMemoryMb', 'workerSeconds']);

/** Tupu's blank sheet for `model`, and its parts (each deflated once), to build the generated files from. */
export interface SheetParts {
  bytes: Buffer;
  parts: [string, DeflatedPart][];
  answersPart: string;
}
export async function sheetParts(model: IndicatorSystem): Promise<SheetParts> {
  const bytes = await workbookBytes(answerTemplate(model));
  const zip = await JSZip.loadAsync(bytes);
  const parts: [string, DeflatedPart][] = [];
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) parts.push([name, deflatePart(await file.async('nodebuffer'))]);
  return { bytes, parts, answersPart: await sheetPath(bytes, SHEET.answers) };
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '网络建设',
    'B,C',
    '=1+1',
    "'-2",
    '',
    '1e400',
    '-0',
    'TRUE',
    '&amp;',
    '&bogus;',
    ']]>',
    '<',
  ),
);
const escaped = text.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
const cellRef = fc.oneof(
  fc.constantFrom('A2', 'F2', 'A1', 'F3', 'XFD1048576', 'A0', '', 'ZZZZ9', '1A'),
  fc
    .tuple(fc.constantFrom('A', 'B', 'F', 'G', 'AA'), fc.integer({ min: 1, max: 50 }))
    .map(([c, r]) => `${c}${r}`),
);
const cell = fc
  .record({
    r: cellRef,
    t: fc.constantFrom(undefined, 's', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'bogus'),
    v: fc.oneof(escaped, fc.integer().map(String), fc.constantFrom('999999', '-1', 'NaN')),
    f: fc.option(fc.constantFrom('1+1', 'HYPERLINK("http://evil","x")', 'A1', '#REF!'), { freq: 4 }),
    raw: fc.option(text, { freq: 10 }),
  })
  .map(({ r, t, v, f, raw }) => {
    if (raw !== null) return raw;
    const body = t === 'inlineStr' ? `<is><t>${v}</t></is>` : `${f !== null ? `<f>${f}</f>` : ''}<v>${v}</v>`;
    return `<c r="${r}"${t ? ` t="${t}"` : ''}>${body}</c>`;
  });
const row = fc
  .tuple(fc.integer({ min: -1, max: 60 }), fc.array(cell, { maxLength: 8 }))
  .map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`);
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
/** Worksheet XML: rows of generated cells, sometimes with a broken or missing end. */
const sheetXml = fc
  .tuple(
    fc.array(row, { maxLength: 12 }),
    fc.constantFrom('</sheetData></worksheet>', '</sheetData>', '', '</x>'),
  )
  .map(([rows, tail]) => `${SHEET_HEAD}<sheetData>${rows.join('')}${tail}`);
const sharedStringsXml = fc
  .array(escaped, { maxLength: 12 })
  .map(
    (ss) =>
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${ss.length}">${ss.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  );

/** The generated files, from the parts of Tupu's own blank sheet. */
export function answerFiles(sheet: SheetParts): fc.Arbitrary<Buffer> {
  const { bytes, parts, answersPart } = sheet;
  const replaced = (name: string, xml: fc.Arbitrary<string>) =>
    xml.map((x) =>
      writeZip(
        parts.some(([n]) => n === name)
          ? parts.map(([n, p]): [string, DeflatedPart] => [n, n === name ? deflatePart(x) : p])
          : [...parts, [name, deflatePart(x)]],
      ),
    );
  const signed = (signature: number[]) =>
    fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.concat([Buffer.from(signature), Buffer.from(b)]));
  return fc.oneof(
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: signed([0x50, 0x4b, 0x03, 0x04]) },
    { weight: 1, arbitrary: signed([0x50, 0x4b, 0x05, 0x06]) },
    { weight: 1, arbitrary: signed([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => {
          const b = Buffer.from(bytes);
          for (const [at, x] of flips) b[at] = b[at]! ^ x;
          return b;
        }),
    },
    { weight: 2, arbitrary: fc.nat({ max: bytes.length - 1 }).map((n) => bytes.subarray(0, n)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
        .map(([at, b]) => Buffer.concat([bytes.subarray(0, at), Buffer.from(b), bytes.subarray(at)])),
    },
    { weight: 1, arbitrary: replaced(answersPart, sheetXml) },
    { weight: 1, arbitrary: replaced('xl/sharedStrings.xml', sharedStringsXml) },
  );
}

/**
 * Reads `content` as the answer file at `path` for `model`: it must answer in time, never throw, and either give an
 * assessment or refuse with problems that each name the file and say what is wrong, a limit among the known ones.
 */
export async function checkAnswerFile(path: string, model: IndicatorSystem, content: Buffer): Promise<void> {
  await writeFile(path, content);
  const started = performance.now();
  const read = await readAnswerFile(path, model, DISPLAY);
  const elapsed = performance.now() - started;
  if (elapsed >= BOUND_MS) expect(elapsed).toBeLessThan(BOUND_MS);
  if (read.problems.length === 0) {
    expect(read.assessment).not.toBeNull();
    return;
  }
  const unnamed = read.problems.filter(
    (p) =>
      p.file !== DISPLAY ||
      p.message.trim() === '' ||
      typeof p.sheet !== 'string' ||
      (p.row !== null && !(Number.isInteger(p.row) && p.row >= 1)) ||
      (p.limit !== undefined && !LIMITS.has(p.limit)) ||
      !formatSheetProblem(p).startsWith(`${DISPLAY}`),
  );
  if (unnamed.length > 0) expect(unnamed).toEqual([]);
}
