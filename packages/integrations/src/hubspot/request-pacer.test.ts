import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PaceOptions, type PacerClock, RequestPacer } from './request-pacer';

/** A clock that only moves when every pending promise has settled and a sleeper is due. */
function virtualClock(): PacerClock & { run: <T>(work: Promise<T>) => Promise<T> } {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: now + Math.max(0, ms), wake })),
    async run(work) {
      let done = false;
      const result = work.finally(() => {
        done = true;
      });
      for (;;) {
        await settle();
        if (done || sleepers.length === 0) break;
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift()!;
        now = Math.max(now, next.at);
        next.wake();
      }
      return result;
    },
  };
}

type Request = { arriveAfterMs: number; durationMs: number };
type Trace = { start: number; end: number }[];

async function replay(options: PaceOptions, requests: Request[]): Promise<Trace> {
  const clock = virtualClock();
  const pacer = new RequestPacer(options, clock);
  const trace: Trace = [];
  const all = requests.map(async (r, i) => {
    await clock.sleep(r.arriveAfterMs);
    await pacer.run(async () => {
      const start = clock.now();
      await clock.sleep(r.durationMs);
      trace[i] = { start, end: clock.now() };
    });
  });
  await clock.run(Promise.all(all));
  return trace;
}

const TOLERANCE = 1e-4;
const optionsArb = fc.record({
  max: fc.integer({ min: 1, max: 12 }),
  intervalMs: fc.integer({ min: 50, max: 2000 }),
  burst: fc.integer({ min: 1, max: 8 }),
  maxConcurrent: fc.integer({ min: 1, max: 5 }),
});
const requestsArb = fc.array(
  fc.record({ arriveAfterMs: fc.integer({ min: 0, max: 3000 }), durationMs: fc.integer({ min: 0, max: 400 }) }),
  { minLength: 1, maxLength: 40 },
);

describe('RequestPacer', () => {
  it('never starts more than max requests in a rolling interval (with its margin), nor more than the bucket allows, nor too many at once', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArb, requestsArb, async (options, requests) => {
        const trace = await replay(options, requests);
        expect(trace.filter(Boolean)).toHaveLength(requests.length);
        const starts = trace.map((t) => t.start).sort((a, b) => a - b);
        const window = options.intervalMs + options.intervalMs / 40;
        for (let i = 0; i + options.max < starts.length; i++)
          expect(starts[i + options.max]! - starts[i]!).toBeGreaterThanOrEqual(window - TOLERANCE);
        // Token bucket: between any two starts, at most `burst` more than the rate refilled (one token at first).
        const rate = options.max / options.intervalMs;
        for (let i = 0; i < starts.length; i++) {
          expect(i + 1).toBeLessThanOrEqual(1 + starts[i]! * rate + TOLERANCE);
          for (let j = i; j < starts.length; j++)
            expect(j - i + 1).toBeLessThanOrEqual(options.burst + (starts[j]! - starts[i]!) * rate + TOLERANCE);
        }
        for (const t of trace) {
          const inFlight = trace.filter((u) => u.start <= t.start && u.end > t.start).length;
          expect(inFlight).toBeLessThanOrEqual(options.maxConcurrent);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the limit’s rate when requests queue up: n requests start over (n − 1) intervals ÷ max', async () => {
    const trace = await replay(
      { max: 190, intervalMs: 10_000, burst: 10, maxConcurrent: 4 },
      Array.from({ length: 20 }, () => ({ arriveAfterMs: 0, durationMs: 30 })),
    );
    const starts = trace.map((t) => t.start);
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeCloseTo(10_000 / 190, 6);
  });

  it('sends the requests a pause held back right after it, then returns to the rate', async () => {
    // One caller sends requests one after another (each needs the previous answer), and stops for 300 ms
    // after the fifth to write to its database: at 19 per second the pause saved up about 5 starts.
    const clock = virtualClock();
    const pacer = new RequestPacer({ max: 190, intervalMs: 10_000, burst: 10, maxConcurrent: 4 }, clock);
    const starts: number[] = [];
    const caller = async () => {
      for (let i = 0; i < 15; i++) {
        await pacer.run(async () => {
          starts.push(clock.now());
          await clock.sleep(10);
        });
        if (i === 4) await clock.sleep(300);
      }
    };
    await clock.run(caller());
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    const spacing = 10_000 / 190;
    expect(gaps.slice(0, 4).every((g) => Math.abs(g - spacing) < 1e-6)).toBe(true);
    // After the pause: four requests only as far apart as each one lasts (10 ms), then the rate again.
    expect(gaps[4]).toBeCloseTo(310, 6);
    expect(gaps.slice(5, 9).map((g) => Math.round(g * 1000) / 1000)).toEqual([10, 10, 10, 10]);
    expect(gaps.at(-1)).toBeCloseTo(spacing, 6);
    // Over the whole run the pace is still the limit's: 15 starts no faster than 19 per second.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual((15 - 1 - 10) * spacing);
  });

  it('refuses options that would never let a request start', () => {
    expect(() => new RequestPacer({ max: 0, intervalMs: 10_000, burst: 1, maxConcurrent: 1 })).toThrow(/max, burst/);
    expect(() => new RequestPacer({ max: 5, intervalMs: 1000, burst: 0, maxConcurrent: 1 })).toThrow(/max, burst/);
  });
});
