import { dayOfWeek, type IsoDate } from '@ptrack/domain';
import { createColors } from 'picocolors';

/**
 * Colour only for a person at a terminal: stdout is a TTY and NO_COLOR is not set, or FORCE_COLOR
 * asks for it (the conventions picocolors follows; its own check also colours any CI log).
 */
export function colorsEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const color = createColors(colorsEnabled());

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekday(date: IsoDate): string {
  return WEEKDAYS[dayOfWeek(date)];
}

/** "T1 ★": the rep's engagement tier, and a star for a Jordan (docs/RULES.md: high-quality reps). */
export function repBadge(tier: number | null, isJordan: boolean): string {
  const parts = [tier ? `T${tier}` : 'no tier', ...(isJordan ? [color.yellow('★')] : [])];
  return parts.join(' ');
}

export function money(minor: number): string {
  return (minor / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/**
 * The last 8 hex digits of an id: the random part of both v4 ids and the time-ordered ids of bulk
 * loads, whose leading digits are shared by every record created in the same instant.
 */
export function shortId(id: string): string {
  return id.replaceAll('-', '').slice(-8);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences
const ANSI = /\u001b\[[0-9;]*m/g;
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Columns padded to their widest cell (colour codes do not count); the last column is not padded. */
export function table(header: string[], rows: string[][], align: ('left' | 'right')[] = []): string[] {
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        if (i === cells.length - 1 && align[i] !== 'right') return cell;
        // A cell beyond the header's columns has no width to pad to.
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell)));
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [color.bold(line(header)), ...rows.map(line)];
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
