import { NativeSelect } from '@mantine/core';
import type { RepDto } from '@ptrack/contracts';

/** Who an activity is with: one of the partner's reps, or the partner as a whole. */
export function RepSelect({
  reps,
  value,
  onChange,
  error,
}: {
  reps: RepDto[];
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
}) {
  return (
    <NativeSelect
      label="Rep"
      data={[{ value: '', label: 'No rep (the partner)' }, ...reps.map((r) => ({ value: r.id, label: r.name }))]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
