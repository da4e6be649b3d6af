import { describe, expect, it } from 'vitest';
import { RollingWindow } from './rate-limit.ts';

describe('RollingWindow', () => {
  it('allows max requests per rolling interval and counts down the remaining', () => {
    let now = 0;
    const window = new RollingWindow({ max: 3, intervalMs: 10_000 }, () => now);
    expect([window.take(), window.take(), window.take()].map((d) => d.remaining)).toEqual([2, 1, 0]);
    expect(window.take()).toEqual({ allowed: false, remaining: 0 });
    now = 9_999;
    expect(window.take().allowed).toBe(false);
  });

  it('frees one slot as each earlier request leaves the window, not the whole window at once', () => {
    let now = 0;
    const window = new RollingWindow({ max: 2, intervalMs: 1_000 }, () => now);
    window.take();
    now = 500;
    window.take();
    now = 1_000;
    expect(window.take().allowed).toBe(true); // the request at 0 has left
    expect(window.take().allowed).toBe(false); // the one at 500 has not
    now = 1_500;
    expect(window.take().allowed).toBe(true);
  });

  it('does not count refused requests, so a client that waits recovers', () => {
    let now = 0;
    const window = new RollingWindow({ max: 1, intervalMs: 1_000 }, () => now);
    window.take();
    for (let i = 0; i < 50; i++) window.take();
    now = 1_000;
    expect(window.take().allowed).toBe(true);
  });

  it('is unlimited when max is 0', () => {
    const window = new RollingWindow({ max: 0, intervalMs: 1_000 }, () => 0);
    for (let i = 0; i < 1_000; i++) expect(window.take().allowed).toBe(true);
  });
});
