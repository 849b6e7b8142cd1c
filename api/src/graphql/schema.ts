import { GraphQLSchema, printSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { manifests } from '../modules.js';
import { ApiKeyResolver } from '../platform/api-keys/api-key.resolver.js';
import { AuthResolver } from '../platform/auth/auth.resolver.js';
import { InvitationResolver } from '../platform/invitations/invitation.resolver.js';
import { ModuleResolver } from '../platform/modules/module.resolver.js';
import { NotificationResolver } from '../platform/notifications/notification.resolver.js';
import { TenantResolver } from '../platform/tenants/tenant.resolver.js';
import { UserResolver } from '../platform/users/user.resolver.js';
import { authChecker } from './guards.js';
import { Money } from './scalars.js';

const platformResolvers = [AuthResolver, ModuleResolver, TenantResolver, UserResolver, ApiKeyResolver, InvitationResolver, NotificationResolver];

/** The full schema: platform resolvers plus every module's, as their manifests declare them. */
export async function buildKontorSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...platformResolvers, ...manifests.flatMap((m) => m.resolvers)] as [typeof AuthResolver],
    authChecker,
    authMode: 'error',
    // The shared value types are part of the contract before the modules that use them arrive.
    orphanedTypes: [Money],
    validate: false,
    emitSchemaFile: false,
  });
}

/** SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
