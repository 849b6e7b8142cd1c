import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import type { Role } from '../../../../gql/graphql';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../../lib/viewer';
import { LoadingBlock } from '../LoadingBlock';
import { SettingsCard } from '../SettingsCard';
import { OWN_RECORDS_ROLES, UPDATE_OWN_RECORDS_ROLES } from './own-records.documents';

/** The roles that can be limited; owners and admins always see the whole company. */
const LIMITABLE: Role[] = ['MANAGER', 'AGENT', 'VIEWER'];

function sameRoles(a: Role[], b: Role[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

function RolesForm({ saved }: { saved: Role[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Role[]>(saved);
  const update = useApiMutation(UPDATE_OWN_RECORDS_ROLES, ['OwnRecordsRoles', 'Viewer']);
  const changed = !sameRoles(chosen, saved);

  async function save() {
    try {
      await update.mutateAsync({ input: { ownRecordsOnlyRoles: LIMITABLE.filter((role) => chosen.includes(role)) } });
      notifications.show({ color: 'green', message: t('ownRecords.saved') });
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <Stack gap="sm">
      <Stack gap="xs" role="group" aria-label={t('ownRecords.rolesLabel')}>
        {LIMITABLE.map((role) => (
          <Checkbox
            key={role}
            label={t(`roles.${role}`)}
            description={t(`ownRecords.roleHint.${role}`)}
            checked={chosen.includes(role)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              setChosen((current) => (on ? [...current.filter((entry) => entry !== role), role] : current.filter((entry) => entry !== role)));
            }}
          />
        ))}
      </Stack>
      <Text fz="xs" c="dimmed">
        {t('ownRecords.note')}
      </Text>
      <Group justify="flex-end" gap="sm">
        {changed && (
          <Button variant="default" onClick={() => setChosen(saved)} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
        )}
        <Button onClick={() => void save()} loading={update.isPending} disabled={!changed}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Who sees only their own records": the roles limited to the customers, people and deals they own (with the CRM on, for `settings:manage`). */
export function OwnRecordsCard() {
  const can = useCan();
  const on = useSwitchedOn();
  return can('settings:manage') && on('CRM') ? <OwnRecordsSettings /> : null;
}

function OwnRecordsSettings() {
  const { t } = useTranslation();
  const query = useApiQuery(OWN_RECORDS_ROLES, {});
  const saved = query.data?.me.tenant.settings.ownRecordsOnlyRoles;
  return (
    <SettingsCard title={t('ownRecords.title')} description={t('ownRecords.description')} labelledBy="settings-own-records">
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !saved ? (
        <LoadingBlock rows={3} />
      ) : (
        <RolesForm key={[...saved].sort().join()} saved={saved} />
      )}
    </SettingsCard>
  );
}
