import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md (eslint.config.js, eslint-boundaries.js), checked on real ESLint runs of the
 * repository's own configuration over planted files: each rule fires on a violation with a message that says why,
 * and lets the allowed imports through.
 */
describe('lint boundaries', { timeout: 120_000 }, () => {
  const BOUNDARY_RULES = new Set(['tupu/layer-imports', 'tupu/no-foreign-repository', 'tupu/tenant-grant']);
  /**
   * The repository's configuration with only the boundary rules, and without type information: a planted file (such
   * as one under src/features/, which does not exist yet) is not in any TypeScript project.
   */
  const eslint = new ESLint({
    cwd: process.cwd(),
    ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
  /** The boundary messages of one planted file, one per refused import; fails on a parse error. */
  const messagesFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    const messages = result?.messages ?? [];
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
    return messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
  };
  /** A module that uses each imported name, so no other rule objects to it. */
  const uses = (...names: string[]) => `export const used = [${names.join(', ')}];\n`;

  describe('src/core imports only src/core and zod', () => {
    const CORE_WHY = /src\/core is the pure domain: .*may import only src\/core and zod/;

    it.each([
      [
        'Node.js I/O',
        "import { readFileSync } from 'node:fs';",
        'readFileSync',
        /"node:fs" is Node\.js I\/O/,
      ],
      ['a bare builtin', "import { join } from 'path';", 'join', /"path" is Node\.js I\/O/],
      [
        'packs (file I/O)',
        "import { loadAtlasPacks } from '../../packs/atlas-load.ts';",
        'loadAtlasPacks',
        /is src\/packs\/atlas-load\.ts/,
      ],
      [
        'the solver',
        "import { solvePlan } from '../../solver/solve-plan.ts';",
        'solvePlan',
        /is src\/solver\/solve-plan\.ts/,
      ],
      [
        'the database',
        "import { openDatabase } from '../../db/client.ts';",
        'openDatabase',
        /is src\/db\/client\.ts/,
      ],
      [
        'the server',
        "import { buildApp } from '../../server/app.ts';",
        'buildApp',
        /is src\/server\/app\.ts/,
      ],
      [
        'the CLI',
        "import { CliError } from '../../cli/cli-error.ts';",
        'CliError',
        /is src\/cli\/cli-error\.ts/,
      ],
      ['reports', "import { printPdf } from '../../reports/pdf.ts';", 'printPdf', /is src\/reports\/pdf\.ts/],
      [
        'contracts',
        "import { DiagnosisResult } from '../../contracts/diagnosis.ts';",
        'DiagnosisResult',
        /is src\/contracts\/diagnosis\.ts/,
      ],
      [
        'an I/O package',
        "import ExcelJS from 'exceljs';",
        'ExcelJS',
        /"exceljs" is the package exceljs, not allowed here/,
      ],
    ])('refuses %s', async (_what, line, name, what) => {
      const messages = await messagesFor('src/core/atlas/graph.ts', `${line}\n${uses(name)}`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(what);
      expect(messages[0]).toMatch(CORE_WHY);
    });

    it('refuses a type-only import from outside core too, and a re-export or dynamic import', async () => {
      const messages = await messagesFor(
        'src/core/planning/plan-result.ts',
        "import type { SolveOutcome } from '../../solver/solve-plan.ts';\nexport type S = SolveOutcome;\n" +
          "export { loadHighs } from '../../solver/load-highs.ts';\n" +
          "export const later = () => import('../../packs/model-load.ts');\n",
      );
      expect(messages).toHaveLength(3);
      for (const m of messages) expect(m).toMatch(CORE_WHY);
    });

    it('resolves each import from the file that makes it: ../../ leaves core from one depth and stays inside from another', async () => {
      const deep = await messagesFor(
        'src/core/planning/fixtures/planted.ts',
        "import type { Atlas } from '../../atlas/types.ts';\nimport { loadIndicatorSystemById } from '../../../packs/model-load.ts';\nexport type A = Atlas;\n" +
          uses('loadIndicatorSystemById'),
      );
      expect(deep).toHaveLength(1);
      expect(deep[0]).toMatch(/"\.\.\/\.\.\/\.\.\/packs\/model-load\.ts" is src\/packs\/model-load\.ts/);
    });

    it('allows zod and other core modules', async () => {
      const messages = await messagesFor(
        'src/core/atlas/graph.ts',
        "import { z } from 'zod';\nimport type { Atlas } from './types.ts';\nimport { textIn } from '../shared/text.ts';\nexport type A = Atlas;\n" +
          uses('z', 'textIn'),
      );
      expect(messages).toEqual([]);
    });

    it('lets core tests use the test tools, but not packs or the database', async () => {
      const allowed = await messagesFor(
        'src/core/atlas/planted.test.ts',
        "import fc from 'fast-check';\nimport { expect, it } from 'vitest';\nimport { mergeAtlas } from './merge.ts';\n" +
          uses('fc', 'expect', 'it', 'mergeAtlas'),
      );
      expect(allowed).toEqual([]);
      const refused = await messagesFor(
        'src/core/atlas/planted.test.ts',
        "import { loadAtlasPacks } from '../../packs/atlas-load.ts';\n" + uses('loadAtlasPacks'),
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(CORE_WHY);
    });
  });

  describe('src/contracts imports only zod, other contracts and core types', () => {
    const CONTRACTS_WHY =
      /src\/contracts holds the request and response shapes .*only zod, other contracts and types from src\/core/;

    it.each([
      ['the database', "import { users } from '../db/schema.ts';", 'users', /is src\/db\/schema\.ts/],
      [
        'the server',
        "import { AppError } from '../server/app-error.ts';",
        'AppError',
        /is src\/server\/app-error\.ts/,
      ],
      [
        'packs',
        "import { loadIndicatorSystemById } from '../packs/model-load.ts';",
        'loadIndicatorSystemById',
        /is src\/packs\/model-load\.ts/,
      ],
      [
        'a value from core',
        "import { diagnose } from '../core/diagnosis/diagnose.ts';",
        'diagnose',
        /imports values \(diagnose\) from src\/core\/diagnosis\/diagnose\.ts, where only types may be imported/,
      ],
      [
        'a database package',
        "import { sql } from 'drizzle-orm';",
        'sql',
        /"drizzle-orm" is the package drizzle-orm/,
      ],
      ['Node.js I/O', "import { readFile } from 'node:fs/promises';", 'readFile', /is Node\.js I\/O/],
    ])('refuses %s', async (_what, line, name, what) => {
      const messages = await messagesFor('src/contracts/planning.ts', `${line}\n${uses(name)}`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(what);
      expect(messages[0]).toMatch(CONTRACTS_WHY);
    });

    it('allows zod, another contract and types from core', async () => {
      const messages = await messagesFor(
        'src/contracts/planning.ts',
        "import { z } from 'zod';\nimport { ROLES } from './auth.ts';\nimport type { Atlas } from '../core/atlas/types.ts';\nimport { type Unreachable } from '../core/diagnosis/result.ts';\n" +
          'export type A = Atlas | Unreachable;\n' +
          uses('z', 'ROLES'),
      );
      expect(messages).toEqual([]);
    });
  });

  describe('web/src imports only src/contracts and core types from the server side', () => {
    const WEB_WHY = /web\/src runs in the browser and talks to the server over HTTP only/;

    it.each([
      [
        'the server',
        "import { buildApp } from '../../../../src/server/app.ts';",
        'buildApp',
        /is src\/server\/app\.ts/,
      ],
      [
        'the database',
        "import { openDatabase } from '../../../../src/db/client.ts';",
        'openDatabase',
        /is src\/db\/client\.ts/,
      ],
      [
        'packs',
        "import { loadAtlasPacks } from '../../../../src/packs/atlas-load.ts';",
        'loadAtlasPacks',
        /is src\/packs\/atlas-load\.ts/,
      ],
      [
        'the solver',
        "import { loadHighs } from '../../../../src/solver/load-highs.ts';",
        'loadHighs',
        /is src\/solver\/load-highs\.ts/,
      ],
      [
        'reports',
        "import { printPdf } from '../../../../src/reports/pdf.ts';",
        'printPdf',
        /is src\/reports\/pdf\.ts/,
      ],
      [
        'the CLI',
        "import { CliError } from '../../../../src/cli/cli-error.ts';",
        'CliError',
        /is src\/cli\/cli-error\.ts/,
      ],
      [
        'a value from core',
        "import { buildCandidates } from '../../../../src/core/planning/candidates.ts';",
        'buildCandidates',
        /imports values \(buildCandidates\) from src\/core\/planning\/candidates\.ts, where only types may be imported/,
      ],
      ['Node.js I/O', "import { readFile } from 'node:fs/promises';", 'readFile', /is Node\.js I\/O/],
      ['a server package', "import Fastify from 'fastify';", 'Fastify', /"fastify" is the package fastify/],
    ])('refuses %s', async (_what, line, name, what) => {
      const messages = await messagesFor('web/src/features/plan/planted.ts', `${line}\n${uses(name)}`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(what);
      expect(messages[0]).toMatch(WEB_WHY);
    });

    it('allows contracts, core types, the named core helpers and browser packages', async () => {
      const messages = await messagesFor(
        'web/src/features/plan/planted.ts',
        "import { useState } from 'react';\nimport { ENTERPRISE_TYPES } from '../../../../src/contracts/planning.ts';\n" +
          "import type { Atlas } from '../../../../src/core/atlas/types.ts';\n" +
          "import { candidateBenefit, type CandidateBenefit } from '../../../../src/core/planning/candidates.ts';\n" +
          "import { helper } from '../../api/client.ts';\n" +
          'export type A = Atlas | CandidateBenefit;\n' +
          uses('useState', 'ENTERPRISE_TYPES', 'candidateBenefit', 'helper'),
      );
      expect(messages).toEqual([]);
    });
  });

  describe("a feature calls another feature's use cases, never its repository", () => {
    const FEATURE_WHY =
      /is the repository of the feature assessments\. A feature does not read or write another feature's tables: call the use cases of src\/features\/assessments\//;

    it.each([
      ['repository.ts', "import { findAnswers } from '../assessments/repository.ts';"],
      ['a file of repositories/', "import { findAnswers } from '../assessments/repositories/answers.ts';"],
      ['a repository from deeper inside', "import { findAnswers } from '../../assessments/repository.ts';"],
    ])("refuses another feature's %s", async (what, line) => {
      const file = what.includes('deeper')
        ? 'src/features/plans/routes/planted.ts'
        : 'src/features/plans/planted.ts';
      const messages = await messagesFor(file, `${line}\n${uses('findAnswers')}`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(FEATURE_WHY);
    });

    it("allows the feature's own repository and another feature's use cases", async () => {
      const messages = await messagesFor(
        'src/features/plans/planted.ts',
        "import { findPlan } from './repository.ts';\nimport { listAnswers } from '../assessments/use-cases.ts';\n" +
          "import { savePlan } from './repositories/plans.ts';\n" +
          uses('findPlan', 'listAnswers', 'savePlan'),
      );
      expect(messages).toEqual([]);
    });
  });

  describe('only the access layer produces a TenantId', () => {
    const GRANT_WHY = /makes any id a TenantId\. Only src\/server\/access \(after its checks\)/;
    const CAST_WHY = /A cast to TenantId skips the access checks/;

    it('refuses grantTenant in a feature, at any depth', async () => {
      for (const [file, spec] of [
        ['src/features/plans/planted.ts', '../../server/access/grant-tenant.ts'],
        ['src/features/plans/routes/planted.ts', '../../../server/access/grant-tenant.ts'],
        ['src/server/planted.ts', './access/grant-tenant.ts'],
      ] as const) {
        const messages = await messagesFor(
          file,
          `import { grantTenant } from '${spec}';\n${uses('grantTenant')}`,
        );
        expect(messages, file).toHaveLength(1);
        expect(messages[0]).toMatch(GRANT_WHY);
      }
    });

    it('refuses a cast to TenantId outside the access layer', async () => {
      const code =
        "import type { TenantId } from '../../server/access/tenant.ts';\n" +
        'export const a = (id: string) => id as TenantId;\nexport const b = (id: string) => <TenantId>id;\n';
      const messages = await messagesFor('src/features/plans/planted.ts', code);
      expect(messages).toHaveLength(2);
      for (const m of messages) expect(m).toMatch(CAST_WHY);
    });

    it('lets the access layer, the CLI, the seed and test support grant, and anyone use the type', async () => {
      for (const file of [
        'src/server/access/planted.ts',
        'src/cli/planted.ts',
        'src/db/seed/planted.ts',
        'tests/support/planted.ts',
      ]) {
        const depth = file.split('/').length - 1;
        const spec = `${'../'.repeat(depth)}src/server/access/grant-tenant.ts`;
        expect(
          await messagesFor(file, `import { grantTenant } from '${spec}';\n${uses('grantTenant')}`),
          file,
        ).toEqual([]);
      }
      expect(
        await messagesFor(
          'src/features/plans/planted.ts',
          "import type { TenantId } from '../../server/access/tenant.ts';\nexport const f = (t: TenantId): string => t;\n",
        ),
      ).toEqual([]);
    });
  });

  it('finds no boundary violation in the repository as it is', async () => {
    const results = await eslint.lintFiles(['src', 'tests', 'web/src']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
        .map((m) => `${r.filePath}:${m.line}: ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});
