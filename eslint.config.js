// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import boundaries from './eslint-boundaries.js';

const CORE_MESSAGE =
  'src/core is the pure domain: plain data in, plain data out. It may import only src/core and zod (no Node.js I/O, no packs, no solver, no database, server, CLI or reports, no other package); do the I/O in the caller and pass the data in.';
const CONTRACTS_MESSAGE =
  'src/contracts holds the request and response shapes shared by the server and the browser: it may import only zod, other contracts and types from src/core (import type), so it runs anywhere.';
const WEB_MESSAGE =
  'web/src runs in the browser and talks to the server over HTTP only: it may import src/contracts and types from src/core (import type), never server, database, pack, solver, report or CLI code.';

/** Test code of a folder: its tests, fixtures and test helpers (which may also use the test tools). */
const testFiles = (/** @type {string} */ folder) => [
  `${folder}/**/*.test.ts`,
  `${folder}/**/fixtures/**/*.ts`,
  `${folder}/**/test-*.ts`,
];
const TEST_PACKAGES = ['vitest', 'fast-check'];

const core = { message: CORE_MESSAGE, folders: ['src/core'], packages: ['zod'] };
const contracts = {
  message: CONTRACTS_MESSAGE,
  folders: ['src/contracts'],
  typeOnly: ['src/core'],
  packages: ['zod'],
};
const web = {
  message: WEB_MESSAGE,
  folders: ['web/src', 'src/contracts'],
  typeOnly: ['src/core'],
  /**
   * Pure core functions the browser still runs itself, by name, until the API sends their results (see
   * ARCHITECTURE.md). Any other value import from src/core is refused.
   */
  values: {
    'src/core/shared/text.ts': ['textIn'],
    'src/core/planning/candidates-defaults.ts': ['adviseStrategy', 'defaultSettings'],
    'src/core/planning/candidates.ts': ['candidateBenefit'],
    'src/core/planning/default-risks.ts': ['localizeRisk'],
    'src/core/planning/explain-text.ts': ['notSelectedText'],
    // the option texts and the level rule of a diagnosis result, shown alike by the web result page, the PDF/DOCX
    // report and the results workbook (one helper each, so the three never word them differently)
    'src/core/diagnosis/option-labels.ts': ['optionLabels', 'addedOptions'],
    'src/core/diagnosis/level-rule.ts': ['levelRule'],
    // one wording of a period in calendar time (2027年Q1 / 2027 Q1) for the plan page and the plan document alike
    'src/core/planning/plan-calendar.ts': ['periodLabel'],
    // the merge of a stale save runs where the user picks between their change and the other's
    'src/core/shared/three-way-merge.ts': ['mergeFields', 'resolveMerge', 'sameValue'],
  },
  deniedPackages: [
    '@electric-sql/*',
    '@fastify/*',
    'commander',
    'docx',
    'drizzle-kit',
    'drizzle-orm',
    'exceljs',
    'fastify',
    'fastify-type-provider-zod',
    'highs',
    'js-yaml',
    'pg',
    'playwright-core',
    'tsx',
    'undici',
    'yaml',
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'drizzle/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify plugins and route handlers are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { plugins: { tupu: boundaries } },
  { files: ['src/core/**/*.ts'], rules: { 'tupu/layer-imports': ['error', core] } },
  {
    files: testFiles('src/core'),
    rules: { 'tupu/layer-imports': ['error', { ...core, packages: [...core.packages, ...TEST_PACKAGES] }] },
  },
  { files: ['src/contracts/**/*.ts'], rules: { 'tupu/layer-imports': ['error', contracts] } },
  {
    files: testFiles('src/contracts'),
    rules: {
      'tupu/layer-imports': ['error', { ...contracts, packages: [...contracts.packages, ...TEST_PACKAGES] }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'tupu/layer-imports': ['error', web] },
  },
  { files: ['src/features/**/*.ts'], rules: { 'tupu/no-foreign-repository': 'error' } },
  { files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'], rules: { 'tupu/tenant-grant': 'error' } },
  {
    // issue 18: a name or note starting with = + - @ must not become a formula in an export
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.property.name='xlsx'][property.name=/^(write|writeBuffer|writeFile|WorkbookWriter)$/]",
          message:
            'Write a workbook with workbookBytes or writeWorkbookFile (src/reports/workbook-file.ts): they neutralise every text cell a spreadsheet would read as a formula (= + - @ tab CR), which a direct write does not.',
        },
      ],
    },
  },
  prettier,
);
