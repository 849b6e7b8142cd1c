
export const MODULE_KEYS = ['CRM', 'MARKETING', 'SERVICE_DESK', 'WAREHOUSE', 'ACCOUNTING'] as const;
export type ModuleKey = (typeof MODULE_KEYS)[number];

export interface FeatureOptionManifest {
  /** Unique across modules: `<MODULE>.<option>`, for example `CRM.companies`. */
  key: string;
  description: string;
  defaultEnabled: boolean;
  /** Other feature options of the same module this one needs. */
  requires?: string[];
}

/** Everything the platform needs to know about a module; the platform never names a module itself. */
export interface ModuleManifest {
  key: ModuleKey;
  name: string;
  description: string;
  dependsOn: ModuleKey[];
  defaultEnabled: boolean;
  featureOptions: FeatureOptionManifest[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver list type
  resolvers: Function[];
  /** MikroORM entity classes of this module. */
  entities: unknown[];
  /** Queue names whose jobs belong to this module (paused while it is off). */
  queues: string[];
}

