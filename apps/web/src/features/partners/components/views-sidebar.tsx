import { ActionIcon, Group, Loader, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import type { ViewDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import { Can } from '../../auth/components/can';

export type ViewsSidebarProps = {
  views: ViewDto[] | undefined;
  loading: boolean;
  selectedId: string | undefined;
  onDelete(view: ViewDto): void;
  /** A view was picked (the drawer holding the list closes). */
  onNavigate?(): void;
};

/** "All partners", the six built-in views (docs/RULES.md "Views and workflows"), then the saved views. */
export function ViewsSidebar({ views, loading, selectedId, onDelete, onNavigate }: ViewsSidebarProps) {
  const builtIn = views?.filter((v) => v.builtIn) ?? [];
  const saved = views?.filter((v) => !v.builtIn) ?? [];
  const item = (view: ViewDto | undefined) => {
    const active = view ? view.id === selectedId : selectedId === undefined;
    const link = (
      <NavLink
        key={view?.id ?? 'all'}
        renderRoot={(props) => (
          // "All partners" is the URL without a view: explicitUndefined keeps it inactive on a view.
          <Link {...props} to="/partners" search={{ view: view?.id }} activeOptions={{ explicitUndefined: true }} />
        )}
        label={view?.name ?? 'All partners'}
        title={view?.description ?? undefined}
        active={active}
        onClick={onNavigate}
        aria-current={active ? 'page' : undefined}
        data-view-id={view?.id ?? ''}
      />
    );
    if (!view || view.builtIn) return link;
    // The delete button sits beside the link, not inside it: one control, one name.
    return (
      <Group key={view.id} gap={2} wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>{link}</div>
        <Can permission="views:write">
          <Tooltip label="Delete this view">
            <ActionIcon variant="subtle" color="gray" aria-label={`Delete view ${view.name}`} onClick={() => onDelete(view)}>
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Tooltip>
        </Can>
      </Group>
    );
  };
  return (
    <nav aria-label="Views" data-testid="views-sidebar">
      <Stack gap={2}>
        {item(undefined)}
        {builtIn.map(item)}
        {loading ? <Loader size="sm" aria-label="Loading views" m="sm" /> : null}
        <Text size="xs" fw={700} c="gray.7" tt="uppercase" mt="md" px="sm" id="saved-views-heading">
          Saved views
        </Text>
        {saved.length === 0 && !loading ? (
          <Text size="sm" c="gray.7" px="sm">
            None yet: sort and choose columns, then "Save view".
          </Text>
        ) : (
          saved.map(item)
        )}
      </Stack>
    </nav>
  );
}
