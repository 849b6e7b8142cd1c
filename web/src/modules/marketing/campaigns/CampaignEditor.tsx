import { Button, Divider, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconCoin, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { currencyOptions } from '../../platform/settings/company/company-options';
import { FormSection } from '../../crm/shared/FormSection';
import { CHANNELS, isChannel } from '../shared/channels';
import { AudiencePicker } from './AudiencePicker';
import { CAMPAIGN_QUERIES, CREATE_CAMPAIGN, SCHEDULE_CAMPAIGN, SEND_CAMPAIGN_NOW, UPDATE_CAMPAIGN } from './campaign.documents';
import { CAMPAIGN_FORM_FIELDS, createCampaignInput, errorUnder, updateCampaignInput, validateCampaign, type CampaignDetail, type CampaignFormValues } from './campaign-form';
import { AbTestFields, ThrottleFields } from './CampaignSendingFields';
import { ScheduleModal } from './ScheduleModal';
import { SendNowModal } from './SendNowModal';
import { TemplatePicker } from './TemplatePicker';
import { instantOf } from '../shared/zoned-time';

interface CampaignEditorProps {
  initial: CampaignFormValues;
  /** The campaign being changed (draft or scheduled); none: a new one. */
  campaign?: CampaignDetail;
}

/**
 * The one form for writing a campaign: what it sends, to whom, how fast, an A/B test and its cost.
 * "Save draft" keeps it; "Schedule…" and "Send now…" save it first and then ask when (or confirm with
 * the number of people it reaches). A new campaign saved once is changed from then on, never added twice.
 */
export function CampaignEditor({ initial, campaign }: CampaignEditorProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [savedId, setSavedId] = useState<string | null>(campaign?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [sending, setSending] = useState(false);
  const create = useApiMutation(CREATE_CAMPAIGN, CAMPAIGN_QUERIES);
  const update = useApiMutation(UPDATE_CAMPAIGN, CAMPAIGN_QUERIES);
  const schedule = useApiMutation(SCHEDULE_CAMPAIGN, CAMPAIGN_QUERIES);
  const sendNow = useApiMutation(SEND_CAMPAIGN_NOW, CAMPAIGN_QUERIES);
  const form = useForm<CampaignFormValues>({ initialValues: initial, validate: (values) => validateCampaign(t, values) });
  const currencies = useMemo(() => currencyOptions(i18n.language, initial.currency), [i18n.language, initial.currency]);
  const scheduled = campaign?.status === 'SCHEDULED';
  const channelLabel = useId();

  /** Creates the campaign the first time, changes it afterwards; its id. */
  async function persist(values: CampaignFormValues): Promise<string> {
    if (savedId) {
      await update.mutateAsync({ input: updateCampaignInput(savedId, values) });
      return savedId;
    }
    const { createCampaign } = await create.mutateAsync({ input: createCampaignInput(values) });
    setSavedId(createCampaign.id);
    return createCampaign.id;
  }

  async function saveDraft(values: CampaignFormValues) {
    setBusy(true);
    try {
      const id = await persist(values);
      notifications.show({ color: 'green', message: scheduled ? t('marketing.campaigns.saved') : t('marketing.campaigns.draftSaved', { name: values.name.trim() }) });
      navigate(`/campaigns/${id}`);
    } catch (error) {
      showApiError(t, error, form, CAMPAIGN_FORM_FIELDS);
    } finally {
      setBusy(false);
    }
  }

  /** Before asking when: the form is valid and someone is in the audience. */
  function readyToSend(): boolean {
    if (form.validate().hasErrors) return false;
    if (form.values.segmentIds.length + form.values.listIds.length === 0) {
      form.setFieldError('segmentIds', t('marketing.campaigns.form.chooseAudience'));
      return false;
    }
    return true;
  }

  /** Saves before a schedule or a start; a refused field closes the dialog and shows on the form. */
  async function persistForSending(close: () => void): Promise<string | null> {
    try {
      return await persist(form.values);
    } catch (error) {
      close();
      showApiError(t, error, form, CAMPAIGN_FORM_FIELDS);
      return null;
    }
  }

  async function scheduleAt(when: { sendAt: string; timeZone: string }) {
    const id = await persistForSending(() => setScheduling(false));
    if (!id) return;
    await schedule.mutateAsync({ input: { id, ...when } });
    notifications.show({ color: 'green', message: t('marketing.campaigns.scheduled', { name: form.values.name.trim() }) });
    navigate(`/campaigns/${id}`);
  }

  async function startNow() {
    const id = await persistForSending(() => setSending(false));
    if (!id) return;
    await sendNow.mutateAsync({ input: { id } });
    notifications.show({ color: 'green', message: t('marketing.campaigns.started', { name: form.values.name.trim() }) });
    navigate(`/campaigns/${id}`);
  }

  function changeChannel(value: string) {
    if (!isChannel(value) || value === form.values.channel) return;
    // Templates belong to one channel; quiet hours are for texts.
    form.setValues({ channel: value, templateId: null, variantTemplateId: null, quietHours: value === 'SMS' });
  }

  return (
    <>
      <form onSubmit={form.onSubmit((values) => void saveDraft(values))} noValidate aria-label={t('marketing.campaigns.form.label')}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="lg">
            <FormSection title={t('marketing.campaigns.form.messageSection')}>
              <TextInput label={t('marketing.campaigns.fields.name')} description={t('marketing.campaigns.form.nameHint')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
              <Stack gap={4}>
                <Text fz="sm" fw={500} id={channelLabel}>
                  {t('marketing.campaigns.fields.channel')}
                </Text>
                <SegmentedControl
                  aria-labelledby={channelLabel}
                  data={CHANNELS.map((channel) => ({ value: channel, label: t(`marketing.channel.${channel}`) }))}
                  value={form.values.channel}
                  onChange={changeChannel}
                  disabled={campaign !== undefined}
                  fullWidth
                />
                {campaign && (
                  <Text fz="xs" c="dimmed">
                    {t('marketing.campaigns.form.channelFixed')}
                  </Text>
                )}
              </Stack>
              <TemplatePicker
                label={t('marketing.campaigns.fields.template')}
                description={t('marketing.campaigns.form.templateHint')}
                channel={form.values.channel}
                value={form.values.templateId}
                onChange={(id) => form.setFieldValue('templateId', id)}
                error={form.errors.templateId}
                required
              />
            </FormSection>
            <Divider />
            <FormSection title={t('marketing.campaigns.form.audienceSection')}>
              <AudiencePicker
                channel={form.values.channel}
                segmentIds={form.values.segmentIds}
                listIds={form.values.listIds}
                onChange={(audience) => {
                  form.setValues(audience);
                  form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([key]) => !/^(segmentIds|listIds)(\.|$)/.test(key))));
                }}
                error={errorUnder(form.errors, 'segmentIds') ?? errorUnder(form.errors, 'listIds')}
              />
            </FormSection>
            <Divider />
            <FormSection title={t('marketing.campaigns.form.sendingSection')}>
              <ThrottleFields form={form} />
            </FormSection>
            <Divider />
            <FormSection title={t('marketing.campaigns.form.abTestSection')}>
              <AbTestFields form={form} />
            </FormSection>
            <Divider />
            <FormSection title={t('marketing.campaigns.form.costSection')}>
              <TextInput
                label={t('marketing.campaigns.fields.cost')}
                description={t('marketing.campaigns.form.costHint')}
                inputMode="decimal"
                autoComplete="off"
                leftSection={<IconCoin size={16} aria-hidden />}
                {...form.getInputProps('amount')}
              />
              <Select label={t('marketing.campaigns.fields.currency')} data={currencies} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('currency')} />
            </FormSection>
          </Stack>
        </Paper>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button component={Link} to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="default" loading={busy} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {scheduled ? t('common.save') : t('marketing.campaigns.saveDraft')}
          </Button>
          <Button variant="light" disabled={busy} leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => readyToSend() && setScheduling(true)}>
            {scheduled ? t('marketing.campaigns.reschedule') : t('marketing.campaigns.schedule')}
          </Button>
          <Button disabled={busy} leftSection={<IconSend size={16} aria-hidden />} onClick={() => readyToSend() && setSending(true)}>
            {t('marketing.campaigns.sendNow')}
          </Button>
        </Group>
      </form>
      {/* Outside the form: a dialog's own submit must not bubble (through the portal) into saving the draft. */}
      <ScheduleModal
        opened={scheduling}
        onClose={() => setScheduling(false)}
        current={{ sendAt: campaign?.sendAt, timeZone: campaign?.timeZone }}
        winnerAt={form.values.abTest ? instantOf(form.values.winnerAt, form.values.zone) : null}
        onSchedule={scheduleAt}
      />
      <SendNowModal
        opened={sending}
        onClose={() => setSending(false)}
        name={form.values.name.trim()}
        channel={form.values.channel}
        audience={{ segmentIds: form.values.segmentIds, listIds: form.values.listIds }}
        winnerAt={form.values.abTest ? instantOf(form.values.winnerAt, form.values.zone) : null}
        onConfirm={startNow}
      />
    </>
  );
}
