import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { operationName, useApiMutation } from '../../../lib/use-api';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { ChannelChoice } from './ChannelChoice';
import { MARKETING_CHANNEL_SETTINGS, UPDATE_MARKETING_CHANNEL_SETTINGS } from './channel-settings.documents';
import { twilioInput, twilioValues, validateTwilio, type ChannelSettings, type TwilioFormValues } from './channel-settings-form';
import { SecretStatus } from './SecretStatus';

const TWILIO_FIELDS = { 'twilio.accountSid': 'accountSid', 'twilio.authToken': 'authToken', 'twilio.from': 'from', twilio: 'accountSid' };

/** The company's own Twilio account for campaign SMS, or the platform's; the auth token is write-only. */
export function TwilioCard({ twilio }: { twilio: ChannelSettings['twilio'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation(UPDATE_MARKETING_CHANNEL_SETTINGS);
  const hasAuthToken = twilio?.hasAuthToken ?? false;
  const form = useForm<TwilioFormValues>({ initialValues: twilioValues(twilio), validate: (values) => validateTwilio(t, values, hasAuthToken) });

  async function submit(values: TwilioFormValues) {
    try {
      const { updateMarketingChannelSettings } = await save.mutateAsync({ input: { twilio: twilioInput(values) } });
      client.setQueryData([operationName(MARKETING_CHANNEL_SETTINGS), {}], { marketingChannelSettings: updateMarketingChannelSettings });
      notifications.show({ color: 'green', message: values.own ? t('subscriptions.channels.twilio.saved') : t('subscriptions.channels.twilio.cleared') });
    } catch (error) {
      showApiError(t, error, form, TWILIO_FIELDS);
    }
  }

  return (
    <SettingsCard title={t('subscriptions.channels.twilio.title')} description={t('subscriptions.channels.twilio.description')} labelledBy="twilio-settings-title">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('subscriptions.channels.twilio.title')}>
        <Stack gap="md">
          <ChannelChoice
            label={t('subscriptions.channels.twilio.choice')}
            own={form.values.own}
            platformLabel={t('subscriptions.channels.twilio.platform')}
            ownLabel={t('subscriptions.channels.twilio.own')}
            onChange={(own) => form.setFieldValue('own', own)}
          />
          {form.values.own && (
            <>
              <TextInput label={t('subscriptions.channels.twilio.accountSid')} required autoComplete="off" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} {...form.getInputProps('accountSid')} />
              <PasswordInput
                label={
                  <Group gap="xs" component="span">
                    <span>{t('subscriptions.channels.twilio.authToken')}</span>
                    <SecretStatus kept={hasAuthToken} />
                  </Group>
                }
                description={hasAuthToken ? t('subscriptions.channels.keepSecret') : undefined}
                required={!hasAuthToken}
                autoComplete="new-password"
                {...form.getInputProps('authToken')}
              />
              <TextInput label={t('subscriptions.channels.twilio.from')} description={t('subscriptions.channels.twilio.fromHint')} placeholder="+40721234567" required autoComplete="off" {...form.getInputProps('from')} />
            </>
          )}
          {!form.values.own && twilio && (
            <Text fz="sm" c="dimmed">
              {t('subscriptions.channels.twilio.clearHint')}
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
