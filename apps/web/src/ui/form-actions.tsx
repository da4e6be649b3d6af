import { Button, Group } from '@mantine/core';

type FormActionsProps = {
  submitLabel: string;
  /** The request is on its way: the submit button spins and cannot be pressed twice. */
  loading: boolean;
  onCancel(): void;
  /** Space above, where the form's last field needs it. */
  spaced?: boolean;
};

/** A dialog form's Cancel and submit buttons, on the right. */
export function FormActions({ submitLabel, loading, onCancel, spaced }: FormActionsProps) {
  return (
    <Group justify="flex-end" gap="xs" mt={spaced ? 'xs' : undefined}>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}
