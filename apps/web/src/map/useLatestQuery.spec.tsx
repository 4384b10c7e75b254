import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { HEATMAP, type HeatmapVariables } from '@kindred/api-client';
import { useLatestQuery } from './useLatestQuery';

interface Pending {
  variables: HeatmapVariables;
  signal: AbortSignal;
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

/** A client whose answers the test hands out, in any order. */
function fakeClient() {
  const pending: Pending[] = [];
  const query = jest.fn(
    (options: { variables: HeatmapVariables; context: { fetchOptions: { signal: AbortSignal } } }) =>
      new Promise((resolve, reject) => {
        pending.push({
          variables: options.variables,
          signal: options.context.fetchOptions.signal,
          resolve: (data) => resolve({ data }),
          reject,
        });
      }),
  );
  const client = { query } as unknown as ApolloClient;
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={client}>{children}</ApolloProvider>;
  return { pending, query, wrapper };
}

const view = (west: number): HeatmapVariables => ({ bbox: { west, south: 50, east: west + 2, north: 52 }, zoom: 7 });
const answer = (totalWeight: number) => ({ heatmap: { totalWeight } });

describe('useLatestQuery (the map’s debounced, latest-only queries)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks for the first view at once, then waits until the map has been still before asking again', async () => {
    const { query, wrapper } = fakeClient();
    const { result, rerender } = renderHook(({ v }) => useLatestQuery(HEATMAP, v, 250), { wrapper, initialProps: { v: view(-3) } });
    expect(result.current.loading).toBe(true);
    expect(query).toHaveBeenCalledTimes(1);
    rerender({ v: view(-2) });
    act(() => jest.advanceTimersByTime(200));
    rerender({ v: view(-1) });
    act(() => jest.advanceTimersByTime(249));
    expect(query).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(1));
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[1]?.[0]).toMatchObject({ variables: view(-1), fetchPolicy: 'no-cache' });
  });

  it('never lets a slow old answer replace a newer one, and aborts the old request', async () => {
    const { pending, wrapper } = fakeClient();
    const { result, rerender } = renderHook(({ v }) => useLatestQuery(HEATMAP, v, 250), { wrapper, initialProps: { v: view(-3) } });
    act(() => jest.advanceTimersByTime(250));
    rerender({ v: view(0) });
    act(() => jest.advanceTimersByTime(250));
    expect(pending).toHaveLength(2);
    const [old, latest] = pending as [Pending, Pending];
    expect(old.signal.aborted).toBe(true);
    expect(latest.signal.aborted).toBe(false);

    await act(async () => latest.resolve(answer(20)));
    expect(result.current.data).toEqual(answer(20));
    expect(result.current.loading).toBe(false);
    await act(async () => old.resolve(answer(999)));
    expect(result.current.data).toEqual(answer(20));
  });

  it('keeps the last answer on screen while a newer one is on its way', async () => {
    const { pending, wrapper } = fakeClient();
    const { result, rerender } = renderHook(({ v }) => useLatestQuery(HEATMAP, v, 250), { wrapper, initialProps: { v: view(-3) } });
    act(() => jest.advanceTimersByTime(250));
    await act(async () => pending[0]?.resolve(answer(7)));
    rerender({ v: view(1) });
    expect(result.current).toMatchObject({ data: answer(7), loading: true });
    act(() => jest.advanceTimersByTime(250));
    await act(async () => pending[1]?.resolve(answer(9)));
    expect(result.current).toMatchObject({ data: answer(9), loading: false });
  });

  it('reports an error for the current view and asks again on retry', async () => {
    const { pending, query, wrapper } = fakeClient();
    const { result } = renderHook(() => useLatestQuery(HEATMAP, view(-3), 250), { wrapper });
    act(() => jest.advanceTimersByTime(250));
    await act(async () => pending[0]?.reject(new Error('offline')));
    expect(result.current.loading).toBe(false);
    expect((result.current.error as Error).message).toBe('offline');
    act(() => result.current.retry());
    expect(result.current).toMatchObject({ loading: true, error: null });
    expect(query).toHaveBeenCalledTimes(2);
    await act(async () => pending[1]?.resolve(answer(3)));
    expect(result.current).toMatchObject({ data: answer(3), error: null, loading: false });
  });

  it('asks nothing without variables (no viewport yet, or the table view)', () => {
    const { query, wrapper } = fakeClient();
    const { result } = renderHook(() => useLatestQuery(HEATMAP, null, 250), { wrapper });
    act(() => jest.advanceTimersByTime(1000));
    expect(query).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ data: undefined, loading: false, error: null });
  });
});
