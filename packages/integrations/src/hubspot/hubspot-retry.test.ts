import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay, toUpstreamError } from './hubspot-retry';

const tenSecondly = {
  code: 429,
  body: { policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' },
  headers: {},
};

describe('retryDelay', () => {
  it('waits HubSpot’s interval after a ten-secondly 429, capped by the options', () => {
    const withHeader = { ...tenSecondly, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' } };
    expect(retryDelay(withHeader, 1, DEFAULT_RETRY)).toBe(10_000);
    expect(retryDelay(withHeader, 1, { ...DEFAULT_RETRY, maxRateLimitDelayMs: 50 })).toBe(50);
  });

  it('prefers Retry-After when HubSpot sends it', () => {
    expect(retryDelay({ ...tenSecondly, headers: { 'retry-after': '2' } }, 1, DEFAULT_RETRY)).toBe(2000);
  });

  it('waits a second per attempt after the secondly (search) limit', () => {
    const secondly = {
      code: 429,
      body: { policyName: 'SECONDLY', message: 'You have reached your secondly limit.' },
      headers: {},
    };
    expect(retryDelay(secondly, 1, DEFAULT_RETRY)).toBe(1000);
    expect(retryDelay(secondly, 3, DEFAULT_RETRY)).toBe(3000);
  });

  it('backs off exponentially (with jitter) after 5xx and network errors, within the bounds', () => {
    for (const attempt of [1, 2, 3, 4, 5, 6]) {
      const full = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (attempt - 1));
      const delay = retryDelay({ code: 503, body: {}, headers: {} }, attempt, DEFAULT_RETRY)!;
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    }
    expect(retryDelay(new Error('fetch failed', { cause: new Error('ECONNRESET') }), 1, DEFAULT_RETRY)).not.toBeNull();
  });

  it('does not retry what another attempt cannot fix', () => {
    for (const code of [400, 401, 403, 404, 409])
      expect(retryDelay({ code, body: {}, headers: {} }, 1, DEFAULT_RETRY)).toBeNull();
  });
});

describe('toUpstreamError', () => {
  it('carries HubSpot’s status, category and message, not the request', () => {
    const error = toUpstreamError(
      { code: 401, body: { message: 'Authentication credentials not found', category: 'INVALID_AUTHENTICATION' } },
      'connection test',
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', details: { status: 401, category: 'INVALID_AUTHENTICATION' } });
    expect(error.message).toBe('HubSpot connection test failed (401): Authentication credentials not found');
  });
});
