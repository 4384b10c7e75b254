import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LIMITS, PROFESSION_IDS } from '@kindred/domain';
import { Trim, TrimToNull } from './trim.util';

@InputType({ description: 'Profile changes: omitted fields stay as they are; an empty string clears an optional one.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max)
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(PROFESSION_IDS, { message: `profession must be one of: ${PROFESSION_IDS.join(', ')}` })
  profession?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(LIMITS.specialty.max)
  specialty?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(LIMITS.organisation.max)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(LIMITS.bio.max)
  bio?: string | null;
}
