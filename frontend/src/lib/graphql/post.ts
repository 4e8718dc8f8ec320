import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationName, stringifyDocument } from '@urql/core';
import { env } from '@/config/env';

export interface GraphqlErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphqlResponse<TData> {
  data?: TData | null;
  errors?: GraphqlErrorLike[];
}

/**
 * A bare GraphQL request outside the urql client, for the session's own operations (refresh, logout),
 * which must not go through the auth exchange that depends on them. Throws on network failure.
 */
export async function postGraphql<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<TData>> {
  const response = await fetch(env.graphqlUrl, {
    method: 'POST',
    // The refresh token travels as an HttpOnly cookie scoped to the GraphQL path.
    credentials: 'include',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({
      query: stringifyDocument(document),
      operationName: getOperationName(document),
      variables,
    }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) {
    throw new Error(`GraphQL request failed with HTTP ${response.status}`);
  }
  return (await response.json()) as GraphqlResponse<TData>;
}

export function errorCodeOf(error: GraphqlErrorLike): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
