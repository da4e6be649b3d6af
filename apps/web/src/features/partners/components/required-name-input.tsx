import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RequiredName } from '../hooks/use-required-name';

type RequiredNameInputProps = {
  name: RequiredName;
  label: string;
  /** What an empty submit says ("Give the view a name"). */
  blankMessage: string;
  /** The server's message for the name (taken, too long). */
  error: ReactNode;
};

/** The required name box of a form that adds a partner or a view; it takes the focus when the form opens. */
export function RequiredNameInput({ name, label, blankMessage, error }: RequiredNameInputProps) {
  return (
    <TextInput
      label={label}
      required
      value={name.value}
      onChange={(e) => name.change(e.currentTarget.value)}
      error={name.blank ? blankMessage : error}
      data-autofocus
      autoFocus
    />
  );
}
