import { Button, Divider, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarEvent, IconCoin, IconPresentation, IconUser } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiQuery } from '../../../lib/use-api';
import { currencyOptions } from '../../platform/settings/company/company-options';
import { CustomerSelect } from '../customers/CustomerSelect';
import { changedCustomFieldInputs, createCustomFieldInputs, CustomFieldInputs, customFieldErrorPaths, type CustomFieldDef } from '../fields';
import { FormSection } from '../shared/FormSection';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { DEAL_CUSTOMER_PEOPLE, DEAL_MARKETING_EVENTS, PIPELINES } from './deal.documents';
import { useDayFormat } from './use-day-format';
import { CHANNELS, DEAL_FORM_FIELDS, isChannel, NOBODY, validateDeal, type DealFormValues } from './deal-form';

interface DealFormProps {
  initial: DealFormValues;
  /** A new deal picks its pipeline and stage; an existing one moves on the board instead. */
  creating: boolean;
  /** Names already known, so the pickers need not ask. */
  customerName?: string | null;
  contactName?: string | null;
  /** The name of the initial marketing event, when known (editing). */
  eventName?: string | null;
  /** The stage's own probability, said beside the field (editing). */
  stageProbability?: number;
  submitLabel: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: DealFormValues) => Promise<void>;
  onCancel: () => void;
  /** The company's fields on deals (see useCustomFields); none while the feature is off. */
  customFields?: CustomFieldDef[];
}

