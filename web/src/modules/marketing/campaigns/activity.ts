/** One hour of a campaign's events, as the API counts them. */
export interface ActivityPoint {
  at: string;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  failed: number;
  unsubscribed: number;
}

export type ActivityKind = Exclude<keyof ActivityPoint, 'at'>;

const HOUR_MS = 3_600_000;
/** The API gives at most a month of hours; the chart never draws more. */
const MAX_HOURS = 24 * 31;

/**
 * The hours from the first event to the last, every one of them (the API leaves out hours without
 * events: a line must still fall to zero there), in order.
 */
export function everyHour(points: ActivityPoint[]): ActivityPoint[] {
  if (points.length === 0) return [];
  const byHour = new Map(points.map((point) => [Math.floor(new Date(point.at).getTime() / HOUR_MS), point]));
  const hours = [...byHour.keys()].sort((a, b) => a - b);
  const first = hours[0] ?? 0;
  const last = Math.min(hours[hours.length - 1] ?? first, first + MAX_HOURS - 1);
  const out: ActivityPoint[] = [];
  for (let hour = first; hour <= last; hour += 1) {
    out.push(byHour.get(hour) ?? { at: new Date(hour * HOUR_MS).toISOString(), sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, failed: 0, unsubscribed: 0 });
  }
  return out;
}

/** What the chart shows for a channel: opens are an email's, deliveries are reported for texts. */
export function activityKinds(channel: 'EMAIL' | 'SMS'): ActivityKind[] {
  return channel === 'EMAIL' ? ['sent', 'opened', 'clicked', 'bounced', 'unsubscribed'] : ['sent', 'delivered', 'clicked', 'failed', 'unsubscribed'];
}
