import { defined } from '@ptrack/domain';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded pseudo-random source: the same seed gives the same sequence (the demo must be reproducible). */
export type Random = {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [0, 1). */
  float(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, each with its weight's share of the odds. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
};

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => (max <= min ? min : uniformInt(rng, min, max));
  const float = () => uniformFloat64(rng);
  return {
    int,
    float,
    chance: (p) => float() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return defined(items[int(0, items.length - 1)]);
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let x = float() * total;
      for (const [value, w] of entries) {
        if (x < w) return value;
        x -= w;
      }
      return defined(entries[entries.length - 1])[0];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [defined(copy[j]), defined(copy[i])];
      }
      return copy;
    },
  };
}
