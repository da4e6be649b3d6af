import type { CustomFieldDto } from '@ptrack/contracts';

export const FIELD_TYPE_LABELS = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  select: 'Choice from a list',
  checkbox: 'Checkbox (yes/no)',
  url: 'Link (URL)',
} as const satisfies Record<CustomFieldDto['type'], string>;

export const ENTITY_LABELS = { partner: 'Partners', rep: 'Reps' } as const satisfies Record<CustomFieldDto['entity'], string>;
