/** How a column of the partner grid compares, filters and sorts. */
export type FieldKind = 'text' | 'number' | 'date' | 'instant' | 'boolean';

/**
 * The columns of the partner grid a view can filter, sort and show — exactly the scalar columns of
 * the partner list query in storage. (`tier12RepNames`, a list, is in every row but is neither
 * filterable nor sortable.) Text compares ignoring case, by code point; dates are `YYYY-MM-DD`;
 * instants are ISO 8601 strings.
 */
export const PARTNER_LIST_FIELDS = {
  name: 'text',
  type: 'text',
  archetype: 'text',
  programStatus: 'text',
  phase: 'text',
  owner: 'text',
  industry: 'text',
  ippScore: 'number',
  partnerStatus: 'text',
  tier1Reps: 'number',
  tier2Reps: 'number',
  tier3Reps: 'number',
  tier4Reps: 'number',
  totalReps: 'number',
  jordanCount: 'number',
  repsBringingDeals: 'number',
  repsEngaged: 'number',
  totalEngaged: 'number',
  repsWhoDeliver: 'number',
  nextActionDate: 'date',
  nextActionType: 'text',
  nextActionRep: 'text',
  nextActionNotes: 'text',
  introsMade: 'number',
  qualifiedConversations: 'number',
  dealsBroughtIn: 'number',
  openDeals: 'number',
  closedWon: 'number',
  pipelineValueMinor: 'number',
  firstTouchDate: 'date',
  lastEngagementDate: 'date',
  daysSinceLastTouch: 'number',
  reviewedThisWeek: 'boolean',
  planStatus: 'text',
  qualification: 'text',
  createdAt: 'instant',
  updatedAt: 'instant',
} as const satisfies Record<string, FieldKind>;

export type PartnerListField = keyof typeof PARTNER_LIST_FIELDS;

export function isPartnerListField(field: string): field is PartnerListField {
  return Object.hasOwn(PARTNER_LIST_FIELDS, field);
}
