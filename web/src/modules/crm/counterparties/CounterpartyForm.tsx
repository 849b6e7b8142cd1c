import { ActionIcon, Button, Divider, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuildingBank, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { showApiError } from '../../../lib/form-errors';
import { currencyOptions } from '../../platform/settings/company/company-options';
import { AddressFields } from '../shared/AddressFields';
import { FormSection } from '../shared/FormSection';
import { emptyBankAccount, MAX_BANK_ACCOUNTS, validateCounterparty, type CounterpartyFormValues } from './counterparty-form';

interface CounterpartyFormProps {
  initial: CounterpartyFormValues;
  submitLabel: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: CounterpartyFormValues) => Promise<void>;
  onCancel: () => void;
}

/** A customer's legal entity: names and numbers, validity, legal address and bank accounts. */
export function CounterpartyForm({ initial, submitLabel, onSave, onCancel }: CounterpartyFormProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const currencies = useMemo(() => currencyOptions(intlLocale(i18n.language), null), [i18n.language]);
  const form = useForm<CounterpartyFormValues>({
    initialValues: initial,
    validate: (values) => validateCounterparty(t, values),
  });

  async function submit(values: CounterpartyFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  const accounts = form.values.bankAccounts;

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <FormSection title={t('crm.counterparties.form.entitySection')}>
          <TextInput label={t('crm.counterparties.fields.legalName')} required autoComplete="off" data-autofocus style={{ gridColumn: '1 / -1' }} {...form.getInputProps('legalName')} />
          <TextInput label={t('crm.counterparties.fields.taxId')} autoComplete="off" {...form.getInputProps('taxId')} />
          <TextInput label={t('crm.counterparties.fields.registrationNumber')} autoComplete="off" {...form.getInputProps('registrationNumber')} />
          <TextInput type="date" label={t('crm.counterparties.fields.validFrom')} description={t('crm.counterparties.form.validFromHint')} {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('crm.counterparties.fields.validTo')} description={t('crm.counterparties.form.validToHint')} {...form.getInputProps('validTo')} />
        </FormSection>
        <Divider />
        <FormSection title={t('crm.counterparties.form.addressSection')}>
          <AddressFields inputProps={(part) => form.getInputProps(`legalAddress.${part}`)} />
        </FormSection>
        <Divider />
        <Stack gap="sm">
          <Text component="h2" fz="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }} m={0}>
            {t('crm.counterparties.form.bankSection')}
          </Text>
          {accounts.length === 0 && (
            <Text fz="sm" c="dimmed">
              {t('crm.counterparties.form.noAccounts')}
            </Text>
          )}
          {accounts.map((account, index) => {
            const legend = t('crm.counterparties.form.account', { number: index + 1 });
            return (
              <Fieldset key={account.key} legend={legend} variant="filled" radius="md" p="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" style={{ flex: 1 }}>
                    <TextInput
                      label={t('crm.counterparties.fields.iban')}
                      required
                      autoComplete="off"
                      leftSection={<IconBuildingBank size={16} aria-hidden />}
                      style={{ gridColumn: '1 / -1' }}
                      {...form.getInputProps(`bankAccounts.${index}.iban`)}
                    />
                    <TextInput label={t('crm.counterparties.fields.bic')} autoComplete="off" {...form.getInputProps(`bankAccounts.${index}.bic`)} />
                    <TextInput label={t('crm.counterparties.fields.bankName')} autoComplete="off" {...form.getInputProps(`bankAccounts.${index}.bankName`)} />
                    <Select
                      label={t('crm.counterparties.fields.currency')}
                      placeholder={t('crm.counterparties.form.anyCurrency')}
                      data={currencies}
                      searchable
                      clearable
                      clearButtonProps={{ 'aria-label': t('crm.counterparties.form.clearCurrency'), 'aria-hidden': false, tabIndex: 0 }}
                      nothingFoundMessage={t('crm.counterparties.form.noCurrency')}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps(`bankAccounts.${index}.currency`)}
                    />
                  </SimpleGrid>
                  <Tooltip label={t('crm.counterparties.form.removeAccount', { number: index + 1 })}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={24}
                      aria-label={t('crm.counterparties.form.removeAccount', { number: index + 1 })}
                      onClick={() => form.removeListItem('bankAccounts', index)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Fieldset>
            );
          })}
          {form.errors.bankAccounts && (
            <Text fz="xs" c="red">
              {form.errors.bankAccounts}
            </Text>
          )}
          {accounts.length < MAX_BANK_ACCOUNTS && (
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('bankAccounts', emptyBankAccount())}>
                {t('crm.counterparties.form.addAccount')}
              </Button>
            </Group>
          )}
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
