import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules in eslint.config.js, checked on real ESLint runs over small snippets. */
describe('lint boundaries', { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const messagesFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it('forbids I/O in src/core, with a message that says why', async () => {
    const messages = await messagesFor(
      'src/core/atlas/graph.ts',
      "import { readFileSync } from 'node:fs';\nimport { openDatabase } from '../../db/client.ts';\nexport const x = [readFileSync, openDatabase];\n",
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/src\/core is the pure domain/);
  });

  it('allows zod and sibling core modules in src/core', async () => {
    const messages = await messagesFor(
      'src/core/atlas/graph.ts',
      "import { z } from 'zod';\nimport type { Atlas } from './types.ts';\nexport const x = z.string();\nexport type A = Atlas;\n",
    );
    expect(messages).toEqual([]);
  });

  it('forbids server and database code in web/', async () => {
    const messages = await messagesFor(
      'web/src/pages/HomePage.tsx',
      "import { buildApp } from '../../../src/server/app.ts';\nexport const x = buildApp;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/web\/ runs in the browser/);
  });
});
