import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim, TrimToNull } from '../../clinicians/dto/trim.util';
import { INDICATOR_LIMITS } from '../indicator-limits.constant';

const L = INDICATOR_LIMITS;

@InputType({ description: 'A need indicator to import: what it measures, and a CSV of area_code,area_name,value[,lat,lng].' })
export class ImportIndicatorInput {
  @Field({ description: `${L.name.min} to ${L.name.max} characters; unique (ignoring case).` })
  @Trim()
  @IsString()
  @Length(L.name.min, L.name.max)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(L.description.max)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "% of children" or "score".' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(L.unit.max)
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the figures come from (publisher, dataset, year); shown under the legend.' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(L.source.max)
  source?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'False when a low value means more need (e.g. life expectancy).' })
  @IsOptional()
  @IsBoolean()
  higherIsWorse?: boolean;

  @Field({ description: `The CSV text: header area_code,area_name,value (optionally lat,lng), at most ${L.maxRows} rows and ${L.maxCsvBytes / 1024} KB.` })
  @IsString()
  csv!: string;
}
