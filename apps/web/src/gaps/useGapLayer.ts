import { useQuery } from '@apollo/client/react';
import { GAP_LAYER, type GapLayer, type MapFilterInput } from '@kindred/api-client';

export interface GapLayerState {
  /** The layer for this indicator: the latest answer, kept while a new filter's answer is on its way. */
  readonly layer: GapLayer | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly retry: () => void;
}

/**
 * Need against action for one indicator under the map's filter. `indicatorId` null asks nothing
 * (the need layer is hidden). The answer is small (tens of KB) and cached per filter.
 */
export function useGapLayer(indicatorId: string | null, filter: MapFilterInput | null): GapLayerState {
  const { data, previousData, loading, error, refetch } = useQuery(GAP_LAYER, {
    variables: { indicatorId: indicatorId ?? '', filter },
    skip: !indicatorId,
    fetchPolicy: 'cache-and-network',
  });
  // While a new filter loads, keep drawing the last answer for the same indicator, never another's.
  const latest = data?.gapLayer ?? previousData?.gapLayer;
  const layer = indicatorId && latest?.indicator.id === indicatorId ? latest : undefined;
  return { layer, loading: !!indicatorId && loading, error: indicatorId ? error : undefined, retry: () => void refetch() };
}
