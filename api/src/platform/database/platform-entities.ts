import { ApiKey } from '../../../../schema/platform/api-key.entity.js';
import { Invitation } from '../../../../schema/platform/invitation.entity.js';
import { Membership } from '../../../../schema/platform/membership.entity.js';
import { Notification } from '../../../../schema/platform/notification.entity.js';
import { SigningKey } from '../../../../schema/platform/signing-key.entity.js';
import { Session } from '../../../../schema/platform/session.entity.js';
import { TenantFeatureOption } from '../../../../schema/platform/tenant-feature-option.entity.js';
import { TenantModule } from '../../../../schema/platform/tenant-module.entity.js';
import { TenantSettings } from '../../../../schema/platform/tenant-settings.entity.js';
import { Tenant } from '../../../../schema/platform/tenant.entity.js';
import { UserToken } from '../../../../schema/platform/user-token.entity.js';
import { User } from '../../../../schema/platform/user.entity.js';

export const platformEntities = [
  Tenant,
  TenantSettings,
  TenantModule,
  TenantFeatureOption,
  User,
  Membership,
  Session,
  UserToken,
  Invitation,
  ApiKey,
  Notification,
  SigningKey,
];
