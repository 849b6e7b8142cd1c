import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes behind the references between tenant tables that had none: deleting a customer checked
 * every customer for one it had referred, row by row (a million-person tenant took minutes to delete).
 */
export class Migration20261123064000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "crm_customers_referred_by_idx" on "crm_customers" ("tenant_id", "referred_by_id") where referred_by_id is not null;`);
    this.addSql(`create index "crm_contacts_position_idx" on "crm_contacts" ("tenant_id", "position_id") where position_id is not null;`);
    this.addSql(`create index "crm_deals_source_event_idx" on "crm_deals" ("tenant_id", "source_event_id") where source_event_id is not null;`);
    this.addSql(`create index "crm_deal_checklist_marks_item_idx" on "crm_deal_checklist_marks" ("tenant_id", "item_id");`);
    this.addSql(`create index "crm_deal_stage_changes_from_stage_idx" on "crm_deal_stage_changes" ("tenant_id", "from_stage_id") where from_stage_id is not null;`);
  }

}
