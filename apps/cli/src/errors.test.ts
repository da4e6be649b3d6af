import { describe, expect, it } from 'vitest';
import { EXIT, problemExitCode, problemMessage } from './errors';

describe('problemMessage', () => {
  it('names the CLI option that set the field at fault', () => {
    const body = { detail: 'occurredAt: is in the future', errors: [{ field: 'occurredAt', message: 'is in the future' }] };
    expect(problemMessage(body, { occurredAt: '--at' })).toBe('--at: is in the future');
  });

  it('does not repeat a detail that says what the field message says', () => {
    const body = { detail: 'No view "x"', errors: [{ field: 'query.view', message: 'no view "x" (built-in: today)' }] };
    expect(problemMessage(body, { view: '--view' })).toBe('--view: no view "x" (built-in: today)');
  });

  it('adds the field to a detail that does not name it', () => {
    const body = { detail: 'The partner cannot be saved', errors: [{ field: 'name', message: 'is taken' }] };
    expect(problemMessage(body)).toBe('The partner cannot be saved (name: is taken)');
  });

  it('leaves out the id from the URL, which the CLI resolved itself', () => {
    const body = { detail: 'No action with id 1', errors: [{ field: 'params.id', message: 'No action with id 1' }] };
    expect(problemMessage(body)).toBe('No action with id 1');
  });
});

describe('problemExitCode', () => {
  it.each([
    [400, 'VALIDATION_FAILED', EXIT.FAILED],
    [409, 'VERSION_CONFLICT', EXIT.FAILED],
    [403, 'NOT_ALLOWED', EXIT.FAILED],
    [404, 'NOT_FOUND', EXIT.NOT_FOUND],
    [503, 'DATA_DIR_LOCKED', EXIT.UNAVAILABLE],
    [503, 'STORAGE_UNAVAILABLE', EXIT.UNAVAILABLE],
    [500, 'INTERNAL', EXIT.FAILED],
  ])('%i %s exits %i', (status, code, exit) => {
    expect(problemExitCode(status, code)).toBe(exit);
  });
});
