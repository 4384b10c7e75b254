import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MESSAGING_LIMITS, REPORT_REASON_IDS } from '@kindred/domain';
import { TrimToNull } from '../../clinicians/dto/trim.util';

@InputType({ description: 'A report of one message or one project (exactly one of `messageId` and `projectId`).' })
export class ReportInput {
  @Field(() => ID, { nullable: true, description: 'A message you can see (in one of your conversations).' })
  @IsOptional()
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A project shown to everyone.' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a project id' })
  projectId?: string | null;

  @Field({ description: `One of: ${REPORT_REASON_IDS.join(', ')}.` })
  @IsIn(REPORT_REASON_IDS, { message: `reason must be one of: ${REPORT_REASON_IDS.join(', ')}` })
  reason!: string;

  @Field(() => String, { nullable: true, description: `What is wrong, for the moderators; at most ${MESSAGING_LIMITS.reportDetailsMax} characters.` })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(MESSAGING_LIMITS.reportDetailsMax, { message: `details must be at most ${MESSAGING_LIMITS.reportDetailsMax} characters` })
  details?: string | null;
}
