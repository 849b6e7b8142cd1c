import { Badge, Card, Divider, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FeatureOptionSwitch } from './FeatureOptionSwitch';
import { moduleBlockers, type ModuleState } from './module-dependencies';
import { RefusalAlert } from './RefusalAlert';
import { SwitchDescription } from './SwitchDescription';
import { useDependencyText } from './use-dependency-text';
import { useModuleSwitch } from './use-module-switch';

interface ModuleCardProps {
  module: ModuleState;
  modules: ModuleState[];
  reload: () => Promise<ModuleState[] | null>;
}

/** A module's switch, why it may not flip, and its feature options. */
export function ModuleCard({ module, modules, reload }: ModuleCardProps) {
  const { t } = useTranslation();
  const text = useDependencyText();
  const control = useModuleSwitch({ kind: 'module', key: module.key }, module.enabled, reload);
  const name = text.name('module', module.key);
  const hint = text.hint('module', moduleBlockers(modules, module.key, !module.enabled));
  return (
    <Card withBorder padding="lg" component="article" aria-label={name} data-testid={`module-${module.key}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Switch
            size="md"
            label={
              <Text span fw={600} fz="md">
                {name}
              </Text>
            }
            aria-label={name}
            description={<SwitchDescription text={t(`modules.${module.key}.description`, { defaultValue: module.description })} hint={hint} />}
            checked={control.checked}
            disabled={control.pending}
            onChange={(event) => control.flip(event.currentTarget.checked)}
          />
          <Badge miw="max-content" variant="light" color={module.enabled ? 'green' : 'gray'}>
            {module.enabled ? t('settings.modules.on') : t('settings.modules.off')}
          </Badge>
        </Group>
        {control.refusal && <RefusalAlert message={control.refusal} onClose={control.dismiss} />}
        {module.featureOptions.length > 0 && (
          <Stack gap="sm">
            <Divider label={t('settings.modules.options')} labelPosition="left" />
            <Stack gap="md" pl={{ base: 0, sm: 'xl' }}>
              {module.featureOptions.map((option) => (
                <FeatureOptionSwitch key={option.key} option={option} module={module} modules={modules} reload={reload} />
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
