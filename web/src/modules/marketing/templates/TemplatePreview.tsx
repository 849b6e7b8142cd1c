import { Alert, Box, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceDesktop, IconDeviceMobile, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { MarketingChannel } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { PersonSelect } from '../../crm/tasks/PersonSelect';
import { PREVIEW_CAMPAIGN_TEMPLATE } from './template.documents';

type Mode = 'sent' | 'typed';
type Width = 'desktop' | 'phone';

interface TemplatePreviewProps {
  channel: MarketingChannel;
  /** The saved template; null before the first save. */
  templateId: string | null;
  /** The form differs from what is saved. */
  dirty: boolean;
  /** What the form holds now: the email's HTML, or the SMS text. */
  draft: string;
  personId: string | null;
  onPersonChange: (id: string | null) => void;
  /** Saves the form (the preview then shows the new version). */
  onSave: () => void;
  saving: boolean;
}

/**
 * Two views of a template. "As sent" is the saved version rendered by the API for the chosen person
 * (or sample data): merge fields filled, the responsive frame and footer added, exactly what leaves,
 * so it needs a save. "As typed" follows the form keystroke by keystroke, merge fields as written.
 * Email shows in a sandboxed frame: its HTML runs no script and reaches nothing of the app.
 */
export function TemplatePreview({ channel, templateId, dirty, draft, personId, onPersonChange, onSave, saving }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(templateId ? 'sent' : 'typed');
  // On a phone the preview is phone-wide already: no width to choose.
  const phone = usePhone();
  const [width, setWidth] = useState<Width>('desktop');
  const [typed] = useDebouncedValue(draft, 250);
  const shown: Mode = templateId ? mode : 'typed';
  const preview = useApiQuery(PREVIEW_CAMPAIGN_TEMPLATE, { input: { templateId: templateId ?? '', contactId: personId } }, { enabled: templateId !== null && shown === 'sent', keepPrevious: true });
  const rendered = preview.data?.previewCampaignTemplate;
  const title = t('marketing.preview.title');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h5">
            {title}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('marketing.preview.mode')}
            data={[
              { value: 'sent', label: t('marketing.preview.asSent'), disabled: templateId === null },
              { value: 'typed', label: t('marketing.preview.asTyped') },
            ]}
            value={shown}
            onChange={(value) => setMode(value === 'typed' ? 'typed' : 'sent')}
          />
        </Group>
        {shown === 'sent' && (
          <PersonSelect label={t('marketing.preview.person')} description={t('marketing.preview.personHint')} value={personId} onChange={onPersonChange} />
        )}
        {shown === 'sent' && dirty && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle />} p="xs">
            <Group justify="space-between" gap="xs">
              <Text fz="sm">{t('marketing.preview.unsaved')}</Text>
              <Button size="xs" variant="light" loading={saving} onClick={onSave}>
                {t('marketing.preview.saveAndRefresh')}
              </Button>
            </Group>
          </Alert>
        )}
        {shown === 'typed' && (
          <Text fz="xs" c="dimmed">
            {templateId ? t('marketing.preview.typedHint') : t('marketing.preview.typedHintNew')}
          </Text>
        )}
        {channel === 'EMAIL' && !phone && (
          <SegmentedControl
            size="xs"
            aria-label={t('marketing.preview.width')}
            data={[
              { value: 'desktop', label: <IconDeviceDesktop size={16} aria-label={t('marketing.preview.desktop')} /> },
              { value: 'phone', label: <IconDeviceMobile size={16} aria-label={t('marketing.preview.phone')} /> },
            ]}
            value={width}
            onChange={(value) => setWidth(value === 'phone' ? 'phone' : 'desktop')}
            w="fit-content"
          />
        )}
        {shown === 'sent' && preview.error ? (
          <QueryErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
        ) : shown === 'sent' && !rendered ? (
          <Skeleton h={channel === 'EMAIL' ? 480 : 120} radius="sm" />
        ) : channel === 'EMAIL' ? (
          <EmailFrame subject={shown === 'sent' ? (rendered?.subject ?? null) : null} html={shown === 'sent' ? (rendered?.html ?? '') : typed} width={width} stale={shown === 'sent' && preview.isPlaceholderData} />
        ) : (
          <SmsBubble text={shown === 'sent' ? (rendered?.text ?? '') : typed.trim()} count={shown === 'sent' ? (rendered?.sms ?? null) : null} />
        )}
      </Stack>
    </Paper>
  );
}

function EmailFrame({ subject, html, width, stale }: { subject: string | null; html: string; width: Width; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} style={{ opacity: stale ? 0.6 : 1 }}>
      {subject !== null && (
        <Text fz="sm">
          <Text span c="dimmed" fz="sm">
            {t('marketing.preview.subject')}{' '}
          </Text>
          <Text span fw={600} fz="sm" data-testid="preview-subject">
            {subject}
          </Text>
        </Text>
      )}
      <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden', background: '#fff' }} maw={width === 'phone' ? 375 : '100%'} mx="auto" w="100%">
        {/* sandbox="" : no scripts, no forms, no popups, an origin of its own. */}
        <iframe title={t('marketing.preview.frameTitle')} srcDoc={html} sandbox="" style={{ display: 'block', width: '100%', height: 520, border: 0 }} />
      </Box>
    </Stack>
  );
}

function SmsBubble({ text, count }: { text: string; count: { encoding: string; segments: number; characters: number } | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Box p="sm" maw={320} style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 16, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="preview-sms">
        <Text fz="sm">{text || t('marketing.preview.emptySms')}</Text>
      </Box>
      {count && (
        <Text fz="xs" c="dimmed">
          {t('marketing.preview.smsCount', { count: count.segments, characters: count.characters, encoding: count.encoding })}
        </Text>
      )}
    </Stack>
  );
}
