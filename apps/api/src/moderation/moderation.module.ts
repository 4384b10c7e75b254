import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { ProjectsModule } from '../projects/projects.module';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

/**
 * Owns `reports`: reporting messages and projects, and the admins' moderation queue. Hiding and
 * suspending go through the modules that own those rows (projects, clinicians, auth's tokens,
 * conversations' messages); RealtimeService (global) ends a suspended user's sockets. Blocks live
 * in BlocksModule.
 */
@Module({
  imports: [AuthModule, CliniciansModule, ProjectsModule, ConversationsModule],
  providers: [ModerationService, ModerationResolver],
})
export class ModerationModule {}
