import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { email } from '../../../lib/validators';
import { REQUEST_PASSWORD_RESET } from './auth.documents';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { email: '' }, validate: { email: email(t) } });

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      await request(REQUEST_PASSWORD_RESET, { input: { email: values.email.trim() } });
      setSentTo(values.email.trim());
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('auth.forgot.title')}
      </Title>
      {sentTo ? (
        <Alert color="green" role="status">
          {t('auth.forgot.sent', { email: sentTo })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack>
            <Text fz="sm" c="dimmed">
              {t('auth.forgot.intro')}
            </Text>
            <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={busy}>
              {t('auth.forgot.submit')}
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
