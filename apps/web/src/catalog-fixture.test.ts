import { type GridFieldDef, PARTNER_EXPORT_COLUMNS, PARTNER_GRID_FIELDS } from '@ptrack/catalog';
import { gridFieldsShape, partnerFilterJsonSchema } from '@ptrack/contracts';
import { exportHeaders } from '@ptrack/integrations';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildGridColumns } from './features/partners/grid-columns';
import { filterFieldChoices } from './features/partners/grid-filter';

// Issue 13's acceptance: a field added to the catalog (here in a fixture, no web code touched) reaches the
// grid's columns, the filter editor's field list, the export headers and the OpenAPI schema of a row.

const region = { key: 'region', label: 'Sales region', kind: 'text', width: 140 } as const satisfies GridFieldDef;
const fixture = {
  gridFields: [...PARTNER_GRID_FIELDS, region],
  exportColumns: [...PARTNER_EXPORT_COLUMNS, { header: 'Sales Region', key: 'region', format: 'text' as const }],
};

describe('a field added to the catalog', () => {
  it('is a column of the grid and can be shown', () => {
    const columns = buildGridColumns(fixture.gridFields);
    expect(columns.all.map((c) => c.key)).toContain('region');
    expect(columns.visibleColumns(['type', 'region']).map((c) => c.label)).toEqual(['Name', 'Type', 'Sales region']);
  });

  it('is offered by the filter editor', () => {
    const choices = filterFieldChoices(buildGridColumns(fixture.gridFields).all);
    expect(choices).toContainEqual({ value: 'region', label: 'Sales region' });
    expect(filterFieldChoices(buildGridColumns(PARTNER_GRID_FIELDS).all).map((c) => c.value)).not.toContain('region');
  });

  it('is a header of the export', () => {
    expect(exportHeaders(fixture.exportColumns)).toContain('Sales Region');
    expect(exportHeaders(fixture.exportColumns).slice(0, 2)).toEqual(['Partner Company', 'Partner Type']);
  });

  it('is in the OpenAPI schema of a list row and of the filter', () => {
    const row = z.toJSONSchema(z.object(gridFieldsShape(fixture.gridFields)), { io: 'output' }) as {
      properties: Record<string, unknown>;
    };
    expect(row.properties.region).toEqual({ type: ['string', 'null'] });
    const filter = JSON.stringify(partnerFilterJsonSchema(fixture.gridFields));
    expect(filter).toContain('"region"');
  });
});
