import { Field, InputType, Int } from '@nestjs/graphql';
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
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim, TrimToNull } from '../../clinicians/dto/trim.util';
import { PointInput } from '../../projects/dto/point.input';
import { ALERT_LIMITS, UK_NATIONS } from '../alert-limits.constant';

const { name, radiusKm, themes, placeName } = ALERT_LIMITS;
export const RADIUS_MESSAGE = `radiusKm must be a whole number of km from ${radiusKm.min} to ${radiusKm.max}`;
export const REGION_MESSAGE = `region must be one of: ${UK_NATIONS.join(', ')}`;

@InputType({
  description:
    'A new alert. The area is `centre` or `placeName` (or both: the point wins, the name is its label) with `radiusKm`, or else `region`.',
})
export class CreateAlertInput {
  @Field()
  @Trim()
  @IsString()
  @Length(name.min, name.max, { message: `name must be ${name.min} to ${name.max} characters` })
  name!: string;

  @Field(() => PointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  centre?: PointInput | null;

  @Field(() => String, { nullable: true, description: 'A UK town or city, resolved by the gazetteer.' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(placeName.max)
  placeName?: string | null;

  @Field(() => Int, { nullable: true, description: `${radiusKm.min} to ${radiusKm.max} km, with a centre or place.` })
  @IsOptional()
  @IsInt({ message: RADIUS_MESSAGE })
  @Min(radiusKm.min, { message: RADIUS_MESSAGE })
  @Max(radiusKm.max, { message: RADIUS_MESSAGE })
  radiusKm?: number | null;

  @Field(() => String, { nullable: true, description: 'A whole UK nation instead of a centre and radius.' })
  @IsOptional()
  @IsIn(UK_NATIONS, { message: REGION_MESSAGE })
  region?: string | null;

  @Field(() => [String], { nullable: true, defaultValue: [], description: `0 to ${themes.max} theme ids; none means any theme.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(themes.max, { message: `themes must list at most ${themes.max} themes` })
  @ArrayUnique({ message: 'themes must not repeat a theme' })
  @IsString({ each: true })
  themes?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  emailDigest?: boolean | null;
}
