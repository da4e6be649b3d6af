import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type QueryStateProps<T> = {
  query: { error: Error | null; isPending: boolean; data: T | undefined };
  /** E.g. "Loading custom fields…". */
  loading: string;
  /** E.g. "Custom fields could not be loaded". */
  failed: string;
  children(data: T): ReactNode;
};

/** A settings part's list while it loads, when it failed, and once it is there. */
export function QueryState<T>({ query, loading, failed, children }: QueryStateProps<T>) {
  if (query.error) {
    return (
      <Alert color="red" title={failed} role="alert">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending || query.data === undefined) return <Text size="sm">{loading}</Text>;
  return <>{children(query.data)}</>;
}
