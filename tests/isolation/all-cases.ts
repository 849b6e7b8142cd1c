import { automationCase } from './automation-cases.js';
import { campaignCases } from './campaign-cases.js';
import { dealCases } from './deal-cases.js';
import { marketingEventCase } from './event-cases.js';
import { importCases } from './import-cases.js';
import { isolationCases, type IsolationCase } from './isolation-cases.js';
import { messageCases } from './message-cases.js';
import { subscriptionListCase } from './subscription-cases.js';
import { trackingCase } from './tracking-cases.js';

/** Every isolation case: the platform's and the CRM's core rows, then each feature's own file. */
export const allIsolationCases: IsolationCase[] = [...isolationCases, ...dealCases, ...messageCases, ...importCases, marketingEventCase, subscriptionListCase, trackingCase, automationCase, ...campaignCases];
