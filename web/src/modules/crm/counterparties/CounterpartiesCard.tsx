import { ActionIcon, Badge, Button, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingBank, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { friendlyFormatIBAN } from 'ibantools';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { hasAddress } from '../shared/address';
import { AddressView } from '../shared/AddressView';
import { DetailCard } from '../shared/DetailCard';
import { COUNTERPARTY_QUERIES, CUSTOMER_COUNTERPARTIES, DELETE_COUNTERPARTY } from './counterparty.documents';
import type { CounterpartyNode } from './counterparty-form';
import { CounterpartyModal } from './CounterpartyModal';

/** A date without time ("2026-11-23") in the user's language, read as that calendar day wherever the device is. */
function useLocalDate(): (value: string) => string {
  const format = useFormat();
  return (value) => format.date(`${value}T12:00:00`);
}

function Validity({ counterparty }: { counterparty: CounterpartyNode }) {
  const { t } = useTranslation();
  const day = useLocalDate();
  const { validFrom, validTo } = counterparty;
  if (!validFrom && !validTo) return null;
  const text =
    validFrom && validTo
      ? t('crm.counterparties.validBetween', { from: day(validFrom), to: day(validTo) })
      : validFrom
        ? t('crm.counterparties.validSince', { from: day(validFrom) })
        : t('crm.counterparties.validUntil', { to: day(validTo ?? '') });
  return (
    <Text fz="xs" c="dimmed">
      {text}
    </Text>
  );
}

interface CounterpartyItemProps {
  counterparty: CounterpartyNode;
  /** Below another one: a line between them. */
  divided: boolean;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function CounterpartyItem({ counterparty, divided, canWrite, onEdit, onDelete }: CounterpartyItemProps) {
  const { t } = useTranslation();
  const numbers = [
    counterparty.taxId ? t('crm.counterparties.taxIdShort', { value: counterparty.taxId }) : null,
    counterparty.registrationNumber ? t('crm.counterparties.registrationShort', { value: counterparty.registrationNumber }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <Stack gap={6} role="listitem" aria-label={counterparty.legalName} pt={divided ? 'md' : 0} style={divided ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} miw={0}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {counterparty.legalName}
            </Text>
            {counterparty.current ? (
              <Badge color="green" variant="light" radius="sm" tt="none">
                {t('crm.counterparties.current')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" tt="none">
                {t('crm.counterparties.notCurrent')}
              </Badge>
            )}
          </Group>
          {numbers.length > 0 && (
            <Text fz="xs" c="dimmed">
              {numbers.join(' · ')}
            </Text>
          )}
          <Validity counterparty={counterparty} />
        </Stack>
        {canWrite && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('crm.counterparties.edit', { name: counterparty.legalName })}>
              <ActionIcon variant="subtle" color="gray" aria-label={t('crm.counterparties.edit', { name: counterparty.legalName })} onClick={onEdit}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('crm.counterparties.delete', { name: counterparty.legalName })}>
              <ActionIcon variant="subtle" color="red" aria-label={t('crm.counterparties.delete', { name: counterparty.legalName })} onClick={onDelete}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      {hasAddress(counterparty.legalAddress) && <AddressView address={counterparty.legalAddress} />}
      {counterparty.bankAccounts.length > 0 && (
        <Stack gap={4} role="list" aria-label={t('crm.counterparties.bankAccounts')}>
          {counterparty.bankAccounts.map((account) => (
            <Group key={account.iban} gap={6} wrap="nowrap" align="flex-start" role="listitem">
              <IconBuildingBank size={14} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
              <Stack gap={0} miw={0}>
                <Text fz="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {friendlyFormatIBAN(account.iban) ?? account.iban}
                </Text>
                {(account.bic || account.bankName || account.currency) && (
                  <Text fz="xs" c="dimmed">
                    {[account.bankName, account.bic, account.currency].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** On a customer's page: the legal entities it buys through, the current ones first; add, edit and delete with CRM:write. */
export function CounterpartiesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('CRM:write');
  const query = useApiQuery(CUSTOMER_COUNTERPARTIES, { id: customerId });
  const remove = useApiMutation(DELETE_COUNTERPARTY, COUNTERPARTY_QUERIES);
  const [adding, add] = useDisclosure(false);
  // The counterparty a dialog is about stays set while the dialog closes, so its content does not change under the animation.
  const [target, setTarget] = useState<CounterpartyNode | null>(null);
  const [editing, edit] = useDisclosure(false);
  const [deleting, askDelete] = useDisclosure(false);
  const list = query.data?.customer.counterparties;
  const title = t('crm.counterparties.title');

  async function confirmDelete(counterparty: CounterpartyNode) {
    try {
      await remove.mutateAsync({ input: { id: counterparty.id } });
      askDelete.close();
      notifications.show({ color: 'green', message: t('crm.counterparties.deleted', { name: counterparty.legalName }) });
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <DetailCard
      title={title}
      action={
        <Group gap="xs">
          {list && (
            <Badge variant="light" color="gray" radius="sm">
              {list.length}
            </Badge>
          )}
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add.open}>
              {t('crm.counterparties.add')}
            </Button>
          )}
        </Group>
      }
    >
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !list ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={12} width="40%" />
        </Stack>
      ) : list.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('crm.counterparties.none')}
        </Text>
      ) : (
        <Stack gap="md" role="list" aria-label={title}>
          {list.map((counterparty, index) => (
            <CounterpartyItem
              key={counterparty.id}
              counterparty={counterparty}
              divided={index > 0}
              canWrite={canWrite}
              onEdit={() => {
                setTarget(counterparty);
                edit.open();
              }}
              onDelete={() => {
                setTarget(counterparty);
                askDelete.open();
              }}
            />
          ))}
        </Stack>
      )}
      <CounterpartyModal opened={adding} onClose={add.close} customerId={customerId} counterparty={null} />
      {target && <CounterpartyModal opened={editing} onClose={edit.close} customerId={customerId} counterparty={target} />}
      <ConfirmModal
        opened={deleting}
        onClose={askDelete.close}
        loading={remove.isPending}
        onConfirm={() => target && void confirmDelete(target)}
        title={t('crm.counterparties.deleteTitle', { name: target?.legalName ?? '' })}
        message={t('crm.counterparties.deleteBody')}
        confirmLabel={t('crm.counterparties.deleteConfirm')}
      />
    </DetailCard>
  );
}
