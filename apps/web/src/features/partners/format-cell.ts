import { PLAN_STATUS_LABELS, QUALIFICATION_VERDICT_LABELS } from '@ptrack/catalog';
import type { PartnerListRowDto } from '@ptrack/contracts';
import { formatShortDate } from '../../lib/dates';
import { formatMinor } from '../../lib/money';
import type { GridColumn } from './grid-columns';

const numberFormat = new Intl.NumberFormat();

const CODE_LABELS: Readonly<Record<string, string>> = { ...PLAN_STATUS_LABELS, ...QUALIFICATION_VERDICT_LABELS };

/** A code's label: the catalog's ("on-track" → "On Track"), else the code in words ("some-code" → "Some code"). */
export function labelOf(value: string): string {
  if (Object.hasOwn(CODE_LABELS, value)) return CODE_LABELS[value] ?? value;
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A cell's text: empty for no value, dates in the reader's locale, money in the workspace currency. */
export function formatCell(column: GridColumn, row: PartnerListRowDto, currency: string): string {
  const value = row[column.key];
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'text':
      return String(value);
    case 'label':
      return labelOf(String(value));
    case 'number':
      return numberFormat.format(Number(value));
    case 'money':
      return formatMinor(Number(value), currency);
    case 'date':
      return formatShortDate(String(value));
    case 'instant':
      return formatShortDate(String(value).slice(0, 10));
    case 'boolean':
      return value ? 'Yes' : 'No';
  }
}

/** The totals row's figure for a summed column over `rows`. */
export function formatSum(column: GridColumn, rows: readonly PartnerListRowDto[], currency: string): string {
  let sum = 0;
  for (const row of rows) sum += Number(row[column.key] ?? 0);
  return column.kind === 'money' ? formatMinor(sum, currency) : numberFormat.format(sum);
}
