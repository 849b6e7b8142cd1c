import { Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ModuleKey } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { required } from '../../../lib/validators';
import { useStartSession, useViewer } from '../../../lib/viewer';
import { CREATE_TENANT } from './auth.documents';
import { MODULE_CHOICES } from './module-choices';
import { useSwitchCompany } from './use-switch-company';

/** The person's companies, to switch between, and a new one to add. */
export function SwitchCompanyPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const switchCompany = useSwitchCompany();
  const startSession = useStartSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { companyName: '', modules: ['CRM'] as string[] },
    validate: { companyName: required(t), modules: (value) => (value.length === 0 ? t('auth.signUp.pickModule') : null) },
  });
  if (!viewer) return null;

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      const modules = MODULE_CHOICES.map((choice) => choice.key).filter((key): key is ModuleKey => values.modules.includes(key));
      const { createTenant } = await request(CREATE_TENANT, { input: { companyName: values.companyName.trim(), modules } });
      startSession(createTenant.token);
      navigate('/');
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={640}>
      <Title order={1}>{t('switchCompany.title')}</Title>
      <Stack gap="xs">
        {viewer.memberships.map((membership) => (
          <Card key={membership.tenantId} withBorder padding="sm">
            <Group justify="space-between">
              <div>
                <Text fw={600}>{membership.tenantName}</Text>
                <Badge variant="light">{t(`roles.${membership.role}`)}</Badge>
              </div>
              {membership.tenantId === viewer.tenant.id ? (
                <Text fz="sm" c="dimmed">
                  {t('switchCompany.current')}
                </Text>
              ) : (
                <Button variant="light" onClick={() => switchCompany(membership.tenantId)}>
                  {t('switchCompany.open')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <Card withBorder>
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack>
            <Title order={2} fz="h3">
              {t('switchCompany.addTitle')}
            </Title>
            <TextInput label={t('auth.signUp.companyName')} required {...form.getInputProps('companyName')} />
            <Checkbox.Group label={t('auth.signUp.modules')} {...form.getInputProps('modules')}>
              <Group mt="xs">
                {MODULE_CHOICES.map((choice) => (
                  <Checkbox key={choice.key} value={choice.key} label={t(`modules.${choice.key}.name`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={busy}>
                {t('switchCompany.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
