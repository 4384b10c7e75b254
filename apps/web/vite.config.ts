import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env['KINDRED_API_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@kindred/domain': fromHere('../../libs/domain/src/index.ts'),
      '@kindred/geo': fromHere('../../libs/geo/src/index.ts'),
      '@kindred/api-client': fromHere('../../libs/api-client/src/index.ts'),
    },
  },
  build: {
    outDir: fromHere('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The lazily loaded world outline (Natural Earth 1:50m TopoJSON) is ~750 kB of data by design.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks cache across releases; Leaflet and the world outline load only with a map.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|graphql-tag|rxjs|optimism|@wry|tslib)[\\/]/, priority: 20 },
            { name: 'leaflet', test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/, priority: 20 },
            { name: 'world-outline', test: /node_modules[\\/](world-atlas|topojson-client)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/api': api,
      '/health': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
