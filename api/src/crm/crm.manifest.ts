import { Company } from '../../../schema/crm/company.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { Task } from '../../../schema/crm/task.entity.js';
import { Interaction } from '../../../schema/crm/interaction.entity.js';
import type { ModuleManifest } from '../platform/modules/module-manifest.js';
import { CompanyResolver } from './company.resolver.js';
import { ContactResolver } from './contact.resolver.js';
import { REMINDER_QUEUE } from './task-reminder.service.js';
import { TaskResolver } from './task.resolver.js';
import { InteractionResolver } from './interaction.resolver.js';

export const crmManifest: ModuleManifest = {
  key: 'CRM',
  name: 'CRM',
  description: 'People and companies, and every interaction with them.',
  dependsOn: [],
  defaultEnabled: true,
  featureOptions: [
    { key: 'CRM.companies', description: 'Companies that people work at.', defaultEnabled: true },
    { key: 'CRM.tasks', description: 'Tasks with due times and reminders.', defaultEnabled: true },
  ],
  resolvers: [ContactResolver, CompanyResolver, TaskResolver, InteractionResolver],
  entities: [Contact, Company, Task, Interaction],
  queues: [REMINDER_QUEUE],
};
