import { defined } from '@ptrack/domain';
/** Time as the pacer sees it: the real clock in use, a virtual one in tests. */
export type PacerClock = { now: () => number; sleep: (ms: number) => Promise<void> };

export const REAL_CLOCK: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Clock readings are fractional milliseconds: a wait computed to end exactly at a limit must pass it.
const EPSILON = 1e-6;

export type PaceOptions = {
  /** Requests allowed to start in any rolling interval (HubSpot's private apps: 190 per 10 s). */
  max: number;
  intervalMs: number;
  /**
   * Requests that may start back to back after a pause (the token bucket's size). A sync writes each
   * page to the database between requests; the requests that pause did not send go out right after,
   * so the pace over the whole run stays `max` per interval instead of losing the pause.
   */
  burst: number;
  /** Requests in flight at once. */
  maxConcurrent: number;
  /**
   * Added to the rolling window, so that requests started `intervalMs` apart here cannot arrive closer
   * than that at HubSpot after uneven network delays. Defaults to a fortieth of the interval.
   */
  marginMs?: number;
};

/**
 * Paces requests to an API with a rolling-window limit. A request starts when (1) fewer than
 * `maxConcurrent` are in flight, (2) the token bucket, refilled at `max / intervalMs` and holding at
 * most `burst`, has a token, and (3) fewer than `max` requests started in the last interval (plus the
 * margin). Requests start in the order they asked. The bucket starts with one token, so a run of
 * requests never goes faster than the limit's rate from its first request: n requests take at least
 * (n − 1) × intervalMs / max.
 */
export class RequestPacer {
  private readonly ratePerMs: number;
  private readonly windowMs: number;
  private tokens = 1;
  private refilledAt: number;
  /** Start times of the latest requests, oldest first, at most `max` of them. */
  private readonly starts: number[] = [];
  private running = 0;
  private released: (() => void) | null = null;
  /** Admissions are taken one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly options: PaceOptions,
    private readonly clock: PacerClock = REAL_CLOCK,
  ) {
    if (!(options.max >= 1 && options.intervalMs > 0 && options.burst >= 1 && options.maxConcurrent >= 1))
      throw new Error('a request pacer needs max, burst and maxConcurrent ≥ 1 and a positive interval');
    this.ratePerMs = options.max / options.intervalMs;
    this.windowMs = options.intervalMs + (options.marginMs ?? options.intervalMs / 40);
    this.refilledAt = clock.now();
  }

  /** Runs `request` once the limits allow it to start. */
  async run<T>(request: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(() => this.admit());
    this.queue = turn;
    await turn;
    try {
      return await request();
    } finally {
      this.running--;
      const wake = this.released;
      this.released = null;
      wake?.();
    }
  }

  private async admit(): Promise<void> {
    for (;;) {
      if (this.running >= this.options.maxConcurrent) {
        await new Promise<void>((resolve) => {
          this.released = resolve;
        });
        continue;
      }
      const now = this.clock.now();
      this.tokens = Math.min(this.options.burst, this.tokens + (now - this.refilledAt) * this.ratePerMs);
      this.refilledAt = now;
      while (this.starts.length > 0 && defined(this.starts[0]) <= now - this.windowMs + EPSILON) this.starts.shift();
      const windowWait = this.starts.length >= this.options.max ? defined(this.starts[0]) + this.windowMs - now : 0;
      const tokenWait = this.tokens >= 1 - EPSILON ? 0 : (1 - this.tokens) / this.ratePerMs;
      const wait = Math.max(windowWait, tokenWait);
      if (wait <= 0) {
        this.tokens = Math.max(0, this.tokens - 1);
        this.starts.push(now);
        if (this.starts.length > this.options.max) this.starts.shift();
        this.running++;
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}
