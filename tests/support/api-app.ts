import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database, DbEngine } from '../../src/db/client.ts';
import {
  addMembership,
  createUser,
  findUserByEmail,
  listMemberships,
} from '../../src/server/sessions/accounts.ts';
import { DEMO_PASSWORD, seedDemoRegion } from '../../src/db/seed/demo-region.ts';
import { ensurePlatformAdmin } from '../../src/db/seed/platform-admin.ts';
import { loadAtlasPacks } from '../../src/packs/atlas-load.ts';
import { buildApp, type AppDeps } from '../../src/server/app.ts';
import { hashPassword } from '../../src/features/auth/password.ts';
import { loadContent } from '../../src/server/start.ts';
import { openTestDatabase } from './databases.ts';

/** The configuration of an app under test: silent, no web app, with the given variables and overrides on top. */
export function testConfig(env: NodeJS.ProcessEnv = {}, overrides: Partial<Config> = {}): Config {
  return loadConfig({ TUPU_LOG_LEVEL: 'silent', TUPU_WEB_DIR: '/nonexistent', ...env }, overrides);
}

/** The session cookie (`tupu_session=…`) a sign-in answer sets; throws, naming the answer, when it sets none. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`no Set-Cookie header (status ${res.statusCode}: ${res.body})`);
  return first.split(';')[0]!;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Packs = Awaited<ReturnType<typeof loadContent>>;

export interface ApiAppOptions {
  /**
   * first create the platform organisation and its admin (ADMIN_EMAIL) with this password, as `tupu serve` does on
   * an empty database; default none
   */
  platformAdminPassword?: string;
  /** seed the fictional demo region (users with DEMO_PASSWORD); default true */
  demoRegion?: boolean;
  /** content packs the app serves: none (default), the atlases only, or atlases and indicator systems */
  packs?: 'none' | 'atlases' | 'all';
  /** environment variables of the configuration, over the silent / no-web-app defaults */
  env?: NodeJS.ProcessEnv;
  /** configuration values set directly (such as bodyLimit) */
  overrides?: Partial<Config>;
  /** where the server's log lines go (with a log level in `env`), to assert what is logged */
  logStream?: AppDeps['logStream'];
}

export interface ApiApp {
  /** the app, built in beforeAll (reading it earlier throws) */
  readonly app: FastifyInstance;
  /** its own fresh, migrated database of the engine */
  readonly database: Database;
  /** the packs given to the app (empty maps for those not loaded) */
  readonly packs: Packs;
  /** Signs in (demo password unless given) and returns the session cookie; throws when no session is set. */
  signIn: (email: string, password?: string) => Promise<string>;
  /** One request as the holder of `cookie`; the JSON body parsed, null when empty. */
  call: <T>(
    cookie: string,
    method: Method,
    url: string,
    payload?: unknown,
  ) => Promise<{ status: number; body: T; headers: LightMyRequestResponse['headers'] }>;
}

/**
 * For one describe block: an app on its own fresh database of `engine` (seeded with the demo region unless told
 * otherwise), built in beforeAll and closed, database dropped, in afterAll. Hooks the test file registers before
 * this call run before the app is built.
 */
export function useApiApp(engine: DbEngine, options: ApiAppOptions = {}): ApiApp {
  let app: FastifyInstance | undefined;
  let database: Database | undefined;
  let packs: Packs | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the test app's ${what} is used before beforeAll built it`);
    return value;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { platformAdminPassword } = options;
    if (platformAdminPassword !== undefined) {
      await ensurePlatformAdmin(database.db, {
        password: platformAdminPassword,
        hash: hashPassword,
        generate: () => platformAdminPassword,
      });
    }
    if (options.demoRegion ?? true) await seedDemoRegion(database.db, hashPassword);
    const config = testConfig(options.env, options.overrides);
    packs = await loadPacks(options.packs ?? 'none', config);
    app = await buildApp({
      config,
      database,
      ...packs,
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const handle: ApiApp = {
    get app() {
      return ready(app, 'app');
    },
    get database() {
      return ready(database, 'database');
    },
    get packs() {
      return ready(packs, 'packs');
    },
    signIn: async (email, password = DEMO_PASSWORD) =>
      sessionCookie(
        await handle.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } }),
      ),
    call: async <T>(cookie: string, method: Method, url: string, payload?: unknown) => {
      const res = await handle.app.inject({
        method,
        url,
        headers: { cookie },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as T, headers: res.headers };
    },
  };
  return handle;
}

async function loadPacks(which: 'none' | 'atlases' | 'all', config: Config): Promise<Packs> {
  if (which === 'all') return loadContent(config);
  if (which === 'none') return { atlases: new Map(), models: new Map() };
  const loaded = await loadAtlasPacks('packs/atlas');
  if (!loaded.ok) throw new Error('atlas packs do not load');
  return { atlases: loaded.catalog, models: new Map() };
}

/**
 * Adds viewer@demo.tupu.local (demo password) as a viewer of the demo CIO's organisation, 明远精密机械, and
 * returns that organisation's id.
 */
export async function addDemoViewer(database: Database): Promise<string> {
  const cio = await findUserByEmail(database.db, 'cio@demo.tupu.local');
  if (!cio) throw new Error('no demo CIO: seed the demo region first');
  const [machinery] = await listMemberships(database.db, cio.id);
  if (!machinery) throw new Error('the demo CIO belongs to no organisation');
  const viewer = await createUser(database.db, {
    email: 'viewer@demo.tupu.local',
    displayName: 'Viewer',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await addMembership(database.db, { orgId: machinery.orgId, userId: viewer.id, role: 'viewer' });
  return machinery.orgId;
}

/** Session cookies of the three roles the access tests use, and the id of the organisation two of them share. */
export interface DemoRoles {
  /** 明远精密机械's id */
  orgId: string;
  /** the demo CIO, admin of 明远精密机械 */
  cio: string;
  /** the demo CDO, admin of another organisation */
  cdo: string;
  /** viewer@demo.tupu.local, viewer of 明远精密机械 (added by addDemoViewer) */
  viewer: string;
}

/** Adds the demo viewer and signs in the demo CIO, the demo CDO and the viewer. */
export async function signInDemoRoles(api: ApiApp): Promise<DemoRoles> {
  const orgId = await addDemoViewer(api.database);
  return {
    orgId,
    cio: await api.signIn('cio@demo.tupu.local'),
    cdo: await api.signIn('cdo@demo.tupu.local'),
    viewer: await api.signIn('viewer@demo.tupu.local'),
  };
}
