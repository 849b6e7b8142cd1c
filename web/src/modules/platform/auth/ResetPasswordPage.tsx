import { Alert, Anchor, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { sessionStore } from '../../../lib/session-store';
import { newPassword, PASSWORD_MIN } from '../../../lib/validators';
import { RESET_PASSWORD } from './auth.documents';

/** Opened from the emailed link; a new password ends every session, this browser's too. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { newPassword: '', repeat: '' },
    validate: { newPassword: newPassword(t), repeat: (value, values) => (value === values.newPassword ? null : t('auth.reset.mismatch')) },
  });

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      await request(RESET_PASSWORD, { input: { token, newPassword: values.newPassword } });
      sessionStore.set(null);
      setDone(true);
    } catch (error) {
      showApiError(t, error, { values: { ...form.values, token: '' }, setFieldError: (field, message) => (field === 'token' ? setLinkError(message) : form.setFieldError(field, message)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('auth.reset.title')}
      </Title>
      {done ? (
        <Alert color="green" role="status">
          {t('auth.reset.done')}
        </Alert>
      ) : !token ? (
        <Alert color="red" role="alert">
          {t('errors.reason.INVALID_LINK')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack>
            {linkError && (
              <Alert color="red" role="alert">
                {linkError}
              </Alert>
            )}
            <PasswordInput label={t('auth.reset.newPassword')} description={t('auth.passwordHint', { min: PASSWORD_MIN })} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
            <PasswordInput label={t('auth.reset.repeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
            <Button type="submit" loading={busy}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" fz="sm">
        {t('auth.backToLogIn')}
      </Anchor>
    </Stack>
  );
}
