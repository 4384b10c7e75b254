import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, ValidateNested } from 'class-validator';
import { BBoxInput } from './bbox.input';
import { MapFilterInput } from './map-filter.input';

@ArgsType()
export class HeatmapArgs {
  @Field(() => BBoxInput)
  @ValidateNested()
  @Type(() => BBoxInput)
  bbox!: BBoxInput;

  @Field(() => Int, { description: 'Map zoom, 0 to 20.' })
  @IsInt()
  zoom!: number;

  @Field(() => MapFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapFilterInput)
  filter?: MapFilterInput | null;
}
