/**
 * One process at a time on an embedded database folder. PGlite has no lock of its own: a second process (say
 * `tupu org add` while `tupu serve` runs on the same folder) would open the same files, and one of them would
 * overwrite what the other wrote. A lock file holding the owner's pid makes the second open fail with a message that
 * says who holds the folder; a lock left behind by a process that no longer runs is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'tupu.lock';

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running "tupu serve" or another tupu ` +
        `command): stop it first, or use DATABASE_URL for a PostgreSQL server that many processes can share. ` +
        `If no such process runs, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | undefined {
  try {
    const pid = Number((JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock for this process; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const pid = holder(path);
      if (pid !== undefined && isRunning(pid)) throw new DatabaseInUseError(dataDir, pid);
      rmSync(path, { force: true }); // left behind by a process that is gone
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (holder(path) === process.pid) rmSync(path, { force: true });
  };
}
