import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'The WHAMinar’s follow-up discussion: a conversation of kind "webinar" (read and post through the conversations API and socket.io). Members: registrants (not the waiting list), the organiser and speakers who are users.',
})
export class WebinarThread {
  @Field(() => ID, { description: 'The conversation id (conversation, conversationMessages, sendMessage, socket rooms).' })
  conversationId!: string;

  @Field({ description: 'open | closed (closed by the organiser: MESSAGING_CLOSED on posting).' })
  status!: string;

  @Field({ description: 'Posting opens at the start (THREAD_NOT_OPEN before) and stays open.' })
  opensAt!: Date;

  @Field({ description: 'Started and not closed.' })
  isOpenForPosting!: boolean;

  @Field({ description: 'Whether the viewer is a member (can read and, once open, post).' })
  isMember!: boolean;

  @Field(() => Int)
  memberCount!: number;

  /** The webinar (for the pinned message). */
  webinarId!: string;
  pinnedMessageId!: string | null;
  viewerId!: string | null;
}
