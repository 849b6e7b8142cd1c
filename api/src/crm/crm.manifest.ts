import { ConsentEvent } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { ContactPoint } from '../../../schema/crm/contact-point.entity.js';
import { Counterparty } from '../../../schema/crm/counterparty.entity.js';
import { Customer } from '../../../schema/crm/customer.entity.js';
import { Interaction } from '../../../schema/crm/interaction.entity.js';
import { Position } from '../../../schema/crm/position.entity.js';
import { Task } from '../../../schema/crm/task.entity.js';
import type { ModuleManifest } from '../platform/modules/module-manifest.js';
import { ContactResolver } from './contact.resolver.js';
import { CounterpartyResolver } from './counterparty.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import { InteractionResolver } from './interaction.resolver.js';
import { PositionResolver } from './position.resolver.js';
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
  ],
  resolvers: [CustomerResolver, ContactResolver, PositionResolver, CounterpartyResolver, TaskResolver, InteractionResolver],
  entities: [Customer, Contact, ContactPoint, ConsentEvent, Position, Counterparty, Task, Interaction],
  queues: [REMINDER_QUEUE],
};
