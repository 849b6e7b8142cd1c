import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { startSession } from '../../../lib/viewer';
import { SWITCH_TENANT } from './auth.documents';

/** One switch at a time: a double click must not send two. */
let switching = false;

/** Moves this session to another of the person's companies and opens its home page. */
export function useSwitchCompany(): (tenantId: string) => void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (tenantId) => {
    if (switching) return;
    switching = true;
    request(SWITCH_TENANT, { input: { tenantId } })
      .then(({ switchTenant }) => {
        startSession(switchTenant.token);
        navigate('/');
      })
      .catch((error: unknown) => showApiError(t, error))
      .finally(() => {
        switching = false;
      });
  };
}
