/**
 * Control characters in text: the C0 controls U+0000–U+001F except tab, line feed and carriage return, DEL (U+007F)
 * and the C1 controls U+0080–U+009F. No text Tupu keeps needs them; PostgreSQL refuses U+0000 in text and jsonb
 * (which made a request fail with 500), and the others hide or garble what a reader sees. The HTTP API refuses them
 * in every request (src/server/control-characters.ts); imported answer files are checked with the same functions.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is what this file is for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** A control character found in a text: its 1-based position in characters (code points) and its code, `U+0000`. */
export interface ControlCharacterAt {
  position: number;
  character: string;
}

/** A control character found in a JSON value: where (`body.sections[2].text`), and whether in a key of that object. */
export interface ControlCharacterFound extends ControlCharacterAt {
  path: string;
  /** true when the character is in one of the keys of the object at `path`, not in a text value */
  key: boolean;
}

/** `U+0000` for a code point. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character of `text`, or null when it has none (tab, line feed and carriage return are fine). */
export function findControlCharacter(text: string): ControlCharacterAt | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  return {
    position: [...text.slice(0, match.index)].length + 1,
    character: codePointLabel(match[0].codePointAt(0) ?? 0),
  };
}

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** `parent.key` for a key that reads as a name, `parent["a key"]` otherwise (escaped, so always printable). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** An object to look into: what JSON and query strings parse to (their prototypes vary), not bytes or dates. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !(ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date);
}

/**
 * The first control character in a JSON-like value (strings, arrays, objects; keys included), in document order,
 * with its path from `root`; null when there is none. Other values (numbers, Buffers, dates) are not looked into.
 * Walks without recursion, so deeply nested input cannot overflow the stack, and visits each object once.
 */
export function findControlCharacterIn(value: unknown, root: string): ControlCharacterFound | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'object' && current !== null) {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (typeof current === 'string') {
      const found = findControlCharacter(current);
      if (found) return { ...found, path, key: false };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], path: childPath(path, i) });
    } else if (isRecord(current)) {
      const keys = Object.keys(current);
      for (const k of keys) {
        const found = findControlCharacter(k);
        if (found) return { ...found, path, key: true };
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push({ value: current[k], path: childPath(path, k) });
      }
    }
  }
  return null;
}

/** One sentence naming where the character is, which one and at which position. */
export function describeControlCharacter(found: ControlCharacterFound): string {
  const where = found.key ? `a key of ${found.path}` : found.path;
  return (
    `${where} contains the control character ${found.character} at position ${found.position}; ` +
    'text may hold no control characters other than tab, line feed and carriage return'
  );
}
