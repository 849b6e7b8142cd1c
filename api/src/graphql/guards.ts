import type { GraphQLResolveInfo } from 'graphql';
import { Extensions, getMetadataStorage, UseMiddleware, type AuthChecker, type MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../platform/context/request-context.js';
import { moduleOfPermission, type Permission } from '../platform/auth/permissions.js';
import type { ModuleKey } from '../platform/modules/module-manifest.js';
import { ForbiddenError, ModuleDisabledError, UnauthenticatedError } from './errors.js';

export interface KontorFieldExtensions {
  module?: ModuleKey;
  feature?: string;
  standalone?: boolean;
}

/**
 * A mutation that commits on its own (sign-up, log-in, password changes...): it must be the only
 * field of its operation, so a request stays all or nothing.
 */
export const Standalone = (): MethodDecorator => Extensions({ standalone: true });

/**
 * Tags every query, mutation and field resolver of a resolver class (or one method) with field
 * extensions. type-graphql ignores class-level extensions for fields, so a class decorator applies
 * them to each method.
 */
const guarded = new WeakMap<object, Set<string>>();

function tagFields(extensions: KontorFieldExtensions): ClassDecorator & MethodDecorator {
  return ((target: object, propertyKey?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (propertyKey !== undefined && descriptor) {
      Extensions({ ...extensions })(target, propertyKey, descriptor);
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    // Method decorators ran before this class decorator, so the methods' @Authorized are known.
    const authorized = new Set(getMetadataStorage().authorizedFields.filter((f) => f.target === target).map((f) => f.fieldName));
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || !method || typeof method.value !== 'function') continue;
      Extensions({ ...extensions })(prototype, name, method);
      // authChecker already answers MODULE_DISABLED for an @Authorized field; the guard (one more
      // middleware on every call, fifty times on a page of nested fields) is for the others. Once
      // per method, though both @InModule and @InFeature tag it.
      if (!authorized.has(name) && !guarded.get(prototype)?.has(name)) {
        UseMiddleware(moduleGuard)(prototype, name, method);
        guarded.set(prototype, (guarded.get(prototype) ?? new Set()).add(name));
      }
    }
  }) as ClassDecorator & MethodDecorator;
}

/** Marks a resolver class (all its fields), or one field, as part of a module. */
export const InModule = (module: ModuleKey): ClassDecorator & MethodDecorator => tagFields({ module });

/** Marks a resolver class, or one field, as part of a feature option inside its module. */
export const InFeature = (feature: string): ClassDecorator & MethodDecorator => tagFields({ feature });

function fieldExtensions(info: GraphQLResolveInfo): KontorFieldExtensions {
  const field = info.parentType.getFields()[info.fieldName];
  return (field?.extensions ?? {}) as KontorFieldExtensions;
}

function assertSwitchedOn(context: RequestContext, module: ModuleKey | undefined, feature: string | undefined): void {
  const modules = context.modules;
  if (module && modules && !modules.isEnabled(module)) throw new ModuleDisabledError(module);
  if (feature && modules && !modules.isFeatureEnabled(feature)) {
    throw new ModuleDisabledError(feature.split('.')[0] ?? feature, feature);
  }
}

/**
 * `@Authorized('CRM:read')`: authenticated, the module of the permission switched on (else
 * MODULE_DISABLED, before any permission question), and the permission held.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context, info }, required) => {
  const principal = context.principal;
  if (!principal) throw new UnauthenticatedError();
  const extensions = fieldExtensions(info);
  for (const permission of required) {
    assertSwitchedOn(context, moduleOfPermission(permission) ?? undefined, undefined);
  }
  assertSwitchedOn(context, extensions.module, extensions.feature);
  const missing = required.filter((p) => !principal.permissions.has(p as Permission));
  if (missing.length > 0) throw new ForbiddenError(`Missing permission ${missing.join(', ')}`, { required: missing });
  return true;
};

/** Every field tagged with a module or feature answers MODULE_DISABLED while it is off. */
export const moduleGuard: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const { module, feature } = fieldExtensions(info);
  if (module || feature) {
    if (!context.principal) throw new UnauthenticatedError();
    assertSwitchedOn(context, module, feature);
  }
  return next();
};
