import { Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../../gql/graphql';

interface StageProgressProps {
  stages: { id: string; name: string; probability: number }[];
  currentId: string;
  status: DealStatus;
  /** Open deals move with a click (CRM:write); closed ones are reopened first. */
  canMove: boolean;
  busy: boolean;
  onMove: (stageId: string) => void;
}

/** The pipeline's stages in a row, the ones passed filled in; a click moves the deal to a stage. */
export function StageProgress({ stages, currentId, status, canMove, busy, onMove }: StageProgressProps) {
  const { t } = useTranslation();
  const current = stages.findIndex((stage) => stage.id === currentId);
  const closedColor = status === 'WON' ? 'green' : status === 'LOST' ? 'red' : 'blue';
  return (
    <Box component="nav" aria-label={t('deals.progress.label')}>
      <Group component="ol" gap={4} wrap="nowrap" m={0} p={0} style={{ listStyle: 'none', overflowX: 'auto' }}>
        {stages.map((stage, index) => {
          const passed = index < current;
          const here = index === current;
          const filled = passed || here;
          const color = filled ? `var(--mantine-color-${closedColor}-${here ? 7 : 5})` : 'var(--mantine-color-default-border)';
          const label = here ? t('deals.progress.current', { stage: stage.name }) : t('deals.progress.moveTo', { stage: stage.name });
          const clickable = canMove && !here && status === 'OPEN';
          return (
            <Box component="li" key={stage.id} style={{ flex: '1 1 0', minWidth: '6.5rem' }}>
              <Tooltip label={t('deals.progress.tooltip', { stage: stage.name, probability: stage.probability })} withArrow>
                <UnstyledButton
                  onClick={() => clickable && onMove(stage.id)}
                  disabled={!clickable || busy}
                  aria-current={here ? 'step' : undefined}
                  aria-label={label}
                  w="100%"
                  style={{ cursor: clickable ? 'pointer' : 'default' }}
                >
                  <Box h={8} bg={color} style={{ borderRadius: 4 }} />
                  <Group gap={4} wrap="nowrap" mt={6}>
                    {passed && <IconCheck size={12} aria-hidden color={`var(--mantine-color-${closedColor}-6)`} />}
                    <Text fz="xs" fw={here ? 700 : 500} c={filled ? undefined : 'dimmed'} truncate="end">
                      {stage.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Tooltip>
            </Box>
          );
        })}
      </Group>
    </Box>
  );
}
