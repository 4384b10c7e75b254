import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One heatmap cell: a Web Mercator tile at `level`, weighted by matching projects.' })
export class HeatCell {
  @Field(() => Int)
  level!: number;

  @Field(() => Int)
  x!: number;

  @Field(() => Int)
  y!: number;

  @Field(() => Float, { description: 'Centre of the cell.' })
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => Int, {
    description:
      'Matching projects in the cell. With several themes selected, a project counts once per selected theme it works on (action on each theme).',
  })
  weight!: number;
}

@ObjectType()
export class Heatmap {
  @Field(() => [HeatCell])
  cells!: HeatCell[];

  @Field(() => Int, { description: 'Grid level of the cells (cells merged for privacy are one level coarser).' })
  level!: number;

  @Field(() => Int, { description: 'Largest cell weight, for the legend.' })
  maxWeight!: number;

  @Field(() => Int, { description: 'Sum of the weights of the cells returned.' })
  totalWeight!: number;

  @Field(() => Int, { description: 'Minimum projects a cell must hold to be shown (k).' })
  minCellCount!: number;

  @Field(() => Int, { description: 'Weight left out because its cells held fewer than k projects even after merging.' })
  suppressedWeight!: number;
}
