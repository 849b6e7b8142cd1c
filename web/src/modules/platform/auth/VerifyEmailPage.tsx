import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { request } from '../../../lib/graphql-client';
import { VERIFY_EMAIL } from './auth.documents';

/** Opened from the emailed link: confirms the address once, and says so. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useQueryClient();
  const verify = useMutation<boolean, ApiError, string>({
    mutationFn: async (value) => (await request(VERIFY_EMAIL, { input: { token: value } })).verifyEmail,
    // Signed in, the checklist and profile show the address as confirmed at once.
    onSuccess: () => client.invalidateQueries({ queryKey: ['Viewer'] }),
  });
  const { mutate } = verify;
  // A link works once: never send it twice, even when React runs effects twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('auth.verify.title')}
      </Title>
      {verify.isPending && <Loader aria-label={t('common.loading')} />}
      {verify.isSuccess && (
        <Alert color="green" role="status">
          {t('auth.verify.done')}
        </Alert>
      )}
      {(verify.isError || !token) && (
        <Alert color="red" role="alert">
          {verify.error ? errorMessage(t, verify.error) : t('errors.reason.INVALID_LINK')}
        </Alert>
      )}
      <Anchor component={Link} to="/" fz="sm">
        {t('auth.verify.continue')}
      </Anchor>
    </Stack>
  );
}
