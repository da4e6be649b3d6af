import { AppError } from '@ptrack/domain';

/** What one failed HubSpot call looked like: the client's ApiException carries code, body and headers. */
type CallError = { code?: unknown; body?: unknown; headers?: Record<string, string>; message?: string; cause?: unknown };

export type RetryOptions = {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff for 5xx and network errors; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wait after a 429 when HubSpot names no interval (X-HubSpot-RateLimit-Interval-Milliseconds / Retry-After). */
  rateLimitDelayMs: number;
  /** Upper bound on any single wait, so a test can shrink HubSpot's 10-second windows. */
  maxRateLimitDelayMs: number;
};

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  rateLimitDelayMs: 10_000,
  maxRateLimitDelayMs: 10_000,
};

function header(error: CallError, name: string): string | undefined {
  const headers = error.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

function statusOf(error: unknown): number | null {
  const code = (error as CallError)?.code;
  return typeof code === 'number' ? code : null;
}

/** A connection refused or reset: worth another attempt like a 5xx. */
function isNetworkError(error: unknown): boolean {
  const text = `${(error as CallError)?.message ?? ''} ${String((error as CallError)?.cause ?? '')}`;
  return /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|fetch failed|network/i.test(text);
}

/** How long to wait before the next attempt, or null when the error is not worth retrying. */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions): number | null {
  const status = statusOf(error);
  if (status === 429) {
    const retryAfter = Number(header(error as CallError, 'retry-after'));
    const interval = Number(header(error as CallError, 'x-hubspot-ratelimit-interval-milliseconds'));
    const wait =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter * 1000
        : Number.isFinite(interval) && interval > 0
          ? interval
          : options.rateLimitDelayMs;
    // A secondly (search) limit clears within a second; the ten-secondly one within its interval.
    const body = (error as CallError).body as { policyName?: string; message?: string } | undefined;
    const secondly = body?.message?.includes('secondly limit') && body.policyName !== 'TEN_SECONDLY_ROLLING';
    return Math.min(secondly ? 1000 * attempt : wait, options.maxRateLimitDelayMs);
  }
  if ((status !== null && status >= 500) || (status === null && isNetworkError(error))) {
    const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    return backoff / 2 + Math.random() * (backoff / 2);
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** HubSpot's error as an AppError: the status, category and message, never the request's token. */
export function toUpstreamError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const status = statusOf(error);
  const body = (error as CallError)?.body as { message?: string; category?: string } | undefined;
  const message = body?.message ?? (error as Error)?.message ?? String(error);
  return new AppError('UPSTREAM_FAILED', `HubSpot ${what} failed${status ? ` (${status})` : ''}: ${message}`, {
    status,
    category: body?.category ?? null,
  });
}

/**
 * Runs one HubSpot call with retries: 429 after HubSpot's interval, 5xx and network errors with
 * exponential backoff and jitter. The official client retries only some 429 bodies and always sleeps
 * 10 s × attempt, so its own retry is off and this one counts every attempt as a request.
 */
export async function withRetry<T>(
  what: string,
  call: () => Promise<T>,
  options: RetryOptions,
  onAttempt: (status: number | null) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call();
      onAttempt(200);
      return result;
    } catch (error) {
      onAttempt(statusOf(error));
      const delay = attempt < options.attempts ? retryDelay(error, attempt, options) : null;
      if (delay === null) throw toUpstreamError(error, what);
      await sleep(delay);
    }
  }
}
