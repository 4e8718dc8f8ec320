import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineGraphqlDocuments } from './scripts/inline-graphql-documents';

// The Rust server serves the built client (dist/) at `/` with a history fallback and the API at /graphql.
// In development the API runs separately; proxy it (including the graphql-ws upgrade at /graphql/ws) so
// the refresh-token cookie (path /graphql) stays same-origin.
const apiTarget = process.env.ALLIANCE_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // Each page's chunk carries only the GraphQL documents it uses (see the plugin).
    inlineGraphqlDocuments(fileURLToPath(new URL('./src', import.meta.url))),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
      '/media': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunks each entry and route needs (read by scripts/weight.sh).
    manifest: true,
  },
});
