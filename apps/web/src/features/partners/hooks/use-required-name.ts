import { useState } from 'react';

/** The name a form requires: an empty submit says so under the box, and typing clears the message. */
export type RequiredName = {
  value: string;
  /** Shown under the box: the form's own message after an empty submit. */
  blank: boolean;
  change(value: string): void;
  /** The trimmed name, or null (with the message shown) when there is none. */
  take(): string | null;
};

export function useRequiredName(initial = ''): RequiredName {
  const [value, setValue] = useState(initial);
  const [blank, setBlank] = useState(false);
  return {
    value,
    blank,
    change: (next) => {
      setValue(next);
      setBlank(false);
    },
    take: () => {
      const name = value.trim();
      if (!name) setBlank(true);
      return name || null;
    },
  };
}
