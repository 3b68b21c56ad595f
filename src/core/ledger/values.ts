/**
 * Cell values as Chinese ledgers write them, read into plain values: numbers with thousands separators, full-width
 * digits, currency signs and accounting brackets; dates as 2025-01-07, 2025/1/7, 2025.1.7, 2025年1月7日, 20250107 or
 * an Excel serial number; a unit stated in the header (金额（万元）) converted to the field's common unit. Pure: text in,
 * value or undefined out; the caller names the row and column in its problem.
 */

/** Full-width forms (０-９, ．, ，, －, ＋, ％, （ ）, ／, ：) to their ASCII equivalents; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;
/** + - . ( ¥ ￥ $ R C r c and white space */
const NUMBER_START = new Set([43, 45, 46, 40, 0xa5, 0xffe5, 36, 82, 67, 114, 99, 32, 9]);

/**
 * A number as a ledger writes it: `1,234.56`, `１２３４`, `¥1,000`, `-5`, `(1,000)` (negative, as accountants
 * bracket it), `12.5%` (0.125). Undefined for anything else (a grouping that is not by thousands, `1.2.3`, text).
 */
export function parseLedgerNumber(text: string): number | undefined {
  if (PLAIN.test(text)) return Number(text); // the common case, without copies
  const c = text.charCodeAt(0);
  // a number starts with a digit, a sign, a point, a bracket, a currency sign, a space or a full-width form
  if (!((c >= 48 && c <= 57) || NUMBER_START.has(c) || c >= 0x3000)) return undefined;
  let s = (FULL_WIDTH.test(text) ? toHalfWidth(text) : text).trim().replace(/\s+/g, '');
  if (s === '') return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  s = s.replace(/^[¥￥$]|^RMB|^CNY/i, '').replace(/^([+-])[¥￥$]/, '$1');
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return undefined;
    s = s.replace(/,/g, '');
  }
  if (!NUMBER.test(s)) return undefined;
  const v = sign * Number(s) * scale;
  return Number.isFinite(v) ? v : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** YYYY-M-D, YYYY/M/D, YYYY.M.D (one separator throughout), YYYY年M月D日 or YYYYMMDD, then maybe a time. */
const DATE =
  /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日|(\d{2})(\d{2}))(?:(?:[ T]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date as a ledger writes it, to ISO YYYY-MM-DD: 2025-01-07, 2025/1/7, 2025.1.7, 2025年1月7日, 20250107, also with a
 * time after it (2025-01-07 08:30, 2025-01-07T08:30:00); undefined when it is not a real calendar date (2025-02-30).
 * An Excel serial number is read only when `serials` is true (a column known to hold dates), by excelSerialToIso.
 */
export function parseLedgerDate(text: string, options: { serials?: boolean } = {}): string | undefined {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c >= 0x3000 || c === 32 || c === 9)) return undefined;
  const s = (FULL_WIDTH.test(text) ? toHalfWidth(text) : text).trim();
  const m = DATE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[3] ?? m[5] ?? m[7]), Number(m[4] ?? m[6] ?? m[8]));
  if (options.serials && /^\d+(?:\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return undefined;
}

/**
 * An Excel date serial (the 1900 date system: 1 = 1900-01-01, with Excel's phantom 1900-02-29 at 60) to ISO; the
 * fraction (time of day) is dropped. Undefined outside 1900–2200.
 */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return undefined; // 1900-02-29 does not exist
  const days = whole < 60 ? whole - 1 : whole - 2; // days after 1900-01-01
  const t = Date.UTC(1900, 0, 1) + days * 86_400_000;
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days since 1970-01-01 of an ISO date: a number a formula can compare and subtract. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The units a header may state and their factor to the common unit. */
export const UNIT_FACTORS: Readonly<Record<string, { unit: string; factor: number }>> = {
  元: { unit: '元', factor: 1 },
  千元: { unit: '元', factor: 1_000 },
  万元: { unit: '元', factor: 10_000 },
  百万元: { unit: '元', factor: 1_000_000 },
  亿元: { unit: '元', factor: 100_000_000 },
  件: { unit: '件', factor: 1 },
  千件: { unit: '件', factor: 1_000 },
  万件: { unit: '件', factor: 10_000 },
  秒: { unit: '分钟', factor: 1 / 60 },
  分钟: { unit: '分钟', factor: 1 },
  小时: { unit: '分钟', factor: 60 },
  天: { unit: '天', factor: 1 },
  吨标准煤: { unit: '吨标准煤', factor: 1 },
  千克标准煤: { unit: '吨标准煤', factor: 0.001 },
  kgce: { unit: '吨标准煤', factor: 0.001 },
  tce: { unit: '吨标准煤', factor: 1 },
  人: { unit: '人', factor: 1 },
  '%': { unit: '%', factor: 1 },
};

/**
 * A header with the unit in brackets or after a slash — 金额（万元）, 金额(万元), 金额/万元, 金额[万元] — split into the
 * name and the unit; the unit's factor to the common unit when it is one this knows.
 */
export function parseHeader(text: string): { name: string; unit?: string; common?: string; factor?: number } {
  const s = text.trim();
  const m = /^(.*?)\s*(?:[（(［[]\s*([^）)］\]]+?)\s*[）)］\]]|[/／]\s*(\S+))$/.exec(s);
  if (!m || m[1] === '') return { name: s };
  const unit = (m[2] ?? m[3])!;
  const known = UNIT_FACTORS[unit];
  return known ? { name: m[1]!, unit, common: known.unit, factor: known.factor } : { name: m[1]!, unit };
}
