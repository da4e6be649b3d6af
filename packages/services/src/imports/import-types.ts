import type { PlanStatus } from '@ptrack/domain';

// What a sheet row becomes once its cells are read (packages/integrations/sheets) and what the import
// says about it. The sheet adapter owns headers and cell formats; the import owns matching, changes and
// writes. A field left out (undefined) is a column the sheet lacks or a blank cell: it changes nothing
// (a blank cell never clears a value — "loses nothing").

/** The performance figures a migrated sheet carries, kept as baselines added to computed figures. */
export const BASELINE_KEYS = [
  'introsMade',
  'qualifiedConversations',
  'dealsBroughtIn',
  'closedWon',
  'pipelineValueMinor',
  // The sheet's count of active contacts: the partner's rep count until reps are recorded (docs/RULES.md).
  'activeContacts',
] as const;
export type BaselineKey = (typeof BASELINE_KEYS)[number];

export type PartnerImportRow = {
  /** The row as the user sees it in the sheet (1-based, the header row counted). */
  rowNumber: number;
  /** Partner fields as the API names them (CreatePartnerRequest), custom values under `custom`. */
  partner: Record<string, unknown>;
  /** The current 90-day plan's columns. */
  plan?: { goal?: string; startDate?: string; status?: PlanStatus };
  /** The next action's columns: an open action with this due date and type is kept, else created. */
  nextAction?: { dueDate?: string; type?: string; repName?: string; notes?: string };
  /** Totals from the sheet (intros made…): the part not explained by recorded referrals becomes the baseline. */
  baseline?: Partial<Record<BaselineKey, number>>;
  /** Activity dates from the sheet: recorded as touches when no recorded touch explains them. */
  activity?: { firstTouchDate?: string; lastEngagementDate?: string };
  /** Cells the sheet adapter could not read, already named by column. */
  problems?: RowProblem[];
};

export type RowProblem = { rowNumber: number; column: string; value?: string; reason: string };
export type FieldChange = { field: string; before: unknown; after: unknown };
export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export type RowOutcome = {
  rowNumber: number;
  name: string | null;
  action: RowAction;
  partnerId?: string;
  changes: FieldChange[];
  problems: RowProblem[];
};

export type ImportCounts = Record<RowAction, number> & { rows: number };

/** More than this share of a sheet's rows refused means the wrong sheet or mapping: applying it needs force. */
export const MOSTLY_ERRORS_SHARE = 0.5;

export function isMostlyErrors(counts: ImportCounts): boolean {
  return counts.rows > 0 && counts.error > counts.rows * MOSTLY_ERRORS_SHARE;
}

export function emptyCounts(): ImportCounts {
  return { rows: 0, create: 0, update: 0, unchanged: 0, error: 0 };
}

export function addOutcomes(counts: ImportCounts, outcomes: readonly RowOutcome[]): ImportCounts {
  const next = { ...counts };
  for (const o of outcomes) {
    next.rows++;
    next[o.action]++;
  }
  return next;
}
