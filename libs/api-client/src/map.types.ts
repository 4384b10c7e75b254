import type { ProfessionId, StageId, ThemeId } from '@kindred/domain';
import type { Clinician } from './account.types';
import type { PageInfo, PointInput, Project, Theme } from './project.types';

/** A viewport in degrees (WGS84): west < east, south < north. */
export interface BBoxInput {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Narrows the map; omitted fields do not filter. */
export interface MapFilterInput {
  themes?: ThemeId[];
  stage?: StageId;
  profession?: ProfessionId;
  seekingCollaborators?: boolean;
  /** ISO 8601 date-time: only projects created or edited since then. */
  updatedSince?: string;
}

/** One heatmap cell: a Web Mercator tile at `level`, weighted by matching projects. */
export interface HeatCell {
  readonly __typename?: 'HeatCell';
  readonly level: number;
  readonly x: number;
  readonly y: number;
  /** Centre of the cell. */
  readonly lat: number;
  readonly lng: number;
  /** Matching projects; with several themes, a project counts once per selected theme it works on. */
  readonly weight: number;
}

export interface Heatmap {
  readonly __typename?: 'Heatmap';
  readonly cells: readonly HeatCell[];
  readonly level: number;
  /** Largest cell weight, for the legend. */
  readonly maxWeight: number;
  readonly totalWeight: number;
  /** Cells with fewer projects than this (k) are never shown. */
  readonly minCellCount: number;
  readonly suppressedWeight: number;
}

/** What the map and its project cards need of a project (lighter than `Project`). */
export type MapProject = Pick<
  Project,
  '__typename' | 'id' | 'title' | 'themes' | 'stage' | 'location' | 'placeName' | 'seekingCollaborators' | 'isMine'
> & {
  readonly owner: Pick<Clinician, '__typename' | 'id' | 'displayName' | 'profession' | 'professionLabel' | 'specialty'>;
};

export interface MapProjectPage {
  readonly __typename?: 'MapProjectPage';
  readonly nodes: readonly MapProject[];
  readonly totalCount: number;
  /** More projects matched than `first`. */
  readonly truncated: boolean;
}

/** Exactly one of projectId, placeName, point; radiusKm 1 to 200. */
export interface PeerSearchInput {
  projectId?: string | null;
  placeName?: string | null;
  point?: PointInput | null;
  radiusKm: number;
  themes?: ThemeId[] | null;
}

export interface PeerMatch {
  readonly __typename?: 'PeerMatch';
  readonly clinician: Pick<Clinician, '__typename' | 'id' | 'displayName' | 'profession' | 'professionLabel' | 'specialty' | 'organisation'>;
  readonly project: MapProject;
  /** 0..1. */
  readonly score: number;
  readonly sharedThemes: readonly Theme[];
  readonly distanceKm: number;
  /** e.g. "about 8 km". */
  readonly distanceLabel: string;
  /** e.g. "3 shared themes: housing, food insecurity, child poverty; about 8 km". */
  readonly reason: string;
}

export interface PeerConnection {
  readonly __typename?: 'PeerConnection';
  readonly nodes: readonly PeerMatch[];
  readonly pageInfo: PageInfo;
  /** The themes that were matched against. */
  readonly themes: readonly Theme[];
  readonly radiusKm: number;
}

export interface SimilarProjectConnection {
  readonly __typename?: 'SimilarProjectConnection';
  readonly nodes: readonly PeerMatch[];
  readonly pageInfo: PageInfo;
  /** My project's themes, matched against. */
  readonly themes: readonly Theme[];
}

export interface SimilarProjectsVariables {
  projectId: string;
  first?: number | null;
  after?: string | null;
}

export interface ThemeCount {
  readonly __typename?: 'ThemeCount';
  readonly theme: Theme;
  readonly count: number;
}

export interface AreaSummary {
  readonly __typename?: 'AreaSummary';
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  readonly projects: number;
  readonly seekingCollaborators: number;
  readonly topThemes: readonly ThemeCount[];
}

/** The map in words, for people who would rather read than look. */
export interface MapSummary {
  readonly __typename?: 'MapSummary';
  readonly totalProjects: number;
  readonly seekingCollaborators: number;
  readonly themes: readonly ThemeCount[];
  readonly areas: readonly AreaSummary[];
  /** A paragraph describing the view. */
  readonly text: string;
}
