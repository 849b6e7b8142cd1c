import { Divider, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { email, optionalText, phone, required } from '../../../lib/validators';
import { useSwitchedOn } from '../../../lib/viewer';
import { CompanySelect } from '../companies/CompanySelect';
import { FormActions } from '../shared/FormActions';
import { FormSection } from '../shared/FormSection';
import type { ContactFormValues } from './contact-form';

interface ContactFormProps {
  initial: ContactFormValues;
  /** Name of the initial company, when known (editing). */
  companyName?: string | null;
  submitLabel: string;
  cancelTo: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: ContactFormValues) => Promise<void>;
}

/** The one form for adding and editing a person. */
export function ContactForm({ initial, companyName, submitLabel, cancelTo, onSave }: ContactFormProps) {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  const [busy, setBusy] = useState(false);
  const form = useForm<ContactFormValues>({
    initialValues: initial,
    validate: {
      firstName: required(t),
      lastName: optionalText(t),
      email: email(t, true),
      phone: phone(t),
      jobTitle: optionalText(t),
    },
  });

  async function submit(values: ContactFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      showApiError(t, error, form);
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
          <FormSection title={t('crm.people.form.contactSection')}>
            <TextInput label={t('crm.people.fields.email')} type="email" autoComplete="off" leftSection={<IconMail size={16} aria-hidden />} {...form.getInputProps('email')} />
            <TextInput
              label={t('crm.people.fields.phone')}
              description={t('crm.form.phoneHint')}
              type="tel"
              autoComplete="off"
              leftSection={<IconPhone size={16} aria-hidden />}
              {...form.getInputProps('phone')}
            />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.people.form.workSection')}>
            <TextInput label={t('crm.people.fields.jobTitle')} autoComplete="off" {...form.getInputProps('jobTitle')} />
            {on('CRM.companies') && (
              <CompanySelect
                label={t('crm.people.fields.company')}
                value={form.values.companyId}
                onChange={(companyId) => form.setFieldValue('companyId', companyId)}
                knownName={form.values.companyId === initial.companyId ? companyName : null}
                error={form.errors.companyId}
              />
            )}
          </FormSection>
        </Stack>
      </Paper>
      <FormActions cancelTo={cancelTo} submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
