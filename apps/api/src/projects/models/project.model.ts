import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';
import { Point } from './point.model';
import { Theme } from './theme.model';

@ObjectType({ description: 'A project tackling health inequality.' })
export class Project {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [Theme])
  themes!: Theme[];

  @Field({ description: 'Stage id, e.g. "running".' })
  stage!: string;

  @Field(() => Point, { description: 'The point shown to everyone: rounded to the chosen precision unless it is "exact".' })
  location!: Point;

  @Field(() => Point, { nullable: true, description: 'The owner’s own exact point; null for everyone else.' })
  exactLocation!: Point | null;

  @Field({ description: '"exact", "area" (~1 km) or "region" (~10 km).' })
  locationPrecision!: string;

  @Field(() => String, { nullable: true })
  placeName!: string | null;

  @Field()
  seekingCollaborators!: boolean;

  @Field(() => [String])
  links!: string[];

  /** Resolved into `owner` by a batched loader; not itself part of the schema. */
  ownerId!: string;

  @Field(() => Clinician)
  owner?: Clinician;

  @Field({ description: 'True when the caller owns this project.' })
  isMine!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When a moderator hid it from everyone else; only ever shown to its owner (and moderators), null otherwise.',
  })
  hiddenAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
