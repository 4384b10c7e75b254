import type { LocationPrecision, ProfessionId, StageId, ThemeGroup, ThemeId } from '@kindred/domain';
import type { Clinician } from './account.types';

export interface Point {
  readonly __typename?: 'Point';
  readonly lat: number;
  readonly lng: number;
}

export interface PointInput {
  lat: number;
  lng: number;
}

export interface Theme {
  readonly __typename?: 'Theme';
  readonly id: ThemeId;
  readonly label: string;
  readonly group: ThemeGroup;
}

export interface Project {
  readonly __typename?: 'Project';
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly themes: readonly Theme[];
  readonly stage: StageId;
  /** The point shown to everyone: rounded unless the precision is exact. */
  readonly location: Point;
  /** The owner's own point; null for everyone else. */
  readonly exactLocation: Point | null;
  readonly locationPrecision: LocationPrecision;
  readonly placeName: string | null;
  readonly seekingCollaborators: boolean;
  readonly links: readonly string[];
  readonly owner: Clinician;
  readonly isMine: boolean;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  /** ISO 8601 date-time. */
  readonly updatedAt: string;
}

export interface PageInfo {
  readonly __typename?: 'PageInfo';
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface ProjectConnection {
  readonly __typename?: 'ProjectConnection';
  readonly nodes: readonly Project[];
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
}

export interface Place {
  readonly __typename?: 'Place';
  readonly id: string;
  readonly name: string;
  readonly region: string | null;
  readonly lat: number;
  readonly lng: number;
  readonly population: number;
}

export interface RegisterProjectInput {
  title: string;
  summary: string;
  themes: ThemeId[];
  stage: StageId;
  /** Either a point ... */
  location?: PointInput | null;
  /** ... or a UK town/city name resolved by the gazetteer (also kept as the label). */
  placeName?: string | null;
  locationPrecision?: LocationPrecision;
  seekingCollaborators?: boolean;
  links?: string[];
}

/** Every field optional; the same rules as registering. */
export type UpdateProjectInput = Partial<RegisterProjectInput>;

export interface ProjectFilterInput {
  themes?: ThemeId[];
  stage?: StageId;
  profession?: ProfessionId;
  text?: string;
  seekingCollaborators?: boolean;
  /** Only this person's projects. */
  ownerId?: string;
}
