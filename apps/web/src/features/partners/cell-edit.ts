import type { PartnerDto, PartnerListResponse, PartnerListRowDto, UpdatePartnerRequest } from '@ptrack/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import type { ColumnKey } from './grid-columns';

// Which grid cells a person edits inline, and how an edit becomes a PATCH body: the partner's own
// columns only; computed columns stay read-only (the server derives them).

export type EditableField = 'name' | 'type' | 'programStatus' | 'phase' | 'owner' | 'industry';
export type CellEditor = { kind: 'text'; required: boolean } | { kind: 'select'; optionList: string };

const EDITORS: Record<EditableField, CellEditor> = {
  name: { kind: 'text', required: true },
  type: { kind: 'select', optionList: 'partnerType' },
  programStatus: { kind: 'select', optionList: 'programStatus' },
  phase: { kind: 'select', optionList: 'phase' },
  owner: { kind: 'text', required: false },
  industry: { kind: 'text', required: false },
};

export function isEditable(key: ColumnKey): key is EditableField {
  return Object.hasOwn(EDITORS, key);
}

export function editorOf(field: EditableField): CellEditor {
  return EDITORS[field];
}

/** The choices of a select cell: the workspace's option list, and the current value if it is not in it. */
export function optionsOf(
  optionLists: Record<string, string[]> | undefined,
  optionList: string,
  current: string | null,
): string[] {
  const list = optionLists?.[optionList] ?? [];
  return current && !list.includes(current) ? [current, ...list] : list;
}

/** The PATCH body for one edited cell: a blank optional field is cleared (null); a blank name is sent for the server to refuse. */
export function patchOf(field: EditableField, text: string, version: number): UpdatePartnerRequest {
  const value = text.trim();
  if (field === 'name') return { version, name: value };
  const body: UpdatePartnerRequest = { version };
  body[field] = value === '' ? null : value;
  return body;
}

/** The row with the saved record's values of the columns it shares with the grid, and its version. */
export function withRecord(row: PartnerListRowDto, record: PartnerDto): PartnerListRowDto {
  const { name, type, programStatus, phase, owner, industry, version, updatedAt } = record;
  return { ...row, name, type, programStatus, phase, owner, industry, version, updatedAt };
}

/** Every cached page of the grid with the partner's row replaced by `record`'s values. */
export function replaceRow(
  data: InfiniteData<PartnerListResponse> | undefined,
  record: PartnerDto,
): InfiniteData<PartnerListResponse> | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.items.some((r) => r.id === record.id)
        ? { ...page, items: page.items.map((r) => (r.id === record.id ? withRecord(r, record) : r)) }
        : page,
    ),
  };
}
