import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CustomFieldDto } from '@ptrack/contracts';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteCustomField } from '../hooks/use-custom-fields';

/** Confirms removing a custom field: its values go from every record (the history keeps them). */
export function RemoveCustomFieldModal({ field, onClose }: { field: CustomFieldDto; onClose(): void }) {
  const remove = useDeleteCustomField();
  const doRemove = () =>
    remove.mutate(field, {
      onSuccess: () => notifySuccess('Custom field removed', field.label),
      onError: (error) => {
        onClose();
        notifyError(error);
      },
    });
  return (
    <Modal opened onClose={onClose} title={`Remove “${field.label}”?`}>
      <Stack gap="sm">
        <Text size="sm">Its values are removed from every record (the change history keeps them). This cannot be undone.</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={doRemove} loading={remove.isPending}>
            Remove field
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
