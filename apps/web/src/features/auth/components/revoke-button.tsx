import { Button } from '@mantine/core';

type RevokeButtonProps = { label: string; 'aria-label': string; loading: boolean; onClick(): void };

/** Ends one session or token in the account tables. */
export function RevokeButton({ label, loading, onClick, ...rest }: RevokeButtonProps) {
  return (
    <Button size="xs" variant="subtle" color="red" aria-label={rest['aria-label']} loading={loading} onClick={onClick}>
      {label}
    </Button>
  );
}
