import { Button, Group, Modal, Text } from '@mantine/core';
import type { ViewDto } from '@ptrack/contracts';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteView } from '../hooks/use-views';

/** Asks before deleting a saved view; the delete carries the version read, so a changed view is refused. */
export function DeleteViewDialog({ view, onClose, onDeleted }: { view: ViewDto; onClose(): void; onDeleted(): void }) {
  const remove = useDeleteView();
  return (
    <Modal opened onClose={onClose} title={`Delete view “${view.name}”?`} centered>
      <Text size="sm">The view is removed for everyone. Partners are not changed.</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(view, {
              onSuccess: () => {
                notifySuccess('View deleted', view.name);
                onDeleted();
              },
              onError: (error) => notifyError(error),
            })
          }
        >
          Delete view
        </Button>
      </Group>
    </Modal>
  );
}
