import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS, LOCATION_PRECISION_IDS, STAGE_IDS } from '@kindred/domain';
import { Trim, TrimToNull } from '../../clinicians/dto/trim.util';
import { IsHttpsUrl } from './https-url.util';
import { PointInput } from './point.input';

const { project } = LIMITS;

@InputType({ description: 'A new project. Give `location` or `placeName` (or both: the point wins, the name is the label).' })
export class RegisterProjectInput {
  @Field()
  @Trim()
  @IsString()
  @Length(project.title.min, project.title.max)
  title!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(project.summary.min, project.summary.max)
  summary!: string;

  @Field(() => [String], { description: `${project.themes.min} to ${project.themes.max} theme ids, no repeats.` })
  @IsArray()
  @ArrayMinSize(project.themes.min, { message: `themes must list at least ${project.themes.min} theme` })
  @ArrayMaxSize(project.themes.max, { message: `themes must list at most ${project.themes.max} themes` })
  @ArrayUnique({ message: 'themes must not repeat a theme' })
  @IsString({ each: true })
  themes!: string[];

  @Field({ description: 'Stage id, e.g. "running".' })
  @IsIn(STAGE_IDS, { message: `stage must be one of: ${STAGE_IDS.join(', ')}` })
  stage!: string;

  @Field(() => PointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  location?: PointInput | null;

  @Field(() => String, { nullable: true, description: 'A UK town or city, resolved by the gazetteer; also kept as the label.' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(project.placeName.max)
  placeName?: string | null;

  @Field(() => String, { nullable: true, defaultValue: 'area' })
  @IsOptional()
  @IsIn(LOCATION_PRECISION_IDS, { message: `locationPrecision must be one of: ${LOCATION_PRECISION_IDS.join(', ')}` })
  locationPrecision?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  seekingCollaborators?: boolean | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(project.links.max, { message: `links must list at most ${project.links.max} addresses` })
  @MaxLength(project.links.urlMax, { each: true })
  @IsHttpsUrl({ each: true })
  links?: string[] | null;
}
