import type { PartnerDto, PartnerListResponse } from '@ptrack/contracts';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { updatePartner } from '../api/partners.api';
import { type EditableField, patchOf, replaceRow } from '../cell-edit';

export type CellEdit = { id: string; field: EditableField; text: string; version: number };

/**
 * Saves one grid cell. The row is updated in place from the answer (the list is not refetched, so the
 * row does not jump away under the cursor when the edit moves it out of the view or the sort order).
 */
export function useEditCell() {
  const client = useQueryClient();
  const applyRecord = (record: PartnerDto) => {
    client.setQueriesData<InfiniteData<PartnerListResponse>>({ queryKey: queryKeys.partners.list }, (data) =>
      replaceRow(data, record),
    );
    void client.invalidateQueries({ queryKey: queryKeys.partners.one(record.id) });
  };
  const mutation = useMutation({
    mutationFn: ({ id, field, text, version }: CellEdit) => updatePartner(id, patchOf(field, text, version)),
    onSuccess: applyRecord,
  });
  return { ...mutation, applyRecord };
}
