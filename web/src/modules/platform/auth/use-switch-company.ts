import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { request } from '../../../lib/graphql-client';
import { showApiError } from '../../../lib/form-errors';
import { useStartSession } from '../../../lib/viewer';
import { SWITCH_TENANT } from './auth.documents';

/** Moves this session to another of the person's companies and opens its home page. */
export function useSwitchCompany(): (tenantId: string) => void {
  const { t } = useTranslation();
  const startSession = useStartSession();
  const navigate = useNavigate();
  return (tenantId) => {
    request(SWITCH_TENANT, { input: { tenantId } })
      .then(({ switchTenant }) => {
        startSession(switchTenant.token);
        navigate('/');
      })
      .catch((error: unknown) => showApiError(t, error));
  };
}
