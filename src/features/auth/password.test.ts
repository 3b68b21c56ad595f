import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('正确的密码 correct horse');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('正确的密码 correct horse', hash)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('generates passwords of the asked length without look-alike characters', () => {
    const p = generatePassword(20);
    expect(p).toHaveLength(20);
    expect(p).not.toMatch(/[0O1lI]/);
  });

  it('draws one-time password characters uniformly (no modulo bias towards the start of the alphabet)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 12_500; i++)
      for (const c of generatePassword(16)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(56);
    const values = [...counts.values()];
    // 200,000 draws: about 3,571 each, a few dozen either way; a byte modulo 56 gives 3,906 against 3,125
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.15);
  });
});
