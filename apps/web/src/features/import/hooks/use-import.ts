import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidateAllBut, queryKeys } from '../../../api/query-keys';
import { applyImport, fetchImport, previewImport, updateImportMapping, uploadSheet } from '../api/imports.api';
import type { SavedMapping } from '../import-mapping';

const importKeys = queryKeys.imports;

export function useUploadSheet() {
  return useMutation({ mutationFn: ({ file, sheet }: { file: File; sheet?: string }) => uploadSheet(file, sheet) });
}

export function useSaveMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, mapping }: { id: string; version: number; mapping: SavedMapping }) =>
      updateImportMapping(id, { version, mapping }),
    onSuccess: (saved) => client.setQueryData(importKeys.one(saved.id), saved),
  });
}

/** What applying would do; keyed by the import's version, so a saved mapping gets a fresh preview. */
export function useImportPreview(id: string, version: number) {
  return useQuery({
    queryKey: importKeys.preview(id, version),
    queryFn: () => previewImport(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The import while it is applied: polled for `appliedRows`, which grows batch by batch. */
export function useImportProgress(id: string, polling: boolean) {
  return useQuery({
    queryKey: importKeys.one(id),
    queryFn: () => fetchImport(id),
    enabled: polling,
    refetchInterval: polling ? 700 : false,
  });
}

/** Applies the import; every list in the app may have changed afterwards. */
export function useApplyImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) => applyImport(id, force),
    onSuccess: (applied) => {
      client.setQueryData(importKeys.one(applied.id), applied);
      return invalidateAllBut(client, importKeys.all);
    },
  });
}
