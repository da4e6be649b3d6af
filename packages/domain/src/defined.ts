/**
 * A value the code knows is there (an index inside the array's length, a key the table holds), checked:
 * a broken expectation fails here, saying what was missing, instead of as `undefined` further on.
 */
export function defined<T>(value: T | undefined, what = 'a value the code expected'): T {
  if (value === undefined) throw new Error(`Missing ${what}`);
  return value;
}
