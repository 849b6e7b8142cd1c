import { SuppressionReason } from '../../../schema/marketing/suppression.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { textArray } from '../graphql/keyset.js';
import type { ServiceContext } from '../platform/context/service-context.js';

/** Addresses are kept as deliveries keep them: email lower-case, numbers in E.164 as given. */
export function suppressionAddress(channel: MarketingChannel, address: string): string {
  return channel === MarketingChannel.EMAIL ? address.trim().toLowerCase() : address.trim();
}

/**
 * Puts an address on the company's suppression list for a channel. An address already there keeps
 * its first reason (a bounce stays a bounce when the person also unsubscribes): idempotent.
 */
export async function suppress(
  ctx: ServiceContext,
  entry: { channel: MarketingChannel; address: string; reason: SuppressionReason; source: string; campaignId: string | null },
): Promise<void> {
  await (await ctx.em()).execute(
    `insert into mkt_suppressions (tenant_id, id, created_at, updated_at, channel, address, reason, source, campaign_id)
      values (?, gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?) on conflict (tenant_id, channel, address) do nothing`,
    [ctx.tenantId, entry.channel, suppressionAddress(entry.channel, entry.address), entry.reason, entry.source, entry.campaignId],
  );
}

/**
 * Lifts the suppressions the person's own choice put there (their unsubscribe, their STOP) when they
 * choose again; bounces, complaints and a member's manual entries stay. Returns how many were lifted.
 */
export async function liftOwnSuppressions(ctx: ServiceContext, channel: MarketingChannel, addresses: string[], reasons: SuppressionReason[]): Promise<number> {
  if (addresses.length === 0 || reasons.length === 0) return 0;
  const normalised = [...new Set(addresses.map((address) => suppressionAddress(channel, address)))];
  const rows = await (await ctx.em()).execute<{ id: string }[]>(
    `delete from mkt_suppressions where tenant_id = ? and channel = ? and address = any(?::text[]) and reason = any(?::mkt_suppression_reason[]) returning id`,
    [ctx.tenantId, channel, textArray(normalised), textArray(reasons)],
  );
  return rows.length;
}

export async function isSuppressed(ctx: ServiceContext, channel: MarketingChannel, address: string): Promise<boolean> {
  const rows = await (await ctx.em()).execute<{ n: number }[]>(`select count(*)::int as n from mkt_suppressions where tenant_id = ? and channel = ? and address = ?`, [
    ctx.tenantId,
    channel,
    suppressionAddress(channel, address),
  ]);
  return (rows[0]?.n ?? 0) > 0;
}
