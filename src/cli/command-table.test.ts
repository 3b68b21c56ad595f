import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor, registersFor } from './command-table.ts';

/** Every command module registered at once, as main.ts did before commands loaded lazily. */
async function fullProgram(): Promise<Command> {
  const program = new Command('tupu');
  const seen = new Set<() => Promise<unknown>>();
  for (const entry of COMMANDS) {
    for (const load of [...entry.load, ...Object.values(entry.sub ?? {}).flat()]) {
      if (seen.has(load)) continue;
      seen.add(load);
      (await load())(program);
    }
  }
  return program;
}

describe('the table of commands', () => {
  it('lists exactly the commands the modules register, with their help term and description', async () => {
    const program = await fullProgram();
    const help = new Help();
    const registered = program.commands.map((c) => ({
      name: c.name(),
      term: help.subcommandTerm(c),
      description: c.description(),
    }));
    const table = COMMANDS.map(({ name, term, description }) => ({ name, term, description }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(table.sort(byName)).toEqual(registered.sort(byName));
  }, 60_000);

  /** The command `args` run, registered as main.ts registers it. */
  async function registered(args: string[]): Promise<Command | undefined> {
    const program = new Command('tupu');
    for (const register of (await registersFor(args)) ?? []) register(program);
    return program.commands.find((c) => c.name() === commandFor(args)?.name);
  }

  it('loading one entry registers its command with its own options and sub-commands', async () => {
    for (const entry of COMMANDS) {
      const command = await registered([entry.name, '--help']);
      expect(command, entry.name).toBeDefined();
      expect(command?.description()).toBe(entry.description);
    }
    const plan = await registered(['plan', '--input', 'x.json']);
    expect(plan?.options.map((o) => o.long)).toContain('--input');
    expect(plan?.commands).toEqual([]); // plan-report.ts (the report libraries) not loaded to solve
    expect((await registered(['plan', '--help']))?.commands.map((c) => c.name())).toEqual(['report']);
    expect((await registered(['plan', '-i', 'x.json', 'report']))?.commands.map((c) => c.name())).toEqual([
      'report',
    ]);
    expect((await registered(['report']))?.commands.map((c) => c.name()).sort()).toEqual([
      'diagnosis',
      'plan',
    ]);
    expect((await registered(['report', 'plan']))?.commands.map((c) => c.name())).toEqual(['plan']);
  }, 60_000);

  it('finds the command the arguments name', () => {
    expect(commandFor(['plan', '--input', 'x.json'])?.name).toBe('plan');
    expect(commandFor(['help', 'serve'])?.name).toBe('serve');
    expect(commandFor(['report', 'plan', '--format', 'pdf'])?.name).toBe('report');
    expect(commandFor(['--help'])).toBeUndefined();
    expect(commandFor([])).toBeUndefined();
    expect(commandFor(['plam'])).toBeUndefined();
  });
});
