import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  BBoxInput,
  Heatmap,
  MapFilterInput,
  MapProjectPage,
  MapSummary,
  PeerConnection,
  PeerSearchInput,
  SimilarProjectConnection,
  SimilarProjectsVariables,
} from './map.types';

/** What a map marker and its project card show; no summary or links, so 300 markers stay small. */
export const MAP_PROJECT_FIELDS = gql`
  fragment MapProjectFields on Project {
    id
    title
    themes {
      id
      label
      group
    }
    stage
    location {
      lat
      lng
    }
    placeName
    seekingCollaborators
    isMine
    owner {
      id
      displayName
      profession
      professionLabel
      specialty
    }
  }
`;

/** One peer or similar-project row: who, their project, and why they match. */
export const PEER_MATCH_FIELDS = gql`
  fragment PeerMatchFields on PeerMatch {
    clinician {
      id
      displayName
      profession
      professionLabel
      specialty
      organisation
    }
    project {
      ...MapProjectFields
    }
    score
    sharedThemes {
      id
      label
      group
    }
    distanceKm
    distanceLabel
    reason
  }
  ${MAP_PROJECT_FIELDS}
`;

export interface HeatmapVariables {
  bbox: BBoxInput;
  /** Whole map zoom, 0 to 20. */
  zoom: number;
  filter?: MapFilterInput | null;
}

/** Public; weighted cells for a viewport, aggregated on the server. */
export const HEATMAP: TypedDocumentNode<{ heatmap: Heatmap }, HeatmapVariables> = gql`
  query Heatmap($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) {
    heatmap(bbox: $bbox, zoom: $zoom, filter: $filter) {
      cells {
        level
        x
        y
        lat
        lng
        weight
      }
      level
      maxWeight
      totalWeight
      minCellCount
      suppressedWeight
    }
  }
`;

export interface MapProjectsVariables {
  bbox: BBoxInput;
  filter?: MapFilterInput | null;
  /** At most 500. */
  first?: number;
}

/** Public; the projects in a (close-zoom) viewport, for markers. */
export const MAP_PROJECTS: TypedDocumentNode<{ mapProjects: MapProjectPage }, MapProjectsVariables> = gql`
  query MapProjects($bbox: BBoxInput!, $filter: MapFilterInput, $first: Int) {
    mapProjects(bbox: $bbox, filter: $filter, first: $first) {
      nodes {
        ...MapProjectFields
      }
      totalCount
      truncated
    }
  }
  ${MAP_PROJECT_FIELDS}
`;

/** Public; the view in words and tables ("a map without a map"). */
export const MAP_SUMMARY: TypedDocumentNode<{ mapSummary: MapSummary }, HeatmapVariables> = gql`
  query MapSummary($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) {
    mapSummary(bbox: $bbox, zoom: $zoom, filter: $filter) {
      totalProjects
      seekingCollaborators
      themes {
        theme {
          id
          label
          group
        }
        count
      }
      areas {
        name
        lat
        lng
        projects
        seekingCollaborators
        topThemes {
          theme {
            id
            label
            group
          }
          count
        }
      }
      text
    }
  }
`;

export interface PeersVariables {
  input: PeerSearchInput;
  /** 1 to 50. */
  first?: number;
  after?: string | null;
}

/** Signed in; other clinicians near a point, ranked by shared themes and distance. */
export const PEERS: TypedDocumentNode<{ peers: PeerConnection }, PeersVariables> = gql`
  query Peers($input: PeerSearchInput!, $first: Int, $after: String) {
    peers(input: $input, first: $first, after: $after) {
      nodes {
        ...PeerMatchFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      themes {
        id
        label
        group
      }
      radiusKm
    }
  }
  ${PEER_MATCH_FIELDS}
`;

/** Projects like one of mine anywhere in the UK (the owner's project page). */
export const SIMILAR_PROJECTS: TypedDocumentNode<{ similarProjects: SimilarProjectConnection }, SimilarProjectsVariables> = gql`
  query SimilarProjects($projectId: ID!, $first: Int, $after: String) {
    similarProjects(projectId: $projectId, first: $first, after: $after) {
      nodes {
        ...PeerMatchFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      themes {
        id
        label
        group
      }
    }
  }
  ${PEER_MATCH_FIELDS}
`;
