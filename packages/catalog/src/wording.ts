/** "1 row", "3 rows", "2 people": a count with its noun, the one way every screen, CLI line and digest says it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
