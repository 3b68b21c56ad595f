import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTupu } from '../../../tests/support/cli.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';

describe('a weak TUPU_ADMIN_PASSWORD', () => {
  const dir = useTempDir('tupu-admin-password-');
  const tupu = (password: string, ...args: string[]) =>
    runTupu(args, {
      env: { TUPU_DATA_DIR: dir, TUPU_ADMIN_PASSWORD: password, DATABASE_URL: undefined },
      timeoutMs: 60_000,
    });

  it('stops the server at start-up with one line naming the variable and the broken rule', () => {
    const run = tupu('1234567890', 'serve', '--port', '0', '--data', join(dir, 'serve'));
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('is running');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'tupu: TUPU_ADMIN_PASSWORD is refused: This is one of the most common passwords, the first an attacker ' +
        'tries; choose a stronger one or unset it',
    ]);
  }, 120_000);

  it('stops an account command too, naming the admin e-mail rule', () => {
    const run = tupu('admin@tupu.local', 'org', 'list');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tupu: TUPU_ADMIN_PASSWORD is refused: it cannot be your e-mail/);
    expect(run.stdout).not.toContain('created the platform admin');
    expect(existsSync(dir)).toBe(true);
  }, 120_000);
});
