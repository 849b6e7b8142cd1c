import { Button, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentEntity } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useCustomFields } from '../fields/use-custom-fields';
import { LiveCount } from './LiveCount';
import { effectiveFilter } from './segment-conditions';
import type { FilterObject } from './segment-filter';
import { SegmentEditor } from './SegmentEditor';

interface SegmentEditorPanelProps {
  entity: SegmentEntity;
  initial: FilterObject;
  /** Fields above the conditions (the name of a new view). */
  header?: ReactNode;
  submitLabel: string;
  onCancel: () => void;
  /** Saves the conditions as the API takes them; a thrown error is shown. */
  onSave: (filter: FilterObject) => Promise<void>;
  /** Checked before saving (the name of a new view); false stops. */
  beforeSave?: () => boolean;
}

/** The conditions of a view being edited, with how many records they hold right now. */
export function SegmentEditorPanel({ entity, initial, header, submitLabel, onCancel, onSave, beforeSave }: SegmentEditorPanelProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterObject>(initial);
  const [busy, setBusy] = useState(false);
  const own = useCustomFields(entity);
  const theirs = useCustomFields('CUSTOMER');
  const customerFields = entity === 'CONTACT' ? theirs.fields : [];
  const filter = effectiveFilter(draft, own.fields, customerFields);
  const empty = Object.keys(filter).length === 0;

  async function save() {
    if (beforeSave && !beforeSave()) return;
    setBusy(true);
    try {
      await onSave(filter);
    } catch (error) {
      showApiError(t, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-label={t('segments.editor.title')}>
      <Stack gap="lg">
        {header}
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Stack gap={0}>
            <Text fz="sm" c="dimmed">
              {t('segments.editor.matchNow')}
            </Text>
            <LiveCount entity={entity} filter={filter} />
          </Stack>
          {empty && (
            <Text fz="sm" c="dimmed" maw={360}>
              {entity === 'CONTACT' ? t('segments.editor.emptyPeople') : t('segments.editor.emptyCustomers')}
            </Text>
          )}
        </Group>
        <Divider />
        <SegmentEditor entity={entity} filter={draft} onChange={setDraft} fields={own.fields} customerFields={customerFields} customFieldsOn={own.on} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
