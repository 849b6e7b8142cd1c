import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { optional, optionalText, PASSWORD_MIN, required } from '../../../lib/validators';
import { startSession } from '../../../lib/viewer';
import { ACCEPT_INVITATION } from './auth.documents';

/** Opened from the emailed invitation: a new person chooses a password, an existing one enters theirs. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [linkError, setLinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { name: '', password: '' }, validate: { name: optionalText(t), password: required(t, 256) } });

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      const { acceptInvitation } = await request(ACCEPT_INVITATION, { input: { token, name: optional(values.name), password: values.password, locale: i18n.language } });
      startSession(acceptInvitation.token);
      navigate('/', { replace: true });
    } catch (error) {
      showApiError(t, error, { values: { ...form.values, token: '' }, setFieldError: (field, message) => (field === 'token' ? setLinkError(message) : form.setFieldError(field, message)) });
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <Alert color="red" role="alert">
        {t('errors.reason.INVALID_LINK')}
      </Alert>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        <Title order={1} fz="h2">
          {t('auth.invitation.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('auth.invitation.intro')}
        </Text>
        {linkError && (
          <Alert color="red" role="alert">
            {linkError}
          </Alert>
        )}
        <TextInput label={t('auth.invitation.name')} autoComplete="name" {...form.getInputProps('name')} />
        <PasswordInput label={t('auth.password')} description={t('auth.invitation.passwordHint', { min: PASSWORD_MIN })} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Button type="submit" loading={busy}>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
