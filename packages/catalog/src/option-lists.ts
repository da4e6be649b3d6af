/** The names of the editable option lists, as stored in the workspace settings (their defaults: domain). */
export const OPTION_LIST_NAMES = [
  'partnerType',
  'archetype',
  'programStatus',
  'phase',
  'actionType',
  'enterpriseTier',
  'jvpStatus',
] as const;
export type OptionListName = (typeof OPTION_LIST_NAMES)[number];
