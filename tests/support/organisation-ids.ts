import { sql } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import type { ApiApp } from './api-app.ts';

/**
 * For one describe block on a `useApiApp` database: the ids of the organisations seeded there (read once, in
 * beforeAll), looked up by the start of their name — `org('明远')`; `remember` adds one a test created.
 */
export function useOrganisationIds(api: ApiApp): {
  org: (namePrefix: string) => string;
  remember: (organisation: { name: string; id: string }) => void;
} {
  const orgIds = new Map<string, string>();
  beforeAll(async () => {
    const rows = await queryRows<{ id: string; name: string }>(
      api.database.db,
      sql`select id, name from organisations`,
    );
    for (const r of rows) orgIds.set(r.name, r.id);
  });
  return {
    org: (namePrefix) => {
      const found = [...orgIds].find(([name]) => name.startsWith(namePrefix));
      if (!found) throw new Error(`no organisation ${namePrefix}`);
      return found[1];
    },
    remember: ({ name, id }) => void orgIds.set(name, id),
  };
}
