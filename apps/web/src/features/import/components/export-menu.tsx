import { Button, Menu } from '@mantine/core';
import { exportHref } from '../api/imports.api';

// `filter` is the API's filter parameter as the grid sends it: this menu does not read the grid's conditions.
type Props = { view?: string | undefined; q?: string | undefined; filter?: string | undefined; disabled?: boolean };

/**
 * Downloads the partners the grid shows (its view, search and filter) as CSV or Excel, in the tracker
 * sheet's column order. Plain links: the server answers with an attachment and the browser saves it.
 */
export function ExportMenu({ view, q, filter, disabled }: Props) {
  const href = (format: 'csv' | 'xlsx') => exportHref({ format, view, q, filter });
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" disabled={disabled}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>These partners as</Menu.Label>
        <Menu.Item component="a" href={href('csv')} download>
          CSV
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download>
          Excel (.xlsx)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
