import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../../../components/LanguageSelect';
import type { SettingsCompanyQuery, UpdateTenantSettingsInput } from '../../../../gql/graphql';
import { intlLocale } from '../../../../i18n/languages';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { required } from '../../../../lib/validators';
import { currencyOptions, timeZoneOptions } from './company-options';
import { UPDATE_TENANT_SETTINGS } from './company.documents';

type Tenant = SettingsCompanyQuery['me']['tenant'];

export function CompanyForm({ tenant }: { tenant: Tenant }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const save = useApiMutation(UPDATE_TENANT_SETTINGS, ['SettingsCompany', 'Viewer']);
  const form = useForm({
    initialValues: { name: tenant.name, currency: tenant.settings.currency, timeZone: tenant.settings.timeZone, locale: tenant.settings.locale },
    validate: {
      name: required(t),
      currency: (value) => (value ? null : t('errors.reason.INVALID_CURRENCY')),
      timeZone: (value) => (value ? null : t('errors.reason.INVALID_TIME_ZONE')),
      locale: (value) => (value ? null : t('errors.reason.INVALID_LANGUAGE')),
    },
  });
  const currencies = useMemo(() => currencyOptions(locale, tenant.settings.currency), [locale, tenant.settings.currency]);
  const timeZones = useMemo(() => timeZoneOptions(locale, tenant.settings.timeZone), [locale, tenant.settings.timeZone]);

  function submit(values: typeof form.values) {
    // Only what changed is sent: a value the company already has is never refused on saving another.
    const input: UpdateTenantSettingsInput = {};
    const name = values.name.trim();
    if (name !== tenant.name) input.name = name;
    if (values.currency !== tenant.settings.currency) input.currency = values.currency;
    if (values.timeZone !== tenant.settings.timeZone) input.timeZone = values.timeZone;
    if (values.locale !== tenant.settings.locale) input.locale = values.locale;
    if (Object.keys(input).length === 0) {
      notifications.show({ color: 'green', message: t('settings.company.saved') });
      return;
    }
    save.mutate(
      { input },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('settings.company.saved') });
        },
        onError: (error) => showApiError(t, error, form),
      },
    );
  }

  return (
    <Card withBorder padding="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('settings.company.title')}>
        <Stack gap="md">
          <TextInput label={t('settings.company.name')} autoComplete="organization" required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('settings.company.currency')}
              description={t('settings.company.currencyHint')}
              data={currencies}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('settings.nothingFound')}
              required
              {...form.getInputProps('currency')}
            />
            <Select
              label={t('settings.company.timeZone')}
              description={t('settings.company.timeZoneHint')}
              data={timeZones}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('settings.nothingFound')}
              required
              {...form.getInputProps('timeZone')}
            />
            <LanguageSelect label={t('settings.company.language')} description={t('settings.company.languageHint')} required {...form.getInputProps('locale')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
