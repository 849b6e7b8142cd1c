import { Anchor, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { DuplicateReason } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { oldestOf } from './merge-preview';

/** One compared field: its label, how a record shows it, and what counts as its value (to spot what the merge fills in). */
export interface MergeField<T> {
  key: string;
  label: string;
  render: (record: T) => ReactNode;
  value: (record: T) => unknown;
}

export interface MergeRecord {
  id: string;
  createdAt: string;
}

interface MergeGroupProps<T extends MergeRecord> {
  /** What kind of records: people or customers (for the words). */
  entity: 'people' | 'customers';
  reason: DuplicateReason;
  value: string;
  records: T[];
  fields: MergeField<T>[];
  nameOf: (record: T) => string;
  linkOf: (record: T) => string;
  /** The kept record as the merge will leave it. */
  preview: (target: T, sources: T[]) => T;
  /** Merging needs CRM:write; without it the group is only compared. */
  canMerge: boolean;
  /** Merges; resolves once the lists show the result (the group is gone by then). */
  onMerge: (target: T, sources: T[]) => Promise<void>;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A group of likely duplicates side by side: one column per record (keep this one / merge it), and
 * a last column showing the kept record as the merge will leave it, what it gains marked. Merging
 * asks first, explaining that the others are deleted and their history moves to the kept one.
 */
export function MergeGroup<T extends MergeRecord>({ entity, reason, value, records, fields, nameOf, linkOf, preview, canMerge, onMerge }: MergeGroupProps<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [targetId, setTargetId] = useState<string>(() => oldestOf(records)?.id ?? records[0]?.id ?? '');
  // Records left out of this merge (not duplicates after all); every other one merges by default.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const target = records.find((record) => record.id === targetId) ?? records[0];
  if (!target) return null;
  const sources = records.filter((record) => record.id !== target.id && !excluded.has(record.id));
  const result = preview(target, sources);
  const targetName = nameOf(target);

  async function merge() {
    if (!target) return;
    setBusy(true);
    try {
      await onMerge(target, sources);
      setConfirming(false);
    } catch (error) {
      showApiError(t, error);
    } finally {
      setBusy(false);
    }
  }

  function include(id: string, merged: boolean) {
    setExcluded((before) => {
      const next = new Set(before);
      if (merged) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Stack gap={2} miw={0}>
          <Title order={3} fz="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t(`duplicates.reasonTitle.${reason}`, { value })}
          </Title>
          <Text fz="sm" c="dimmed">
            {t(`duplicates.${entity}.groupCount`, { count: records.length })}
          </Text>
        </Stack>
        {canMerge && (
          <Button leftSection={<IconArrowMerge size={16} aria-hidden />} disabled={sources.length === 0} onClick={() => setConfirming(true)}>
            {t(`duplicates.${entity}.mergeButton`, { count: sources.length + 1 })}
          </Button>
        )}
      </Group>
      <Radio.Group
        value={target.id}
        onChange={(id) => {
          setTargetId(id);
          include(id, true);
        }}
        aria-label={t(`duplicates.${entity}.keepGroup`)}>
        {/* Positioned, so the visually hidden texts inside scroll with the table instead of widening the page. */}
        <Table.ScrollContainer minWidth={240 + (records.length + 1) * 220} type="native" style={{ position: 'relative' }}>
          <Table verticalSpacing="xs" horizontalSpacing="sm" withColumnBorders aria-label={t(`duplicates.${entity}.tableLabel`, { value })} style={{ tableLayout: 'fixed' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>
                  <VisuallyHidden>{t('duplicates.field')}</VisuallyHidden>
                </Table.Th>
                {records.map((record) => {
                  const kept = record.id === target.id;
                  const merged = !kept && !excluded.has(record.id);
                  return (
                    <Table.Th key={record.id} scope="col" style={{ verticalAlign: 'top' }}>
                      <Stack gap={6}>
                        <Anchor component={Link} to={linkOf(record)} fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                          {nameOf(record)}
                        </Anchor>
                        <Text fz="xs" c="dimmed" fw={400}>
                          {t('duplicates.added', { date: format.date(record.createdAt) })}
                        </Text>
                        {canMerge ? (
                          <>
                            <Radio value={record.id} label={t('duplicates.keep')} aria-label={t('duplicates.keepName', { name: nameOf(record) })} />
                            {!kept && (
                              <Checkbox
                                size="xs"
                                label={t('duplicates.mergeIt')}
                                aria-label={t('duplicates.mergeName', { name: nameOf(record), target: targetName })}
                                checked={merged}
                                onChange={(event) => include(record.id, event.currentTarget.checked)}
                              />
                            )}
                          </>
                        ) : null}
                        {canMerge && (
                          <Badge size="xs" variant="light" radius="sm" tt="none" color={kept ? 'blue' : merged ? 'orange' : 'gray'} w="fit-content">
                            {kept ? t('duplicates.state.kept') : merged ? t('duplicates.state.deleted') : t('duplicates.state.untouched')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Th>
                  );
                })}
                <Table.Th scope="col" bg="var(--mantine-primary-color-light)" style={{ verticalAlign: 'top' }}>
                  <Stack gap={4}>
                    <Text fz="sm" fw={700}>
                      {t('duplicates.result')}
                    </Text>
                    <Text fz="xs" c="dimmed" fw={400}>
                      {t('duplicates.resultHint')}
                    </Text>
                  </Stack>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const gained = JSON.stringify(field.value(result)) !== JSON.stringify(field.value(target)) && !isEmpty(field.value(result));
                return (
                  <Table.Tr key={field.key}>
                    <Table.Th scope="row" fz="sm" c="dimmed" fw={500} style={{ verticalAlign: 'top' }}>
                      {field.label}
                    </Table.Th>
                    {records.map((record) => (
                      <Table.Td key={record.id} fz="sm" style={{ verticalAlign: 'top', overflowWrap: 'anywhere', opacity: record.id !== target.id && excluded.has(record.id) ? 0.5 : 1 }}>
                        <Cell>{field.render(record)}</Cell>
                      </Table.Td>
                    ))}
                    <Table.Td fz="sm" bg="var(--mantine-primary-color-light)" style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                      <Stack gap={4}>
                        <Cell>{field.render(result)}</Cell>
                        {gained && (
                          <Badge size="xs" variant="filled" radius="sm" tt="none" w="fit-content">
                            {t('duplicates.filledIn')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Radio.Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        loading={busy}
        onConfirm={() => void merge()}
        title={t(`duplicates.${entity}.confirmTitle`, { name: targetName })}
        message={t(`duplicates.${entity}.confirmBody`, { count: sources.length, names: sources.map(nameOf).join(', '), name: targetName })}
        confirmLabel={t(`duplicates.${entity}.confirm`)}
      />
    </Paper>
  );
}

/** A value, or a dash read out as "not set". */
function Cell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  if (children === null || children === undefined || children === '' || children === false) {
    return (
      <Text span c="dimmed" fz="sm">
        <span aria-hidden>{t('common.none')}</span>
        <VisuallyHidden>{t('crm.detail.empty')}</VisuallyHidden>
      </Text>
    );
  }
  return children;
}
