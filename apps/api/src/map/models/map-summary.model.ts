import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Project } from '../../projects/models/project.model';
import { Theme } from '../../projects/models/theme.model';

@ObjectType()
export class MapProjectPage {
  @Field(() => [Project], { description: 'Most recently updated first; points are the shown (rounded) ones.' })
  nodes!: Project[];

  @Field(() => Int, { description: 'Matching projects in the box, counted up to 10,000.' })
  totalCount!: number;

  @Field({ description: 'True when there are more matches than `nodes` holds: zoom in to see them all.' })
  truncated!: boolean;
}

@ObjectType()
export class ThemeCount {
  @Field(() => Theme)
  theme!: Theme;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One area of the view (a heat cell, merged for privacy when small), named after its largest town.' })
export class AreaSummary {
  @Field({ description: 'e.g. "Around Leeds".' })
  name!: string;

  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => Int, { description: 'Matching projects (with several themes selected: action on each theme).' })
  projects!: number;

  @Field(() => Int)
  seekingCollaborators!: number;

  @Field(() => [ThemeCount], { description: 'The three themes with most action in the area.' })
  topThemes!: ThemeCount[];
}

@ObjectType({ description: 'The map as words and tables, for screen readers and for people who would rather read.' })
export class MapSummary {
  @Field(() => Int)
  totalProjects!: number;

  @Field(() => Int)
  seekingCollaborators!: number;

  @Field(() => [ThemeCount], { description: 'Projects per theme in the view, most first.' })
  themes!: ThemeCount[];

  @Field(() => [AreaSummary], { description: 'Busiest areas first, at most 50.' })
  areas!: AreaSummary[];

  @Field({ description: 'A one-paragraph summary of the view.' })
  text!: string;
}
