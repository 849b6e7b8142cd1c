import { Divider, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail, IconPhone, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { email, phone, required } from '../../../lib/validators';
import { FormActions } from '../shared/FormActions';
import { FormSection } from '../shared/FormSection';
import { COMPANY_NAME_MAX, domainCheck, type CompanyFormValues } from './company-form';

interface CompanyFormProps {
  initial: CompanyFormValues;
  submitLabel: string;
  cancelTo: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: CompanyFormValues) => Promise<void>;
}

/** The one form for adding and editing a company. */
export function CompanyForm({ initial, submitLabel, cancelTo, onSave }: CompanyFormProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<CompanyFormValues>({
    initialValues: initial,
    validate: {
      name: required(t, COMPANY_NAME_MAX),
      domain: domainCheck(t),
      email: email(t, true),
      phone: phone(t),
    },
  });

  async function submit(values: CompanyFormValues) {
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
          <FormSection title={t('crm.companies.form.companySection')}>
            <TextInput label={t('crm.companies.fields.name')} required autoComplete="off" {...form.getInputProps('name')} />
            <TextInput
              label={t('crm.companies.fields.domain')}
              description={t('crm.companies.form.domainHint')}
              autoComplete="off"
              leftSection={<IconWorld size={16} aria-hidden />}
              {...form.getInputProps('domain')}
            />
          </FormSection>
          <Divider />
          <FormSection title={t('crm.companies.form.contactSection')}>
            <TextInput label={t('crm.companies.fields.email')} type="email" autoComplete="off" leftSection={<IconMail size={16} aria-hidden />} {...form.getInputProps('email')} />
            <TextInput
              label={t('crm.companies.fields.phone')}
              description={t('crm.form.phoneHint')}
              type="tel"
              autoComplete="off"
              leftSection={<IconPhone size={16} aria-hidden />}
              {...form.getInputProps('phone')}
            />
          </FormSection>
        </Stack>
      </Paper>
      <FormActions cancelTo={cancelTo} submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
