import type { ModuleKey } from '../../../gql/graphql';

/** The modules a business can start with, and what each needs (mirrors the API's manifests). */
export const MODULE_CHOICES: { key: ModuleKey; needs: ModuleKey[] }[] = [
  { key: 'CRM', needs: [] },
  { key: 'MARKETING', needs: ['CRM'] },
  { key: 'SERVICE_DESK', needs: ['CRM'] },
  { key: 'WAREHOUSE', needs: [] },
  { key: 'ACCOUNTING', needs: [] },
];

/** What a new company starts with unless the person chooses otherwise. */
export const DEFAULT_MODULES: ModuleKey[] = ['CRM'];

/**
 * The chosen modules that can stay chosen, in the order of MODULE_CHOICES: a module that needs
 * another cannot stay without it (unticking CRM unticks Marketing and Service desk).
 * Unknown keys are dropped, so the answer is typed without a cast.
 */
export function withDependencies(keys: readonly string[]): ModuleKey[] {
  const chosen = new Set(MODULE_CHOICES.filter((choice) => keys.includes(choice.key)).map((choice) => choice.key));
  // Dropping one module may strand another that needed it: repeat until nothing changes.
  let dropped = true;
  while (dropped) {
    dropped = false;
    for (const choice of MODULE_CHOICES) {
      if (chosen.has(choice.key) && choice.needs.some((need) => !chosen.has(need))) {
        chosen.delete(choice.key);
        dropped = true;
      }
    }
  }
  return MODULE_CHOICES.map((choice) => choice.key).filter((key) => chosen.has(key));
}

/** The modules `key` needs that are not chosen: while any is missing, it cannot be ticked. */
export function missingNeeds(key: ModuleKey, chosen: readonly ModuleKey[]): ModuleKey[] {
  return (MODULE_CHOICES.find((choice) => choice.key === key)?.needs ?? []).filter((need) => !chosen.includes(need));
}
