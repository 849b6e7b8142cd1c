import { Avatar, Menu, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconLogout, IconMoon, IconSun, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { request } from '../../lib/graphql-client';
import { sessionStore } from '../../lib/session-store';
import { useViewer } from '../../lib/viewer';

const LOG_OUT = graphql(`
  mutation LogOut {
    logOut
  }
`);

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const user = viewer?.user;
  if (!user) return null;
  const name = user.name ?? user.email;

  async function logOut() {
    // The session ends on the server even if this tab never hears back.
    await request(LOG_OUT).catch(() => undefined);
    sessionStore.set(null);
    navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.account', { name })}>
          <Avatar color="blue" radius="xl" size={34}>
            {initials(name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/settings/profile" leftSection={<IconUser size={16} />}>
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Item
          hiddenFrom="sm"
          leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
        >
          {scheme === 'dark' ? t('shell.lightMode') : t('shell.darkMode')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void logOut()}>
          {t('shell.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
