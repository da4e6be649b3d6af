import type { ImportPreviewDto, SheetImportDto } from '@ptrack/contracts';
import { api } from '../../../api/client';
import { contentTypeOf } from '../import-format';
import type { SavedMapping } from '../import-mapping';

/** Uploads a sheet (its bytes as the body) and answers with its columns matched and sampled; the server tells a rep sheet from a partner sheet by its headers. */
export function uploadSheet(file: File, sheet?: string): Promise<SheetImportDto> {
  return api.upload<SheetImportDto>(
    '/api/imports',
    { fileName: file.name, entity: 'auto', sheet },
    file,
    contentTypeOf(file.name),
  );
}

export function fetchImport(id: string): Promise<SheetImportDto> {
  return api.get<SheetImportDto>(`/api/imports/${encodeURIComponent(id)}`);
}

/** Replaces the mapping, based on `version`: a stale version is refused with 409 VERSION_CONFLICT. */
export function updateImportMapping(id: string, body: { version: number; mapping: SavedMapping }): Promise<SheetImportDto> {
  return api.patch<SheetImportDto>(`/api/imports/${encodeURIComponent(id)}`, body);
}

export function previewImport(id: string): Promise<ImportPreviewDto> {
  return api.post<ImportPreviewDto>(`/api/imports/${encodeURIComponent(id)}/preview`);
}

/** Applies the import; `force` applies a sheet whose rows are mostly errors (refused with 409 without it). */
export function applyImport(id: string, force = false): Promise<SheetImportDto> {
  return api.post<SheetImportDto>(`/api/imports/${encodeURIComponent(id)}/apply${force ? '?force=true' : ''}`);
}

export type ExportQuery = { format: 'csv' | 'xlsx'; view?: string; q?: string; filter?: string };

/** The download address of an export (a plain link: the browser saves the attachment itself). */
export function exportHref(query: ExportQuery): string {
  const params = new URLSearchParams({ format: query.format });
  if (query.view) params.set('view', query.view);
  if (query.q) params.set('q', query.q);
  if (query.filter) params.set('filter', query.filter);
  return `/api/exports?${params}`;
}
