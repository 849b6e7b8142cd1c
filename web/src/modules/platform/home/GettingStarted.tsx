import { Anchor, Button, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { RESEND_VERIFICATION } from './home.documents';

export interface Step {
  key: string;
  done: boolean;
  to?: string;
  action?: ReactNode;
}

/** The first-run checklist: what a new company does first, ticked off as it happens. */
export function GettingStarted({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  const done = steps.filter((step) => step.done).length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="getting-started">
      <Stack>
        <div>
          <Title order={2} id="getting-started" fz="h3">
            {t('home.start.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('home.start.intro')}
          </Text>
        </div>
        <Progress value={(done / steps.length) * 100} aria-label={t('home.start.progress', { done, total: steps.length })} />
        <List spacing="md" center>
          {steps.map((step) => (
            <List.Item
              key={step.key}
              icon={
                <ThemeIcon color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'} radius="xl" size={26}>
                  {step.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
                </ThemeIcon>
              }
            >
              <Group gap="sm" wrap="wrap">
                <div>
                  <Text fw={500} td={step.done ? 'line-through' : undefined}>
                    {t(`home.steps.${step.key}.title`)}
                  </Text>
                  {!step.done && (
                    <Text fz="sm" c="dimmed">
                      {t(`home.steps.${step.key}.body`)}
                    </Text>
                  )}
                </div>
                {!step.done && step.to && (
                  <Anchor component={Link} to={step.to} fz="sm">
                    {t(`home.steps.${step.key}.action`)}
                  </Anchor>
                )}
                {!step.done && step.action}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

export function ResendVerificationButton() {
  const { t } = useTranslation();
  const resend = useApiMutation(RESEND_VERIFICATION);
  return (
    <Button
      size="xs"
      variant="light"
      loading={resend.isPending}
      onClick={() =>
        resend.mutate(
          {},
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('home.steps.verify.sent') }),
            onError: (error) => showApiError(t, error),
          },
        )
      }
    >
      {t('home.steps.verify.action')}
    </Button>
  );
}
