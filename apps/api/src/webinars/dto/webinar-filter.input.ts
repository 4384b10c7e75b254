import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional } from 'class-validator';
import { WEBINAR_STATUSES } from '@kindred/domain';
import { ThemesRules } from './webinar-input-rules.util';

@InputType({ description: 'Which WHAMinars to list. Every field optional; they combine with AND.' })
export class WebinarFilterInput {
  @Field(() => [String], { nullable: true, description: 'Any of these themes.' })
  @IsOptional()
  @ThemesRules()
  themes?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Starting at or after this instant.' })
  @IsOptional()
  @IsDate({ message: 'from must be a date-time' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Starting before this instant.' })
  @IsOptional()
  @IsDate({ message: 'to must be a date-time' })
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: `${WEBINAR_STATUSES.join(' | ')}. Omitted: published, cancelled and finished (and with organising: true, my drafts too). Drafts are only ever the viewer's own (every draft for admins).`,
  })
  @IsOptional()
  @IsIn(WEBINAR_STATUSES, { message: `status must be one of: ${WEBINAR_STATUSES.join(', ')}` })
  status?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false or omitted: upcoming and live (not yet ended), soonest first. true: ended, most recent first.',
  })
  @IsOptional()
  @IsBoolean()
  past?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those I am registered for or waiting for (signed in).' })
  @IsOptional()
  @IsBoolean()
  registered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those I organise, drafts included (signed in).' })
  @IsOptional()
  @IsBoolean()
  organising?: boolean | null;
}
