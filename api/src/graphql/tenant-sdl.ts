import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLFieldConfig, GraphQLSchema } from 'graphql';
import type { TenantModules } from '../platform/modules/tenant-modules.js';
import type { KontorFieldExtensions } from './guards.js';

/** The schema as one tenant sees it: fields of switched-off modules and features are gone, not hidden. */
export function tenantSchema(schema: GraphQLSchema, modules: TenantModules): GraphQLSchema {
  const visible = (field: GraphQLFieldConfig<unknown, unknown>): GraphQLFieldConfig<unknown, unknown> | null => {
    const ext = (field.extensions ?? {}) as KontorFieldExtensions;
    if (ext.module && !modules.isEnabled(ext.module)) return null;
    if (ext.feature && !modules.isFeatureEnabled(ext.feature)) return null;
    return field;
  };
  return pruneSchema(mapSchema(schema, { [MapperKind.OBJECT_FIELD]: visible }));
}
