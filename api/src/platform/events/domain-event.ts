/**
 * What happened in one module that others may react to, named by database ids of the tenant it
 * happened in. The catalogue is closed and typed: a module that publishes a new kind adds it here
 * (the service desk will add TICKET_RESOLVED, accounting INVOICE_OVERDUE), and modules that care
 * subscribe to it in their manifest. Publishers never know who listens.
 */
export type DomainEvent =
  | { kind: 'CONTACT_CREATED'; contactId: string }
  /** A deal entered a stage: created in it, or moved to it. */
  | { kind: 'DEAL_STAGE_CHANGED'; dealId: string; contactId: string | null; pipelineId: string; stageId: string }
  | { kind: 'DEAL_WON'; dealId: string; contactId: string | null; pipelineId: string; stageId: string };

export type DomainEventKind = DomainEvent['kind'];
