import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../lib/api-error';
import { AppRoutes } from './AppRoutes';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSync } from './LanguageSync';
import { SessionSync } from './SessionSync';
import { kontorTheme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only a lost connection is worth retrying; the API's own answers are final.
      retry: (count, error) => error instanceof ApiError && error.code === 'NETWORK' && count < 2,
    },
  },
});

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => kontorTheme(t), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <SessionSync />
        <LanguageSync />
        <BrowserRouter>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
