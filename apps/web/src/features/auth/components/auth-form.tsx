import { Alert, Stack, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { fieldError } from '../../../api/client';

type AuthFormProps = {
  onSubmit(): void;
  /** A problem no field shows (a wrong password, a network error), as one alert above the buttons. */
  problem?: string | null | undefined;
  /** The fields, then (after the problem) the buttons. */
  children: ReactNode;
  actions: ReactNode;
};

/** The forms shown before anyone is signed in: fields, one alert for what no field shows, the buttons. */
export function AuthForm({ onSubmit, problem, children, actions }: AuthFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children}
        {problem ? (
          <Alert color="red" role="alert" p="xs">
            {problem}
          </Alert>
        ) : null}
        {actions}
      </Stack>
    </form>
  );
}

/** The message of `error` when none of `fields` shows it beside its input, else null. */
export function unshownProblem(error: unknown, fields: readonly string[], describe = messageOf): string | null {
  if (!error || fields.some((f) => fieldError(error, f))) return null;
  return describe(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type EmailFieldProps = { value: string; onChange(value: string): void; error: unknown; autoFocus?: boolean };

/** The account's email, as a browser's password manager expects it. */
export function EmailField({ value, onChange, error, autoFocus = true }: EmailFieldProps) {
  return (
    <TextInput
      label="Email"
      type="email"
      autoComplete="username"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={fieldError(error, 'email')}
      data-autofocus={autoFocus ? true : undefined}
    />
  );
}
