import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { UserMenu } from '../features/auth/components/user-menu';
import { AddPartnerButton } from '../features/partners/components/add-partner-button';

const NAV = [
  { to: '/', label: 'Today' },
  { to: '/partners', label: 'Partners' },
  { to: '/review', label: 'Weekly review' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/settings', label: 'Settings' },
] as const;

/** Header and navigation around every page; on a phone the navigation folds behind a menu button. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // The partner grid uses the full width; reading pages keep a comfortable line length.
  const wide = pathname.replace(/\/$/, '') === '/partners';
  return (
    // Borders drawn by global.css: Mantine's navbar border stays visible at the screen edge when folded.
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      withBorder={false}
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header className="shell-header">
        <Group h="100%" px="md" gap="sm">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? 'Close navigation' : 'Open navigation'}
          />
          <Text fw={700} size="lg" component={Link} to="/" c="dark.9" td="none">
            Partner Tracker
          </Text>
          <Group ml="auto" gap="xs">
            <AddPartnerButton shortcut />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main" className="shell-navbar">
        {NAV.map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div className={wide ? 'page page-wide' : 'page'}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
