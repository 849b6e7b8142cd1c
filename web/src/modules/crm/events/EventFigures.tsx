import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { useSwitchedOn } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { EVENT_PERFORMANCE } from './event.documents';

interface EventFiguresProps {
  event: { id: string; startsOn: string; registered: number; attended: number; cost?: { amount: string; currency: string } | null };
}

/** The day after a calendar day (`YYYY-MM-DD`). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md" role="listitem">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/**
 * What the event brought against what it cost: people registered and who came, and (with deals on)
 * the deals that name it as their source, those won and their amount, and the won amount per unit
 * of cost. The event performance report is asked for the event's first day (events are reported
 * by the day they start, a calendar day without a zone).
 */
export function EventFigures({ event }: EventFiguresProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const on = useSwitchedOn();
  const dealsOn = on('CRM.deals');
  const query = useApiQuery(
    EVENT_PERFORMANCE,
    { filter: { from: `${event.startsOn}T00:00:00.000Z`, to: `${nextDay(event.startsOn)}T00:00:00.000Z`, eventIds: [event.id] } },
    { enabled: dealsOn },
  );
  const figures = query.data?.eventPerformance.find((row) => row.event.id === event.id);
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 0 });
  const times = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 2 });
  const cost = figures?.cost ?? event.cost ?? null;
  const registered = figures?.registered ?? event.registered;
  const attended = figures?.attended ?? event.attended;
  const title = t('events.figures.title');

  const people = [
    <Figure key="registered" label={t('events.figures.registered')} value={format.number(registered)} />,
    <Figure
      key="attended"
      label={t('events.figures.attended')}
      value={format.number(attended)}
      hint={registered > 0 ? t('events.figures.attendanceRate', { rate: percent.format(attended / registered) }) : undefined}
    />,
    <Figure key="cost" label={t('events.figures.cost')} value={cost ? format.money(cost.amount, cost.currency) : t('common.none')} />,
  ];

  return (
    <DetailCard title={title}>
      {dealsOn && query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" role="list" aria-label={title}>
          {people}
          {dealsOn &&
            (figures ? (
              <>
                <Figure key="deals" label={t('events.figures.deals')} value={format.number(figures.deals)} />
                <Figure key="won" label={t('events.figures.won')} value={format.number(figures.won)} hint={figures.wonAmount.length > 0 ? figures.wonAmount.map((money) => format.money(money.amount, money.currency)).join(' · ') : undefined} />
                <Figure
                  key="roc"
                  label={t('events.figures.returnOnCost')}
                  value={figures.returnOnCost === null || figures.returnOnCost === undefined ? t('common.none') : t('events.figures.times', { value: times.format(Number(figures.returnOnCost)) })}
                  hint={cost ? t('events.figures.returnOnCostHint') : t('events.figures.noCost')}
                />
              </>
            ) : query.isPending ? (
              [0, 1, 2].map((index) => <Skeleton key={index} height={72} radius="md" />)
            ) : null)}
        </SimpleGrid>
      )}
    </DetailCard>
  );
}
