import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { DatabaseInUseError } from '../db/data-dir-lock.ts';
import { CliError } from './cli-error.ts';
import { registerServe } from './commands/serve.ts';
import { registerPack } from './commands/pack.ts';
import { registerAtlas } from './commands/atlas.ts';
import { registerScore } from './commands/score.ts';
import { registerModel } from './commands/model.ts';
import { registerPlan } from './commands/plan.ts';
import { registerReport } from './commands/report.ts';
import { registerPlanReport } from './commands/plan-report.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerBackup } from './commands/backup.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('tupu')
  .description('Tupu 图谱 — digital transformation of manufacturing, from diagnosis to plan to evaluation')
  .version(pkg.version, '-v, --version')
  .exitOverride()
  .showHelpAfterError();

// Every feature registers its sub-command here, one line each.
registerServe(program);
registerPack(program);
registerAtlas(program);
registerScore(program);
registerModel(program);
registerPlan(program);
registerReport(program);
registerPlanReport(program);
registerAccounts(program);
registerBackup(program);

// `tupu atlas export … | head` closes the pipe early: that is a normal end, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof CliError) {
    process.stderr.write(`tupu: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err instanceof DatabaseInUseError) {
    process.stderr.write(`tupu: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`tupu: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
