import { Global, Module } from '@nestjs/common';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/**
 * Owns `audit_log`, the record of admin actions (role grants, indicator imports and deletions,
 * moderation decisions, webinar administration). Global, so any module records its own:
 * `await this.audit.record({ actorId, action: 'report.resolve', targetType: 'report', targetId, details }, manager)`.
 */
@Global()
@Module({
  imports: [CliniciansModule],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
