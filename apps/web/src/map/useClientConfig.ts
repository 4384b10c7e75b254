import { useEffect, useState } from 'react';
import { loadClientConfig, type ClientConfig } from './client-config.util';

/** The map's tile settings from the server; null until they arrive. */
export function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null);
  useEffect(() => {
    let live = true;
    void loadClientConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
