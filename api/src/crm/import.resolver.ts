import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { getImport, importErrors, listImports, runImport, suggestedMapping } from './import.service.js';
import { ImportColumnMappingNode, ImportConnection, ImportNode, ImportRowErrorConnection, RunImportInput, type ImportRowErrorNode } from './import.types.js';

@ArgsType()
class ImportsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/**
 * CSV imports of people and customers. Files are uploaded with `POST /crm/imports` (see the README);
 * here they are read, mapped and run.
 */
@Resolver(() => ImportNode)
@InModule('CRM')
export class ImportResolver {
  @Authorized('CRM:read')
  @Query(() => ImportNode, { description: 'One import with its progress; NOT_FOUND when it is not this company\'s.' })
  import(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ImportNode> {
    return getImport(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => ImportConnection, { description: 'The company\'s imports, newest first.' })
  imports(@Ctx() ctx: RequestContext, @Args() args: ImportsArgs): Promise<ConnectionResult<ImportNode>> {
    return listImports(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => ImportNode, {
    description: 'Checks the mapping and queues a run (dry or real); `import(id)` shows its progress. CONFLICT while a run is under way, or when the file was already imported for real.',
  })
  runImport(@Ctx() ctx: RequestContext, @Arg('input') input: RunImportInput): Promise<ImportNode> {
    return runImport(ctx, input);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [ImportColumnMappingNode], { description: 'Columns whose header names a field (in English) or a custom field (by key or label), case and accents ignored.' })
  suggestedMapping(@Ctx() ctx: RequestContext, @Root() node: ImportNode): Promise<ImportColumnMappingNode[]> {
    return suggestedMapping(ctx, node);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => ImportRowErrorConnection, { description: 'Refused values of the run, in file order (the first 1,000).' })
  errors(@Ctx() ctx: RequestContext, @Root() node: ImportNode, @Args() args: ImportsArgs): Promise<ConnectionResult<ImportRowErrorNode>> {
    return importErrors(ctx, node, args);
  }
}
