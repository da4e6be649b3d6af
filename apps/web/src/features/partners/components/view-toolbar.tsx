import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { ViewDto } from '@ptrack/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { Can } from '../../auth/components/can';
import { ExportMenu } from '../../import/components/export-menu';
import type { ColumnKey } from '../grid-columns';
import { apiFilterParam } from '../hooks/use-partner-rows';
import { AddPartnerButton } from './add-partner-button';
import { ColumnChooser } from './column-chooser';

type ViewToolbarProps = {
  title: string;
  selected: ViewDto | undefined;
  columns: ColumnKey[];
  /** The URL names a view that is gone: nothing to export or save. */
  missingView: boolean;
  onSave(): void;
  /** The "Views" button where the views list is folded away (narrow screens). */
  viewsMenu?: ReactNode;
};

/** The view's name and description, the search box, and the grid's tools (columns, export, save, add). */
export function ViewToolbar({ title, selected, columns, missingView, onSave, viewsMenu }: ViewToolbarProps) {
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
      <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
        {viewsMenu}
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
      </Group>
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
