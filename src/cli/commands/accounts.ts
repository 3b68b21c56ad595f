/**
 * Headless setup of a pilot: `tupu org add|list` and `tupu user add|reset-password`, on the same database as `tupu serve`
 * (DATABASE_URL, or the embedded PGlite in --data / TUPU_DATA_DIR). Whoever can run this holds the database, so
 * no role is checked; the same rules as the API hold otherwise (unique names among siblings, one-time passwords).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { ROLES } from '../../contracts/auth.ts';
import { AddMember, CREATABLE_KINDS, CreateOrganisation } from '../../contracts/organisations.ts';
import { openConfiguredDatabase, type Database } from '../../db/client.ts';
import { commandConfig } from '../command-config.ts';
import {
  findOrganisation,
  findOrganisationsByName,
  listOrganisations,
  type OrganisationRow,
} from '../../features/organisations/repositories/organisations.ts';
import { AppError } from '../../server/app-error.ts';
import { operatorAuditScope } from '../../features/audit/audit-scope.ts';
import { addMember } from '../../features/organisations/add-member.ts';
import { createOrganisationChecked } from '../../features/organisations/create-organisation.ts';
import { resetPassword } from '../../features/organisations/reset-password.ts';
import { grantTenant } from '../../server/access/grant-tenant.ts';
import { findUserByEmail } from '../../server/sessions/accounts.ts';
import { CliError } from '../cli-error.ts';
import { bootstrapPlatformAdmin } from '../../features/auth/platform-admin-bootstrap.ts';

const DATA_OPTION = [
  '-d, --data <dir>',
  'data folder of the embedded database (default ./data, or TUPU_DATA_DIR)',
] as const;
const EMBEDDED_NOTE =
  'With the embedded database, stop "tupu serve" on the same data folder first (one process at a time).';

export function registerAccounts(program: Command): void {
  const org = program
    .command('org')
    .description('organisations: list them, create one (headless pilot setup)');
  org
    .command('add')
    .description(`create an organisation. ${EMBEDDED_NOTE}`)
    .requiredOption('--kind <kind>', CREATABLE_KINDS.join(' | '))
    .requiredOption('--name <name>', 'name, unique among organisations with the same parent')
    .option(
      '--parent <id or name>',
      'the authority, provider or association it belongs to (default: top level)',
    )
    .option('--region <code>', 'region code, six digits (GB/T 2260), e.g. 330100')
    .option(...DATA_OPTION)
    .action(async (opts: { kind: string; name: string; parent?: string; region?: string; data?: string }) => {
      const input = parseInput(CreateOrganisation, {
        kind: opts.kind,
        name: opts.name,
        regionCode: opts.region,
      });
      await withDatabase(opts.data, async (database) => {
        const parent = opts.parent ? await resolveOrganisation(database, opts.parent, '--parent') : undefined;
        // recorded in the parent's audit trail, or in the new organisation's own at top level
        const created = await createOrganisationChecked(
          database.db,
          {
            kind: input.kind,
            name: input.name,
            parentId: parent?.id ?? null,
            regionCode: input.regionCode,
          },
          (createdId) => operatorAuditScope(grantTenant(parent?.id ?? createdId)),
        );
        const where = parent ? ` under ${parent.name}` : ' at top level';
        process.stdout.write(`created ${created.kind} ${created.name}${where}\n  id: ${created.id}\n`);
      });
    });
  org
    .command('list')
    .description('list every organisation with its id, kind, parent and member count')
    .option(...DATA_OPTION)
    .action(async (opts: { data?: string }) => {
      await withDatabase(opts.data, async (database) => {
        const rows = await listOrganisations(database.db, 'all');
        const names = new Map(rows.map((r) => [r.id, r.name]));
        for (const r of rows) {
          const parent = r.parentId ? `  ← ${names.get(r.parentId) ?? r.parentId}` : '';
          process.stdout.write(
            `${r.id}  ${r.kind.padEnd(16)} ${r.name}  (${r.memberCount} member${r.memberCount === 1 ? '' : 's'})${parent}\n`,
          );
        }
      });
    });

  const user = program
    .command('user')
    .description('users: add one to an organisation, reset a password (headless pilot setup)');
  user
    .command('add')
    .description(
      'add a user to an organisation; an unknown email becomes a new user with a one-time password, printed ' +
        `once. ${EMBEDDED_NOTE}`,
    )
    .requiredOption('--email <email>', 'email address, used to sign in')
    .requiredOption('--name <name>', 'display name (kept as it is for an existing user)')
    .requiredOption('--org <id or name>', 'the organisation to join')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option(...DATA_OPTION)
    .action(async (opts: { email: string; name: string; org: string; role: string; data?: string }) => {
      const input = parseInput(AddMember, { email: opts.email, displayName: opts.name, role: opts.role });
      await withDatabase(opts.data, async (database) => {
        const target = await resolveOrganisation(database, opts.org, '--org');
        const tenant = grantTenant(target.id);
        const added = await addMember(database.db, tenant, input, operatorAuditScope(tenant));
        const { member } = added;
        const lines = [
          `${added.created ? 'created user' : 'added existing user'} ${member.email} (${member.displayName}) as ${member.role} of ${target.name}`,
        ];
        if (added.oneTimePassword) {
          lines.push(
            `  one-time password (shown only now; it must be changed at first sign-in): ${added.oneTimePassword}`,
          );
        }
        process.stdout.write(lines.join('\n') + '\n');
      });
    });
  user
    .command('reset-password')
    .description(
      'give a user a new one-time password, printed once and to be changed at next sign-in; all their sessions ' +
        `end. ${EMBEDDED_NOTE}`,
    )
    .argument('<email>', "the user's email address")
    .option(...DATA_OPTION)
    .action(async (email: string, opts: { data?: string }) => {
      const address = email.trim().toLowerCase();
      await withDatabase(opts.data, async (database) => {
        const found = await findUserByEmail(database.db, address);
        if (!found) throw new CliError(`no user with the email ${address}`);
        const oneTimePassword = await resetPassword(database.db, found.id);
        process.stdout.write(
          `reset the password of ${found.email} (${found.displayName}); their sessions have ended\n` +
            `  one-time password (shown only now; it must be changed at next sign-in): ${oneTimePassword}\n`,
        );
      });
    });
}

const FLAGS: Record<string, string> = {
  kind: '--kind',
  name: '--name',
  regionCode: '--region',
  email: '--email',
  displayName: '--name',
  role: '--role',
};

/** Validate with the API's own contract; a problem names the command-line option. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new CliError(`${FLAGS[field] ?? field}: ${issue?.message ?? 'invalid'}`, 2);
}

/** Open the database `tupu serve` uses (migrating it, creating the platform admin if it is new) and close it after. */
async function withDatabase(
  dataDir: string | undefined,
  work: (database: Database) => Promise<void>,
): Promise<void> {
  const config = commandConfig(dataDir);
  const database = await openConfiguredDatabase(config);
  try {
    // `tupu serve` creates the platform admin only on an empty database: do it here too, or it never would be.
    const admin = await bootstrapPlatformAdmin(database.db, config);
    if (admin) {
      process.stdout.write(
        `created the platform admin ${admin.email}` +
          (admin.oneTimePassword
            ? ` — one-time password (shown once, change it after signing in): ${admin.oneTimePassword}\n`
            : ' (password: the value of TUPU_ADMIN_PASSWORD)\n'),
      );
    }
    await work(database);
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message, err.statusCode === 409 ? 3 : 1);
    throw err;
  } finally {
    await database.close();
  }
}

/** An organisation by id, or by its exact name (case aside) when that names only one. */
async function resolveOrganisation(database: Database, ref: string, flag: string): Promise<OrganisationRow> {
  const byId = z.uuid().safeParse(ref).success ? await findOrganisation(database.db, ref) : undefined;
  if (byId) return byId;
  const found = await findOrganisationsByName(database.db, ref.trim());
  const [only] = found;
  if (found.length === 1 && only) return only;
  if (found.length === 0) {
    throw new CliError(`${flag}: no organisation with the id or name "${ref}" (see "tupu org list")`);
  }
  throw new CliError(
    `${flag}: ${found.length} organisations are named "${ref}"; give the id instead:\n` +
      found.map((o) => `  ${o.id}  ${o.kind}`).join('\n'),
  );
}
