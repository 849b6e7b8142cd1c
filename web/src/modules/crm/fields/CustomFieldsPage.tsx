import { ActionIcon, Badge, Button, Code, Group, Paper, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconForms, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { CustomFieldEntity } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useSwitchedOn } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListSkeleton } from '../shared/ListSkeleton';
import { CUSTOM_FIELD_QUERIES, CUSTOM_FIELDS, UPDATE_CUSTOM_FIELD } from './custom-field.documents';
import { isSelectable, type CustomFieldDef } from './custom-values';
import { CustomFieldModal } from './CustomFieldModal';
import { DeleteFieldModal } from './DeleteFieldModal';
import { movePositions } from './field-form';

/** The record types that have fields, as the address names them (`?for=people`). */
const TABS: { value: string; entity: CustomFieldEntity; feature?: string }[] = [
  { value: 'customers', entity: 'CUSTOMER' },
  { value: 'people', entity: 'CONTACT' },
  { value: 'deals', entity: 'DEAL', feature: 'CRM.deals' },
];

interface FieldRowProps {
  field: CustomFieldDef;
  index: number;
  count: number;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

function FieldRow({ field, index, count, busy, onMove, onEdit, onDelete }: FieldRowProps) {
  const { t } = useTranslation();
  const options = isSelectable(field.type) ? field.options.map((option) => option.label).join(', ') : null;
  return (
    <Group
      role="listitem"
      aria-label={field.label}
      justify="space-between"
      gap="sm"
      py="sm"
      px="md"
      wrap="wrap"
      style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
    >
      <Stack gap={2} miw={0} style={{ flex: '1 1 16rem' }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {field.label}
          </Text>
          <Badge variant="light" radius="sm" tt="none" color="gray">
            {t(`fields.types.${field.type}`)}
          </Badge>
          {field.required && (
            <Badge variant="light" radius="sm" tt="none" color="orange">
              {t('fields.list.required')}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="wrap">
          <Code fz="xs">{field.key}</Code>
          {options && (
            <Text fz="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {options}
            </Text>
          )}
        </Group>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('fields.list.moveUp', { label: field.label })}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('fields.list.moveUp', { label: field.label })} disabled={index === 0 || busy} onClick={() => onMove(-1)}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('fields.list.moveDown', { label: field.label })}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('fields.list.moveDown', { label: field.label })} disabled={index === count - 1 || busy} onClick={() => onMove(1)}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('fields.list.edit', { label: field.label })}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('fields.list.edit', { label: field.label })} onClick={onEdit}>
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('fields.list.delete', { label: field.label })}>
          <ActionIcon variant="subtle" color="red" aria-label={t('fields.list.delete', { label: field.label })} onClick={onDelete}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}

/** The fields of one record type: in their order, moved up and down, added, edited and deleted. */
function EntityFields({ entity, name }: { entity: CustomFieldEntity; name: string }) {
  const { t } = useTranslation();
  const query = useApiQuery(CUSTOM_FIELDS, { entity });
  const update = useApiMutation(UPDATE_CUSTOM_FIELD, CUSTOM_FIELD_QUERIES);
  const [editing, setEditing] = useState<CustomFieldDef | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomFieldDef | null>(null);
  const [moving, setMoving] = useState(false);
  const fields = query.data?.customFields;

  async function move(index: number, by: -1 | 1) {
    if (!fields) return;
    const changes = movePositions(fields, index, by);
    setMoving(true);
    try {
      for (const change of changes) await update.mutateAsync({ input: change });
      const field = fields[index];
      if (field) notifications.show({ color: 'green', message: t(by < 0 ? 'fields.list.movedUp' : 'fields.list.movedDown', { label: field.label }) });
    } catch (error) {
      showApiError(t, error);
    } finally {
      setMoving(false);
    }
  }

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('fields.add', { entity: name })}
    </Button>
  );

  return (
    <Stack gap="md" pt="md">
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !fields ? (
        <ListSkeleton />
      ) : fields.length === 0 ? (
        <EmptyPanel label={t('fields.empty.title', { entity: name })} icon={<IconForms />} title={t('fields.empty.title', { entity: name })} description={t('fields.empty.body')} action={addButton} />
      ) : (
        <>
          <Group justify="space-between" gap="sm">
            <Text fz="sm" c="dimmed">
              {t('fields.list.count', { count: fields.length })}
            </Text>
            {addButton}
          </Group>
          <Paper withBorder radius="md" role="list" aria-label={t('fields.list.label', { entity: name })}>
            {fields.map((field, index) => (
              <FieldRow
                key={field.id}
                field={field}
                index={index}
                count={fields.length}
                busy={moving}
                onMove={(by) => void move(index, by)}
                onEdit={() => setEditing(field)}
                onDelete={() => setDeleting(field)}
              />
            ))}
          </Paper>
        </>
      )}
      {editing && (
        <CustomFieldModal
          key={editing === 'new' ? 'new' : editing.id}
          entity={entity}
          field={editing === 'new' ? null : editing}
          taken={new Set((fields ?? []).filter((field) => editing === 'new' || field.id !== editing.id).map((field) => field.key))}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeleteFieldModal key={deleting.id} field={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

/** `/settings/fields`: the company's own fields on customers, people and deals (`?for=people`). */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((tab) => !tab.feature || on(tab.feature));
  const current = tabs.find((tab) => tab.value === params.get('for')) ?? tabs[0];
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('fields.title')} subtitle={t('fields.intro')} />
      <Tabs value={current?.value ?? null} onChange={(value) => value && setParams({ for: value }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {t(`fields.entities.${tab.entity}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            <EntityFields entity={tab.entity} name={t(`fields.entityNames.${tab.entity}`)} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
