import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { InFeature, InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { ContactConnection, ContactOrder, type ContactNode } from './contact.types.js';
import { CustomerConnection, CustomerOrder, type CustomerNode } from './customer.types.js';
import { createSegment, deleteSegment, getSegment, listSegments, segmentContacts, segmentCount, segmentCustomers, updateSegment } from './segment.service.js';
import { CreateSegmentInput, DeleteSegmentInput, SegmentNode, UpdateSegmentInput } from './segment.types.js';

@ArgsType()
class SegmentContactsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ContactOrder, { nullable: true })
  orderBy?: ContactOrder;
}

@ArgsType()
class SegmentCustomersArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => CustomerOrder, { nullable: true })
  orderBy?: CustomerOrder;
}

@Resolver(() => SegmentNode)
@InModule('CRM')
@InFeature('CRM.segments')
export class SegmentResolver {
  @Authorized('CRM:read')
  @Query(() => [SegmentNode], { description: 'Saved segments by name (at most 500: not paginated).' })
  segments(@Ctx() ctx: RequestContext, @Arg('entity', () => SegmentEntity, { nullable: true }) entity?: SegmentEntity): Promise<SegmentNode[]> {
    return listSegments(ctx, entity);
  }

  @Authorized('CRM:read')
  @Query(() => SegmentNode)
  segment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SegmentNode> {
    return getSegment(ctx, id);
  }

  @Authorized('CRM:write')
  @Mutation(() => SegmentNode)
  createSegment(@Ctx() ctx: RequestContext, @Arg('input') input: CreateSegmentInput): Promise<SegmentNode> {
    return createSegment(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => SegmentNode)
  updateSegment(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateSegmentInput): Promise<SegmentNode> {
    return updateSegment(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes the saved filter; its members are untouched.' })
  deleteSegment(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteSegmentInput): Promise<string> {
    return deleteSegment(ctx, input.id);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => Int, { description: 'How many records match now.' })
  count(@Ctx() ctx: RequestContext, @Root() segment: SegmentNode): Promise<number> {
    return segmentCount(ctx, segment);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => ContactConnection, { description: 'The members of a CONTACT segment.' })
  contacts(@Ctx() ctx: RequestContext, @Root() segment: SegmentNode, @Args() args: SegmentContactsArgs): Promise<ConnectionResult<ContactNode>> {
    return segmentContacts(ctx, segment, args);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => CustomerConnection, { description: 'The members of a CUSTOMER segment.' })
  customers(@Ctx() ctx: RequestContext, @Root() segment: SegmentNode, @Args() args: SegmentCustomersArgs): Promise<ConnectionResult<CustomerNode>> {
    return segmentCustomers(ctx, segment, args);
  }
}
