import type { ImportPreviewDto, RouteRequest, SheetImportDto } from '@ptrack/contracts';
import { api } from '../../../api/client';
import { contentTypeOf } from '../import-format';
import type { SavedMapping } from '../import-mapping';

/** Uploads a sheet (its bytes as the body) and answers with its columns matched and sampled; the server tells a rep sheet from a partner sheet by its headers. */
export function uploadSheet(file: File, sheet?: string): Promise<SheetImportDto> {
  return api.upload({ fileName: file.name, entity: 'auto', sheet }, file, contentTypeOf(file.name));
}

export function fetchImport(id: string): Promise<SheetImportDto> {
  return api.call('getImport', { params: { id } });
}

/** Replaces the mapping, based on `version`: a stale version is refused with 409 VERSION_CONFLICT. */
export function updateImportMapping(id: string, body: { version: number; mapping: SavedMapping }): Promise<SheetImportDto> {
  return api.call('updateImport', { params: { id }, body });
}

export function previewImport(id: string): Promise<ImportPreviewDto> {
  return api.call('previewImport', { params: { id } });
}

/** Applies the import; `force` applies a sheet whose rows are mostly errors (refused with 409 without it). */
export function applyImport(id: string, force = false): Promise<SheetImportDto> {
  return api.call('applyImport', { params: { id }, query: force ? { force: 'true' } : {} });
}

export type ExportQuery = NonNullable<RouteRequest<'exportPartners'>['query']>;

/** The download address of an export (a plain link: the browser saves the attachment itself). */
export function exportHref(query: ExportQuery): string {
  // An empty view, search or filter means none: left out of the address.
  return api.href('exportPartners', {
    query: { format: query.format, view: query.view || undefined, q: query.q || undefined, filter: query.filter || undefined },
  });
}
