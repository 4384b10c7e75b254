import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../projects/models/page-info.model';

@ObjectType({ description: 'A reaction on a message: one emoji, who added it.' })
export class Reaction {
  @Field()
  emoji!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [ID])
  userIds!: string[];

  @Field()
  reactedByMe!: boolean;
}

@ObjectType({ description: 'A message in a conversation. Only its conversation’s members can read it.' })
export class Message {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  conversationId!: string;

  @Field(() => Int, { description: 'Position in the conversation: 1, 2, 3... in the order messages were stored.' })
  seq!: number;

  @Field({ description: 'The sender’s idempotency key.' })
  clientId!: string;

  /** Resolved to a Clinician by the resolver (null once the account is deleted). */
  authorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when deleted by its author or hidden by a moderator.' })
  body!: string | null;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => [ID])
  mentionIds!: string[];

  @Field(() => [Reaction])
  reactions!: Reaction[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  hiddenAt!: Date | null;

  @Field()
  isMine!: boolean;
}

@ObjectType()
export class MessageConnection {
  @Field(() => [Message])
  nodes!: Message[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
