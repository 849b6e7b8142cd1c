import { ApiKey } from '../../../../schema/platform/api-key.entity.js';
import { BadUserInputError, NotFoundError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/global-id.js';
import { checkText } from '../auth/auth.service.js';
import { API_KEY_PREFIX, composeTenantToken, randomToken, sha256 } from '../auth/tokens.js';
import type { RequestContext } from '../context/request-context.js';
import type { ModuleKey } from '../modules/module-manifest.js';
import type { ApiKeyNode, CreateApiKeyInput, CreateApiKeyPayload } from './api-key.types.js';

export function toApiKeyNode(key: ApiKey): ApiKeyNode {
  return {
    id: toGlobalId('ApiKey', key.id),
    name: key.name,
    prefix: key.prefix,
    modules: key.modules as ModuleKey[],
    access: key.access,
    rateLimitPerMinute: key.rateLimitPerMinute ?? null,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt ?? null,
    revokedAt: key.revokedAt ?? null,
  };
}

export async function createApiKey(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
  const name = checkText(input.name, ['input', 'name'], 200);
  const modules = [...new Set(input.modules)];
  if (modules.length === 0) throw BadUserInputError.field(['input', 'modules'], 'name at least one module', 'REQUIRED');
  const limit = input.rateLimitPerMinute;
  if (limit !== undefined && limit !== null && (limit < 1 || limit > 100_000)) {
    throw BadUserInputError.field(['input', 'rateLimitPerMinute'], 'must be between 1 and 100000');
  }
  const userId = ctx.principal?.userId;
  if (!userId) throw BadUserInputError.field(['input'], 'API keys are created by a person, not by another key');
  const em = await ctx.em();
  const key = em.create(ApiKey, { tenantId: ctx.tenantId, name, modules, access: input.access, rateLimitPerMinute: limit ?? null, createdByUserId: userId, secretHash: '', prefix: '' });
  const secret = randomToken();
  const token = composeTenantToken(API_KEY_PREFIX, ctx.tenantId, key.id, secret);
  key.secretHash = sha256(secret);
  key.prefix = token.slice(0, 12);
  em.persist(key);
  await em.flush();
  return { apiKey: toApiKeyNode(key), secret: token };
}

export async function listApiKeys(ctx: RequestContext): Promise<ApiKeyNode[]> {
  const em = await ctx.em();
  return (await em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'desc' } })).map(toApiKeyNode);
}

export async function revokeApiKey(ctx: RequestContext, globalId: string): Promise<ApiKeyNode> {
  const id = fromGlobalId('ApiKey', globalId, ['input', 'id']);
  const em = await ctx.em();
  const key = await em.findOne(ApiKey, { tenantId: ctx.tenantId, id });
  if (!key) throw new NotFoundError('ApiKey');
  key.revokedAt ??= new Date();
  await em.flush();
  return toApiKeyNode(key);
}
