import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';

/** The key that opens the add-partner page from anywhere (ignored while typing or with a dialog open). */
export const ADD_PARTNER_KEY = 'a';

/** "Add partner", with its keyboard shortcut registered while the button is on screen. */
export function AddPartnerButton({ size = 'sm', shortcut = false }: { size?: 'xs' | 'sm'; shortcut?: boolean }) {
  const navigate = useNavigate();
  useHotkeys(
    shortcut
      ? [
          [
            ADD_PARTNER_KEY,
            () => {
              if (document.querySelector('[role="dialog"]') === null) void navigate({ to: '/partners/new' });
            },
          ],
        ]
      : [],
  );
  return (
    <Button
      size={size}
      renderRoot={(props) => <Link {...props} to="/partners/new" />}
      aria-keyshortcuts={shortcut ? ADD_PARTNER_KEY.toUpperCase() : undefined}
      rightSection={shortcut ? <Kbd size="xs">{ADD_PARTNER_KEY.toUpperCase()}</Kbd> : undefined}
    >
      Add partner
    </Button>
  );
}
