import type { ModuleKey } from '../../../gql/graphql';

/** The modules a business can start with, and what each needs (mirrors the API's manifests). */
export const MODULE_CHOICES: { key: ModuleKey; needs: ModuleKey[] }[] = [
  { key: 'CRM', needs: [] },
  { key: 'MARKETING', needs: ['CRM'] },
  { key: 'SERVICE_DESK', needs: ['CRM'] },
  { key: 'WAREHOUSE', needs: [] },
  { key: 'ACCOUNTING', needs: [] },
];
