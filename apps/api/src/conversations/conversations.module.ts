import { Module } from '@nestjs/common';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConversationsGateway } from './conversations.gateway';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { MessageNotificationsService } from './message-notifications.service';
import { MessagesResolver } from './messages.resolver';
import { MessagesService } from './messages.service';

/**
 * Conversations between clinicians: direct (with message requests) and group conversations,
 * messages, reactions, read marks, and the socket.io gateway that carries them live. Owns
 * `conversations`, `conversation_members`, `messages` and `message_reactions`.
 */
@Module({
  imports: [CliniciansModule, NotificationsModule],
  providers: [
    ConversationsService,
    MessagesService,
    MessageNotificationsService,
    ConversationsResolver,
    MessagesResolver,
    ConversationsGateway,
  ],
  exports: [ConversationsService, MessagesService],
})
export class ConversationsModule {}
