// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const coreMessage =
  'src/core is the pure domain: plain data in, plain data out. Do I/O in src/db, src/server, src/cli or src/reports and pass the data in.';
const webMessage =
  'web/ runs in the browser: it may import shared types from src/core or src/contracts, never server or database code.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'drizzle/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] },
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
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/server/**', '**/cli/**', '**/reports/**'], message: coreMessage },
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'http',
                'https',
                'net',
                'child_process',
                'worker_threads',
                'os',
              ],
              message: coreMessage,
            },
            {
              group: [
                'pg',
                '@electric-sql/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                'fastify*',
                '@fastify/*',
                'exceljs',
                'docx',
                'playwright-core',
                'undici',
              ],
              message: coreMessage,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/db/**', '**/src/server/**', '**/src/cli/**', '**/src/reports/**'],
              message: webMessage,
            },
            {
              group: [
                'node:*',
                'pg',
                '@electric-sql/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                '@fastify/*',
              ],
              message: webMessage,
            },
          ],
        },
      ],
    },
  },
  prettier,
);
