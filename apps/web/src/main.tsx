import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { sessionQuery } from './features/auth/hooks/use-session';
import { partnerRowsQuery } from './features/partners/hooks/use-partner-rows';
import { todayQuery } from './features/today/hooks/use-today';

// The two pages people open first ask for their data now, while React and the router start, not after
// (the grid also fetches its lazily loaded code at the same time as its rows).
void queryClient.prefetchQuery(sessionQuery);
const path = window.location.pathname.replace(/\/$/, '');
if (path === '') void queryClient.prefetchInfiniteQuery(todayQuery);
if (path === '/partners' && window.location.search === '') {
  void queryClient.prefetchInfiniteQuery(partnerRowsQuery({}));
  void import('./features/partners/components/partners-page');
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" limit={2} autoClose={4000} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
