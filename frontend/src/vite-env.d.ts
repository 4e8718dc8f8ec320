/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** GraphQL endpoint, default `/graphql` (same origin as the client). */
  readonly VITE_GRAPHQL_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
