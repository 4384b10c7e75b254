import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GapLayer, ImportIndicatorInput, Indicator, IndicatorImport } from './gaps.types';
import type { MapFilterInput } from './map.types';

export const INDICATOR_FIELDS = gql`
  fragment IndicatorFields on Indicator {
    id
    name
    description
    unit
    source
    higherIsWorse
    areaCount
    minValue
    maxValue
    createdAt
  }
`;

/** Public; need indicators that can be shown under the map, by name. */
export const INDICATORS: TypedDocumentNode<{ indicators: Indicator[] }, Record<string, never>> = gql`
  query Indicators {
    indicators {
      ...IndicatorFields
    }
  }
  ${INDICATOR_FIELDS}
`;

export interface GapLayerVariables {
  indicatorId: string;
  /** The map's filter: which projects count as action. */
  filter?: MapFilterInput | null;
}

/** Public; need against action per area, with the hexagons to draw it (NOT_FOUND for an unknown indicator). */
export const GAP_LAYER: TypedDocumentNode<{ gapLayer: GapLayer }, GapLayerVariables> = gql`
  query GapLayer($indicatorId: ID!, $filter: MapFilterInput) {
    gapLayer(indicatorId: $indicatorId, filter: $filter) {
      indicator {
        id
        name
        description
        unit
        source
        higherIsWorse
        minValue
        maxValue
      }
      areas {
        code
        name
        lat
        lng
        value
        needScore
        projects
        actionScore
        gap
        highGap
        label
      }
      hexes {
        h3
        areaCode
      }
      hexResolution
      radiusKm
      assignedProjects
      unassignedProjects
    }
  }
`;

/** Admin only; all or nothing. Problems come back as BAD_USER_INPUT on input.csv with each line in extensions.errors. */
export const IMPORT_INDICATOR: TypedDocumentNode<{ importIndicator: IndicatorImport }, { input: ImportIndicatorInput }> = gql`
  mutation ImportIndicator($input: ImportIndicatorInput!) {
    importIndicator(input: $input) {
      indicator {
        ...IndicatorFields
      }
      importedAreas
      placedByName
      skipped {
        line
        areaCode
        areaName
        reason
      }
    }
  }
  ${INDICATOR_FIELDS}
`;

/** Admin only; NOT_FOUND for an unknown id. */
export const DELETE_INDICATOR: TypedDocumentNode<{ deleteIndicator: boolean }, { id: string }> = gql`
  mutation DeleteIndicator($id: ID!) {
    deleteIndicator(id: $id)
  }
`;
