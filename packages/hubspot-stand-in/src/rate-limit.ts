export interface RateLimit {
  /** Requests allowed per interval; 0 means unlimited. */
  max: number;
  intervalMs: number;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
}

/**
 * A rolling-window limiter (HubSpot's TEN_SECONDLY_ROLLING policy): a request is allowed when fewer
 * than `max` allowed requests happened in the last `intervalMs`. Refused requests are not counted, so a
 * client that waits recovers. Uses the real clock, never the store's controllable one.
 */
export class RollingWindow {
  // Ring buffer of the last `max` allowed request times.
  private readonly times: number[];
  private head = 0;
  private size = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.times = new Array(Math.max(limit.max, 0)).fill(0);
  }

  take(): RateDecision {
    const { max, intervalMs } = this.limit;
    if (max <= 0) return { allowed: true, remaining: Number.MAX_SAFE_INTEGER };
    const now = this.clock();
    // Drop times that left the window (the oldest sits at `head` once full).
    while (this.size > 0 && this.oldest(max) <= now - intervalMs) this.size--;
    if (this.size >= max) return { allowed: false, remaining: 0 };
    this.times[this.head] = now;
    this.head = (this.head + 1) % max;
    this.size++;
    return { allowed: true, remaining: max - this.size };
  }

  private oldest(max: number): number {
    const time = this.times[(this.head - this.size + max) % max];
    // The index is taken modulo the buffer's length, so it is always inside it.
    if (time === undefined) throw new Error('Rate-limit ring index out of range');
    return time;
  }
}
