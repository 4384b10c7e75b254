import { useEffect } from 'react';

export const SITE_NAME = 'Kindred';

/** Sets the browser tab title for the current page: "Sign in – Kindred". */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} – ${SITE_NAME}` : `${SITE_NAME}: clinicians tackling health inequality`;
  }, [title]);
}
