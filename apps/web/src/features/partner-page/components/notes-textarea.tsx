import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';

type NotesTextareaProps = { value: string; onChange(value: string): void; error: ReactNode };

/** The free-text notes of what a dialog adds to the partner (an action, an intro). */
export function NotesTextarea({ value, onChange, error }: NotesTextareaProps) {
  return (
    <Textarea label="Notes" autosize minRows={2} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />
  );
}
