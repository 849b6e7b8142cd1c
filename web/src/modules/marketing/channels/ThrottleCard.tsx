import { Button, Group, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { operationName, useApiMutation } from '../../../lib/use-api';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { MARKETING_CHANNEL_SETTINGS, UPDATE_MARKETING_CHANNEL_SETTINGS } from './channel-settings.documents';
import { PER_MINUTE_MAX, throttleInput, throttleValues, validateThrottle, type ChannelSettings, type ThrottleFormValues } from './channel-settings-form';

const THROTTLE_FIELDS = { emailsPerMinute: 'emails', smsPerMinute: 'sms' };

/** The company's own ceilings per minute for all its campaigns together (a provider's limits); empty: none. */
export function ThrottleCard({ settings }: { settings: Pick<ChannelSettings, 'emailsPerMinute' | 'smsPerMinute'> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation(UPDATE_MARKETING_CHANNEL_SETTINGS);
  const form = useForm<ThrottleFormValues>({ initialValues: throttleValues(settings), validate: (values) => validateThrottle(t, values) });

  async function submit(values: ThrottleFormValues) {
    try {
      const { updateMarketingChannelSettings } = await save.mutateAsync({ input: throttleInput(values) });
      client.setQueryData([operationName(MARKETING_CHANNEL_SETTINGS), {}], { marketingChannelSettings: updateMarketingChannelSettings });
      notifications.show({ color: 'green', message: t('subscriptions.channels.throttle.saved') });
    } catch (error) {
      showApiError(t, error, form, THROTTLE_FIELDS);
    }
  }

  const number = { min: 1, max: PER_MINUTE_MAX, allowDecimal: false, allowNegative: false, thousandSeparator: false, placeholder: t('subscriptions.channels.throttle.noLimit') };
  return (
    <SettingsCard title={t('subscriptions.channels.throttle.title')} description={t('subscriptions.channels.throttle.description')} labelledBy="throttle-settings-title">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('subscriptions.channels.throttle.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('subscriptions.channels.throttle.emails')} {...number} {...form.getInputProps('emails')} />
            <NumberInput label={t('subscriptions.channels.throttle.sms')} {...number} {...form.getInputProps('sms')} />
          </SimpleGrid>
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
