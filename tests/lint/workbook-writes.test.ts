import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18: every .xlsx Tupu writes goes through workbookBytes / writeWorkbookFile (src/reports/workbook-file.ts),
 * which neutralises text a spreadsheet would read as a formula. The repository's lint configuration refuses a direct
 * write anywhere else in src/, with a message saying what to use; planted files show it does, and lets tests be.
 */
describe('lint: workbooks are written only through workbook-file.ts', { timeout: 60_000 }, () => {
  const eslint = new ESLint({
    cwd: process.cwd(),
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
  const messagesFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    const messages = result?.messages ?? [];
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
    return messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const WRITES =
    'declare const wb: { xlsx: { writeBuffer(): Promise<unknown>; writeFile(p: string): Promise<void> } };\n' +
    'export const a = () => wb.xlsx.writeBuffer();\n' +
    "export const b = () => wb.xlsx.writeFile('x.xlsx');\n";

  it('refuses writeBuffer and writeFile on a workbook in a feature, naming the helper to use', async () => {
    const messages = await messagesFor('src/features/portfolio/planted.ts', WRITES);
    expect(messages).toHaveLength(2);
    for (const m of messages)
      expect(m).toMatch(/workbookBytes or writeWorkbookFile \(src\/reports\/workbook-file\.ts\)/);
  });

  it('refuses the streaming writer too', async () => {
    const messages = await messagesFor(
      'src/packs/planted.ts',
      'declare const E: { stream: { xlsx: { WorkbookWriter: new () => object } } };\nexport const w = new E.stream.xlsx.WorkbookWriter();\n',
    );
    expect(messages).toHaveLength(1);
  });

  it('lets a test write a workbook directly', async () => {
    expect(await messagesFor('src/features/portfolio/planted.test.ts', WRITES)).toEqual([]);
  });
});
