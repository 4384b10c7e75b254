import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { EMAIL_PATTERN, LIMITS, PROFESSION_IDS } from '@kindred/domain';
import { Trim, TrimToNull } from '../../clinicians/dto/trim.util';

@InputType()
export class SignUpInput {
  @Field()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.email.max)
  @Matches(EMAIL_PATTERN, { message: 'email must be a valid email address' })
  email!: string;

  /** Strength is checked by the service so it can answer WEAK_PASSWORD with the reason. */
  @Field()
  @IsString()
  password!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max)
  displayName!: string;

  @Field({ description: 'Profession id, e.g. "health-visitor".' })
  @IsIn(PROFESSION_IDS, { message: `profession must be one of: ${PROFESSION_IDS.join(', ')}` })
  profession!: string;

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
}
