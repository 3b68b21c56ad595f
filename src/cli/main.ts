import { Command, CommanderError, Help } from 'commander';
import { readFileSync } from 'node:fs';
import { DatabaseInUseError } from '../db/data-dir-lock.ts';
import { CliError } from './cli-error.ts';
import { COMMANDS, registersFor } from './command-table.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('tupu')
  .description('Tupu 图谱 — digital transformation of manufacturing, from diagnosis to plan to evaluation')
  .version(pkg.version, '-v, --version')
  .exitOverride()
  .showHelpAfterError();

/**
 * Each command loads only what it uses: the command named on the line has its modules imported and registered
 * (so `tupu plan --help` shows plan's own options); any other start (`tupu`, `tupu --help`, a mistyped command)
 * registers a lightweight entry per command from the table, for the list and the did-you-mean, and imports none.
 */
const registers = await registersFor(process.argv.slice(2));
if (registers === undefined) {
  const terms = new Map<string, string>();
  for (const c of COMMANDS) {
    program.command(c.name).description(c.description);
    terms.set(c.name, c.term);
  }
  const help = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });
} else {
  for (const register of registers) register(program);
}

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
