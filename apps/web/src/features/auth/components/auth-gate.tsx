import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { AppLayout } from '../../../app/app-shell';
import { useSession } from '../hooks/use-session';
import { FirstRunPage } from './first-run-page';
import { NoAccessPage } from './no-access-page';
import { SignInDialog } from './sign-in-dialog';
import { SignInPage } from './sign-in-page';

// Pages for people who are not signed in (yet): they carry their own token in the address.
const PUBLIC_PAGES = ['/invite', '/reset-password'];

/**
 * The app asks who is signed in before anything else: a new server shows the first-run page, nobody
 * signed in the sign-in page (at the address asked for, which opens after signing in), else the app.
 */
export function AuthGate() {
  const session = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname.replace(/\/$/, '') });
  if (PUBLIC_PAGES.includes(pathname)) return <Outlet />;
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.error) {
    return (
      <Center mih="100vh" p="md">
        <Alert color="red" title="Partner Tracker could not be reached" role="alert" maw={440}>
          <Stack gap="xs" align="flex-start">
            {session.error.message}
            <Button size="xs" onClick={() => void session.refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (session.data.needsSetup) return <FirstRunPage />;
  if (!session.data.user) return <SignInPage />;
  if (!session.data.user.permissions.includes('workspace:read')) return <NoAccessPage me={session.data.user} />;
  return (
    <>
      <AppLayout />
      <SignInDialog />
    </>
  );
}
