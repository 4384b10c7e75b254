import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { BBoxInput } from './bbox.input';
import { MapFilterInput } from './map-filter.input';

export const MAP_PROJECTS_MAX = 500;

@ArgsType()
export class MapProjectsArgs {
  @Field(() => BBoxInput)
  @ValidateNested()
  @Type(() => BBoxInput)
  bbox!: BBoxInput;

  @Field(() => MapFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapFilterInput)
  filter?: MapFilterInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 200, description: `1 to ${MAP_PROJECTS_MAX}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${MAP_PROJECTS_MAX}` })
  @Max(MAP_PROJECTS_MAX, { message: `first must be between 1 and ${MAP_PROJECTS_MAX}` })
  first?: number | null;
}
