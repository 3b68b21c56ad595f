import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInFailures } from '../../db/schema.ts';

/** One count: an e-mail from one client address ('pair'), or one client address across e-mails ('address'). */
export interface FailureKey {
  scope: 'pair' | 'address';
  /** normalised e-mail; '' for an address */
  email: string;
  address: string;
}

export type Counted = { counted: true; failures: number } | { counted: false; blockedUntil: Date };

/** Raised inside the admission transaction to undo what it counted; never leaves this file. */
class Blocked extends Error {
  constructor(readonly blockedUntil: Date) {
    super('blocked');
  }
}

const timestamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

const keyIs = (key: FailureKey) =>
  and(
    eq(signInFailures.scope, key.scope),
    eq(signInFailures.email, key.email),
    eq(signInFailures.address, key.address),
  );

/**
 * Count one failure of `key` at `at` unless it is blocked then. A count whose last failure is `forgetBefore` or
 * earlier starts over at 1. `delayMs(failures)` says how long the key is then blocked. The row stays locked until
 * the caller's transaction ends, so parallel attempts on one key are counted one after another.
 */
async function countOne(
  tx: Db,
  key: FailureKey,
  at: Date,
  forgetBefore: Date,
  delayMs: (failures: number) => number,
): Promise<Counted> {
  const [row] = await tx
    .insert(signInFailures)
    .values({ ...key, failures: 1, lastFailureAt: at, blockedUntil: at })
    .onConflictDoUpdate({
      target: [signInFailures.scope, signInFailures.email, signInFailures.address],
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} <= ${timestamp(forgetBefore)} then 1
          else ${signInFailures.failures} + 1 end`,
        lastFailureAt: at,
      },
      setWhere: lte(signInFailures.blockedUntil, timestamp(at)),
    })
    .returning({ failures: signInFailures.failures });
  if (!row) {
    const [blocked] = await tx
      .select({ blockedUntil: signInFailures.blockedUntil })
      .from(signInFailures)
      .where(keyIs(key));
    return { counted: false, blockedUntil: blocked?.blockedUntil ?? at };
  }
  const wait = delayMs(row.failures);
  if (wait > 0) {
    await tx
      .update(signInFailures)
      .set({ blockedUntil: new Date(at.getTime() + wait) })
      .where(keyIs(key));
  }
  return { counted: true, failures: row.failures };
}

/**
 * Count a failure of every key, in one transaction, unless one of them is blocked at `at`: then nothing is
 * counted and the answer is the latest time any of them is blocked until. Keys are locked in the order given.
 */
export async function countFailuresUnlessBlocked(
  db: Db,
  keys: readonly { key: FailureKey; delayMs: (failures: number) => number }[],
  at: Date,
  forgetBefore: Date,
): Promise<{ admitted: true } | { admitted: false; blockedUntil: Date }> {
  try {
    await db.transaction(async (tx) => {
      let blockedUntil: Date | undefined;
      for (const { key, delayMs } of keys) {
        const counted = await countOne(tx, key, at, forgetBefore, delayMs);
        if (!counted.counted && (!blockedUntil || counted.blockedUntil > blockedUntil)) {
          blockedUntil = counted.blockedUntil;
        }
      }
      if (blockedUntil) throw new Blocked(blockedUntil);
    });
    return { admitted: true };
  } catch (err) {
    if (err instanceof Blocked) return { admitted: false, blockedUntil: err.blockedUntil };
    throw err;
  }
}

/** Forget every failure of `key` (a successful sign-in clears its e-mail and address pair). */
export async function clearFailures(db: Db, key: FailureKey): Promise<void> {
  await db.delete(signInFailures).where(keyIs(key));
}

/**
 * Take back one failure of `key` counted in advance for an attempt that succeeded; when that leaves it under
 * `threshold`, it is no longer blocked.
 */
export async function forgiveFailure(db: Db, key: FailureKey, at: Date, threshold: number): Promise<void> {
  await db
    .update(signInFailures)
    .set({
      failures: sql`greatest(${signInFailures.failures} - 1, 0)`,
      blockedUntil: sql`case when ${signInFailures.failures} - 1 < ${threshold}
        then least(${signInFailures.blockedUntil}, ${timestamp(at)}) else ${signInFailures.blockedUntil} end`,
    })
    .where(keyIs(key));
}

/** Delete counts whose last failure is `before` or earlier (they would start over anyway). */
export async function deleteForgottenFailures(db: Db, before: Date): Promise<void> {
  await db.delete(signInFailures).where(lte(signInFailures.lastFailureAt, timestamp(before)));
}
