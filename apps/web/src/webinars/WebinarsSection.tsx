import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '../layout/LoadingState';

/**
 * Every /webinars page: they load on demand (with luxon for time zones and zod for the form), so
 * the map and the rest of the app do not carry them.
 */
export function WebinarsSection() {
  return (
    <Suspense fallback={<LoadingState label="Loading WHAMinars…" />}>
      <Outlet />
    </Suspense>
  );
}
