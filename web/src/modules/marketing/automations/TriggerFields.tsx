import { Anchor, Checkbox, Group, Radio, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AutomationTriggerKind } from '../../../gql/graphql';
import { DATE_MODES, emptyTrigger, TRIGGER_FEATURE, TRIGGER_KINDS, type AutomationFormValues } from './automation-form';
import { useHourFormat, type AutomationOptions } from './use-automation-names';

interface TriggerFieldsProps {
  form: UseFormReturnType<AutomationFormValues>;
  options: AutomationOptions;
  /** The company's time zone: a date trigger's hour is its clock's. */
  zone: string;
  /** Switched on before: "the people already in the segment" no longer applies. */
  activatedBefore: boolean;
  disabled: boolean;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function isTriggerKind(value: string | null): value is AutomationTriggerKind {
  return TRIGGER_KINDS.some((kind) => kind === value);
}

/** What starts a run: the kind (those whose CRM feature is on), then the settings of that kind. */
export function TriggerFields({ form, options, zone, activatedBefore, disabled }: TriggerFieldsProps) {
  const { t } = useTranslation();
  const hour = useHourFormat();
  const trigger = form.values.trigger;
  const kinds = TRIGGER_KINDS.filter((kind) => kind === trigger.kind || options.on(TRIGGER_FEATURE[kind]));

  function changeKind(value: string | null) {
    if (!isTriggerKind(value) || value === trigger.kind) return;
    // Settings of one kind mean nothing to another.
    form.setFieldValue('trigger', emptyTrigger(value));
    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([key]) => !key.startsWith('trigger'))));
  }

  const pipeline = options.pipelines.find((p) => p.id === trigger.pipelineId) ?? options.pipelines[0];
  const stagePipeline = trigger.stageId ? options.pipelines.find((p) => p.stages.some((s) => s.value === trigger.stageId)) : pipeline;

  return (
    <Stack gap="sm">
      <Select
        label={t('automations.form.trigger')}
        description={t(`automations.triggerHelp.${trigger.kind}`)}
        data={kinds.map((kind) => ({ value: kind, label: t(`automations.triggerKind.${kind}`) }))}
        value={trigger.kind}
        onChange={changeKind}
        allowDeselect={false}
        leftSection={<IconBolt size={16} aria-hidden />}
        disabled={disabled}
        error={form.errors['trigger.kind'] ?? form.errors.trigger}
        comboboxProps={{ withinPortal: true }}
      />
      {trigger.kind === 'SEGMENT_ENTERED' && (
        <>
          <Select
            label={t('automations.form.segment')}
            placeholder={t('automations.form.segmentPlaceholder')}
            data={[
              { group: t('marketing.audience.peopleSegments'), items: options.segments.people },
              { group: t('marketing.audience.customerSegments'), items: options.segments.customers },
            ].filter((group) => group.items.length > 0)}
            searchable
            required
            nothingFoundMessage={t('automations.form.noSegments')}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('trigger.segmentId')}
          />
          <Checkbox
            label={t('automations.form.includeExisting')}
            description={activatedBefore ? t('automations.form.includeExistingUsed') : t('automations.form.includeExistingHint')}
            disabled={disabled || activatedBefore}
            {...form.getInputProps('trigger.includeExisting', { type: 'checkbox' })}
          />
        </>
      )}
      {trigger.kind === 'DEAL_STAGE_REACHED' && (
        <>
          <Select
            label={t('automations.form.pipeline')}
            data={options.pipelines.map((p) => ({ value: p.id, label: p.name }))}
            value={stagePipeline?.id ?? null}
            onChange={(id) => form.setValues({ trigger: { ...trigger, pipelineId: id, stageId: null } })}
            allowDeselect={false}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('automations.form.stage')}
            placeholder={t('automations.form.stagePlaceholder')}
            data={stagePipeline?.stages ?? []}
            required
            disabled={disabled || !stagePipeline}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('trigger.stageId')}
          />
        </>
      )}
      {trigger.kind === 'DEAL_WON' && (
        <Select
          label={t('automations.form.pipeline')}
          placeholder={t('automations.form.anyPipeline')}
          description={t('automations.form.pipelineWonHint')}
          data={options.pipelines.map((p) => ({ value: p.id, label: p.name }))}
          clearable
          clearButtonProps={{ 'aria-label': t('automations.form.anyPipeline'), 'aria-hidden': false, tabIndex: 0 }}
          disabled={disabled}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('trigger.pipelineId')}
        />
      )}
      {trigger.kind === 'DATE_FIELD' && (
        <>
          <Select
            label={t('automations.form.dateField')}
            placeholder={t('automations.form.dateFieldPlaceholder')}
            description={
              options.dateFields.length === 0 ? (
                <Text span fz="xs">
                  {t('automations.form.noDateFields')}{' '}
                  <Anchor component={Link} to="/settings/fields" target="_blank" fz="xs">
                    {t('automations.form.addDateField')}
                  </Anchor>
                </Text>
              ) : undefined
            }
            data={options.dateFields}
            required
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('trigger.customFieldKey')}
          />
          <Radio.Group
            label={t('automations.form.dateMode')}
            value={trigger.dateMode}
            onChange={(value) => {
              const mode = DATE_MODES.find((m) => m === value);
              if (mode) form.setFieldValue('trigger.dateMode', mode);
            }}
          >
            <Group gap="lg" mt={6}>
              {DATE_MODES.map((mode) => (
                <Radio key={mode} value={mode} label={t(`automations.dateMode.${mode}`)} disabled={disabled} />
              ))}
            </Group>
          </Radio.Group>
          <Select
            label={t('automations.form.hour')}
            description={t('automations.form.hourHint', { zone })}
            data={HOURS.map((h) => ({ value: String(h), label: hour(h) }))}
            value={String(trigger.hour)}
            onChange={(value) => value !== null && form.setFieldValue('trigger.hour', Number(value))}
            allowDeselect={false}
            disabled={disabled}
            error={form.errors['trigger.hour']}
            comboboxProps={{ withinPortal: true }}
          />
        </>
      )}
    </Stack>
  );
}
