import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconDotsVertical, IconGripVertical, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NameAvatar } from '../shared/NameAvatar';
import type { BoardDeal } from './board-moves';
import { MoneyAmount } from './DealMoney';
import { ExpectedClose } from './ExpectedClose';
import { RottingBadge } from './RottingBadge';

export interface StageChoice {
  id: string;
  name: string;
}

/** The drag handle's keyboard wiring and accessible description, from dnd-kit. */
export interface HandleProps {
  ref?: Ref<HTMLButtonElement>;
  attributes?: HTMLAttributes<HTMLElement>;
  onKeyDown?: HTMLAttributes<HTMLElement>['onKeyDown'];
}

interface DealCardProps {
  deal: BoardDeal;
  /** The other stages of the pipeline, for "Move to" (CRM:write). */
  stages?: StageChoice[];
  currentStageId?: string;
  canWrite: boolean;
  onMove?: (stageId: string) => void;
  onClose?: (won: boolean) => void;
  handle?: HandleProps;
  /** The card follows the pointer (the overlay) or is the ghost left in the column. */
  lifted?: boolean;
  ghost?: boolean;
  rootRef?: Ref<HTMLDivElement>;
  rootProps?: HTMLAttributes<HTMLDivElement>;
  style?: CSSProperties;
}

/** A deal on the board: title, customer, amount, owner, expected close and how long it has been idle. */
export function DealCard({ deal, stages = [], currentStageId, canWrite, onMove, onClose, handle, lifted = false, ghost = false, rootRef, rootProps, style }: DealCardProps) {
  const { t } = useTranslation();
  const owner = deal.owner ? (deal.owner.name ?? deal.owner.email) : null;
  const others = stages.filter((stage) => stage.id !== currentStageId);
  return (
    <Paper
      ref={rootRef}
      withBorder
      radius="md"
      p="sm"
      shadow={lifted ? 'lg' : 'xs'}
      role="listitem"
      aria-label={deal.title}
      data-deal-card
      {...rootProps}
      style={{
        cursor: canWrite ? (lifted ? 'grabbing' : 'grab') : undefined,
        opacity: ghost ? 0.45 : 1,
        touchAction: 'manipulation',
        borderColor: deal.rotting ? 'var(--mantine-color-orange-5)' : undefined,
        ...style,
      }}
    >
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
          <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" lineClamp={2} style={{ overflowWrap: 'anywhere', flex: 1 }} draggable={false}>
            {deal.title}
          </Anchor>
          {canWrite && (
            <Group gap={0} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Tooltip label={t('deals.board.handleHint')} withArrow openDelay={500}>
                <ActionIcon
                  ref={handle?.ref}
                  variant="subtle"
                  color="gray"
                  size="sm"
                  {...handle?.attributes}
                  onKeyDown={handle?.onKeyDown}
                  aria-label={t('deals.board.handle', { title: deal.title })}
                  style={{ cursor: lifted ? 'grabbing' : 'grab' }}
                >
                  <IconGripVertical size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('deals.board.actions', { title: deal.title })}>
                    <IconDotsVertical size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {others.length > 0 && <Menu.Label>{t('deals.board.moveTo')}</Menu.Label>}
                  {others.map((stage) => (
                    <Menu.Item key={stage.id} leftSection={<IconArrowRight size={14} aria-hidden />} onClick={() => onMove?.(stage.id)}>
                      {stage.name}
                    </Menu.Item>
                  ))}
                  {others.length > 0 && <Menu.Divider />}
                  <Menu.Item color="green" leftSection={<IconTrophy size={14} aria-hidden />} onClick={() => onClose?.(true)}>
                    {t('deals.close.markWon')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconThumbDown size={14} aria-hidden />} onClick={() => onClose?.(false)}>
                    {t('deals.close.markLost')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          )}
        </Group>
        <Text fz="xs" c="dimmed" truncate="end">
          {deal.customer.name}
        </Text>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <MoneyAmount money={deal.amount} fw={600} />
          <ExpectedClose day={deal.expectedCloseDate} />
        </Group>
        {(owner || deal.rotting) && (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            {owner ? (
              <Tooltip label={t('deals.card.owner', { name: owner })} withArrow>
                <span style={{ display: 'inline-flex' }}>
                  <NameAvatar name={owner} size={24} />
                  <VisuallyHidden>{t('deals.card.owner', { name: owner })}</VisuallyHidden>
                </span>
              </Tooltip>
            ) : (
              <span />
            )}
            {deal.rotting && <RottingBadge days={deal.daysWithoutActivity} size="xs" />}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
