import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { useToken } from '../../../lib/session-store';
import { email, newPassword, optional, optionalText, PASSWORD_MIN, required } from '../../../lib/validators';
import { startSession } from '../../../lib/viewer';
import { SIGN_UP } from './auth.documents';
import { DEFAULT_MODULES } from './module-choices';
import { ModuleChoiceGroup } from './ModuleChoiceGroup';
import { deviceTimeZone } from '../../../lib/format';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const token = useToken();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { companyName: '', name: '', email: '', password: '', modules: DEFAULT_MODULES },
    validate: {
      companyName: required(t),
      name: optionalText(t),
      email: email(t),
      password: newPassword(t),
      modules: (value) => (value.length === 0 ? t('auth.signUp.pickModule') : null),
    },
  });
  if (token) return <Navigate to="/" replace />;

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      const { signUp } = await request(SIGN_UP, {
        input: {
          companyName: values.companyName.trim(),
          name: optional(values.name),
          email: values.email.trim(),
          password: values.password,
          modules: values.modules,
          locale: i18n.language,
          timeZone: deviceTimeZone(),
        },
      });
      startSession(signUp.token);
      navigate('/', { replace: true });
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        <Title order={1} fz="h2">
          {t('auth.signUp.title')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('auth.signUp.intro')}
        </Text>
        <TextInput label={t('auth.signUp.companyName')} autoComplete="organization" required {...form.getInputProps('companyName')} />
        <TextInput label={t('auth.signUp.name')} autoComplete="name" {...form.getInputProps('name')} />
        <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordInput label={t('auth.password')} description={t('auth.passwordHint', { min: PASSWORD_MIN })} autoComplete="new-password" required {...form.getInputProps('password')} />
        <ModuleChoiceGroup value={form.values.modules} onChange={(modules) => form.setFieldValue('modules', modules)} error={form.errors.modules} />
        <Button type="submit" loading={busy} fullWidth>
          {t('auth.signUp.submit')}
        </Button>
        <Text fz="sm">
          {t('auth.signUp.haveAccount')}{' '}
          <Anchor component={Link} to="/login">
            {t('auth.signUp.logIn')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
