import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openConfiguredDatabase, type Database } from '../db/client.ts';
import { seedDemoRegion, type DemoSignIn } from '../db/seed/demo-region.ts';
import type { AdminBootstrap } from '../db/seed/platform-admin.ts';
import { formatProblem } from '../packs/yaml-source.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import type { AtlasCatalog } from '../core/atlas/types.ts';
import { buildApp } from './app.ts';
import { seedDemoContent } from './demo-content.ts';
import type { IndicatorSystemCatalog } from '../features/assessments/indicator-system-index.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById } from '../packs/model-load.ts';
import { hashPassword } from '../features/auth/password.ts';
import { bootstrapPlatformAdmin } from '../features/auth/platform-admin-bootstrap.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  admin: AdminBootstrap | undefined;
  demo: DemoSignIn[];
  close(): Promise<void>;
}

/** Load the content packs the server serves; a broken pack stops the start with every problem listed. */
export async function loadContent(
  config: Config,
): Promise<{ atlases: AtlasCatalog; models: IndicatorSystemCatalog }> {
  const result = await loadAtlasPacks(join(config.packsDir, 'atlas'));
  if (!result.ok) {
    throw new Error(
      `the atlas packs in ${config.packsDir} have problems:\n${result.problems.map(formatProblem).join('\n')}`,
    );
  }
  return { atlases: result.catalog, models: await loadIndicatorSystems(join(config.packsDir, 'models')) };
}

/** Every model pack in `modelsDir`, by id; any problem in any pack stops the start with every problem listed. */
export async function loadIndicatorSystems(modelsDir: string): Promise<IndicatorSystemCatalog> {
  const models = new Map<string, IndicatorSystem>();
  const problems: string[] = [];
  for (const id of await listIndicatorSystemPacks(modelsDir)) {
    const loaded = await loadIndicatorSystemById(modelsDir, id);
    if (loaded.ok) models.set(id, loaded.model);
    else problems.push(...loaded.problems.map(formatProblem));
  }
  if (problems.length > 0)
    throw new Error(`the model packs in ${modelsDir} have problems:\n${problems.join('\n')}`);
  return models;
}

/** Load packs, open the database (migrating it), create the first admin, seed the demo if asked, and listen. */
export async function startServer(
  config: Config,
  options: {
    demo: boolean;
    /** also fill the demo enterprise with assessments and a plan (default true) */ demoContent?: boolean;
  },
): Promise<RunningServer> {
  const content = await loadContent(config);
  const database = await openConfiguredDatabase(config);
  try {
    const admin = await bootstrapPlatformAdmin(database.db, config);
    const demo = options.demo ? await seedDemoRegion(database.db, hashPassword) : [];
    const app = await buildApp({ config, database, ...content });
    if (options.demo && options.demoContent !== false) {
      try {
        await seedDemoContent(app, database.db);
      } catch (err) {
        app.log.error({ err }, 'demo content could not be seeded');
        process.stderr.write(`warning: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      app,
      database,
      url: `http://${host}:${port}`,
      admin,
      demo,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
