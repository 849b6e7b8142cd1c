import type { AutomationFilter, AutomationStatus, AutomationsListQuery } from '../../../gql/graphql.js';

export type AutomationRow = AutomationsListQuery['automations']['edges'][number]['node'];

export const AUTOMATION_STATUSES: AutomationStatus[] = ['DRAFT', 'ACTIVE', 'PAUSED'];

/** Address parameters that narrow the automations list; clearing the filters removes them. */
export const AUTOMATION_FILTER_KEYS = ['status'];

export function isAutomationStatus(value: string | null | undefined): value is AutomationStatus {
  return AUTOMATION_STATUSES.some((status) => status === value);
}

export interface AutomationsView {
  status: AutomationStatus | null;
  narrowed: boolean;
  filter: AutomationFilter | null;
}

/** The automations list as the address describes it (`?status=ACTIVE&after=…`); an unknown status is ignored. */
export function readAutomationsView(params: URLSearchParams): AutomationsView {
  const param = params.get('status');
  const status = isAutomationStatus(param) ? param : null;
  return { status, narrowed: status !== null, filter: status ? { statuses: [status] } : null };
}
