import { Alert, Button, Code, Grid, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { CHANNELS, isChannel } from '../shared/channels';
import { MergeFieldHelp } from './MergeFieldHelp';
import { SendTestModal } from './SendTestModal';
import { SmsCounter } from './SmsCounter';
import { CREATE_CAMPAIGN_TEMPLATE, TEMPLATE_QUERIES, UPDATE_CAMPAIGN_TEMPLATE } from './template.documents';
import { createTemplateInput, updateTemplateInput, validateTemplate, type TemplateFormValues } from './template-form';
import { TemplatePreview } from './TemplatePreview';

const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } };

/** Why the API refused a template that does not parse (its Liquid error, with the line), when it did. */
function templateErrorOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.problems.find((problem) => problem.reason === 'INVALID_TEMPLATE')?.message ?? null;
}

interface TemplateEditorProps {
  initial: TemplateFormValues;
  /** The saved template; none: a new one. */
  templateId?: string;
}

/**
 * The one form for writing an email or SMS template, beside its preview (as typed, or as sent to a
 * chosen person) and the merge fields it can use; a saved template can be sent as a test.
 */
export function TemplateEditor({ initial, templateId }: TemplateEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const channelLabel = useId();
  const blockedId = useId();
  const [busy, setBusy] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [syntax, setSyntax] = useState<string | null>(null);
  const create = useApiMutation(CREATE_CAMPAIGN_TEMPLATE, TEMPLATE_QUERIES);
  const update = useApiMutation(UPDATE_CAMPAIGN_TEMPLATE, TEMPLATE_QUERIES);
  const form = useForm<TemplateFormValues>({ initialValues: initial, validate: (values) => validateTemplate(t, values) });
  const email = form.values.channel === 'EMAIL';
  const dirty = form.isDirty();

  async function save(values: TemplateFormValues) {
    setBusy(true);
    setSyntax(null);
    try {
      if (templateId) {
        await update.mutateAsync({ input: updateTemplateInput(templateId, values) });
        form.resetDirty(values);
        notifications.show({ color: 'green', message: t('marketing.templates.saved') });
      } else {
        const { createCampaignTemplate } = await create.mutateAsync({ input: createTemplateInput(values) });
        notifications.show({ color: 'green', message: t('marketing.templates.created', { name: createCampaignTemplate.name }) });
        navigate(`/campaigns/templates/${createCampaignTemplate.id}`, { replace: true });
      }
    } catch (error) {
      setSyntax(templateErrorOf(error));
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  const submit = form.onSubmit((values) => void save(values));
  const testBlocked = !templateId ? t('marketing.sendTest.saveFirst') : dirty ? t('marketing.sendTest.saveChanges') : null;

  return (
    <>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form onSubmit={submit} noValidate aria-label={t('marketing.templates.form.label')}>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
              <Stack gap="md">
                <TextInput label={t('marketing.templates.fields.name')} description={t('marketing.templates.form.nameHint')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
                <Stack gap={4}>
                  <Text fz="sm" fw={500} id={channelLabel}>
                    {t('marketing.templates.fields.channel')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={channelLabel}
                    data={CHANNELS.map((channel) => ({ value: channel, label: t(`marketing.channel.${channel}`) }))}
                    value={form.values.channel}
                    onChange={(value) => isChannel(value) && form.setFieldValue('channel', value)}
                    disabled={templateId !== undefined}
                    w="fit-content"
                  />
                </Stack>
                {email ? (
                  <>
                    <TextInput label={t('marketing.templates.fields.subject')} description={t('marketing.templates.form.subjectHint')} required autoComplete="off" {...form.getInputProps('subject')} />
                    <TextInput label={t('marketing.templates.fields.preheader')} description={t('marketing.templates.form.preheaderHint')} autoComplete="off" {...form.getInputProps('preheader')} />
                    <Textarea
                      label={t('marketing.templates.fields.html')}
                      description={t('marketing.templates.form.htmlHint')}
                      required
                      autosize
                      minRows={14}
                      maxRows={36}
                      spellCheck={false}
                      styles={MONOSPACE}
                      {...form.getInputProps('html')}
                    />
                    <Textarea label={t('marketing.templates.fields.text')} description={t('marketing.templates.form.textHint')} autosize minRows={3} maxRows={16} styles={MONOSPACE} {...form.getInputProps('text')} />
                  </>
                ) : (
                  <div>
                    <Textarea label={t('marketing.templates.fields.sms')} description={t('marketing.templates.form.smsHint')} required autosize minRows={5} maxRows={14} {...form.getInputProps('text')} />
                    <SmsCounter text={form.values.text} />
                  </div>
                )}
                {syntax && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('marketing.templates.form.syntaxTitle')}>
                    <Code block>{syntax}</Code>
                  </Alert>
                )}
              </Stack>
            </Paper>
            <Group justify="flex-end" gap="sm" mt="lg">
              <Button component={Link} to="/campaigns/templates" variant="default">
                {t('common.cancel')}
              </Button>
              <Tooltip label={testBlocked} disabled={testBlocked === null} multiline maw={280} withArrow>
                {/* A disabled button gets no pointer or focus events: `data-disabled` keeps it focusable, so the reason can be read. */}
                <Button
                  variant="light"
                  leftSection={<IconSend size={16} aria-hidden />}
                  {...(testBlocked ? { 'data-disabled': true, 'aria-disabled': true, 'aria-describedby': blockedId, onClick: (event: MouseEvent) => event.preventDefault() } : { onClick: () => setTesting(true) })}
                >
                  {t('marketing.sendTest.open')}
                </Button>
              </Tooltip>
              {testBlocked && <VisuallyHidden id={blockedId}>{testBlocked}</VisuallyHidden>}
              <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                {templateId ? t('common.save') : t('marketing.templates.create')}
              </Button>
            </Group>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg" style={{ position: 'sticky', top: 72 }}>
            <TemplatePreview
              channel={form.values.channel}
              templateId={templateId ?? null}
              dirty={dirty}
              draft={email ? form.values.html : form.values.text}
              personId={personId}
              onPersonChange={setPersonId}
              onSave={() => submit()}
              saving={busy}
            />
            <MergeFieldHelp />
          </Stack>
        </Grid.Col>
      </Grid>
      {templateId && <SendTestModal opened={testing} onClose={() => setTesting(false)} templateId={templateId} channel={form.values.channel} personId={personId} />}
    </>
  );
}
