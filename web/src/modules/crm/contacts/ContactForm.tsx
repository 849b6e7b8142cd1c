import { Anchor, Divider, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { NO_OWNER } from '../customers/customer-form';
import { CustomerSelect } from '../customers/CustomerSelect';
import { CustomFieldInputs } from '../fields/CustomFieldInputs';
import { changedCustomFieldInputs, createCustomFieldInputs, customFieldErrorPaths, type CustomFieldDef } from '../fields/custom-values';
import { PositionSelect } from '../positions/PositionSelect';
import { AddressFields } from '../shared/AddressFields';
import { FormActions } from '../shared/FormActions';
import { FormSection } from '../shared/FormSection';
import { TagsField } from '../shared/TagsField';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { CONSENT_STATUSES, isConsentStatus, pointFields, validateContact, type ContactFormValues } from './contact-form';
import { ContactPointsField } from './ContactPointsField';

interface ContactFormProps {
  initial: ContactFormValues;
  /** Adding a person: consent can be recorded with them (afterwards it changes on their page, with its history). */
  creating: boolean;
  /** Name of the initial customer, when known (editing). */
  customerName?: string | null;
  submitLabel: string;
  cancelTo: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: ContactFormValues) => Promise<void>;
  /** The company's fields on people (see useCustomFields); none while the feature is off. */
  customFields?: CustomFieldDef[];
}

/** The one form for adding and editing a person. */
export function ContactForm({ initial, creating, customerName, submitLabel, cancelTo, onSave, customFields = [] }: ContactFormProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<ContactFormValues>({
    initialValues: initial,
    validate: (values) => validateContact(t, values, creating, customFields, initial),
  });
  const consentOptions = CONSENT_STATUSES.map((status) => ({ value: status, label: t(`crm.consent.status.${status}`) }));
  const consentGiven = form.values.emailConsent !== 'UNKNOWN' || form.values.smsConsent !== 'UNKNOWN';

  async function submit(values: ContactFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      const sent = creating ? createCustomFieldInputs(customFields, values.customFields) : changedCustomFieldInputs(customFields, initial.customFields, values.customFields);
      showApiError(t, error, form, { ...pointFields(values), ...customFieldErrorPaths(sent) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <FormSection title={t('crm.people.form.nameSection')}>
            <TextInput label={t('crm.people.fields.firstName')} required autoComplete="off" {...form.getInputProps('firstName')} />
            <TextInput label={t('crm.people.fields.lastName')} autoComplete="off" {...form.getInputProps('lastName')} />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.people.form.workSection')}>
            <CustomerSelect
              label={t('crm.people.fields.customer')}
              description={t('crm.people.form.customerHint')}
              value={form.values.customerId}
              onChange={(customerId) => form.setFieldValue('customerId', customerId)}
              knownName={form.values.customerId === initial.customerId ? customerName : null}
              error={form.errors.customerId}
            />
            <PositionSelect
              label={t('crm.people.fields.position')}
              description={
                <Text span fz="xs">
                  {t('crm.people.form.positionHint')}{' '}
                  <Anchor component={Link} to="/crm/positions" fz="xs" target="_blank">
                    {t('crm.people.form.managePositions')}
                  </Anchor>
                </Text>
              }
              value={form.values.positionId}
              onChange={(positionId) => form.setFieldValue('positionId', positionId)}
              error={form.errors.positionId}
            />
            <AssigneeSelect
              label={t('ownRecords.owner')}
              description={t('ownRecords.ownerHint')}
              nobodyValue={NO_OWNER}
              value={form.values.ownerId}
              onChange={(owner) => form.setFieldValue('ownerId', owner ?? NO_OWNER)}
              error={form.errors.ownerId}
            />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.people.form.contactSection')}>
            <ContactPointsField kind="emails" form={form} />
            <ContactPointsField kind="phones" form={form} />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.people.form.addressSection')}>
            <AddressFields inputProps={(part) => form.getInputProps(`address.${part}`)} />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.people.form.tagsSection')}>
            <TagsField label={t('crm.people.fields.tags')} value={form.values.tags} onChange={(tags) => form.setFieldValue('tags', tags)} error={form.errors.tags} />
          </FormSection>
          {customFields.length > 0 && (
            <>
              <Divider />
              <FormSection title={t('fields.section')}>
                <CustomFieldInputs fields={customFields} values={form.values.customFields} errors={form.errors} onChange={(key, value) => form.setFieldValue(`customFields.${key}`, value)} />
              </FormSection>
            </>
          )}
          {creating && (
            <>
              <Divider />
              <FormSection title={t('crm.people.form.consentSection')}>
                <Select
                  label={t('crm.consent.emailLabel')}
                  data={consentOptions}
                  value={form.values.emailConsent}
                  onChange={(status) => isConsentStatus(status) && form.setFieldValue('emailConsent', status)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('crm.consent.smsLabel')}
                  data={consentOptions}
                  value={form.values.smsConsent}
                  onChange={(status) => isConsentStatus(status) && form.setFieldValue('smsConsent', status)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t('crm.consent.source')}
                  description={t('crm.consent.sourceHint')}
                  placeholder={t('crm.consent.sourcePlaceholder')}
                  required={consentGiven}
                  autoComplete="off"
                  style={{ gridColumn: '1 / -1' }}
                  {...form.getInputProps('consentSource')}
                />
              </FormSection>
            </>
          )}
        </Stack>
      </Paper>
      <FormActions cancelTo={cancelTo} submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
