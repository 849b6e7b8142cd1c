import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { createCompany, deleteCompany, getCompany, listCompanies, toCompanyNode, updateCompany } from './company.service.js';
import { CompanyConnection, CompanyFilter, CompanyNode, CompanyOrder, CreateCompanyInput, DeleteCompanyInput, UpdateCompanyInput } from './company.types.js';
import { companyContactsLoader, listContacts } from './contact.service.js';
import { ContactConnection, type ContactNode } from './contact.types.js';
import { toGlobalId } from '../graphql/global-id.js';

@ArgsType()
export class CompaniesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => CompanyFilter, { nullable: true })
  filter?: CompanyFilter;

  @Field(() => CompanyOrder, { nullable: true })
  orderBy?: CompanyOrder;
}

@ArgsType()
export class CompanyContactsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => CompanyNode)
@InModule('CRM')
@InFeature('CRM.companies')
export class CompanyResolver {
  @Authorized('CRM:read')
  @Query(() => CompanyNode)
  async company(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CompanyNode> {
    return toCompanyNode(await getCompany(ctx, id));
  }

  @Authorized('CRM:read')
  @Query(() => CompanyConnection)
  companies(@Ctx() ctx: RequestContext, @Args() args: CompaniesArgs): Promise<ConnectionResult<CompanyNode>> {
    return listCompanies(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => CompanyNode)
  createCompany(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCompanyInput): Promise<CompanyNode> {
    return createCompany(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => CompanyNode)
  updateCompany(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCompanyInput): Promise<CompanyNode> {
    return updateCompany(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a company; its people stay, without a company. Returns its id.' })
  deleteCompany(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteCompanyInput): Promise<string> {
    return deleteCompany(ctx, input.id);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => ContactConnection, { description: 'People working at this company.' })
  contacts(@Ctx() ctx: RequestContext, @Root() company: CompanyNode, @Args() args: CompanyContactsArgs): Promise<ConnectionResult<ContactNode>> {
    if (!args.after) return companyContactsLoader(ctx, args.first).load(company.uuid);
    return listContacts(ctx, { ...args, filter: { companyId: toGlobalId('Company', company.uuid) } });
  }
}
