/**
 * Optimistic concurrency for saves (see src/contracts/versioning.ts): which parts of a record a save writes, and
 * whether one of them changed since the version the client edited.
 */
import { STALE_VERSION, VERSION_REQUIRED } from '../contracts/versioning.ts';
import { AppError } from './app-error.ts';

/** The version a save sent, or 400 version_required naming the record. */
export function requireVersion(version: number | undefined, what: string): number {
  if (version === undefined)
    throw new AppError(
      400,
      VERSION_REQUIRED,
      `Send the version of the ${what} you edited ("version" in the body, from the last read); nothing was saved`,
    );
  return version;
}

/**
 * Thrown inside a save's transaction when a part it writes changed since the client's version (rolls the
 * transaction back); the route answers it with `staleVersion` and the current record.
 */
export class StaleSave extends Error {
  constructor(
    readonly currentVersion: number,
    readonly changed: string[],
  ) {
    super(`stale save: ${changed.join(', ')}`);
    this.name = 'StaleSave';
  }
}

export function staleVersion(what: string, stale: StaleSave, current: unknown): AppError {
  const { currentVersion, changed } = stale;
  return new AppError(
    409,
    STALE_VERSION,
    `Someone else changed this ${what} since you opened it (now version ${currentVersion}` +
      `${changed.length > 0 ? `; changed: ${changed.join(', ')}` : ''}); reload it or merge your change, nothing was saved`,
    { currentVersion, changed, current },
    true,
  );
}

/** Runs a save; a StaleSave becomes 409 stale_version with the current record, read after the failed save. */
export async function orStale<T>(
  what: string,
  save: () => Promise<T>,
  current: () => Promise<unknown>,
): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (err instanceof StaleSave) throw staleVersion(what, err, await current());
    throw err;
  }
}

/** The same JSON value (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, k) => sameValue(x, b[k]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set(
    [...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined),
  );
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}

/** The parts changed after `version`, from the record's map part → version of its last change. */
export function changedSince(fieldVersions: unknown, version: number): string[] {
  if (typeof fieldVersions !== 'object' || fieldVersions === null) return [];
  return Object.entries(fieldVersions as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' && v > version)
    .map(([k]) => k)
    .sort();
}

/**
 * The parts a save writes: those whose sent value differs from the stored one. A save of the current version writes
 * them; a save of an older version writes them too when none of them changed since (someone else's change to other
 * parts is kept: a merge), and throws StaleSave when one did (the later save would erase it).
 */
export function partsToWrite(
  sent: ReadonlyMap<string, unknown>,
  stored: ReadonlyMap<string, unknown>,
  record: { version: number; fieldVersions: unknown },
  version: number,
): string[] {
  const writes = [...sent].filter(([key, value]) => !sameValue(value, stored.get(key))).map(([key]) => key);
  if (version === record.version) return writes;
  const changed = changedSince(record.fieldVersions, version);
  if (version > record.version || writes.some((key) => changed.includes(key)))
    throw new StaleSave(record.version, changed);
  return writes;
}
