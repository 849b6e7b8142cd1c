import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { ApiKeyNode, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput } from './api-key.types.js';

@Resolver()
export class ApiKeyResolver {
  @Authorized('apikeys:manage')
  @Query(() => [ApiKeyNode], { description: "The company's API keys, newest first (a short list: not paginated)." })
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyNode[]> {
    return listApiKeys(ctx);
  }

  @Authorized('apikeys:manage')
  @Mutation(() => CreateApiKeyPayload)
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input') input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
    return createApiKey(ctx, input);
  }

  @Authorized('apikeys:manage')
  @Mutation(() => ApiKeyNode)
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeApiKeyInput): Promise<ApiKeyNode> {
    return revokeApiKey(ctx, input.id);
  }
}
