import { Modal, Stack, Text } from '@mantine/core';
import type { ViewDto } from '@ptrack/contracts';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { fieldError } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { columnOf } from '../grid-columns';
import { combineFilters, type GridCondition } from '../grid-filter';
import { useRequiredName } from '../hooks/use-required-name';
import { useCreateView } from '../hooks/use-views';
import type { SortKey } from '../partners-search';
import { RequiredNameInput } from './required-name-input';

type Props = {
  /** The view the grid shows now (its filter is kept), or undefined for all partners. */
  base: ViewDto | undefined;
  /** The grid's own conditions, saved beside the view's filter. */
  conditions: readonly GridCondition[];
  sort: SortKey[];
  columns: string[];
  searching: boolean;
  onClose(): void;
};

const describeSort = (sort: SortKey[]) =>
  sort.map((k) => `${columnOf(k.field)?.label ?? k.field} ${k.dir === 'asc' ? '↑' : '↓'}`).join(', ');

/** Saves the current filter (the selected view's and the grid's own), sort and columns as a new view, then shows it. */
export function SaveViewDialog({ base, conditions, sort, columns, searching, onClose }: Props) {
  const create = useCreateView();
  const navigate = useNavigate();
  const name = useRequiredName(base && !base.builtIn ? `${base.name} (copy)` : '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const viewName = name.take();
    if (viewName === null) return;
    create.mutate(
      { name: viewName, definition: { filter: combineFilters(base?.definition.filter ?? null, conditions), sort, columns } },
      {
        onSuccess: (view) => {
          notifySuccess('View saved', view.name);
          onClose();
          void navigate({ to: '/partners', search: { view: view.id } });
        },
        onError: (error) => {
          if (!fieldError(error, 'name')) notifyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Save view" centered>
      <form onSubmit={onSubmit} noValidate data-testid="save-view-form">
        <Stack gap="sm">
          <RequiredNameInput
            name={name}
            label="View name"
            blankMessage="Give the view a name"
            error={fieldError(create.error, 'name')}
          />
          <Text size="sm" c="gray.7">
            Keeps the filter of “{base?.name ?? 'All partners'}”
            {conditions.length > 0 ? ` and ${conditions.length === 1 ? 'your filter' : `your ${conditions.length} filters`}` : ''}
            , the sort ({describeSort(sort)}) and the {columns.length} columns shown.
            {searching ? ' The search is not saved.' : ''}
          </Text>
          <FormActions submitLabel="Save view" loading={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
