import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TemplatePicker } from '../campaigns/TemplatePicker';
import { HOUR_MAX, WAIT_DAYS_MAX, type AutomationFormValues, type StepValues } from './automation-form';
import type { AutomationOptions } from './use-automation-names';

interface StepFieldsProps {
  form: UseFormReturnType<AutomationFormValues>;
  step: StepValues;
  index: number;
  options: AutomationOptions;
}

/** The settings of one step of the builder, by its kind. */
export function StepFields({ form, step, index, options }: StepFieldsProps) {
  const { t } = useTranslation();
  const path = (field: keyof StepValues) => `steps.${index}.${field}`;
  switch (step.kind) {
    case 'WAIT':
      return (
        <Group gap="sm" align="flex-start" grow>
          <NumberInput label={t('automations.step.days')} min={0} max={WAIT_DAYS_MAX} allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps(path('days'))} />
          <NumberInput label={t('automations.step.hours')} min={0} max={HOUR_MAX} allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps(path('hours'))} />
        </Group>
      );
    case 'SEND_EMAIL':
    case 'SEND_SMS': {
      const channel = step.kind === 'SEND_EMAIL' ? 'EMAIL' : 'SMS';
      return (
        <TemplatePicker
          label={t(`automations.step.template.${channel}`)}
          description={t(`automations.step.templateHint.${channel}`)}
          channel={channel}
          value={step.templateId}
          onChange={(id) => form.setFieldValue(path('templateId'), id)}
          error={form.errors[path('templateId')]}
          required
        />
      );
    }
    case 'CONDITION':
      return (
        <Stack gap={6}>
          <Select
            label={t('automations.step.conditionSegment')}
            description={t('automations.step.conditionHint')}
            placeholder={step.contactFilter ? t('automations.step.filterKept') : t('automations.form.segmentPlaceholder')}
            data={[
              { group: t('marketing.audience.peopleSegments'), items: options.segments.people },
              { group: t('marketing.audience.customerSegments'), items: options.segments.customers },
            ].filter((group) => group.items.length > 0)}
            value={step.segmentId}
            onChange={(id) => form.setFieldValue(`steps.${index}`, { ...step, segmentId: id, contactFilter: id ? null : step.contactFilter })}
            searchable
            required
            nothingFoundMessage={t('automations.form.noSegments')}
            error={form.errors[path('segmentId')] ?? form.errors[path('contactFilter')]}
            comboboxProps={{ withinPortal: true }}
          />
          {step.contactFilter && !step.segmentId && (
            <Text fz="xs" c="dimmed">
              {t('automations.step.filterNote')}
            </Text>
          )}
        </Stack>
      );
  }
}
