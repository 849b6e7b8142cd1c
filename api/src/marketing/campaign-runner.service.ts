import { LockMode } from '@mikro-orm/core';
import { Campaign, CampaignStatus } from '../../../schema/marketing/campaign.entity.js';
import { AppError } from '../graphql/errors.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { startSending } from './campaign.service.js';
import { companyContext } from './company-context.js';

export type StartOutcome = 'started' | 'not-due' | 'empty';

/**
 * A scheduled campaign's send time came: fixes the audience and starts sending. Does nothing when
 * the campaign was rescheduled (another job holds the new time), cancelled or already started. An
 * audience that reaches nobody ends the campaign as sent to nobody.
 */
export async function startScheduled(app: App, tenantId: string, campaignId: string, sendAt: string, jobId: string): Promise<{ outcome: StartOutcome; winnerAt: Date | null }> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    const campaign = await em.findOne(Campaign, { tenantId, id: campaignId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!campaign || campaign.status !== CampaignStatus.SCHEDULED || campaign.sendAt?.toISOString() !== sendAt) return { outcome: 'not-due', winnerAt: null };
    const ctx = await companyContext(app, em, tenantId, jobId);
    try {
      await startSending(ctx, campaign);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.log.warn({ err: error, campaignId }, 'scheduled campaign could not start');
      campaign.status = CampaignStatus.SENT;
      campaign.audienceSize = 0;
      campaign.startedAt = new Date();
      campaign.finishedAt = campaign.startedAt;
      await em.flush();
      return { outcome: 'empty', winnerAt: null };
    }
    return { outcome: 'started', winnerAt: campaign.winnerAt ?? null };
  });
}

/**
 * An A/B test's winner time: the variant with more unique opens wins (then clicks; A on a tie), and
 * the held rest of the audience is queued for it. Returns whether there is anything to send.
 */
export async function pickWinner(app: App, tenantId: string, campaignId: string): Promise<boolean> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    const campaign = await em.findOne(Campaign, { tenantId, id: campaignId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!campaign || campaign.winner || (campaign.status !== CampaignStatus.SENDING && campaign.status !== CampaignStatus.PAUSED)) return false;
    const rows = await em.execute<{ variant: string; opens: number; clicks: number }[]>(
      `select variant, count(opened_at)::int as opens, count(clicked_at)::int as clicks from mkt_deliveries
        where tenant_id = ? and campaign_id = ? and variant in ('A', 'B') group by variant`,
      [tenantId, campaignId],
    );
    const a = rows.find((r) => r.variant === 'A') ?? { opens: 0, clicks: 0 };
    const b = rows.find((r) => r.variant === 'B') ?? { opens: 0, clicks: 0 };
    const winner = b.opens > a.opens || (b.opens === a.opens && b.clicks > a.clicks) ? 'B' : 'A';
    campaign.winner = winner;
    await em.flush();
    const released = await em.execute<{ n: number }[]>(
      `with r as (update mkt_deliveries set status = 'QUEUED', variant = ?, updated_at = now() where tenant_id = ? and campaign_id = ? and status = 'HELD' returning 1) select count(*)::int as n from r`,
      [winner, tenantId, campaignId],
    );
    return (released[0]?.n ?? 0) > 0 && campaign.status === CampaignStatus.SENDING;
  });
}
