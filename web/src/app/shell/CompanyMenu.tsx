import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconBuildingStore, IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSwitchCompany } from '../../modules/platform/auth/use-switch-company';
import { useViewer } from '../../lib/viewer';

/** The current company; a person in several companies switches here. */
export function CompanyMenu() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const switchCompany = useSwitchCompany();
  if (!viewer) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={16} />} leftSection={<IconBuildingStore size={18} />} aria-label={t('shell.company', { name: viewer.tenant.name })} maw={{ base: 120, sm: 260 }}>
          <Text truncate fz="sm" fw={500}>
            {viewer.tenant.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.yourCompanies')}</Menu.Label>
        {viewer.memberships.map((membership) => (
          <Menu.Item
            key={membership.tenantId}
            leftSection={membership.tenantId === viewer.tenant.id ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />}
            aria-current={membership.tenantId === viewer.tenant.id ? 'true' : undefined}
            onClick={() => membership.tenantId !== viewer.tenant.id && switchCompany(membership.tenantId)}
          >
            {membership.tenantName}
            {membership.tenantId === viewer.tenant.id && <VisuallyHidden> ({t('shell.current')})</VisuallyHidden>}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/switch-company" leftSection={<IconPlus size={16} />}>
          {t('shell.addCompany')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
