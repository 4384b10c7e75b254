import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';

/** Deliberately loose: a malformed email or password is simply wrong credentials. */
@InputType()
export class SignInInput {
  @Field()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.email.max)
  email!: string;

  @Field()
  @IsString()
  password!: string;
}
