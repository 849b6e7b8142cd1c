import type { AutomationStepKind, AutomationTriggerKind } from '../../../gql/graphql.js';

export interface ActivationProblem {
  /** Translation key under `automations.activate.problem`. */
  key: 'noSteps' | 'triggerSegmentDeleted' | 'conditionSegmentDeleted';
  /** The step (1-based) it concerns. */
  step?: number;
}

interface Activatable {
  trigger: { kind: AutomationTriggerKind; segmentId?: string | null };
  steps: { kind: AutomationStepKind; position: number; segmentId?: string | null; contactFilter?: Record<string, unknown> | null }[];
}

/**
 * Why the API would refuse to switch the automation on, found before asking: no steps, or a segment
 * it relies on was deleted since (the trigger's, or a condition's).
 */
export function activationProblems(automation: Activatable): ActivationProblem[] {
  const problems: ActivationProblem[] = [];
  if (automation.steps.length === 0) problems.push({ key: 'noSteps' });
  if (automation.trigger.kind === 'SEGMENT_ENTERED' && !automation.trigger.segmentId) problems.push({ key: 'triggerSegmentDeleted' });
  for (const step of [...automation.steps].sort((a, b) => a.position - b.position)) {
    if (step.kind === 'CONDITION' && !step.segmentId && !step.contactFilter) problems.push({ key: 'conditionSegmentDeleted', step: step.position + 1 });
  }
  return problems;
}
