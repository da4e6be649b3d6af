import { Alert, Anchor, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { ViewDto } from '@ptrack/contracts';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Can } from '../../auth/components/can';
import { ExportMenu } from '../../import/components/export-menu';
import { useSettings } from '../../settings/hooks/use-settings';
import { type ColumnKey, DEFAULT_COLUMNS, visibleColumns } from '../grid-columns';
import { apiFilterParam, usePartnerRows } from '../hooks/use-partner-rows';
import { useViews } from '../hooks/use-views';
import { formatSort, nextSort, parseColumns, parseSort, type SortKey } from '../partners-search';
import { AddPartnerButton } from './add-partner-button';
import { ColumnChooser } from './column-chooser';
import { DeleteViewDialog } from './delete-view-dialog';
import { FilterBar } from './filter-bar';
import { PartnerGrid } from './partner-grid';
import classes from './partners-page.module.css';
import { SaveViewDialog } from './save-view-dialog';
import { ViewsSidebar } from './views-sidebar';

const DEFAULT_SORT: SortKey[] = [{ field: 'name', dir: 'asc' }];

/** The partner grid with its views sidebar; view, search, sort and columns live in the URL. */
export function PartnersPage() {
  const search = useSearch({ from: '/partners' });
  const navigate = useNavigate({ from: '/partners' });
  const views = useViews();
  const settings = useSettings();
  const [dialog, setDialog] = useState<{ kind: 'save' } | { kind: 'delete'; view: ViewDto } | null>(null);

  const selected = search.view ? views.data?.items.find((v) => v.id === search.view) : undefined;
  const sort = parseSort(search.sort) ?? (selected?.definition.sort.length ? selected.definition.sort : DEFAULT_SORT);
  const columnKeys = (parseColumns(search.cols) ??
    (selected?.definition.columns.length ? selected.definition.columns : DEFAULT_COLUMNS)) as ColumnKey[];
  const columns = visibleColumns(columnKeys);
  const conditions = search.filter ?? [];
  const list = usePartnerRows({ view: search.view, q: search.q, sort: search.sort, filter: search.filter });

  const title = search.view ? (selected?.name ?? (views.isPending ? '…' : 'Unknown view')) : 'All partners';
  const missingView = !!search.view && (list.error as { status?: number } | null)?.status === 404;

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
      <div className={classes.layout}>
        <ViewsSidebar
          views={views.data?.items}
          loading={views.isPending}
          selectedId={search.view}
          onDelete={(view) => setDialog({ kind: 'delete', view })}
        />
        <Stack gap="xs" miw={0}>
          <ViewToolbar
            title={title}
            selected={selected}
            columns={columns.map((c) => c.key)}
            missingView={missingView}
            onSave={() => setDialog({ kind: 'save' })}
          />

          <FilterBar
            conditions={conditions}
            currency={settings.data?.currency ?? 'USD'}
            optionLists={settings.data?.optionLists}
            onChange={(next) => void navigate({ search: (prev) => ({ ...prev, filter: next.length > 0 ? next : undefined }) })}
          />

          {missingView ? (
            <Alert color="orange" title="This view no longer exists" role="alert">
              It may have been deleted.{' '}
              <Anchor renderRoot={(props) => <Link {...props} to="/partners" search={{}} />}>Show all partners</Anchor>.
            </Alert>
          ) : list.error && !list.data ? (
            <Alert color="red" title="The partners could not be loaded" role="alert">
              {list.error.message}
            </Alert>
          ) : list.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label="Loading partners" />
            </Group>
          ) : (
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
              onSort={(field) => void navigate({ search: (prev) => ({ ...prev, sort: formatSort(nextSort(sort, field)) }) })}
            />
          )}
          <Text size="xs" c="gray.7">
            <Can permission="imports:run">
              <Anchor renderRoot={(props) => <Link {...props} to="/import" />} size="xs">
                Import a sheet
              </Anchor>{' '}
              to add or update partners from CSV or Excel.{' '}
            </Can>
            Shaded columns are computed and read-only: hover or focus a header to see how. Keys: arrows move, Enter or F2 edits a
            cell (Enter saves, Tab saves and moves on, Escape cancels), Enter on a name opens the partner and F2 renames it.
          </Text>
        </Stack>
      </div>

      {dialog?.kind === 'save' ? (
        <SaveViewDialog
          base={selected}
          conditions={conditions}
          sort={sort}
          columns={columns.map((c) => c.key)}
          searching={!!search.q}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteViewDialog
          view={dialog.view}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            if (search.view === dialog.view.id) void navigate({ search: {} });
          }}
        />
      ) : null}
    </Stack>
  );
}

type ViewToolbarProps = {
  title: string;
  selected: ViewDto | undefined;
  columns: ColumnKey[];
  /** The URL names a view that is gone: nothing to export or save. */
  missingView: boolean;
  onSave(): void;
};

/** The view's name and description, the search box, and the grid's tools (columns, export, save, add). */
function ViewToolbar({ title, selected, columns, missingView, onSave }: ViewToolbarProps) {
  const search = useSearch({ from: '/partners' });
  const navigate = useNavigate({ from: '/partners' });
  // The search box types freely; the URL (and the request) follows a moment later.
  const [query, setQuery] = useState(search.q ?? '');
  useEffect(() => setQuery(search.q ?? ''), [search.q]);
  const commitQuery = useDebouncedCallback((q: string) => {
    void navigate({ search: (prev) => ({ ...prev, q: q.trim() || undefined }), replace: true });
  }, 300);
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <div>
        <Title order={2} size="h4" data-testid="view-title">
          {title}
        </Title>
        {selected?.description ? (
          <Text size="sm" c="gray.7">
            {selected.description}
          </Text>
        ) : null}
      </div>
      <Group gap="xs" wrap="wrap">
        <TextInput
          aria-label="Search partners"
          placeholder="Search partners…"
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            commitQuery(e.currentTarget.value);
          }}
          w={200}
        />
        <ColumnChooser
          shown={columns}
          onChange={(keys) => void navigate({ search: (prev) => ({ ...prev, cols: keys.join(',') }) })}
        />
        <ExportMenu view={search.view} q={search.q} filter={apiFilterParam(search.filter)} disabled={missingView} />
        <Can permission="views:write">
          <Button variant="default" onClick={onSave} disabled={missingView}>
            Save view
          </Button>
        </Can>
        <Can permission="partners:write">
          <AddPartnerButton />
        </Can>
      </Group>
    </Group>
  );
}
