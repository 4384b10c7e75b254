import { useEffect, useLayoutEffect, useRef } from 'react';
import { useMessaging } from './useMessaging';

/** Calls `handler` for each `event` the server sends on the current socket; the latest handler always runs. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { transport } = useMessaging();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!transport) return;
    const listener = (payload: T) => latest.current(payload);
    transport.on(event, listener);
    return () => {
      transport.off(event, listener);
    };
  }, [transport, event]);
}
