import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { request } from '../../../lib/graphql-client';
import { required } from '../../../lib/validators';
import { startSession, useViewer } from '../../../lib/viewer';
import { CREATE_TENANT } from './auth.documents';
import { DEFAULT_MODULES } from './module-choices';
import { ModuleChoiceGroup } from './ModuleChoiceGroup';
import { useSwitchCompany } from './use-switch-company';

/** The person's companies, to switch between, and a new one to add. */
export function SwitchCompanyPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const switchCompany = useSwitchCompany();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { companyName: '', modules: DEFAULT_MODULES },
    validate: { companyName: required(t), modules: (value) => (value.length === 0 ? t('auth.signUp.pickModule') : null) },
  });
  if (!viewer) return null;

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      const { createTenant } = await request(CREATE_TENANT, { input: { companyName: values.companyName.trim(), modules: values.modules } });
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
            <ModuleChoiceGroup value={form.values.modules} onChange={(modules) => form.setFieldValue('modules', modules)} error={form.errors.modules} />
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
