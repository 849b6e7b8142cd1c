import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCalendarTime, IconGauge } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { TemplatePicker } from './TemplatePicker';
import { TEST_SHARE_MAX, TEST_SHARE_MIN, THROTTLE_MAX, type CampaignFormValues } from './campaign-form';

type CampaignForm = UseFormReturnType<CampaignFormValues>;

/** The 24 hours of a day on the user's clock ("21:00" or "9:00 PM"). */
function useHourOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    return Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: format.format(Date.UTC(2000, 0, 1, hour)) }));
  }, [locale]);
}

/** How fast it goes out, and (SMS) the night hours nobody is texted in, on the recipient's own clock. */
export function ThrottleFields({ form }: { form: CampaignForm }) {
  const { t } = useTranslation();
  const hours = useHourOptions();
  const sms = form.values.channel === 'SMS';
  return (
    <>
      <NumberInput
        label={t('marketing.campaigns.fields.throttle')}
        description={t('marketing.campaigns.form.throttleHint')}
        placeholder={t('marketing.campaigns.form.throttlePlaceholder')}
        min={1}
        max={THROTTLE_MAX}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=" "
        leftSection={<IconGauge size={16} aria-hidden />}
        {...form.getInputProps('throttle')}
      />
      {sms && (
        <Switch
          label={t('marketing.campaigns.fields.quietHours')}
          description={t('marketing.campaigns.form.quietHoursHint')}
          mt={{ sm: 'lg' }}
          {...form.getInputProps('quietHours', { type: 'checkbox' })}
        />
      )}
      {sms && form.values.quietHours && (
        <SimpleGrid cols={2} spacing="sm" style={{ gridColumn: '1 / -1' }}>
          <Select label={t('marketing.campaigns.fields.quietStart')} data={hours} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('quietStart')} />
          <Select label={t('marketing.campaigns.fields.quietEnd')} data={hours} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('quietEnd')} />
        </SimpleGrid>
      )}
    </>
  );
}

/** A second template tried on a share of the audience; the one more people open (then click) goes to the rest at the time set. */
export function AbTestFields({ form }: { form: CampaignForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Switch
        label={t('marketing.campaigns.form.abTestSwitch')}
        description={t('marketing.campaigns.form.abTestHint')}
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('abTest', { type: 'checkbox' })}
      />
      {form.values.abTest && (
        <>
          <TemplatePicker
            label={t('marketing.campaigns.fields.variant')}
            description={t('marketing.campaigns.form.variantHint')}
            channel={form.values.channel}
            value={form.values.variantTemplateId}
            onChange={(id) => form.setFieldValue('variantTemplateId', id)}
            exclude={form.values.templateId}
            error={form.errors.variantTemplateId}
            required
          />
          <NumberInput
            label={t('marketing.campaigns.fields.testShare')}
            description={t('marketing.campaigns.form.testShareHint')}
            min={TEST_SHARE_MIN}
            max={TEST_SHARE_MAX}
            allowDecimal={false}
            allowNegative={false}
            suffix="%"
            required
            {...form.getInputProps('testShare')}
          />
          <TextInput
            type="datetime-local"
            label={t('marketing.campaigns.fields.winnerAt')}
            description={t('marketing.campaigns.form.winnerAtHint', { zone: form.values.zone })}
            required
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            {...form.getInputProps('winnerAt')}
          />
        </>
      )}
    </>
  );
}
