import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Indicator } from './indicator.model';

@ObjectType({ description: 'A CSV row left out of an import because its area could not be placed.' })
export class SkippedIndicatorRow {
  @Field(() => Int, { description: 'Line of the CSV (the header is line 1).' })
  line!: number;

  @Field()
  areaCode!: string;

  @Field()
  areaName!: string;

  @Field()
  reason!: string;
}

@ObjectType()
export class IndicatorImport {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Int, { description: 'Areas written.' })
  importedAreas!: number;

  @Field(() => Int, { description: 'Of those, areas placed by finding their name in the gazetteer (the rest had lat,lng).' })
  placedByName!: number;

  @Field(() => [SkippedIndicatorRow], { description: 'Rows whose area could not be placed (at most 20% of them, else nothing is imported).' })
  skipped!: SkippedIndicatorRow[];
}
