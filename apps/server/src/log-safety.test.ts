import { describe, expect, it } from 'vitest';
import { redactUrl, serializeError } from './log-safety';

describe('log redaction', () => {
  it.each([
    ['/api/partners', '/api/partners'],
    ['/api/invitations/lookup?token=abc', '/api/invitations/lookup?token=***'],
    ['/api/partners?search=a%20b&limit=5&flag', '/api/partners?search=***&limit=***&flag=***'],
    ['/api/calendar/s3cret.ics?x=1', '/api/calendar/***?x=***'],
    ['/api/x?', '/api/x'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it("drops a failed query's parameters and the database's detail, keeping the SQLSTATE and constraint", () => {
    const pgError = Object.assign(new Error('new row for relation "digest_settings" violates check constraint "c"'), {
      code: '23514',
      constraint: 'c',
      table: 'digest_settings',
      detail: 'Failing row contains (1, hunter2-password).',
      where: 'hunter2-password',
    });
    const queryError = Object.assign(
      new Error('Failed query: update "digest_settings" set "smtp_password" = $1\nparams: hunter2-password'),
      {
        params: ['hunter2-password'],
        query: 'update "digest_settings" set "smtp_password" = $1',
        cause: pgError,
      },
    );
    const logged = serializeError(queryError);
    expect(JSON.stringify(logged)).not.toContain('hunter2');
    expect(logged.message).toBe('Failed query: update "digest_settings" set "smtp_password" = $1');
    expect(logged.stack).toMatch(/^Error: Failed query: .*\n\s+at /);
    expect(logged.cause).toMatchObject({ code: '23514', constraint: 'c', table: 'digest_settings' });
  });

  it('masks the input PostgreSQL quotes at the end of a message', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "hunter2-password"'), { code: '22P02' });
    expect(serializeError(error).message).toBe('invalid input syntax for type uuid: "***"');
  });
});
