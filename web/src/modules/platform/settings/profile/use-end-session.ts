import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionStore } from '../../../../lib/session-store';

/** This browser's session has ended: forget it and everything cached with it, and go to the log-in page. */
export function useEndSession(): (message: string) => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (message) => {
    // Leave the signed-in pages first, so they do not send the person to the log-in page with a way back.
    navigate('/login', { replace: true });
    sessionStore.set(null);
    client.clear();
    notifications.show({ color: 'green', title: t('settings.profile.sessions.endedTitle'), message });
  };
}
