import { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';
import type { DomainEvent } from '../platform/events/domain-event.js';
import type { EventSubscriber } from '../platform/modules/module-manifest.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { emitMarketingTrigger } from './automation-enroll.service.js';
import type { TriggerOccurrence } from './automation-queue.js';
import { occurrenceKeys } from './automation-trigger.js';

/** The trigger an event stands for, and its occurrence; null when it concerns nobody in particular. */
function triggerOf(event: DomainEvent): { kind: AutomationTriggerKind; occurrence: TriggerOccurrence } | null {
  switch (event.kind) {
    case 'CONTACT_CREATED':
      return { kind: AutomationTriggerKind.CONTACT_CREATED, occurrence: { contactId: event.contactId, key: occurrenceKeys.created() } };
    case 'DEAL_STAGE_CHANGED':
      if (!event.contactId) return null;
      return {
        kind: AutomationTriggerKind.DEAL_STAGE_REACHED,
        occurrence: { contactId: event.contactId, key: occurrenceKeys.dealStage(event.dealId, event.stageId), stageId: event.stageId, pipelineId: event.pipelineId, context: { dealId: event.dealId } },
      };
    case 'DEAL_WON':
      if (!event.contactId) return null;
      return {
        kind: AutomationTriggerKind.DEAL_WON,
        occurrence: { contactId: event.contactId, key: occurrenceKeys.dealWon(event.dealId), stageId: event.stageId, pipelineId: event.pipelineId, context: { dealId: event.dealId } },
      };
  }
}

/**
 * Marketing hears of people created and deals moved or won (the CRM does not know it listens). A
 * company with no active automation on the trigger costs one indexed lookup and queues nothing.
 */
export const automationEvents: EventSubscriber = {
  kinds: ['CONTACT_CREATED', 'DEAL_STAGE_CHANGED', 'DEAL_WON'],
  async deliver(app, tenantId, events) {
    const byKind = new Map<AutomationTriggerKind, TriggerOccurrence[]>();
    for (const event of events) {
      const trigger = triggerOf(event);
      if (trigger) byKind.set(trigger.kind, [...(byKind.get(trigger.kind) ?? []), trigger.occurrence]);
    }
    if (byKind.size === 0) return;
    const listening = await inTenant(app.orm, tenantId, null, (em) =>
      em.execute<{ trigger_kind: string }[]>(`select distinct trigger_kind from mkt_automations where tenant_id = ? and status = 'ACTIVE' and trigger_kind = any(?::mkt_automation_trigger_kind[])`, [
        tenantId,
        `{${[...byKind.keys()].join(',')}}`,
      ]),
    );
    for (const { trigger_kind } of listening) {
      const kind = trigger_kind as AutomationTriggerKind;
      await emitMarketingTrigger({ app, tenantId }, kind, byKind.get(kind) ?? []);
    }
  },
};
