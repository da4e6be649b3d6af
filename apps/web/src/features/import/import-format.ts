import { PARTNER_IMPORT_TARGETS, PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import { fieldLabel } from './import-targets';

// How the wizard words files, changes and option lists.

/** What the file picker offers: the sheets the server reads. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.xlsm'] as const;
// Spreadsheets it does not read still go to the server, which says how to save them instead.
const SPREADSHEETS = [...ACCEPTED_EXTENSIONS, '.xls', '.ods', '.numbers'];

/** Whether a file of this name is a spreadsheet at all (anything else is refused before uploading it). */
export const isSheetFile = (name: string): boolean => SPREADSHEETS.some((ext) => name.toLowerCase().endsWith(ext));

/** The content type the upload declares: the server reads the bytes either way, and names the file. */
export function contentTypeOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.tsv')) return 'text/tab-separated-values';
  return 'application/octet-stream';
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

type BaselineTarget = Extract<keyof typeof PARTNER_IMPORT_TARGETS, `baseline.${string}`>;
const baselineLabel = (target: BaselineTarget) => `${PARTNER_IMPORT_TARGETS[target].label} (baseline)`;

// The preview names changes by the import's own keys: partner fields, `custom.<key>`, baseline counts,
// and the records an import adds beside the partner (plan, next action, activity touches).
const CHANGE_LABELS: Record<string, string> = {
  plan: PARTNER_RECORD_LABELS.plan,
  nextAction: PARTNER_RECORD_LABELS.nextAction,
  touch: 'Activity date (logged as a touch)',
  introsMade: baselineLabel('baseline.introsMade'),
  qualifiedConversations: baselineLabel('baseline.qualifiedConversations'),
  dealsBroughtIn: baselineLabel('baseline.dealsBroughtIn'),
  closedWon: baselineLabel('baseline.closedWon'),
  pipelineValueMinor: baselineLabel('baseline.pipelineValueMinor'),
};

/** A change's field in words; custom fields by the label their column gives them. */
export function changeLabel(field: string, customLabels: ReadonlyMap<string, string>): string {
  if (field.startsWith('custom.')) return customLabels.get(field.slice('custom.'.length)) ?? field.slice('custom.'.length);
  return CHANGE_LABELS[field] ?? fieldLabel(field);
}

/** A value before or after a change, as one short line ("—" for nothing). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '—';
  if (typeof value === 'object')
    return (
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${k}: ${formatValue(v)}`)
        .join('; ') || '—'
    );
  return String(value);
}

const OPTION_LISTS: Record<string, string> = {
  partnerType: 'Partner types',
  archetype: 'Archetypes',
  programStatus: 'Program statuses',
  phase: 'Phases',
  actionType: 'Action types',
  enterpriseTier: 'Enterprise tiers',
  jvpStatus: 'JVP statuses',
};

/** An option list's name in words ("partnerType" → "Partner types"); custom lists by their own name. */
export const optionListLabel = (list: string, customLabels: ReadonlyMap<string, string>): string =>
  OPTION_LISTS[list] ?? customLabels.get(list.replace(/^custom\./, '')) ?? list;
