import { DEFAULT_GRID_COLUMNS, NEEDS_ATTENTION_DAYS } from '@ptrack/catalog';
import type { Filter, SortKey } from './filters';
import type { PartnerListField } from './partner-list-fields';

/** A saved view: a filter (null shows every partner), a sort and the columns shown, in order. */
export type ViewDefinition = { filter: Filter | null; sort: SortKey[]; columns: PartnerListField[] };

export type BuiltInView = { id: string; name: string; description: string; definition: ViewDefinition };

/** The columns a view shows unless it says otherwise: identity, reps, next action, activity, plan. */
export const DEFAULT_COLUMNS: readonly PartnerListField[] = DEFAULT_GRID_COLUMNS;

const columns = (...extra: PartnerListField[]): PartnerListField[] => [
  ...DEFAULT_COLUMNS,
  ...extra.filter((c) => !DEFAULT_COLUMNS.includes(c)),
];

export { NEEDS_ATTENTION_DAYS };

/** docs/RULES.md "Views and workflows": the six saved views every workspace starts with. */
export const BUILT_IN_VIEWS: readonly BuiltInView[] = [
  {
    id: 'today',
    name: 'Today',
    description: 'Partners whose next action is due today or earlier, oldest first',
    definition: {
      filter: { field: 'nextActionDate', op: 'lte', value: { today: 0 } },
      sort: [
        { field: 'nextActionDate', dir: 'asc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns('nextActionNotes'),
    },
  },
  {
    id: 'strategic',
    name: 'Strategic partners',
    // Follows the workspace's IPP bands (Strategic ≥ 40 by default) rather than a fixed 40.
    description: 'Partners whose IPP score makes them Strategic (40 or more by default)',
    definition: {
      filter: { field: 'partnerStatus', op: 'eq', value: 'Strategic' },
      sort: [
        { field: 'ippScore', dir: 'desc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns('ippScore', 'partnerStatus'),
    },
  },
  {
    id: 'tier-1',
    name: 'Tier 1 partners',
    description: 'Partners with at least one Tier 1 rep',
    definition: {
      filter: { field: 'tier1Reps', op: 'gte', value: 1 },
      sort: [
        { field: 'tier1Reps', dir: 'desc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns('jordanCount', 'repsBringingDeals'),
    },
  },
  {
    id: 'needs-attention',
    name: 'Needs attention',
    description: `No touch in ${NEEDS_ATTENTION_DAYS}+ days, or never touched`,
    definition: {
      filter: {
        or: [
          { field: 'daysSinceLastTouch', op: 'gte', value: NEEDS_ATTENTION_DAYS },
          { field: 'lastEngagementDate', op: 'empty' },
        ],
      },
      sort: [
        { field: 'daysSinceLastTouch', dir: 'desc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns(),
    },
  },
  {
    id: 'high-performance',
    name: 'High performance',
    description: 'Partners with closed-won or open deals',
    definition: {
      filter: {
        or: [
          { field: 'closedWon', op: 'gt', value: 0 },
          { field: 'openDeals', op: 'gt', value: 0 },
        ],
      },
      sort: [
        { field: 'closedWon', dir: 'desc' },
        { field: 'pipelineValueMinor', dir: 'desc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns('introsMade', 'qualifiedConversations', 'dealsBroughtIn', 'openDeals', 'closedWon', 'pipelineValueMinor'),
    },
  },
  {
    id: 'this-weeks-review',
    name: "This week's review",
    description: 'Every partner: not yet reviewed this week first, then reviewed',
    definition: {
      filter: null,
      sort: [
        { field: 'reviewedThisWeek', dir: 'asc' },
        { field: 'name', dir: 'asc' },
      ],
      columns: columns('reviewedThisWeek'),
    },
  },
];
