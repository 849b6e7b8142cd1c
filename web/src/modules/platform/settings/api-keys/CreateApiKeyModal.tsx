import { Button, Group, Modal, MultiSelect, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ApiKeyAccess, ModuleKey } from '../../../../gql/graphql';
import { intlLocale } from '../../../../i18n/languages';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../../lib/use-api';
import { required } from '../../../../lib/validators';
import { SETTINGS_MODULES } from '../modules/modules.documents';
import { CREATE_API_KEY } from './api-keys.documents';
import { numberSeparators } from './number-separators';

const RATE_LIMIT_MAX = 100_000;

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  /** The new key's secret, to be shown once. */
  onCreated: (secret: string, name: string) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const { t, i18n } = useTranslation();
  const separators = numberSeparators(intlLocale(i18n.language));
  const modules = useApiQuery(SETTINGS_MODULES, {}, { enabled: opened });
  const create = useApiMutation(CREATE_API_KEY, ['SettingsApiKeys']);
  const form = useForm({
    initialValues: { name: '', modules: [] as string[], access: 'READ' as string, rateLimitPerMinute: '' as string | number },
    validate: {
      name: required(t),
      modules: (value) => (value.length === 0 ? t('settings.apiKeys.pickModule') : null),
      rateLimitPerMinute: (value) =>
        value === '' ? null : typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= RATE_LIMIT_MAX ? null : t('settings.apiKeys.rateLimitRange', { max: RATE_LIMIT_MAX }),
    },
  });
  const moduleStates = modules.data?.modules ?? [];
  const moduleOptions = moduleStates.map((module) => ({
    value: module.key,
    label: module.enabled ? t(`modules.${module.key}.name`) : t('settings.apiKeys.moduleOff', { name: t(`modules.${module.key}.name`) }),
  }));

  function close() {
    form.reset();
    onClose();
  }

  function submit(values: typeof form.values) {
    const chosen: ModuleKey[] = moduleStates.map((module) => module.key).filter((key) => values.modules.includes(key));
    const access: ApiKeyAccess = values.access === 'READ_WRITE' ? 'READ_WRITE' : 'READ';
    const name = values.name.trim();
    create.mutate(
      { input: { name, modules: chosen, access, rateLimitPerMinute: typeof values.rateLimitPerMinute === 'number' ? values.rateLimitPerMinute : null } },
      {
        onSuccess: ({ createApiKey }) => {
          form.reset();
          onCreated(createApiKey.secret, createApiKey.apiKey.name);
        },
        onError: (error) => showApiError(t, error, form),
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('settings.apiKeys.createTitle')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <TextInput label={t('settings.apiKeys.name')} description={t('settings.apiKeys.nameHint')} required data-autofocus {...form.getInputProps('name')} />
          <MultiSelect
            label={t('settings.apiKeys.modules')}
            description={t('settings.apiKeys.modulesHint')}
            data={moduleOptions}
            required
            searchable
            nothingFoundMessage={t('settings.nothingFound')}
            disabled={modules.isPending}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('modules')}
          />
          <Radio.Group label={t('settings.apiKeys.access')} required {...form.getInputProps('access')}>
            <Stack gap="xs" mt="xs">
              <Radio value="READ" label={t('settings.apiKeys.accessREAD')} description={t('settings.apiKeys.accessREADHint')} />
              <Radio value="READ_WRITE" label={t('settings.apiKeys.accessREAD_WRITE')} description={t('settings.apiKeys.accessREAD_WRITEHint')} />
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('settings.apiKeys.rateLimit')}
            description={t('settings.apiKeys.rateLimitHint')}
            min={1}
            max={RATE_LIMIT_MAX}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={separators.thousandSeparator}
            decimalSeparator={separators.decimalSeparator}
            {...form.getInputProps('rateLimitPerMinute')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('settings.apiKeys.createAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
