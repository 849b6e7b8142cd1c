import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app.js';
import type { DomainEvent, DomainEventKind } from '../events/domain-event.js';

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

/** An HTTP endpoint of a module besides GraphQL: a provider's webhook, an inbound mail hook. */
export interface ModuleRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  /** Path segments, `:name` for a parameter, such as `/hooks/email/:token`. */
  path: string;
  /**
   * Answers the request itself and returns the HTTP status (for the request log). No caller is
   * authenticated here: the route finds its tenant (from a secret in the path, say) and checks that
   * tenant's module switch itself. A thrown AppError answers as GraphQL errors do.
   */
  handle(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number>;
}

/** A module's interest in other modules' events (see platform/events). */
export interface EventSubscriber {
  kinds: DomainEventKind[];
  /**
   * Called after the unit of work that raised `events` committed, for a tenant that has the module
   * on. Queues the module's own work and returns; it must not write in the publisher's name.
   */
  deliver(app: App, tenantId: string, events: DomainEvent[]): Promise<void>;
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
  /**
   * Rows a new tenant starts with (a default pipeline, a chart of accounts), written in the sign-up
   * transaction with the tenant set for row-level security. Called for every module, switched on or
   * not, so switching a module on later finds them in place.
   */
  provision?(em: EntityManager, tenantId: string): Promise<void>;
  /** HTTP endpoints besides GraphQL, mounted by the HTTP server. */
  routes?: ModuleRoute[];
  /** Other modules' events this module reacts to. */
  events?: EventSubscriber;
}

