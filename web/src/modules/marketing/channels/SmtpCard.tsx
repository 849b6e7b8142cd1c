import { Button, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { operationName, useApiMutation } from '../../../lib/use-api';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { ChannelChoice } from './ChannelChoice';
import { MARKETING_CHANNEL_SETTINGS, UPDATE_MARKETING_CHANNEL_SETTINGS } from './channel-settings.documents';
import { smtpInput, smtpValues, validateSmtp, type ChannelSettings, type SmtpFormValues } from './channel-settings-form';
import { SecretStatus } from './SecretStatus';

/** Where the API's refusals land on this form. */
const SMTP_FIELDS = { 'smtp.host': 'host', 'smtp.port': 'port', 'smtp.username': 'username', 'smtp.password': 'password', 'smtp.from': 'from', smtp: 'host' };
const IMPLICIT_TLS_PORT = 465;
const SUBMISSION_PORT = 587;

/** The company's own SMTP server for campaign email, or the platform's; the password is write-only. */
export function SmtpCard({ smtp }: { smtp: ChannelSettings['smtp'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation(UPDATE_MARKETING_CHANNEL_SETTINGS);
  const hasPassword = smtp?.hasPassword ?? false;
  const form = useForm<SmtpFormValues>({ initialValues: smtpValues(smtp), validate: (values) => validateSmtp(t, values, hasPassword) });

  async function submit(values: SmtpFormValues) {
    try {
      const { updateMarketingChannelSettings } = await save.mutateAsync({ input: { smtp: smtpInput(values, hasPassword) } });
      // The card starts afresh from the answer (its key changes): the password typed is not kept in the page.
      client.setQueryData([operationName(MARKETING_CHANNEL_SETTINGS), {}], { marketingChannelSettings: updateMarketingChannelSettings });
      notifications.show({ color: 'green', message: values.own ? t('subscriptions.channels.smtp.saved') : t('subscriptions.channels.smtp.cleared') });
    } catch (error) {
      showApiError(t, error, form, SMTP_FIELDS);
    }
  }

  /** The usual port goes with the TLS choice, unless another port was typed. */
  function changeSecure(secure: boolean) {
    const port = Number(form.values.port);
    form.setValues({ secure, port: secure && port === SUBMISSION_PORT ? IMPLICIT_TLS_PORT : !secure && port === IMPLICIT_TLS_PORT ? SUBMISSION_PORT : form.values.port });
  }

  return (
    <SettingsCard title={t('subscriptions.channels.smtp.title')} description={t('subscriptions.channels.smtp.description')} labelledBy="smtp-settings-title">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('subscriptions.channels.smtp.title')}>
        <Stack gap="md">
          <ChannelChoice
            label={t('subscriptions.channels.smtp.choice')}
            own={form.values.own}
            platformLabel={t('subscriptions.channels.smtp.platform')}
            ownLabel={t('subscriptions.channels.smtp.own')}
            onChange={(own) => form.setFieldValue('own', own)}
          />
          {form.values.own && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('subscriptions.channels.smtp.host')} placeholder="smtp.example.com" required autoComplete="off" style={{ gridColumn: 'span 2' }} {...form.getInputProps('host')} />
                <NumberInput label={t('subscriptions.channels.smtp.port')} required min={1} max={65_535} allowDecimal={false} allowNegative={false} hideControls {...form.getInputProps('port')} />
              </SimpleGrid>
              <Switch
                label={t('subscriptions.channels.smtp.secure')}
                description={t('subscriptions.channels.smtp.secureHint')}
                checked={form.values.secure}
                onChange={(event) => changeSecure(event.currentTarget.checked)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
                <TextInput label={t('subscriptions.channels.smtp.username')} autoComplete="off" {...form.getInputProps('username')} />
                <PasswordInput
                  label={
                    <Group gap="xs" component="span">
                      <span>{t('subscriptions.channels.smtp.password')}</span>
                      <SecretStatus kept={hasPassword} />
                    </Group>
                  }
                  description={hasPassword ? t('subscriptions.channels.keepSecret') : undefined}
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
              </SimpleGrid>
              <TextInput label={t('subscriptions.channels.smtp.from')} description={t('subscriptions.channels.smtp.fromHint')} type="email" required autoComplete="off" {...form.getInputProps('from')} />
            </>
          )}
          {!form.values.own && smtp && (
            <Text fz="sm" c="dimmed">
              {t('subscriptions.channels.smtp.clearHint')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
