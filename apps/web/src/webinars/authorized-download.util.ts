import type { AccessTokenSource } from '../auth/AccessTokenContext';
import { NETWORK_PROBLEM } from '../forms/api-errors.util';

/** A refused download, with the API's words (its REST errors are JSON `{ code, message, field }`). */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/**
 * The path (and query) of a URL the API built from PUBLIC_URL, to fetch from the page's own
 * origin: PUBLIC_URL may name another host for the same server (localhost against 127.0.0.1),
 * and a cross-origin request with a Bearer header would need CORS.
 */
export function sameOriginPath(url: string): string {
  try {
    const u = new URL(url, 'http://relative.invalid');
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** The name in `Content-Disposition: attachment; filename="x.ics"`, if any. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}

async function refusal(response: Response): Promise<DownloadError> {
  let code: string | null = null;
  let message = response.status === 401 ? 'Please sign in again to download this file.' : response.status === 403 ? 'You are not allowed to download this file.' : response.status === 404 ? 'This file is no longer available.' : 'The file could not be downloaded.';
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.message === 'string' && body.message) message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  return new DownloadError(message, code);
}

/** GET with the session's Bearer token; after a 401, one refresh and one retry. */
export async function fetchWithSession(url: string, session: AccessTokenSource | null, fetcher: typeof fetch = fetch): Promise<Response> {
  const attempt = () => {
    const token = session?.getAccessToken() ?? null;
    return fetcher(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: 'same-origin' });
  };
  let response: Response;
  try {
    response = await attempt();
    if (response.status === 401 && session && (await session.refresh())) response = await attempt();
  } catch {
    throw new DownloadError(NETWORK_PROBLEM, null);
  }
  return response;
}

/** Offers a blob to the person as a file. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Fetches a file the API serves (with the Bearer token) and saves it; resolves with the file name. */
export async function downloadWithSession(
  url: string,
  fallbackName: string,
  session: AccessTokenSource | null,
  fetcher: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchWithSession(sameOriginPath(url), session, fetcher);
  if (!response.ok) throw await refusal(response);
  const filename = filenameFrom(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(await response.blob(), filename);
  return filename;
}
