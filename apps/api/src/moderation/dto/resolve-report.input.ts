import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TrimToNull } from '../../clinicians/dto/trim.util';
import { MODERATION_ACTIONS, RESOLUTION_NOTE_MAX } from '../moderation.constant';

@InputType({ description: 'A moderator’s decision on an open report.' })
export class ResolveReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be a report id' })
  reportId!: string;

  @Field({ description: '`dismiss`, `hide` (the content) or `suspend` (its author’s account).' })
  @IsIn(MODERATION_ACTIONS, { message: `action must be one of: ${MODERATION_ACTIONS.join(', ')}` })
  action!: string;

  @Field(() => String, { nullable: true, description: `Why, kept with the report; at most ${RESOLUTION_NOTE_MAX} characters.` })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(RESOLUTION_NOTE_MAX, { message: `note must be at most ${RESOLUTION_NOTE_MAX} characters` })
  note?: string | null;
}
