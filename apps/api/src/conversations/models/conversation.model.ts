import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';
import { PageInfo } from '../../projects/models/page-info.model';
import { Message } from './message.model';

@ObjectType()
export class ConversationMember {
  @Field(() => Clinician)
  user!: Clinician;

  @Field({ description: '"owner" (a group’s creator) or "member".' })
  role!: string;

  @Field(() => Int, { description: 'The seq of the newest message this member has read.' })
  lastReadSeq!: number;

  @Field()
  joinedAt!: Date;
}

@ObjectType({ description: 'A direct, group or WHAMinar conversation, as one of its members sees it.' })
export class Conversation {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'direct | group | webinar' })
  kind!: string;

  @Field({ description: 'request | open | declined | closed' })
  status!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field({ description: 'The title, or for a direct conversation the other person’s name.' })
  displayTitle!: string;

  @Field(() => [ConversationMember])
  members!: ConversationMember[];

  @Field(() => Int)
  memberCount!: number;

  @Field()
  myRole!: string;

  @Field(() => Clinician, { nullable: true })
  createdBy!: Clinician | null;

  @Field({ description: 'A message request someone sent you, waiting for your answer.' })
  isIncomingRequest!: boolean;

  @Field(() => Message, { nullable: true })
  lastMessage!: Message | null;

  @Field(() => Date, { nullable: true })
  lastMessageAt!: Date | null;

  @Field(() => Int)
  unreadCount!: number;

  @Field(() => Int)
  lastSeq!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Clinician, { nullable: true, description: 'Direct only: the other person.' })
  otherMember!: Clinician | null;
}

@ObjectType()
export class ConversationConnection {
  @Field(() => [Conversation])
  nodes!: Conversation[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType()
export class MessagingSettings {
  @Field({ description: 'Who may send you a message request: anyone | shared-theme | nobody.' })
  messagePolicy!: string;

  @Field({ description: 'Also send new-message notifications in the email digest.' })
  emailDigest!: boolean;
}
