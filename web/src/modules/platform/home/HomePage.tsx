import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn, useViewer } from '../../../lib/viewer';
import { GettingStarted, type Step } from './GettingStarted';
import { HOME_CUSTOMERS, HOME_MEMBERS, HOME_PEOPLE } from './home.documents';
import { ResendVerificationButton } from './ResendVerificationButton';

function Figure({ label, value, to }: { label: string; value: number; to: string }) {
  const { number } = useFormat();
  return (
    <Card withBorder component={Link} to={to} td="none">
      <Text c="dimmed" fz="sm">
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {number(value)}
      </Text>
    </Card>
  );
}

/** Home: the first steps while the company is new, then its figures. */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const on = useSwitchedOn();
  const can = useCan();
  const crm = on('CRM') && can('CRM:read');
  const people = useApiQuery(HOME_PEOPLE, {}, { enabled: crm });
  const customers = useApiQuery(HOME_CUSTOMERS, {}, { enabled: crm });
  const team = useApiQuery(HOME_MEMBERS, {}, { enabled: can('users:manage') });
  if (!viewer) return null;

  const peopleCount = people.data?.contacts.totalCount ?? 0;
  const customerCount = customers.data?.customers.totalCount ?? 0;
  const steps: Step[] = [];
  if (viewer.user) steps.push({ key: 'verify', done: viewer.user.emailVerified, action: <ResendVerificationButton /> });
  if (crm && can('CRM:write')) steps.push({ key: 'customer', done: customerCount > 0, to: '/customers/new' });
  if (crm && can('CRM:write')) steps.push({ key: 'person', done: peopleCount > 0, to: '/contacts/new' });
  if (team.data) steps.push({ key: 'invite', done: team.data.members.length > 1 || team.data.invitations.length > 0, to: '/settings/users' });
  const loading = crm && (people.isPending || customers.isPending);
  const firstRun = !loading && steps.some((step) => !step.done);

  return (
    <Stack gap="lg">
      <Title order={1}>{viewer.user?.name ? t('home.welcomeNamed', { name: viewer.user.name }) : t('home.welcome')}</Title>
      {firstRun && <GettingStarted steps={steps} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {crm && <Figure label={t('home.customers')} value={customerCount} to="/customers" />}
        {crm && <Figure label={t('home.people')} value={peopleCount} to="/contacts" />}
      </SimpleGrid>
    </Stack>
  );
}
