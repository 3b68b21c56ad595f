/**
 * The table of `tupu` commands: name, the term and description the top-level help lists, and the modules that
 * register the command (imported only when the command runs). A new command adds one entry here; the test beside
 * this file proves the table says what the command modules register.
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

export interface CommandEntry {
  readonly name: string;
  /** as commander prints it in the command list: name, `[options]` when it has any, its arguments */
  readonly term: string;
  readonly description: string;
  /** the modules that register the command, in order */
  readonly load: readonly Load[];
  /**
   * Modules that add a sub-command, by its name, loaded only when that word is on the line or help is asked for
   * (`plan report` is added by plan-report.ts, which loads the report libraries, when `plan` is registered already).
   * A group without modules of its own (`report`) loads them all when none is named.
   */
  readonly sub?: Readonly<Record<string, readonly Load[]>>;
}

type Load = () => Promise<Register>;

const serve = () => import('./commands/serve.ts').then((m) => m.registerServe);
const pack = () => import('./commands/pack.ts').then((m) => m.registerPack);
const atlas = () => import('./commands/atlas.ts').then((m) => m.registerAtlas);
const score = () => import('./commands/score.ts').then((m) => m.registerScore);
const model = () => import('./commands/model.ts').then((m) => m.registerModel);
const plan = () => import('./commands/plan.ts').then((m) => m.registerPlan);
const report = () => import('./commands/report.ts').then((m) => m.registerReport);
const planReport = () => import('./commands/plan-report.ts').then((m) => m.registerPlanReport);
const accounts = () => import('./commands/accounts.ts').then((m) => m.registerAccounts);
const backup = () => import('./commands/backup.ts').then((m) => m.registerBackup);
const profile = () => import('./commands/profile.ts').then((m) => m.registerProfile);

const EMBEDDED_NOTE =
  'With the embedded database, stop "tupu serve" on the same data folder first (one process at a time).';

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    term: 'serve [options]',
    description: 'start the web app and API (embedded database unless DATABASE_URL is set)',
    load: [serve],
  },
  {
    name: 'pack',
    term: 'pack',
    description: 'Work with content packs (scenario atlases, maturity models, …)',
    load: [pack],
  },
  {
    name: 'atlas',
    term: 'atlas',
    description: 'Scenario atlas (一图四清单): export and import',
    load: [atlas],
  },
  {
    name: 'score',
    term: 'score [options]',
    description:
      'Diagnose filled answers (.json, .xlsx, or a folder of them) against an indicator-system model pack',
    load: [score],
  },
  { name: 'model', term: 'model', description: 'Indicator-system (evaluation model) packs', load: [model] },
  {
    name: 'plan',
    term: 'plan [options]',
    description:
      'optimal portfolio and schedule of initiatives under a per-period budget (HiGHS MILP, raced against CBC when cbc is installed), as JSON',
    load: [plan],
    sub: { report: [planReport] },
  },
  {
    name: 'report',
    term: 'report',
    description: 'Write reports (PDF, Word) from assessments and plans',
    load: [],
    sub: { diagnosis: [report], plan: [planReport] },
  },
  {
    name: 'plan-report',
    term: 'plan-report [options]',
    description:
      'the transformation plan document (转型规划方案) as Word or PDF, solving the instance if needed',
    load: [planReport],
  },
  {
    name: 'org',
    term: 'org',
    description: 'organisations: list them, create one (headless pilot setup)',
    load: [accounts],
  },
  {
    name: 'user',
    term: 'user',
    description: 'users: add one to an organisation, reset a password (headless pilot setup)',
    load: [accounts],
  },
  {
    name: 'backup',
    term: 'backup [options]',
    description: `write the whole database to one file (sessions excepted). ${EMBEDDED_NOTE}`,
    load: [backup],
  },
  {
    name: 'restore',
    term: 'restore [options] <file>',
    description: `restore a backup into an empty database (a new data folder, or an empty PostgreSQL database). ${EMBEDDED_NOTE}`,
    load: [backup],
  },
  {
    name: 'profile',
    term: 'profile [options] <file>',
    description: 'data quality profile of a CSV or .xlsx ledger by the GB/T 36344 dimensions (streamed)',
    load: [profile],
  },
];

/** The register functions to run, in order, for the arguments (after `node tupu`); none for an unknown command. */
export async function registersFor(args: readonly string[]): Promise<Register[] | undefined> {
  const entry = commandFor(args);
  if (entry === undefined) return undefined;
  const words = new Set(args.filter((a) => !a.startsWith('-')));
  const help = words.has('help') || args.includes('--help') || args.includes('-h');
  const subs = Object.entries(entry.sub ?? {});
  const named = subs.filter(([name]) => words.has(name));
  const loads = [
    ...entry.load,
    ...(help || (named.length === 0 && entry.load.length === 0) ? subs : named).flatMap(([, l]) => l),
  ];
  return Promise.all([...new Set(loads)].map((load) => load()));
}

/**
 * The entry of the command the arguments (after `node tupu`) name: the first word that is not an option, or the one
 * after `help` (`tupu help plan`). None for `tupu`, `tupu --help`, `tupu --version` or an unknown word.
 */
export function commandFor(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
