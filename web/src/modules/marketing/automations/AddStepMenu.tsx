import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AutomationStepKind } from '../../../gql/graphql';
import { STEP_FEATURE, STEP_KINDS } from './automation-form';
import { STEP_COLOR, STEP_ICON } from './step-icons';

interface AddStepMenuProps {
  onAdd: (kind: AutomationStepKind) => void;
  on: (feature: string | null) => boolean;
  /** A small "+" between two steps (named by `label`), else the button under the flow. */
  compact?: boolean;
  label: string;
  disabled?: boolean;
}

/** The kinds of step one can add (a condition while segments are on). */
export function AddStepMenu({ onAdd, on, compact = false, label, disabled = false }: AddStepMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        {compact ? (
          <ActionIcon variant="default" radius="xl" size="md" aria-label={label} disabled={disabled}>
            <IconPlus size={14} />
          </ActionIcon>
        ) : (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={disabled}>
            {label}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        {STEP_KINDS.filter((kind) => on(STEP_FEATURE[kind])).map((kind) => {
          const Icon = STEP_ICON[kind];
          return (
            <Menu.Item key={kind} leftSection={<Icon size={16} color={`var(--mantine-color-${STEP_COLOR[kind]}-6)`} aria-hidden />} onClick={() => onAdd(kind)}>
              {t(`automations.stepKind.${kind}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
