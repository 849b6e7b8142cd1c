import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useToken } from '../../lib/session-store';
import { useViewer } from '../../lib/viewer';

/** Signed-out visitors go to the log-in page and come back to where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const token = useToken();
  const viewer = useViewer();
  const location = useLocation();
  const { t } = useTranslation();
  if (!token) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!viewer) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return children;
}
