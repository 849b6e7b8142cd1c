import { ConsentEvent } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { ContactPoint } from '../../../schema/crm/contact-point.entity.js';
import { Counterparty } from '../../../schema/crm/counterparty.entity.js';
import { CustomField } from '../../../schema/crm/custom-field.entity.js';
import { Customer } from '../../../schema/crm/customer.entity.js';
import { EventAttendance } from '../../../schema/crm/event-attendance.entity.js';
import { MarketingEvent } from '../../../schema/crm/marketing-event.entity.js';
import { DealChecklistMark } from '../../../schema/crm/deal-checklist-mark.entity.js';
import { DealStageChange } from '../../../schema/crm/deal-stage-change.entity.js';
import { Deal } from '../../../schema/crm/deal.entity.js';
import { Import } from '../../../schema/crm/import.entity.js';
import { Interaction } from '../../../schema/crm/interaction.entity.js';
import { Message } from '../../../schema/crm/message.entity.js';
import { PipelineStage } from '../../../schema/crm/pipeline-stage.entity.js';
import { Pipeline } from '../../../schema/crm/pipeline.entity.js';
import { Position } from '../../../schema/crm/position.entity.js';
import { Segment } from '../../../schema/crm/segment.entity.js';
import { StageChecklistItem } from '../../../schema/crm/stage-checklist-item.entity.js';
import { Task } from '../../../schema/crm/task.entity.js';
import type { ModuleManifest } from '../platform/modules/module-manifest.js';
import { ContactResolver } from './contact.resolver.js';
import { CounterpartyResolver, CustomerCounterpartiesResolver } from './counterparty.resolver.js';
import { ContactCustomFieldsResolver, CustomerCustomFieldsResolver, CustomFieldResolver, DealCustomFieldsResolver } from './custom-field.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import { DealBoardResolver } from './deal-board.resolver.js';
import { CustomerDealsResolver, DealResolver } from './deal.resolver.js';
import { inboundEmailRoute } from './inbound-email.route.js';
import { IMPORT_QUEUE } from './import-runner.service.js';
import { ImportResolver } from './import.resolver.js';
import { importRoutes } from './import.routes.js';
import { InteractionResolver } from './interaction.resolver.js';
import { InteractionMessageResolver, MessageResolver } from './message.resolver.js';
import { SMS_QUEUE } from './message.service.js';
import { PipelineResolver, PipelineStageResolver } from './pipeline.resolver.js';
import { provisionDefaultPipeline } from './pipeline.service.js';
import { ContactEventsResolver, CustomerEventsResolver, EventAttendanceResolver, MarketingEventResolver } from './marketing-event.resolver.js';
import { MergeResolver } from './merge.resolver.js';
import { PositionResolver } from './position.resolver.js';
import { ReportResolver } from './report.resolver.js';
import { SegmentResolver } from './segment.resolver.js';
import { REMINDER_QUEUE } from './task-reminder.service.js';
import { TaskResolver } from './task.resolver.js';

export const crmManifest: ModuleManifest = {
  key: 'CRM',
  name: 'CRM',
  description: 'Customers and their people, and every interaction with them.',
  dependsOn: [],
  defaultEnabled: true,
  featureOptions: [
    { key: 'CRM.counterparties', description: 'Legal entities customers buy through, with tax ids and bank accounts.', defaultEnabled: true },
    { key: 'CRM.tasks', description: 'Tasks with due times and reminders.', defaultEnabled: true },
    { key: 'CRM.deals', description: 'Deals in pipelines of stages, on a board, with checklists and rotting.', defaultEnabled: true },
    { key: 'CRM.customFields', description: 'Fields of your own on customers, people and deals.', defaultEnabled: true },
    { key: 'CRM.segments', description: 'Saved filters of people and customers, used as views and audiences.', defaultEnabled: true },
  ],
  resolvers: [CustomerResolver, ContactResolver, PositionResolver, CounterpartyResolver, CustomerCounterpartiesResolver, TaskResolver, InteractionResolver,
    PipelineResolver, PipelineStageResolver, DealResolver, CustomerDealsResolver, DealBoardResolver,
    CustomFieldResolver, CustomerCustomFieldsResolver, ContactCustomFieldsResolver, DealCustomFieldsResolver, SegmentResolver, MergeResolver, ReportResolver,
    MarketingEventResolver, EventAttendanceResolver, ContactEventsResolver, CustomerEventsResolver,
    MessageResolver, InteractionMessageResolver, ImportResolver],
  entities: [Customer, Contact, ContactPoint, ConsentEvent, Position, Counterparty, Task, Interaction,
    Pipeline, PipelineStage, StageChecklistItem, Deal, DealChecklistMark, DealStageChange, CustomField, Segment,
    Message, Import, MarketingEvent, EventAttendance],
  queues: [REMINDER_QUEUE, SMS_QUEUE, IMPORT_QUEUE],
  routes: [inboundEmailRoute, ...importRoutes],
  provision: provisionDefaultPipeline,
};
