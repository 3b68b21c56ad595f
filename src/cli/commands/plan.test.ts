import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTupu } from '../../../tests/support/cli.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';
import { loadHighs } from '../../solver/load-highs.ts';

interface PlanOutput {
  status: string;
  stoppedBy: string;
  solver: string;
  objective: number;
  schedule: { id: string; start: number }[];
  notSelected: { id: string; reason: string }[];
  greedy: { objective: number; ratioToOptimum: number };
}

describe('tupu plan', () => {
  const dir = useTempDir('tupu-plan-cli-');

  it('prints the optimal plan with the greedy baseline and writes the MILP another solver can read back', async () => {
    const lpFile = join(dir, 'sme-12.lp');
    const run = runTupu(['plan', '--input', 'examples/plan/sme-12.json', '--greedy', '--write-lp', lpFile]);
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as PlanOutput;
    expect(output.status).toBe('optimal');
    // what the search proved, and by which solver of the portfolio
    expect(['proof', 'tolerance']).toContain(output.stoppedBy);
    expect(['highs', 'cbc']).toContain(output.solver);
    expect(output.schedule.length).toBeGreaterThan(0);
    expect(output.greedy.objective).toBeLessThanOrEqual(output.objective + 1e-6);
    expect(output.greedy.ratioToOptimum).toBeLessThanOrEqual(1);

    // the written model, solved on its own, has the optimum the command printed and starts the same initiatives
    const highs = await loadHighs();
    const solved = highs.solve(readFileSync(lpFile, 'utf8'), { mip_rel_gap: 0 });
    expect(solved.Status).toBe('Optimal');
    expect(solved.ObjectiveValue).toBeCloseTo(output.objective, 3);
    const primal = (column: unknown): number => (column as { Primal: number }).Primal;
    const started = Object.entries(solved.Columns)
      .filter(([name, column]) => /^y\d+_\d+$/.test(name) && primal(column) > 0.5)
      .map(([name]) => name);
    expect(started).toHaveLength(output.schedule.length);
  }, 60_000);

  it('lists every problem of a bad instance with the file name, and writes no model', () => {
    const lpFile = join(dir, 'invalid.lp');
    const run = runTupu(['plan', '--input', 'examples/plan/invalid.json', '--write-lp', lpFile]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('examples/plan/invalid.json: 9 problem(s)');
    expect(run.stderr).toContain(
      'examples/plan/invalid.json: D (initiatives[3].requires[0]): unknown initiative "Z"',
    );
    expect(run.stderr).toContain('prerequisite cycle: A → C → B → A');
    expect(() => readFileSync(lpFile)).toThrow(/ENOENT/);
  });

  it('names the model file it cannot write', () => {
    const lpFile = join(dir, 'no-such-folder', 'model.lp');
    const run = runTupu(['plan', '--input', 'examples/plan/sme-12.json', '--write-lp', lpFile]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot write ${lpFile}`);
  });
});
