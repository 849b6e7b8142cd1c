import { ActionIcon, Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Text, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconMoon, IconSettings, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan, useSwitchedOn } from '../../lib/viewer';
import { usePhone } from '../../lib/use-phone';
import { WEB_MODULES } from '../web-modules';
import { useRouteFocus } from './use-route-focus';
import { CompanyMenu } from './CompanyMenu';
import { NotificationsMenu } from './NotificationsMenu';
import { UserMenu } from './UserMenu';

function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const label = scheme === 'dark' ? t('shell.lightMode') : t('shell.darkMode');
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" size="lg" aria-label={label} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        {scheme === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The signed-in frame: navigation from the company's switched-on modules and the viewer's permissions. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  // Folded away on a phone, the navigation must not catch the Tab key or a screen reader.
  const folded = usePhone() && !opened;
  useRouteFocus();
  const location = useLocation();
  const on = useSwitchedOn();
  const can = useCan();
  const entries = WEB_MODULES.filter((module) => on(module.key)).flatMap((module) =>
    module.nav.filter((entry) => can(entry.permission) && (!entry.feature || on(entry.feature))),
  );
  const active = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')} />
            <Text component={Link} to="/" fw={700} fz="lg" c="blue.7" td="none">
              Kontor
            </Text>
            <CompanyMenu />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationsMenu />
            {/* On a phone the theme moves into the account menu, to leave room for the rest. */}
            <Box visibleFrom="sm">
              <ColorSchemeToggle />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')} inert={folded}>
        <AppShell.Section grow component={ScrollArea}>
          <nav data-testid="main-nav">
            <NavLink component={Link} to="/" label={t('shell.home')} leftSection={<IconHome size={18} />} active={location.pathname === '/'} onClick={close} />
            {entries.map((entry) => (
              <NavLink key={entry.to} component={Link} to={entry.to} label={t(entry.label)} leftSection={<entry.icon size={18} />} active={active(entry.to)} onClick={close} />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <NavLink component={Link} to="/settings" label={t('shell.settings')} leftSection={<IconSettings size={18} />} active={active('/settings')} onClick={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
