import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { useToken } from '../../../lib/session-store';
import { email, required } from '../../../lib/validators';
import { startSession } from '../../../lib/viewer';
import { LOG_IN } from './auth.documents';

/** Only paths inside the app are followed after log-in (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || /[\\\s\p{Cc}]/u.test(next)) return '/';
  try {
    const target = new URL(next, window.location.origin);
    return target.origin === window.location.origin ? `${target.pathname}${target.search}${target.hash}` : '/';
  } catch {
    return '/';
  }
}

export function LogInPage() {
  const { t } = useTranslation();
  const token = useToken();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: email(t), password: required(t, 256) },
  });
  if (token) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(values: typeof form.values) {
    setBusy(true);
    setFailure(null);
    try {
      const { logIn } = await request(LOG_IN, { input: { email: values.email.trim(), password: values.password } });
      startSession(logIn.token);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'RATE_LIMITED')) {
        setFailure(error.code === 'UNAUTHENTICATED' ? t('auth.logIn.failed') : errorMessage(t, error));
      } else showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        <Title order={1} fz="h2">
          {t('auth.logIn.title')}
        </Title>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Group justify="space-between">
          <Anchor component={Link} to="/forgot-password" fz="sm">
            {t('auth.logIn.forgot')}
          </Anchor>
          <Button type="submit" loading={busy}>
            {t('auth.logIn.submit')}
          </Button>
        </Group>
        <Text fz="sm">
          {t('auth.logIn.noAccount')}{' '}
          <Anchor component={Link} to="/signup">
            {t('auth.logIn.signUp')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
