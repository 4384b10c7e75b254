import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

/**
 * Filters for the public project list; all optional and combined with AND. Checked by the service
 * (so errors name `filter.*`, not the validation pipe's `input.*`); @IsOptional only keeps the
 * fields through the pipe's whitelist.
 */
@InputType()
export class ProjectFilterInput {
  @Field(() => [String], { nullable: true, description: 'Any of these theme ids (overlap).' })
  @IsOptional()
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  stage?: string | null;

  @Field(() => String, { nullable: true, description: 'The owner’s profession id.' })
  @IsOptional()
  profession?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title and summary (web-search syntax).' })
  @IsOptional()
  text?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  seekingCollaborators?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only this person’s projects.' })
  @IsOptional()
  ownerId?: string | null;
}
