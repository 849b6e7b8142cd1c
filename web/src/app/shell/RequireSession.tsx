import { Alert, Button, Center, Loader, Stack, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useToken } from '../../lib/session-store';
import { errorMessage } from '../../lib/error-message';
import { useViewerQuery } from '../../lib/viewer';

/** Signed-out visitors go to the log-in page and come back to where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const token = useToken();
  const state = useViewerQuery();
  const viewer = token ? (state.data?.me ?? null) : null;
  const location = useLocation();
  const { t } = useTranslation();
  if (!token) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!viewer && state.isError) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title={t('errors.title')} role="alert" maw={480}>
          <Stack gap="sm" align="flex-start">
            <span>{errorMessage(t, state.error)}</span>
            <Button onClick={() => void state.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (!viewer) {
    return (
      <Center h="100vh">
        <Loader />
        <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      </Center>
    );
  }
  return children;
}
