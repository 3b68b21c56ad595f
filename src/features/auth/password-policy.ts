/**
 * The password policy, applied wherever a person chooses a password: the change-password route and
 * TUPU_ADMIN_PASSWORD at start-up. One-time passwords the server generates are random and not checked; the demo
 * region's seeded password is not re-validated.
 *
 * Rules, each with a code the web app translates: at least MIN_PASSWORD_LENGTH characters; not whitespace alone;
 * not the current password; not the user's e-mail, its name part or their display name, nor a close variant of
 * them; not on zxcvbn's list of common passwords; and a zxcvbn strength score of at least MIN_SCORE (of 4), the
 * e-mail and name given to zxcvbn as the user's own words.
 *
 * zxcvbn's dictionaries (several MB) are loaded on the first check and kept, never at start-up of a command that
 * sets no password.
 */
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import type { PasswordProblemCode } from '../../contracts/auth.ts';
import { AppError } from '../../server/app-error.ts';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score: 3 = "safely unguessable: moderate protection from offline slow-hash scenario" */
export const MIN_SCORE = 3;

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/** Who the password is for: their own words must not make it up. */
export interface PasswordContext {
  email?: string;
  displayName?: string;
  /** the password being replaced, when there is one */
  currentPassword?: string;
}

let checker: Promise<ZxcvbnFactory> | undefined;

/** zxcvbn with the common and English dictionaries, loaded once on first use. */
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return checker;
}

/** The dictionary a zxcvbn match came from, when it is a dictionary match. */
function dictionaryOf(match: ZxcvbnResult['sequence'][number]): string | undefined {
  if (match.pattern !== 'dictionary') return undefined;
  const name: unknown = (match as { dictionaryName?: unknown }).dictionaryName;
  return typeof name === 'string' ? name : undefined;
}

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** The user's own words: the e-mail, its name part, its domain, the display name and each word of it. */
function personalWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (word: string | undefined) => {
    const folded = fold(word ?? '');
    if (folded.length >= 3) words.add(folded);
  };
  const email = fold(context.email ?? '');
  add(email);
  const at = email.lastIndexOf('@');
  if (at > 0) {
    add(email.slice(0, at));
    add(email.slice(at + 1));
  }
  add(context.displayName);
  for (const word of fold(context.displayName ?? '').split(/[\s·.,()（）_-]+/u)) add(word);
  return [...words];
}

/**
 * Whether the password is (a close variant of) the user's own words: it contains the whole e-mail or display
 * name, or zxcvbn's matches of their parts (l33t and reversals included) cover at least half of it.
 */
function isPersonal(password: string, result: ZxcvbnResult, context: PasswordContext): boolean {
  const folded = fold(password);
  const whole = [context.email, context.displayName].map((w) => fold(w ?? '')).filter((w) => w.length >= 3);
  if (whole.some((w) => folded.includes(w))) return true;
  const covered = result.sequence
    .filter((m) => dictionaryOf(m) === 'userInputs')
    .reduce((sum, m) => sum + String(m.token).length, 0);
  return covered * 2 >= password.length;
}

/** Whether zxcvbn recognised the whole password as one entry of its common-password list (l33t and reversals too). */
function isCommon(result: ZxcvbnResult): boolean {
  const [only, ...rest] = result.sequence;
  return rest.length === 0 && only !== undefined && (dictionaryOf(only) ?? '').startsWith('passwords');
}

/** Every rule the password breaks, in the order above; empty when it is good. */
export async function passwordProblems(
  password: string,
  context: PasswordContext = {},
): Promise<PasswordProblem[]> {
  if (password.trim() === '') {
    return [{ code: 'only_whitespace', message: 'A password cannot be whitespace alone' }];
  }
  const problems: PasswordProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({
      code: 'too_short',
      message: `A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  if (
    context.currentPassword !== undefined &&
    password.normalize('NFKC') === context.currentPassword.normalize('NFKC')
  ) {
    return [
      ...problems,
      { code: 'same_as_current', message: 'The new password must differ from the current one' },
    ];
  }
  const zxcvbn = await strengthChecker();
  const result = zxcvbn.check(password, personalWords(context));
  if (isPersonal(password, result, context)) {
    problems.push({
      code: 'personal_data',
      message: 'A password cannot be your e-mail or your name, nor a close variant of them',
    });
  } else if (isCommon(result)) {
    problems.push({
      code: 'common_password',
      message: 'This is one of the most common passwords, the first an attacker tries',
    });
  } else if (result.score < MIN_SCORE) {
    problems.push({
      code: 'too_weak',
      message:
        `This password is too easy to guess (strength ${result.score} of 4, at least ${MIN_SCORE} needed)` +
        (result.feedback.warning ? `: ${result.feedback.warning.replace(/\.$/, '')}` : '') +
        '; a few unrelated words make a strong one',
    });
  }
  return problems;
}

/**
 * Throws 400 `weak_password` naming every broken rule (details: the field, the minimum length and one
 * `{ code, message }` per problem) unless the password meets the policy.
 */
export async function requireStrongPassword(
  password: string,
  context: PasswordContext = {},
  field = 'newPassword',
): Promise<void> {
  const problems = await passwordProblems(password, context);
  if (problems.length === 0) return;
  throw new AppError(
    400,
    'weak_password',
    `The new password is refused: ${problems.map((p) => p.message).join('; ')}`,
    { field, minLength: MIN_PASSWORD_LENGTH, problems },
  );
}
