import { z } from 'zod';

/**
 * Names people read and compare — of organisations, members, users. A name that looks like another must be the
 * same name: so it is NFKC-normalised (full-width "ＡＢＣ" becomes "ABC", an ideographic space a space) except for
 * the full-width punctuation Chinese writes as such (某某（中国）有限公司 keeps its （）, ，, ：), its runs of white
 * space become one space and it is trimmed; uniqueness compares the full NFKC form (src/db/repositories/
 * organisations.ts), so "（演示）" and "(演示)" are the same name there. And a name holding a character one cannot see is refused, naming
 * the character and its position: format characters (Unicode category Cf: zero-width space and joiners U+200B–U+200D,
 * word joiner U+2060, U+FEFF, the bidirectional marks and overrides U+200E, U+200F, U+202A–U+202E, U+2066–U+2069,
 * U+061C, and the rest), controls (Cc), line and paragraph separators, surrogates and private-use characters.
 */

const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** How some invisible characters are called, for the message; others are named by their code alone. */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** The first invisible character of `text` as `U+202E (RIGHT-TO-LEFT OVERRIDE)` and its 1-based position. */
export function findInvisibleCharacter(text: string): { character: string; position: number } | null {
  let position = 0;
  for (const ch of text) {
    position++;
    if (INVISIBLE.test(ch)) {
      const code = ch.codePointAt(0) ?? 0;
      const label = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      const name = NAMES[code];
      return { character: name ? `${label} (${name})` : label, position };
    }
  }
  return null;
}

/** Full-width punctuation (U+FF01–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40, U+FF5B–U+FF60): kept as typed. */
export const FULL_WIDTH_PUNCTUATION = /([\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF60])/u;

/**
 * The form a name is kept in: NFKC but for full-width punctuation, runs of white space as one space, trimmed.
 * Idempotent: a kept name is its own normal form.
 */
export function normaliseName(text: string): string {
  return text
    .split(FULL_WIDTH_PUNCTUATION)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC')))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A display name `field` of 1 to `max` characters (after normalising); refuses invisible characters with a message
 * naming the character and where it is in what was typed.
 */
export function displayName(field: string, max: number) {
  return z
    .string(`${field} is required`)
    .check((ctx) => {
      const found = findInvisibleCharacter(ctx.value);
      if (found)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `${field} has the invisible character ${found.character} at position ${found.position}; type the name without it`,
        });
    })
    .overwrite(normaliseName)
    .min(1, `${field} is required`)
    .max(max, `${field} has at most ${max} characters`);
}

/** A person's or an organisation's display name of up to 200 characters. */
export const DisplayName = displayName('name', 200);
