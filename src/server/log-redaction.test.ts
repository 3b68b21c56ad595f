import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactError } from './log-redaction.ts';

const HASH = 'scrypt$32768$8$1$salt$hash';

/** A database error as pg and PGlite make them: SQLSTATE, severity, schema names, and (PGlite) the query. */
function databaseError(message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), {
    name: 'error',
    code: '23505',
    severity: 'ERROR',
    table: 'users',
    constraint: 'users_email_unique',
    detail: 'Key (email)=(li@example.cn) already exists.',
    routine: '_bt_check_unique',
    ...extra,
  });
}

describe('redacted error log', () => {
  it('logs a failed query by its cause, never its text, parameters or the values the message repeats', () => {
    const cause = databaseError('duplicate key value violates unique constraint "users_email_unique"', {
      query: 'insert into users …',
      params: ['li@example.cn', HASH],
    });
    const err = new DrizzleQueryError('insert into "users" values ($1, $2)', ['li@example.cn', HASH], cause);
    const logged = redactError(err);
    const text = JSON.stringify(logged);
    expect(text).not.toContain(HASH);
    expect(text).not.toContain('li@example.cn');
    expect(text).not.toContain('insert into');
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      cause: {
        type: 'error',
        code: '23505',
        table: 'users',
        constraint: 'users_email_unique',
        message: 'duplicate key value violates unique constraint "users_email_unique"',
      },
    });
    expect(logged.stack).toMatch(/^\s+at /);
  });

  it('leaves out the value a database message ends with, and every field it does not know', () => {
    const logged = redactError(
      Object.assign(databaseError('invalid input syntax for type uuid: "secret-value"'), {
        bytes: Buffer.from('x'),
      }),
    );
    expect(logged.message).toBe('invalid input syntax for type uuid: "(value left out of the log)"');
    expect(logged).not.toHaveProperty('detail');
    expect(logged).not.toHaveProperty('bytes');
  });

  it('bounds long messages and deep cause chains, and copes with a thrown non-error', () => {
    let err: Error = new Error('x'.repeat(10_000));
    for (let i = 0; i < 10; i++) err = new Error('wrapper', { cause: err });
    const logged = redactError(err);
    expect(JSON.stringify(logged).length).toBeLessThan(10_000);
    expect(redactError('a string')).toMatchObject({ type: 'string' });
  });

  it('is off when silent and redacts request lines otherwise', () => {
    expect(loggerOptions('silent')).toBe(false);
    const options = loggerOptions('info') as { serializers: { req: (r: object) => object } };
    expect(options.serializers.req({ method: 'GET', url: '/api/x?token=secret' })).toEqual({
      method: 'GET',
      url: '/api/x',
    });
  });
});
