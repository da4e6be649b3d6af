import { isIsoDate } from '@ptrack/domain';
import { InvalidArgumentError } from 'commander';

// Parsers for option values: a bad value is a usage error (exit 2) naming the option, before any IO.

export function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`must be a whole number from 1 to ${max}`);
    }
    return n;
  };
}

export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free one)');
  return n;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number');
  return n;
}

export function isoDate(value: string): string {
  const v = value.trim();
  if (!isIsoDate(v)) throw new InvalidArgumentError('must be a calendar date as YYYY-MM-DD');
  return v;
}

/** A date (YYYY-MM-DD, the whole day) or an ISO 8601 instant with an offset. */
export function dateOrInstant(value: string): string {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v))) {
    return new Date(v).toISOString();
  }
  throw new InvalidArgumentError('must be a date (YYYY-MM-DD) or a date-time with offset (2026-02-04T09:30:00Z)');
}
