import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber } from 'class-validator';

@InputType({ description: 'A viewport in degrees (WGS84). West must be less than east, south less than north.' })
export class BBoxInput {
  @Field(() => Float)
  @IsNumber()
  west!: number;

  @Field(() => Float)
  @IsNumber()
  south!: number;

  @Field(() => Float)
  @IsNumber()
  east!: number;

  @Field(() => Float)
  @IsNumber()
  north!: number;
}
