import { Migration } from '@mikro-orm/migrations';

export class Migration20261123113509 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "mkt_list_members_joined_idx" on "mkt_list_members" ("tenant_id", "list_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "mkt_list_members_joined_idx";`);
  }

}
