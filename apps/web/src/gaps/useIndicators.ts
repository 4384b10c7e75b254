import { useQuery } from '@apollo/client/react';
import { INDICATORS, type Indicator } from '@kindred/api-client';

export interface IndicatorsState {
  readonly indicators: readonly Indicator[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly retry: () => void;
}

/** The indicators there are to choose from, by name. */
export function useIndicators(): IndicatorsState {
  const { data, loading, error, refetch } = useQuery(INDICATORS);
  return { indicators: data?.indicators ?? [], loading, error, retry: () => void refetch() };
}
