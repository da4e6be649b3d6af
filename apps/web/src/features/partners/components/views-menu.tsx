import { Button, Drawer } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ViewsSidebar, type ViewsSidebarProps } from './views-sidebar';

/**
 * The views list folded behind a "Views" button on screens too narrow for it beside the grid (issue 14:
 * at 1280 px the sidebar left the grid half its columns; on a phone it filled the first screen).
 */
export function ViewsMenu({ onDelete, ...props }: ViewsSidebarProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open} aria-expanded={opened} data-testid="views-menu-button">
        <span aria-hidden="true">☰&nbsp;</span>Views
      </Button>
      <Drawer opened={opened} onClose={close} title="Views" size={280} padding="sm">
        <ViewsSidebar
          {...props}
          onNavigate={close}
          onDelete={(view) => {
            close();
            onDelete(view);
          }}
        />
      </Drawer>
    </>
  );
}
