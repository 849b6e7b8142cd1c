import { Anchor, Button, Checkbox, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ModuleKey } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { useToken } from '../../../lib/session-store';
import { email, newPassword, optional, optionalText, PASSWORD_MIN, required } from '../../../lib/validators';
import { useStartSession } from '../../../lib/viewer';
import { SIGN_UP } from './auth.documents';
import { MODULE_CHOICES } from './module-choices';

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const token = useToken();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { companyName: '', name: '', email: '', password: '', modules: ['CRM'] as ModuleKey[] },
    validate: {
      companyName: required(t),
      name: optionalText(t),
      email: email(t),
      password: newPassword(t),
      modules: (value) => (value.length === 0 ? t('auth.signUp.pickModule') : null),
    },
  });
  if (token) return <Navigate to="/" replace />;

  function choose(keys: string[]) {
    const chosen = new Set(keys);
    // A module that needs another cannot stay without it.
    for (const choice of MODULE_CHOICES) if (choice.needs.some((need) => !chosen.has(need))) chosen.delete(choice.key);
    form.setFieldValue('modules', MODULE_CHOICES.map((choice) => choice.key).filter((k) => chosen.has(k)));
  }

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
          timeZone: browserTimeZone(),
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
        <Checkbox.Group label={t('auth.signUp.modules')} description={t('auth.signUp.modulesHint')} error={form.errors.modules} value={form.values.modules} onChange={choose}>
          <Stack gap="xs" mt="xs">
            {MODULE_CHOICES.map((choice) => {
              const missing = choice.needs.filter((need) => !form.values.modules.includes(need));
              return (
                <Checkbox
                  key={choice.key}
                  value={choice.key}
                  disabled={missing.length > 0}
                  label={t(`modules.${choice.key}.name`)}
                  description={missing.length > 0 ? t('auth.signUp.needs', { modules: missing.map((m) => t(`modules.${m}.name`)).join(', ') }) : t(`modules.${choice.key}.description`)}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
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
