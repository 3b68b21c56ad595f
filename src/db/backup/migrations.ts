import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { queryRows, type Db } from '../client.ts';

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this version of Tupu ships, oldest first (drizzle's journal). */
export function shippedMigrations(): JournalEntry[] {
  const journal = JSON.parse(
    readFileSync(new URL('../../../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
  ) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/** Tags of the migrations applied to this database, oldest first (drizzle records each one's journal time). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await queryRows<{ created_at: string | number }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const byTime = new Map(shippedMigrations().map((entry) => [entry.when, entry.tag]));
  return rows.map(
    (row) => byTime.get(Number(row.created_at)) ?? `unknown migration of ${String(row.created_at)}`,
  );
}
