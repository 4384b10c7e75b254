export interface ClientConfig {
  /** Raster tile URL template; empty means "no tile layer" (the bundled outline still draws). */
  readonly tileUrl: string;
  readonly tileAttribution: string;
}

export const NO_TILES: ClientConfig = { tileUrl: '', tileAttribution: '' };

let pending: Promise<ClientConfig> | null = null;

/** GET /api/client-config once per page load; any failure means no tiles, never a broken map. */
export function loadClientConfig(fetchImpl: typeof fetch = fetch): Promise<ClientConfig> {
  pending ??= fetchImpl('/api/client-config', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return NO_TILES;
      const body = (await response.json()) as Partial<ClientConfig>;
      return {
        tileUrl: typeof body.tileUrl === 'string' ? body.tileUrl : '',
        tileAttribution: typeof body.tileAttribution === 'string' ? body.tileAttribution : '',
      };
    })
    .catch(() => NO_TILES);
  return pending;
}

/** For tests: forget the cached answer. */
export function resetClientConfig(): void {
  pending = null;
}
