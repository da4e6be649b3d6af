import { FILTER_OPS, type GridFieldDef, MAX_IN_VALUES, PARTNER_GRID_FIELDS } from '@ptrack/catalog';
import { type Filter, validateFilter } from '@ptrack/domain';
import { z } from 'zod';

// The partner grid's filter language at the edge. The check is the domain's validateFilter (known fields
// and ops, values of the field's kind, nesting and count limits), so a bad filter is refused with the path
// of the problem (`definition.filter.or.1.value`); the JSON Schema shown in the OpenAPI document is built
// from the catalog's fields and ops.

const primitive = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

/** The JSON Schema of a filter over a catalog's grid fields. */
export function partnerFilterJsonSchema(fields: readonly GridFieldDef[]) {
  const condition = {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'op'],
    properties: {
      field: { type: 'string', enum: fields.map((f) => f.key) },
      op: { type: 'string', enum: [...FILTER_OPS] },
      value: {
        description: 'Absent for empty/notEmpty; a list for in; {"today": n} is a date n days from today',
        anyOf: [
          primitive,
          { type: 'array', items: primitive, maxItems: MAX_IN_VALUES },
          { type: 'object', additionalProperties: false, required: ['today'], properties: { today: { type: 'integer' } } },
        ],
      },
    },
  };
  const group = (key: 'and' | 'or') => ({
    type: 'object',
    additionalProperties: false,
    required: [key],
    properties: { [key]: { type: 'array', items: { description: 'A filter: a condition or a group' } } },
  });
  return { anyOf: [condition, group('and'), group('or')] };
}

const pathOf = (path: string): (string | number)[] =>
  path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** A filter on the partner grid: a condition, `{ and: [...] }` or `{ or: [...] }`. */
export const PartnerFilter = z
  .custom<Filter>()
  .superRefine((value, ctx) => {
    const checked = validateFilter(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, path: pathOf(checked.path) });
  })
  .meta({ id: 'PartnerFilter', ...partnerFilterJsonSchema(PARTNER_GRID_FIELDS) });
export type PartnerFilter = z.infer<typeof PartnerFilter>;
