/**
 * Bounds on an error answer, so that it stays a few kilobytes whatever the request was: a body with 300,000 bad
 * keys once got a 40 MB answer listing each. Lists are cut to their first MAX_LISTED entries, followed by one entry
 * saying how many were left out (`{ omitted, message }`, so a client showing `message` per entry shows it too);
 * texts are cut to MAX_TEXT characters; what is nested deeper than MAX_DEPTH is left out. If the answer is still over
 * MAX_DETAIL_BYTES, fewer entries are kept.
 */

export const MAX_LISTED = 50;
export const MAX_TEXT = 500;
export const MAX_MESSAGE = 1000;
export const MAX_DETAIL_BYTES = 16 * 1024;
const MAX_DEPTH = 6;
const MAX_KEYS = 50;

/** `text` cut to `max` characters, saying how many more there were. */
export function boundText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** An error's details within the bounds (a copy; the input is not changed). */
export function boundDetails(details: unknown): unknown {
  for (let listed = MAX_LISTED; ; listed = Math.floor(listed / 2)) {
    const bounded = bound(details, listed, 0);
    if (listed <= 1 || JSON.stringify(bounded ?? null).length <= MAX_DETAIL_BYTES) return bounded;
  }
}

function omittedEntry(omitted: number, what: string) {
  return { omitted, message: `${omitted} more ${what} left out of this answer` };
}

function bound(value: unknown, listed: number, depth: number): unknown {
  if (typeof value === 'string') return boundText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '(nested too deep to show)';
  if (Array.isArray(value)) {
    const kept: unknown[] = value.slice(0, listed).map((v) => bound(v, listed, depth + 1));
    if (value.length > listed) kept.push(omittedEntry(value.length - listed, 'entries'));
    return kept;
  }
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries.slice(0, MAX_KEYS)) out[boundText(k, 100)] = bound(v, listed, depth + 1);
  if (entries.length > MAX_KEYS) out.omittedKeys = entries.length - MAX_KEYS;
  return out;
}
