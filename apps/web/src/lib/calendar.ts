// The workspace calendar's choices, offered by the first-run page, the settings and the digest settings.

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** IANA time zones the browser knows, with UTC and the workspace's own zone always offered. */
export function timeZoneChoices(current: string, supported: readonly string[]): string[] {
  const zones = new Set<string>(['UTC', ...supported]);
  zones.add(current);
  return [...zones];
}
