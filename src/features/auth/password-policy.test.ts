import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/app-error.ts';
import { MIN_PASSWORD_LENGTH, passwordProblems, requireStrongPassword } from './password-policy.ts';

const user = { email: 'lin.xiao@mingyuan.example', displayName: '林晓 Lin Xiao' };
const codes = async (password: string, context = {}) =>
  (await passwordProblems(password, { ...user, ...context })).map((p) => p.code);

describe('the password policy', () => {
  it('refuses ten digits in a row: a well-known common password', async () => {
    expect(await codes('1234567890')).toContain('common_password');
  });

  it('refuses ten spaces, and says that whitespace alone is no password', async () => {
    expect(await codes(' '.repeat(10))).toEqual(['only_whitespace']);
    expect(await codes('\t \u3000 \n     ')).toEqual(['only_whitespace']);
  });

  it('refuses one shorter than the minimum, naming the minimum', async () => {
    const problems = await passwordProblems('Xq7#pL2!', user);
    expect(problems.map((p) => p.code)).toContain('too_short');
    expect(problems.find((p) => p.code === 'too_short')?.message).toContain(`${MIN_PASSWORD_LENGTH}`);
  });

  it("refuses the user's e-mail, its name part and close variants of them, and their name", async () => {
    expect(await codes(user.email)).toContain('personal_data');
    expect(await codes('LIN.XIAO@mingyuan.example')).toContain('personal_data');
    expect(await codes('lin.xiao@mingyuan.example1')).toContain('personal_data');
    expect(await codes('lin.xiao2024')).toContain('personal_data');
    expect(await codes('林晓 Lin Xiao')).toContain('personal_data');
  });

  it('refuses the current password', async () => {
    const current = 'Lantern-Orchid-Velvet-42';
    expect(await codes(current, { currentPassword: current })).toEqual(['same_as_current']);
  });

  it('refuses a password from the list of common passwords, and a weak variant of one', async () => {
    expect(await codes('qwertyuiop')).toEqual(['common_password']);
    expect(await codes('1qaz2wsx3edc')).toEqual(['common_password']);
    expect(await codes('password123456')).toEqual(['too_weak']);
    expect(await codes('iloveyou12345')).toEqual(['too_weak']);
  });

  it('accepts a good passphrase, in English or in Chinese', async () => {
    expect(await passwordProblems('Lantern-Orchid-Velvet-42', user)).toEqual([]);
    expect(await passwordProblems('correct horse battery staple', user)).toEqual([]);
    expect(await passwordProblems('明远精密机械的新密码', user)).toEqual([]);
  });

  it('throws 400 weak_password with one message and code per broken rule in the details', async () => {
    const refused = await requireStrongPassword('1234567890', user).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    const error = refused as AppError;
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('weak_password');
    expect(error.message).toMatch(/^The new password is refused: /);
    expect(error.details).toMatchObject({
      field: 'newPassword',
      minLength: MIN_PASSWORD_LENGTH,
      problems: [{ code: 'common_password' }],
    });
    expect(JSON.stringify(error.details)).toMatch(/most common passwords/);
    await expect(requireStrongPassword('Lantern-Orchid-Velvet-42', user)).resolves.toBeUndefined();
  });
});
