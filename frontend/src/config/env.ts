// Build-time configuration, validated once at start so a bad value fails loudly with its name.

function graphqlUrl(): string {
  const raw: unknown = import.meta.env.VITE_GRAPHQL_URL;
  if (raw === undefined || raw === '') return '/graphql';
  if (typeof raw !== 'string' || !(raw.startsWith('/') || /^https?:\/\//.test(raw))) {
    throw new Error(`VITE_GRAPHQL_URL must be a path like /graphql or an http(s) URL, got ${String(raw)}`);
  }
  return raw;
}

export const env = {
  /** Where the GraphQL API answers; the refresh-token cookie is scoped to this path. */
  graphqlUrl: graphqlUrl(),
} as const;
