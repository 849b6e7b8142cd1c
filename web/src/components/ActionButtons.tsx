import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconDots, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../lib/use-phone';

export interface PageAction {
  key: string;
  label: string;
  icon: Icon;
  color?: string;
  variant?: string;
  busy?: boolean;
  run: () => void;
}

/** A page's actions as buttons; on a phone the first is a button and the rest are in a menu. */
export function ActionButtons({ actions }: { actions: PageAction[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [first, ...rest] = actions;
  const buttons = phone && first ? [first] : actions;
  const menu = phone ? rest : [];
  return (
    <>
      {buttons.map((action) => (
        <Button key={action.key} color={action.color} variant={action.variant ?? 'filled'} loading={action.busy} leftSection={<action.icon size={16} aria-hidden />} onClick={action.run}>
          {action.label}
        </Button>
      ))}
      {menu.length > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label={t('common.actions')}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {menu.map((action) => (
              <Menu.Item key={action.key} color={action.color} leftSection={<action.icon size={16} aria-hidden />} onClick={action.run}>
                {action.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </>
  );
}
