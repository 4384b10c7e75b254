import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Timers further ahead than this are not set (setTimeout overflows at ~24.8 days); a reload sees them. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** A little after the moment, so the server (whose clock decides) agrees it has passed. */
export const REFRESH_SLACK_MS = 1_000;

/**
 * Calls `refresh` when the next of `instants` (ISO date-times) arrives: a WHAMinar's page asks
 * again at the join-link time, the start (the discussion opens, check-in begins) and the end.
 */
export function useRefreshAt(instants: ReadonlyArray<string | null | undefined>, refresh: () => void, now: () => number = Date.now): void {
  const latest = useRef(refresh);
  useLayoutEffect(() => {
    latest.current = refresh;
  });
  const key = instants.filter(Boolean).join('|');
  // Bumped after each refresh, so the timer for the following instant is set even when nothing changed.
  const [round, setRound] = useState(0);
  useEffect(() => {
    const at = now();
    const next = key
      .split('|')
      .map((iso) => Date.parse(iso))
      .filter((t) => Number.isFinite(t) && t > at - REFRESH_SLACK_MS)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    const delay = Math.max(0, next - at) + REFRESH_SLACK_MS;
    if (delay > MAX_DELAY_MS) return;
    const timer = setTimeout(() => {
      latest.current();
      setRound((r) => r + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [key, now, round]);
}
