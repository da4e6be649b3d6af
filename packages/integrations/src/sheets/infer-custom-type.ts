import { defined } from '@ptrack/domain';
import { parseDate } from './parse-date';
import { parseNumber, parseUrl, parseYesNo } from './parse-values';
import { cellText, type SheetCell } from './parsed';

/** The types of a custom field (packages/storage customFieldDefs.type). */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'checkbox', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

const MAX_SELECT_OPTIONS = 12;
// A type is chosen when this share of the sample fits it; the cells that do not fit are then reported as
// problems on import (one "two" among numbers should not turn a number column into text).
export const TYPE_FIT_SHARE = 0.8;
const most = <T>(xs: readonly T[], pred: (x: T, i: number) => boolean) => xs.filter(pred).length >= TYPE_FIT_SHARE * xs.length;
const MAX_OPTION_LENGTH = 50;
const BARE_NUMBER = /^[-−]?\d+([.,]\d+)*$/;

/**
 * The custom field type that most (80 %) non-blank sample values fit, most specific first: checkbox (yes/no
 * words or ticks — not only 0/1), number (numbers and amounts), date (not only bare numbers), url
 * (with a scheme, "www." or a path), select (≤ 12 short distinct values, at least one repeated), else text.
 */
export function inferCustomType(values: readonly SheetCell[]): { type: CustomFieldType; options?: string[] } {
  const cells = values.filter((v) => cellText(v) !== '');
  if (cells.length === 0) return { type: 'text' };
  const texts = cells.map(cellText);
  const bareNumber = (c: SheetCell, t: string) => typeof c === 'number' || BARE_NUMBER.test(t);

  if (
    most(cells, (c) => parseYesNo(c).ok) &&
    cells.some((c, i) => typeof c === 'boolean' || (parseYesNo(c).ok && !bareNumber(c, defined(texts[i]))))
  )
    return { type: 'checkbox' };
  if (most(cells, (c) => !(c instanceof Date) && parseNumber(c).ok)) return { type: 'number' };
  if (most(cells, (c) => parseDate(c).ok) && cells.some((c, i) => parseDate(c).ok && !bareNumber(c, defined(texts[i]))))
    return { type: 'date' };
  if (most(texts, (t) => /^(https?:\/\/|www\.)|^[^\s/]+\.[a-z]{2,}\//i.test(t) && parseUrl(t).ok)) return { type: 'url' };

  const distinct = [...new Set(texts)];
  if (
    distinct.length <= MAX_SELECT_OPTIONS &&
    distinct.length < texts.length &&
    distinct.every((t) => t.length <= MAX_OPTION_LENGTH && !/[\r\n]/.test(t))
  )
    return { type: 'select', options: distinct };
  return { type: 'text' };
}
