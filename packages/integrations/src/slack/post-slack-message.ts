import type { SlackMessage } from './slack-digest';

/** Slack answered with an error, or could not be reached: the message says which, never the URL. */
export class SlackDeliveryError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'SlackDeliveryError';
    this.status = status;
  }
}

export type PostSlackOptions = {
  /** Longest wait a 429's Retry-After may ask for before giving up (seconds). */
  maxRetryAfterSeconds?: number;
  timeoutMs?: number;
};

function retryAfterSeconds(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

async function postOnce(url: string, message: SlackMessage, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // fetch's error can carry the URL (the secret) in its cause: say what happened, not where.
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : 'could not connect';
    throw new SlackDeliveryError(`Slack did not take the message: ${reason}`, null);
  }
}

/**
 * Posts to a Slack incoming webhook. A 429 is retried once after its Retry-After (Slack's rate limit
 * is about one message per second per webhook); any other non-2xx is an error with Slack's own reason
 * (its body is a short code such as `invalid_payload` or `no_service`).
 */
export async function postSlackMessage(url: string, message: SlackMessage, options: PostSlackOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let res = await postOnce(url, message, timeoutMs);
  if (res.status === 429) {
    const wait = retryAfterSeconds(res.headers.get('retry-after'));
    await res.body?.cancel();
    const max = options.maxRetryAfterSeconds ?? 30;
    if (wait > max) throw new SlackDeliveryError(`Slack is rate limiting this webhook (retry after ${wait} s)`, 429);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    res = await postOnce(url, message, timeoutMs);
  }
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  const body = (await res.text().catch(() => '')).trim().slice(0, 200);
  const what = res.status === 429 ? 'is still rate limiting this webhook after one retry' : `answered HTTP ${res.status}`;
  throw new SlackDeliveryError(`Slack ${what}${body ? ` (${body})` : ''}`, res.status);
}
