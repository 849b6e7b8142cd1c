import { ActionIcon, Anchor, Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { columnDropId, type BoardColumn as Column, type BoardDeal } from './board-moves';
import classes from './Board.module.css';
import type { StageChoice } from './DealCard';
import { MoneyTotals } from './DealMoney';
import { SortableDealCard } from './SortableDealCard';

interface BoardColumnProps {
  column: Column;
  /** The deals shown, in order (while dragging: with the dragged card where it would land). */
  deals: BoardDeal[];
  stages: StageChoice[];
  canWrite: boolean;
  /** The list view of this pipeline, for a column longer than the board shows. */
  listLink: string;
  onAdd: (stageId: string) => void;
  onMove: (dealId: string, stageId: string) => void;
  onClose: (deal: BoardDeal, won: boolean) => void;
}

/** One stage: its name, how many open deals and their total per currency, and the deals in board order. */
export function BoardColumn({ column, deals, stages, canWrite, listLink, onAdd, onMove, onClose }: BoardColumnProps) {
  const { t } = useTranslation();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(stage.id) });
  // While a card is dragged in or out, the count follows what the column shows.
  const count = column.count + (deals.length - column.deals.length);
  const hidden = column.count - column.deals.length;
  return (
    <section className={classes.column} aria-label={stage.name}>
      <Stack gap={4} px="sm" pt="sm" pb={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={6} wrap="nowrap" miw={0}>
            <Title order={2} fz="sm" fw={700} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {stage.name}
            </Title>
            <Badge variant="light" color="gray" size="sm" radius="sm" aria-label={t('deals.board.count', { count })}>
              {count}
            </Badge>
          </Group>
          {canWrite && (
            <Tooltip label={t('deals.board.addHere', { stage: stage.name })} withArrow>
              <ActionIcon variant="subtle" size="sm" aria-label={t('deals.board.addHere', { stage: stage.name })} onClick={() => onAdd(stage.id)}>
                <IconPlus size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <MoneyTotals totals={column.totalAmount} fz="xs" fw={600} aria-label={t('deals.board.total')} />
          <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('deals.board.probability', { probability: stage.probability })}
          </Text>
        </Group>
      </Stack>
      <SortableContext id={stage.id} items={deals.map((deal) => deal.id)} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className={classes.columnBody} data-over={isOver || undefined} role="list" aria-label={t('deals.board.columnLabel', { stage: stage.name })}>
          {deals.map((deal) => (
            <SortableDealCard key={deal.id} deal={deal} stageId={stage.id} stages={stages} canWrite={canWrite} onMove={onMove} onClose={onClose} />
          ))}
          {deals.length === 0 && (
            <Text fz="xs" c="dimmed" ta="center" py="md">
              {canWrite ? t('deals.board.emptyColumn') : t('deals.board.emptyColumnReadOnly')}
            </Text>
          )}
        </div>
      </SortableContext>
      {hidden > 0 && (
        <Text fz="xs" c="dimmed" px="sm" pb="sm">
          <Anchor component={Link} to={listLink} inherit>
            {t('deals.board.more', { count: hidden })}
          </Anchor>
        </Text>
      )}
    </section>
  );
}
