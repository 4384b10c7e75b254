import { useEffect, useState } from 'react';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useDebouncedValue } from '../projects/useDebouncedValue';

export interface LatestQueryResult<TData> {
  /** The answer to the latest request that succeeded; kept while a newer one is on its way. */
  readonly data: TData | undefined;
  readonly error: unknown;
  /** Waiting for the quiet period to end or for the answer. */
  readonly loading: boolean;
  readonly retry: () => void;
}

interface Settled<TData> {
  readonly key: string | null;
  readonly data: TData | undefined;
  readonly error: unknown;
}

/**
 * For queries driven by a moving map: waits until the variables have been still for `delayMs`,
 * then asks; a newer request aborts the older one (its fetch is cancelled through the signal),
 * and an answer that still arrives for older variables is ignored, so a slow old response never
 * replaces a newer one. `variables` null means "do not ask".
 */
export function useLatestQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables | null,
  delayMs = 250,
): LatestQueryResult<TData> {
  const client = useApolloClient();
  const key = variables ? JSON.stringify(variables) : null;
  const settledKey = useDebouncedValue(key, delayMs);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<TData>>({ key: null, data: undefined, error: null });

  useEffect(() => {
    if (settledKey === null) return;
    const controller = new AbortController();
    let current = true;
    client
      .query({
        query,
        variables: JSON.parse(settledKey) as TVariables,
        // Viewports rarely repeat exactly: keep them out of the normalised cache.
        fetchPolicy: 'no-cache',
        context: { fetchOptions: { signal: controller.signal } },
      })
      .then(
        (result) => {
          if (current) setSettled({ key: settledKey, data: result.data as TData | undefined, error: null });
        },
        (error: unknown) => {
          if (current) setSettled((s) => ({ key: settledKey, data: s.data, error }));
        },
      );
    return () => {
      current = false;
      controller.abort();
    };
  }, [client, query, settledKey, attempt]);

  return {
    data: key === null ? undefined : settled.data,
    error: key !== null && settled.key === key ? settled.error : null,
    loading: key !== null && (settledKey !== key || settled.key !== key),
    retry: () => {
      setSettled((s) => ({ ...s, key: null, error: null }));
      setAttempt((n) => n + 1);
    },
  };
}
