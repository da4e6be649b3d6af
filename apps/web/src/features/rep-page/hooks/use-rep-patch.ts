import type { RepDto, UpdateRepRequest } from '@ptrack/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { notifyError } from '../../../lib/notify';
import { useUpdateRep } from '../../partner-page/hooks/use-partner-page';

export type RepConflict = { current: RepDto; body: Omit<UpdateRepRequest, 'version'> };

/**
 * One-click changes to a rep (a signal, the tier), sent with the version read. A stale version keeps
 * both values for the conflict dialog rather than overwriting the other person's change.
 */
export function useRepPatch(rep: RepDto) {
  const client = useQueryClient();
  const update = useUpdateRep(rep.id);
  const [conflict, setConflict] = useState<RepConflict | null>(null);

  const patch = (body: Omit<UpdateRepRequest, 'version'>, version = rep.version) =>
    update.mutate(
      { ...body, version },
      {
        onSuccess: () => setConflict(null),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict({ current: error.current as RepDto, body });
          } else {
            notifyError(error);
          }
        },
      },
    );

  return {
    patch,
    pending: update.isPending,
    pendingBody: update.isPending ? update.variables : undefined,
    conflict,
    keepTheirs: () => {
      if (conflict) client.setQueryData(queryKeys.reps.one(rep.id), conflict.current);
      setConflict(null);
    },
    applyMine: () => conflict && patch(conflict.body, conflict.current.version),
    dismiss: () => setConflict(null),
  };
}
