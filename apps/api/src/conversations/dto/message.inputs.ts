import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MESSAGING_LIMITS, REACTION_EMOJI } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';

const { bodyMax, clientIdPattern, groupMembersMax, pageMax, syncPageMax } = MESSAGING_LIMITS;
const bodyMessage = `body must be 1 to ${bodyMax} characters`;

/** Used by GraphQL (`sendMessage(input:)`) and by the socket's `message:send` alike. */
@InputType({ description: 'A message to send. A retry with the same clientId returns the stored message.' })
export class SendMessageInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field({ description: '8 to 64 of A-Z a-z 0-9 - _ (e.g. a UUID): the idempotency key.' })
  @IsString()
  @Matches(clientIdPattern, { message: 'clientId must be 8 to 64 letters, digits, - or _' })
  clientId!: string;

  @Field({ description: `1 to ${bodyMax} characters after trimming.` })
  @Trim()
  @IsString({ message: bodyMessage })
  @Length(1, bodyMax, { message: bodyMessage })
  body!: string;

  @Field(() => ID, { nullable: true, description: 'Reply to this message (of the same conversation).' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a message id' })
  parentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Members mentioned in the body.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(groupMembersMax)
  @ArrayUnique({ message: 'mentionIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'mentionIds must be user ids' })
  mentionIds?: string[] | null;
}

@ArgsType()
export class EditMessageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId!: string;

  @Field()
  @Trim()
  @IsString({ message: bodyMessage })
  @Length(1, bodyMax, { message: bodyMessage })
  body!: string;
}

@ArgsType()
export class MessageIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId!: string;
}

@ArgsType()
export class ReactArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId!: string;

  @Field({ description: `One of ${REACTION_EMOJI.join(' ')}.` })
  @IsString()
  @IsIn(REACTION_EMOJI, { message: `emoji must be one of ${REACTION_EMOJI.join(' ')}` })
  emoji!: string;

  @Field({ description: 'true adds your reaction, false removes it.' })
  @IsBoolean({ message: 'on must be true or false' })
  on!: boolean;
}

@ArgsType()
export class MarkReadArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field(() => ID, { nullable: true, description: 'The newest message you have seen; default the newest of all.' })
  @IsOptional()
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId?: string | null;
}

@ArgsType()
export class ConversationMessagesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: `1 to ${pageMax}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${pageMax}` })
  @Max(pageMax, { message: `first must be between 1 and ${pageMax}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous (newer) page.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  before?: string | null;
}

/** Socket `typing`. */
export class TypingPayloadDto {
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @IsBoolean({ message: 'typing must be true or false' })
  typing!: boolean;
}

/** Socket `conversation:read`. */
export class ReadPayloadDto {
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId!: string;
}

export class SyncEntryDto {
  @IsUUID('all', { message: 'conversationId must be a conversation id' })
  conversationId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'afterMessageId must be a message id' })
  afterMessageId?: string | null;
}

/** Socket `sync`: catch up on several conversations at once. */
export class SyncPayloadDto {
  @IsArray()
  @ArrayMaxSize(100, { message: 'conversations must list at most 100 conversations' })
  @ValidateNested({ each: true })
  @Type(() => SyncEntryDto)
  conversations!: SyncEntryDto[];
}

export const SYNC_PAGE = syncPageMax;

/** Socket `session:renew`. */
export class RenewPayloadDto {
  @IsString()
  @Length(10, 4000, { message: 'token must be an access token' })
  token!: string;
}
