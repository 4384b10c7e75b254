import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { WEBINAR_LIMITS } from '@kindred/domain';
import { TrimToNull } from '../../clinicians/dto/trim.util';

const { speakerName, speakerAffiliation } = WEBINAR_LIMITS;

@InputType({ description: 'A speaker: a Kindred user (`userId`) or a named guest (`name`, optional `affiliation`), not both.' })
export class WebinarSpeakerInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: `A guest's name, ${speakerName.min} to ${speakerName.max} characters.` })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Length(speakerName.min, speakerName.max, { message: `name must be ${speakerName.min} to ${speakerName.max} characters` })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `A guest's organisation or role, at most ${speakerAffiliation.max} characters.` })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(speakerAffiliation.max, { message: `affiliation must be at most ${speakerAffiliation.max} characters` })
  affiliation?: string | null;
}
