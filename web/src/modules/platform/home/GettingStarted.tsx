import { Anchor, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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
                <ThemeIcon color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'} radius="xl" size={26} aria-hidden>
                  {step.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
                </ThemeIcon>
              }
            >
              <Group gap="sm" wrap="wrap">
                <div>
                  <Text fw={500} td={step.done ? 'line-through' : undefined}>
                    {/* The tick and the strikethrough, in words for screen readers. */}
                    <VisuallyHidden>{step.done ? t('home.start.done') : t('home.start.toDo')}: </VisuallyHidden>
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
