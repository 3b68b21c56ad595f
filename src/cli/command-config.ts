import { loadConfig, type Config } from '../config.ts';
import { CliError } from './cli-error.ts';

/** The configuration of a command: the environment, with `--data` (when given) as the embedded database's folder. */
export function commandConfig(dataDir: string | undefined): Config {
  try {
    return loadConfig(dataDir ? { ...process.env, TUPU_DATA_DIR: dataDir } : process.env);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}
