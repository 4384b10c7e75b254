import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { MESSAGE_POLICY_IDS, MESSAGING_LIMITS } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';
import { PageArgs } from '../../common/dto/page.args';

const { groupMembersMax, groupTitle } = MESSAGING_LIMITS;
const titleMessage = `title must be ${groupTitle.min} to ${groupTitle.max} characters`;

@InputType()
export class StartDirectConversationInput {
  @Field(() => ID, { description: 'The person to talk with.' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;

  @Field(() => ID, { nullable: true, description: 'Their project that brought you here (shown with the request).' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a project id' })
  projectId?: string | null;
}

@InputType()
export class CreateGroupConversationInput {
  @Field()
  @Trim()
  @IsString({ message: titleMessage })
  @Length(groupTitle.min, groupTitle.max, { message: titleMessage })
  title!: string;

  @Field(() => [ID], { description: `1 to ${groupMembersMax - 1} other people.` })
  @IsArray()
  @ArrayMinSize(1, { message: 'memberIds must list at least one other person' })
  @ArrayMaxSize(groupMembersMax - 1, { message: `a group has at most ${groupMembersMax} members, you included` })
  @ArrayUnique({ message: 'memberIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'memberIds must be user ids' })
  memberIds!: string[];
}

@ArgsType()
export class ConversationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;
}

@ArgsType()
export class ConversationArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a conversation id' })
  id!: string;
}

@ArgsType()
export class AddMembersArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'userIds must list at least one person' })
  @ArrayMaxSize(groupMembersMax - 1, { message: `a group has at most ${groupMembersMax} members` })
  @ArrayUnique({ message: 'userIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds!: string[];
}

@ArgsType()
export class MemberArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;
}

@ArgsType()
export class RenameConversationArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field()
  @Trim()
  @IsString({ message: titleMessage })
  @Length(groupTitle.min, groupTitle.max, { message: titleMessage })
  title!: string;
}

@ArgsType()
export class MyConversationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only requests waiting for your answer; otherwise everything else.' })
  @IsOptional()
  @IsBoolean()
  requests?: boolean | null;
}

@InputType()
export class MessagingSettingsInput {
  @Field(() => String, { nullable: true, description: 'anyone | shared-theme | nobody' })
  @IsOptional()
  @IsIn(MESSAGE_POLICY_IDS, { message: `messagePolicy must be one of ${MESSAGE_POLICY_IDS.join(', ')}` })
  messagePolicy?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  emailDigest?: boolean | null;
}
