import { Divider, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuilding, IconMail, IconPhone, IconUser, IconWorld } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { CustomFieldInputs } from '../fields/CustomFieldInputs';
import { changedCustomFieldInputs, createCustomFieldInputs, customFieldErrorPaths, type CustomFieldDef } from '../fields/custom-values';
import { AddressFields } from '../shared/AddressFields';
import { FormActions } from '../shared/FormActions';
import { FormSection } from '../shared/FormSection';
import { TagsField } from '../shared/TagsField';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { isCustomerKind, isLifecycleStage, isSourceChannel, LIFECYCLE_STAGES, SOURCE_CHANNELS } from './customer-options';
import { NO_OWNER, validateCustomer, type CustomerFormValues } from './customer-form';
import { CustomerSelect } from './CustomerSelect';

interface CustomerFormProps {
  initial: CustomerFormValues;
  /** The customer being edited (it cannot refer itself). */
  customerId?: string;
  /** Name of the customer who referred this one, when known (editing). */
  referrerName?: string | null;
  submitLabel: string;
  cancelTo: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: CustomerFormValues) => Promise<void>;
  /** The company's fields on customers (see useCustomFields); none while the feature is off. */
  customFields?: CustomFieldDef[];
}

/** The one form for adding and editing a customer: an organization or a private person. */
export function CustomerForm({ initial, customerId, referrerName, submitLabel, cancelTo, onSave, customFields = [] }: CustomerFormProps) {
  const creating = customerId === undefined;
  const { t } = useTranslation();
  const kindLabelId = useId();
  const [busy, setBusy] = useState(false);
  const form = useForm<CustomerFormValues>({
    initialValues: initial,
    validate: (values) => validateCustomer(t, values, { creating, fields: customFields, initial }),
  });
  const organization = form.values.kind === 'ORGANIZATION';

  async function submit(values: CustomerFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      const sent = creating ? createCustomFieldInputs(customFields, values.customFields) : changedCustomFieldInputs(customFields, initial.customFields, values.customFields);
      showApiError(t, error, form, customFieldErrorPaths(sent));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <FormSection title={t('crm.customers.form.customerSection')}>
            <Stack gap={4} style={{ gridColumn: '1 / -1' }}>
              <Text id={kindLabelId} component="div" fz="sm" fw={500}>
                {t('crm.customers.fields.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby={kindLabelId}
                fullWidth
                value={form.values.kind}
                onChange={(kind) => isCustomerKind(kind) && form.setFieldValue('kind', kind)}
                data={[
                  { value: 'ORGANIZATION', label: t('crm.customers.kind.ORGANIZATION') },
                  { value: 'PERSON', label: t('crm.customers.kind.PERSON') },
                ]}
              />
            </Stack>
            <TextInput
              label={organization ? t('crm.customers.fields.organizationName') : t('crm.customers.fields.personName')}
              required
              autoComplete="off"
              leftSection={organization ? <IconBuilding size={16} aria-hidden /> : <IconUser size={16} aria-hidden />}
              {...form.getInputProps('name')}
            />
            <Select
              label={t('crm.customers.fields.stage')}
              data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`crm.customers.stage.${stage}`) }))}
              value={form.values.lifecycleStage}
              onChange={(stage) => isLifecycleStage(stage) && form.setFieldValue('lifecycleStage', stage)}
              allowDeselect={false}
              error={form.errors.lifecycleStage}
              comboboxProps={{ withinPortal: true }}
            />
            <AssigneeSelect
              label={t('crm.customers.fields.owner')}
              description={t('crm.customers.form.ownerHint')}
              nobodyValue={NO_OWNER}
              value={form.values.ownerId}
              onChange={(owner) => form.setFieldValue('ownerId', owner ?? NO_OWNER)}
              error={form.errors.ownerId}
            />
            {organization && (
              <TextInput
                label={t('crm.customers.fields.domain')}
                description={t('crm.customers.form.domainHint')}
                autoComplete="off"
                leftSection={<IconWorld size={16} aria-hidden />}
                {...form.getInputProps('domain')}
              />
            )}
          </FormSection>
          <Divider />
          <FormSection title={t('crm.customers.form.contactSection')}>
            <TextInput label={t('crm.customers.fields.email')} type="email" autoComplete="off" leftSection={<IconMail size={16} aria-hidden />} {...form.getInputProps('email')} />
            <TextInput
              label={t('crm.customers.fields.phone')}
              description={t('crm.form.phoneHint')}
              type="tel"
              autoComplete="off"
              leftSection={<IconPhone size={16} aria-hidden />}
              {...form.getInputProps('phone')}
            />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.customers.form.addressSection')}>
            <AddressFields inputProps={(part) => form.getInputProps(`address.${part}`)} />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.customers.form.sourceSection')}>
            <Select
              label={t('crm.customers.fields.channel')}
              placeholder={t('crm.customers.form.channelPlaceholder')}
              data={SOURCE_CHANNELS.map((channel) => ({ value: channel, label: t(`crm.customers.channel.${channel}`) }))}
              value={form.values.source.channel}
              onChange={(channel) => form.setFieldValue('source.channel', isSourceChannel(channel) ? channel : null)}
              clearable
              clearButtonProps={{ 'aria-label': t('crm.customers.form.clearChannel'), 'aria-hidden': false, tabIndex: 0 }}
              error={form.errors['source.channel']}
              comboboxProps={{ withinPortal: true }}
            />
            <CustomerSelect
              label={t('crm.customers.fields.referredBy')}
              value={form.values.source.referredById}
              onChange={(id) => form.setFieldValue('source.referredById', id)}
              knownName={form.values.source.referredById === initial.source.referredById ? referrerName : null}
              exclude={customerId}
              error={form.errors['source.referredById']}
            />
            <TextInput label={t('crm.customers.fields.utmSource')} placeholder={t('crm.customers.form.utmSourcePlaceholder')} autoComplete="off" {...form.getInputProps('source.utmSource')} />
            <TextInput label={t('crm.customers.fields.utmMedium')} placeholder={t('crm.customers.form.utmMediumPlaceholder')} autoComplete="off" {...form.getInputProps('source.utmMedium')} />
            <TextInput label={t('crm.customers.fields.utmCampaign')} autoComplete="off" {...form.getInputProps('source.utmCampaign')} />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.customers.form.tagsSection')}>
            <TagsField label={t('crm.customers.fields.tags')} value={form.values.tags} onChange={(tags) => form.setFieldValue('tags', tags)} error={form.errors.tags} />
          </FormSection>
          {customFields.length > 0 && (
            <>
              <Divider />
              <FormSection title={t('fields.section')}>
                <CustomFieldInputs fields={customFields} values={form.values.customFields} errors={form.errors} onChange={(key, value) => form.setFieldValue(`customFields.${key}`, value)} />
              </FormSection>
            </>
          )}
        </Stack>
      </Paper>
      <FormActions cancelTo={cancelTo} submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
