import { Migration } from '@mikro-orm/migrations';

export class Migration20261123113600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mkt_automation_sends" add column "complained_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mkt_automation_sends" drop column "complained_at";`);
  }

}
