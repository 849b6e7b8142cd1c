import { Anchor, Badge, Button, Checkbox, Divider, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { operationName, useApiMutation } from '../../../lib/use-api';
import { LinkProblemAlert } from './LinkProblemAlert';
import { preferencesChanged, preferencesInput, preferenceValues, type PreferenceValues, type SubscriberPage } from './preferences-form';
import { UNSUBSCRIBE_PAGE, UPDATE_PREFERENCES } from './subscriber.documents';

/** The choices of the preference centre; saving sends them all at once and shows the page as it now stands. */
interface PreferencesFormProps {
  token: string;
  page: SubscriberPage;
  /** Saved: the page shows it (this form starts afresh from the answer). */
  onSaved: () => void;
  /** A choice changed since. */
  onEdit: () => void;
}

export function PreferencesForm({ token, page, onSaved, onEdit }: PreferencesFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation(UPDATE_PREFERENCES);
  const [values, setValues] = useState<PreferenceValues>(() => preferenceValues(page));
  const changed = preferencesChanged(page, values);

  async function submit() {
    try {
      const { updatePreferences } = await save.mutateAsync({ input: preferencesInput(token, page, values) });
      // The page re-renders from the answer (a new key resets this form).
      client.setQueryData([operationName(UNSUBSCRIBE_PAGE), { token }], { unsubscribePage: updatePreferences });
      onSaved();
    } catch {
      // Shown above the button from the mutation's state.
    }
  }

  function change(next: PreferenceValues) {
    setValues(next);
    onEdit();
  }

  const emailOff = values.email === false;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={t('subscriptions.public.preferences.formLabel')}
      noValidate
    >
      <Stack gap="lg">
        <Stack gap="sm" component="section" aria-labelledby="preferences-channels">
          <Title order={2} fz="h4" id="preferences-channels">
            {t('subscriptions.public.preferences.channelsTitle')}
          </Title>
          {values.email !== null && (
            <Switch
              size="md"
              label={t('subscriptions.public.preferences.email', { company: page.companyName })}
              description={t('subscriptions.public.preferences.emailHint')}
              checked={values.email}
              onChange={(event) => change({ ...values, email: event.currentTarget.checked })}
            />
          )}
          {values.sms !== null && (
            <Switch
              size="md"
              label={t('subscriptions.public.preferences.sms', { company: page.companyName })}
              description={t('subscriptions.public.preferences.smsHint')}
              checked={values.sms}
              onChange={(event) => change({ ...values, sms: event.currentTarget.checked })}
            />
          )}
        </Stack>
        {page.lists.length > 0 && (
          <>
            <Divider />
            <Stack gap="sm" component="section" aria-labelledby="preferences-lists">
              <Stack gap={2}>
                <Title order={2} fz="h4" id="preferences-lists">
                  {t('subscriptions.public.preferences.listsTitle')}
                </Title>
                <Text fz="sm" c="dimmed">
                  {emailOff ? t('subscriptions.public.preferences.listsWhileOff') : t('subscriptions.public.preferences.listsHint')}
                </Text>
              </Stack>
              {page.lists.map((list) => (
                <Checkbox
                  key={list.id}
                  size="md"
                  label={
                    <Group gap="xs" component="span">
                      <span>{list.name}</span>
                      {list.status === 'PENDING' && (
                        <Badge size="sm" variant="light" color="yellow" radius="sm" tt="none" component="span">
                          {t('subscriptions.public.preferences.pending')}
                        </Badge>
                      )}
                    </Group>
                  }
                  description={list.description ?? undefined}
                  checked={values.listIds.includes(list.id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    change({ ...values, listIds: on ? [...values.listIds, list.id] : values.listIds.filter((id) => id !== list.id) });
                  }}
                />
              ))}
            </Stack>
          </>
        )}
        {save.error && <LinkProblemAlert error={save.error} kind="message" />}
        <Stack gap="sm">
          <Button type="submit" size="md" disabled={!changed} loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t('subscriptions.public.preferences.save')}
          </Button>
          {!page.unsubscribed && (
            <Text fz="sm" c="dimmed" ta="center">
              <Anchor component={Link} to={`/unsubscribe/${token}`} fz="sm">
                {t(`subscriptions.public.preferences.unsubscribeAll.${page.channel}`)}
              </Anchor>
            </Text>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
