import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ViewDto } from '@ptrack/contracts';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { Can } from '../../auth/components/can';
import { useSettings } from '../../settings/hooks/use-settings';
import { type ColumnKey, DEFAULT_COLUMNS, type GridColumn, visibleColumns } from '../grid-columns';
import { usePartnerRows } from '../hooks/use-partner-rows';
import { useViews } from '../hooks/use-views';
import { formatSort, nextSort, parseColumns, parseSort, type SortKey } from '../partners-search';
import { DeleteViewDialog } from './delete-view-dialog';
import { FilterBar } from './filter-bar';
import { PartnerGrid } from './partner-grid';
import classes from './partners-page.module.css';
import { SaveViewDialog } from './save-view-dialog';
import { ViewToolbar } from './view-toolbar';
import { ViewsMenu } from './views-menu';
import { ViewsSidebar } from './views-sidebar';

const DEFAULT_SORT: SortKey[] = [{ field: 'name', dir: 'asc' }];
/** From this width the views list stands beside the grid; below it folds behind a "Views" button. */
const SIDEBAR_MIN_WIDTH = '(min-width: 90em)';

type PageDialog = { kind: 'save' } | { kind: 'delete'; view: ViewDto } | null;

/** The partner grid with its views sidebar; view, search, sort and columns live in the URL. */
export function PartnersPage() {
  const search = useSearch({ from: '/partners' });
  const navigate = useNavigate({ from: '/partners' });
  const views = useViews();
  const settings = useSettings();
  const [dialog, setDialog] = useState<PageDialog>(null);
  const withSidebar = useMediaQuery(SIDEBAR_MIN_WIDTH, true, { getInitialValueInEffect: false });

  const selected = search.view ? views.data?.items.find((v) => v.id === search.view) : undefined;
  const sort = parseSort(search.sort) ?? (selected?.definition.sort.length ? selected.definition.sort : DEFAULT_SORT);
  const columnKeys = (parseColumns(search.cols) ??
    (selected?.definition.columns.length ? selected.definition.columns : DEFAULT_COLUMNS)) as ColumnKey[];
  const columns = visibleColumns(columnKeys);
  const conditions = search.filter ?? [];
  const list = usePartnerRows({ view: search.view, q: search.q, sort: search.sort, filter: search.filter });

  const title = search.view ? (selected?.name ?? (views.isPending ? '…' : 'Unknown view')) : 'All partners';
  const missingView = !!search.view && (list.error as { status?: number } | null)?.status === 404;
  const viewsList = {
    views: views.data?.items,
    loading: views.isPending,
    selectedId: search.view,
    onDelete: (view: ViewDto) => setDialog({ kind: 'delete', view }),
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={1}>Partners</Title>
        <Text c="gray.7" size="sm" aria-live="polite" data-testid="partner-count">
          {list.data && !list.isPlaceholderData
            ? `${list.total.toLocaleString()} ${list.total === 1 ? 'partner' : 'partners'} in ${title}`
            : 'Loading…'}
        </Text>
      </Group>
      <div className={withSidebar ? classes.layout : undefined}>
        {withSidebar ? <ViewsSidebar {...viewsList} /> : null}
        <Stack gap="xs" miw={0}>
          <ViewToolbar
            title={title}
            selected={selected}
            columns={columns.map((c) => c.key)}
            missingView={missingView}
            onSave={() => setDialog({ kind: 'save' })}
            viewsMenu={withSidebar ? undefined : <ViewsMenu {...viewsList} />}
          />
          <FilterBar
            conditions={conditions}
            currency={settings.data?.currency ?? 'USD'}
            optionLists={settings.data?.optionLists}
            onChange={(next) => void navigate({ search: (prev) => ({ ...prev, filter: next.length > 0 ? next : undefined }) })}
          />
          <GridArea
            list={list}
            title={title}
            columns={columns}
            sort={sort}
            missingView={missingView}
            onSort={(field) => void navigate({ search: (prev) => ({ ...prev, sort: formatSort(nextSort(sort, field)) }) })}
          />
          <GridHelp />
        </Stack>
      </div>
      <PageDialogs dialog={dialog} selected={selected} sort={sort} columns={columns} onClose={() => setDialog(null)} />
    </Stack>
  );
}

type GridAreaProps = {
  list: ReturnType<typeof usePartnerRows>;
  title: string;
  columns: GridColumn[];
  sort: SortKey[];
  missingView: boolean;
  onSort(field: string): void;
};

/** The grid, or why it is not there: a view that is gone, a failed load, the first page still loading. */
function GridArea({ list, title, columns, sort, missingView, onSort }: GridAreaProps) {
  const search = useSearch({ from: '/partners' });
  const settings = useSettings();
  if (missingView)
    return (
      <Alert color="orange" title="This view no longer exists" role="alert">
        It may have been deleted.{' '}
        <Anchor renderRoot={(props) => <Link {...props} to="/partners" search={{}} />}>Show all partners</Anchor>.
      </Alert>
    );
  if (list.error && !list.data)
    return (
      <Alert color="red" title="The partners could not be loaded" role="alert">
        {list.error.message}
      </Alert>
    );
  if (list.isPending)
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading partners" />
      </Group>
    );
  return (
    <PartnerGrid
      label={`Partners: ${title}`}
      columns={columns}
      rows={list.rows}
      total={list.total}
      today={list.today}
      currency={settings.data?.currency ?? 'USD'}
      optionLists={settings.data?.optionLists}
      sort={sort}
      busy={list.isPlaceholderData}
      listKey={`${search.view ?? ''}|${search.q ?? ''}|${search.sort ?? ''}|${JSON.stringify(search.filter ?? [])}`}
      hasNextPage={list.hasNextPage}
      isFetchingNextPage={list.isFetchingNextPage}
      fetchNextPage={list.fetchNextPage}
      onSort={onSort}
    />
  );
}

function GridHelp() {
  return (
    <Text size="xs" c="gray.7">
      <Can permission="imports:run">
        <Anchor renderRoot={(props) => <Link {...props} to="/import" />} size="xs">
          Import a sheet
        </Anchor>{' '}
        to add or update partners from CSV or Excel.{' '}
      </Can>
      Shaded columns are computed and read-only: hover or focus a header to see how. Keys: arrows move, Enter or F2 edits a cell
      (Enter saves, Tab saves and moves on, Escape cancels), Enter on a name opens the partner and F2 renames it.
    </Text>
  );
}

type PageDialogsProps = {
  dialog: PageDialog;
  selected: ViewDto | undefined;
  sort: SortKey[];
  columns: GridColumn[];
  onClose(): void;
};

/** Saving the grid as a view, and deleting a saved view (back to all partners when it was on screen). */
function PageDialogs({ dialog, selected, sort, columns, onClose }: PageDialogsProps) {
  const search = useSearch({ from: '/partners' });
  const navigate = useNavigate({ from: '/partners' });
  if (dialog?.kind === 'save')
    return (
      <SaveViewDialog
        base={selected}
        conditions={search.filter ?? []}
        sort={sort}
        columns={columns.map((c) => c.key)}
        searching={!!search.q}
        onClose={onClose}
      />
    );
  if (dialog?.kind === 'delete')
    return (
      <DeleteViewDialog
        view={dialog.view}
        onClose={onClose}
        onDeleted={() => {
          onClose();
          if (search.view === dialog.view.id) void navigate({ search: {} });
        }}
      />
    );
  return null;
}
