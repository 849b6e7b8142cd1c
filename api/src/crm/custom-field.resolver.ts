import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomFieldEntity } from '../../../schema/crm/custom-field.entity.js';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { ContactNode } from './contact.types.js';
import { createCustomField, customFieldDefinitions, customValueNodes, deleteCustomField, listCustomFields, updateCustomField } from './custom-field.service.js';
import { CreateCustomFieldInput, CustomFieldNode, CustomFieldValueNode, DeleteCustomFieldInput, UpdateCustomFieldInput } from './custom-field.types.js';
import { CustomerNode } from './customer.types.js';
import { DealNode } from './deal.types.js';

@Resolver(() => CustomFieldNode)
@InModule('CRM')
@InFeature('CRM.customFields')
export class CustomFieldResolver {
  @Authorized('CRM:read')
  @Query(() => [CustomFieldNode], { description: 'The custom fields of one record type (or all), in their order.' })
  customFields(@Ctx() ctx: RequestContext, @Arg('entity', () => CustomFieldEntity, { nullable: true }) entity?: CustomFieldEntity): Promise<CustomFieldNode[]> {
    return listCustomFields(ctx, entity);
  }

  // Defining fields shapes every record of the company: for those who run it.
  @Authorized('settings:manage')
  @Mutation(() => CustomFieldNode)
  createCustomField(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCustomFieldInput): Promise<CustomFieldNode> {
    return createCustomField(ctx, input);
  }

  @Authorized('settings:manage')
  @Mutation(() => CustomFieldNode)
  updateCustomField(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCustomFieldInput): Promise<CustomFieldNode> {
    return updateCustomField(ctx, input);
  }

  @Authorized('settings:manage')
  @Mutation(() => ID, { description: 'Deletes the field and its values in every record; CONFLICT (IN_USE) while a segment filters by it.' })
  deleteCustomField(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteCustomFieldInput): Promise<string> {
    return deleteCustomField(ctx, input.id);
  }
}

/** `customFields` on customers and people: gone with the feature, like the definitions. */
@Resolver(() => CustomerNode)
@InModule('CRM')
@InFeature('CRM.customFields')
export class CustomerCustomFieldsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [CustomFieldValueNode], { description: 'Values of the company\'s customer fields, in the fields\' order; empty ones are left out.' })
  async customFields(@Ctx() ctx: RequestContext, @Root() customer: CustomerNode): Promise<CustomFieldValueNode[]> {
    return customValueNodes(await customFieldDefinitions(ctx, CustomFieldEntity.CUSTOMER), customer.customValues);
  }
}

@Resolver(() => ContactNode)
@InModule('CRM')
@InFeature('CRM.customFields')
export class ContactCustomFieldsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [CustomFieldValueNode], { description: 'Values of the company\'s contact fields, in the fields\' order; empty ones are left out.' })
  async customFields(@Ctx() ctx: RequestContext, @Root() contact: ContactNode): Promise<CustomFieldValueNode[]> {
    return customValueNodes(await customFieldDefinitions(ctx, CustomFieldEntity.CONTACT), contact.customValues);
  }
}

@Resolver(() => DealNode)
@InModule('CRM')
@InFeature('CRM.customFields')
export class DealCustomFieldsResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [CustomFieldValueNode], { description: 'Values of the company\'s deal fields, in the fields\' order; empty ones are left out.' })
  async customFields(@Ctx() ctx: RequestContext, @Root() deal: DealNode): Promise<CustomFieldValueNode[]> {
    return customValueNodes(await customFieldDefinitions(ctx, CustomFieldEntity.DEAL), deal.customValues);
  }
}