/** The one form for adding and editing a deal, shown in a dialog. */
export function DealForm({ initial, creating, customerName, contactName, eventName, stageProbability, submitLabel, onSave, onCancel, customFields = [] }: DealFormProps) {
  const { t, i18n } = useTranslation();
  const day = useDayFormat();
  const [busy, setBusy] = useState(false);
  const form = useForm<DealFormValues>({ initialValues: initial, validate: (values) => validateDeal(t, values, creating, customFields, initial) });
  const { customerId, pipelineId } = form.values;
  const pipelines = useApiQuery(PIPELINES, {}, { enabled: creating, staleTime: 30_000 });
  const people = useApiQuery(DEAL_CUSTOMER_PEOPLE, { customerId: customerId ?? '' }, { enabled: customerId !== null });
  const events = useApiQuery(DEAL_MARKETING_EVENTS, {}, { staleTime: 30_000 });
  const currencies = useMemo(() => currencyOptions(i18n.language, initial.currency), [i18n.language, initial.currency]);

  const pipelineList = pipelines.data?.pipelines ?? [];
  const stages = pipelineList.find((pipeline) => pipeline.id === pipelineId)?.stages ?? [];
  const personOptions = (people.data?.contacts.edges ?? []).map(({ node }) => ({ value: node.id, label: node.fullName }));
  const knownContact = form.values.contactId && contactName && form.values.contactId === initial.contactId ? { value: form.values.contactId, label: contactName } : null;
  const contactData = knownContact && !personOptions.some((option) => option.value === knownContact.value) ? [knownContact, ...personOptions] : personOptions;
  const eventOptions = (events.data?.marketingEvents.edges ?? []).map(({ node }) => ({ value: node.id, label: t('deals.form.eventOption', { name: node.name, date: day(node.startsOn) }) }));
  const knownEvent = initial.eventId && eventName ? { value: initial.eventId, label: eventName } : null;
  const eventData = knownEvent && !eventOptions.some((option) => option.value === knownEvent.value) ? [knownEvent, ...eventOptions] : eventOptions;

  async function submit(values: DealFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      const sent = creating ? createCustomFieldInputs(customFields, values.customFields) : changedCustomFieldInputs(customFields, initial.customFields, values.customFields);
      showApiError(t, error, form, { ...DEAL_FORM_FIELDS, ...customFieldErrorPaths(sent) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <TextInput label={t('deals.fields.title')} placeholder={t('deals.form.titlePlaceholder')} required autoComplete="off" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <CustomerSelect
            label={t('deals.fields.customer')}
            value={customerId}
            knownName={customerId === initial.customerId ? customerName : null}
            onChange={(id) => {
              // The person belongs to the customer: another customer, another person.
              form.setValues({ customerId: id, contactId: null });
            }}
            error={form.errors.customerId}
          />
          <Select
            label={t('deals.fields.contact')}
            placeholder={customerId ? t('deals.form.contactPlaceholder') : t('deals.form.contactFirstCustomer')}
            data={contactData}
            value={form.values.contactId}
            onChange={(value) => form.setFieldValue('contactId', value)}
            disabled={!customerId}
            searchable={contactData.length > 8}
            clearable
            clearButtonProps={{ 'aria-label': t('deals.form.clearContact'), 'aria-hidden': false, tabIndex: 0 }}
            nothingFoundMessage={people.isFetching ? t('common.loading') : t('deals.form.noContact')}
            leftSection={<IconUser size={16} aria-hidden />}
            error={form.errors.contactId}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('deals.fields.amount')}
            placeholder={t('deals.form.amountPlaceholder')}
            inputMode="decimal"
            autoComplete="off"
            leftSection={<IconCoin size={16} aria-hidden />}
            {...form.getInputProps('amount')}
          />
          <Select
            label={t('deals.fields.currency')}
            data={currencies}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('deals.form.noCurrency')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('currency')}
          />
          <TextInput type="date" label={t('deals.fields.expectedCloseDate')} leftSection={<IconCalendarEvent size={16} aria-hidden />} {...form.getInputProps('expectedCloseDate')} />
          <AssigneeSelect
            label={t('deals.fields.owner')}
            nobodyValue={NOBODY}
            value={form.values.ownerId}
            onChange={(value) => form.setFieldValue('ownerId', value ?? NOBODY)}
            error={form.errors.ownerId}
          />
          {creating ? (
            <>
              <Select
                label={t('deals.fields.pipeline')}
                data={pipelineList.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
                value={pipelineId}
                allowDeselect={false}
                onChange={(value) => {
                  const first = pipelineList.find((pipeline) => pipeline.id === value)?.stages[0]?.id ?? null;
                  form.setValues({ pipelineId: value, stageId: first });
                }}
                error={form.errors.pipelineId}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('deals.fields.stage')}
                required
                data={stages.map((stage) => ({ value: stage.id, label: t('deals.form.stageOption', { name: stage.name, probability: stage.probability }) }))}
                value={form.values.stageId}
                allowDeselect={false}
                onChange={(value) => form.setFieldValue('stageId', value)}
                nothingFoundMessage={t('deals.form.noStages')}
                error={form.errors.stageId}
                comboboxProps={{ withinPortal: true }}
              />
            </>
          ) : (
            <NumberInput
              label={t('deals.fields.probability')}
              description={stageProbability === undefined ? undefined : t('deals.form.probabilityHint', { probability: stageProbability })}
              min={0}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              suffix=" %"
              hideControls
              {...form.getInputProps('probability')}
            />
          )}
          <Select
            label={t('deals.fields.channel')}
            placeholder={creating && !form.values.eventId ? t('deals.form.channelFromCustomer') : t('deals.form.channelNone')}
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`deals.channel.${channel}`) }))}
            value={form.values.channel}
            onChange={(value) => form.setFieldValue('channel', isChannel(value) ? value : null)}
            clearable
            clearButtonProps={{ 'aria-label': t('deals.form.clearChannel'), 'aria-hidden': false, tabIndex: 0 }}
            error={form.errors.channel}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('deals.fields.event')}
            placeholder={creating && !form.values.channel ? t('deals.form.eventFromPerson') : t('deals.form.eventNone')}
            data={eventData}
            value={form.values.eventId}
            onChange={(value) => form.setFieldValue('eventId', value)}
            searchable={eventData.length > 8}
            clearable
            clearButtonProps={{ 'aria-label': t('deals.form.clearEvent'), 'aria-hidden': false, tabIndex: 0 }}
            nothingFoundMessage={events.isFetching ? t('common.loading') : t('deals.form.noEvent')}
            leftSection={<IconPresentation size={16} aria-hidden />}
            error={form.errors.eventId}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {customFields.length > 0 && (
          <>
            <Divider />
            <FormSection title={t('fields.section')}>
              <CustomFieldInputs fields={customFields} values={form.values.customFields} errors={form.errors} onChange={(key, value) => form.setFieldValue(`customFields.${key}`, value)} />
            </FormSection>
          </>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
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
