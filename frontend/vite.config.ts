import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { firstScreenChunks } from './scripts/first-screen-chunks';
import { inlineGraphqlDocuments } from './scripts/inline-graphql-documents';

// The Rust server serves the built client (dist/) at `/` with a history fallback and the API at /graphql.
// In development the API runs separately; proxy it (including the graphql-ws upgrade at /graphql/ws) so
// the refresh-token cookie (path /graphql) stays same-origin.
const apiTarget = process.env.ALLIANCE_API_URL ?? 'http://127.0.0.1:8080';

/**
 * `<link rel="modulepreload">` in index.html for the chunks the entry imports dynamically (src/main.tsx
 * evaluates the app in pieces, one task each) and their imports: they download in parallel with the
 * entry, as static imports would, instead of after it.
 */
function preloadEntryImports(): Plugin {
  let base = '/';
  return {
    name: 'alliance:preload-entry-imports',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const files = new Set<string>();
        const add = (file: string) => {
          const found = bundle[file];
          if (!found || found.type !== 'chunk' || files.has(file)) return;
          files.add(file);
          found.imports.forEach(add);
        };
        chunk.dynamicImports.forEach(add);
        // Vite preloads the entry's static imports already.
        for (const file of [chunk.fileName, ...chunk.imports]) files.delete(file);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    // Each page's chunk carries only the GraphQL documents it uses (see the plugin).
    inlineGraphqlDocuments(fileURLToPath(new URL('./src', import.meta.url))),
    preloadEntryImports(),
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
    rolldownOptions: {
      // The logged-in frame and the dashboard in one chunk instead of 17 (see the script).
      // Without their dependencies: those are the entry's pieces (React, the router, urql), loaded first.
      output: { codeSplitting: { groups: [{ name: firstScreenChunks(), includeDependenciesRecursively: false }] } },
    },
  },
});
