// Build-time configuration, validated once at start so a bad value fails loudly with its name.

function graphqlUrl(): string {
  const raw: unknown = import.meta.env.VITE_GRAPHQL_URL;
  if (raw === undefined || raw === '') return '/graphql';
  if (typeof raw !== 'string' || !(raw.startsWith('/') || /^https?:\/\//.test(raw))) {
    throw new Error(`VITE_GRAPHQL_URL must be a path like /graphql or an http(s) URL, got ${String(raw)}`);
  }
  return raw;
}

/**
 * The graphql-ws endpoint (`<graphql url>/ws`), as an absolute ws(s) URL: a WebSocket cannot be
 * opened with a relative path, so a same-origin `/graphql` becomes `wss://<host>/graphql/ws`.
 */
function graphqlWsUrl(httpUrl: string): string {
  const absolute = new URL(`${httpUrl.replace(/\/+$/, '')}/ws`, window.location.href);
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
}

const httpUrl = graphqlUrl();

export const env = {
  /** Where the GraphQL API answers; the refresh-token cookie is scoped to this path. */
  graphqlUrl: httpUrl,
  /** Where subscriptions are served (graphql-ws protocol). */
  graphqlWsUrl: graphqlWsUrl(httpUrl),
} as const;
