import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError, type OperationContext } from 'urql';

export interface ConnectionLike<TNode> {
  nodes: readonly TNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

interface PageResult<TData> {
  data: TData | undefined;
  error: CombinedError | undefined;
}

export interface CursorPagination<TNode> {
  /** Every node of the pages loaded so far, in order. */
  nodes: readonly TNode[];
  totalCount: number;
  hasNextPage: boolean;
  /** True until the first page arrives. */
  loading: boolean;
  /** True while the page requested by `loadMore` is on its way. */
  loadingMore: boolean;
  error: CombinedError | undefined;
  loadMore: () => void;
  refetch: () => void;
}

/**
 * "Load more" over a Relay connection: one live query per loaded page (`after` = the previous page's
 * `endCursor`). Each page stays subscribed, so when a mutation invalidates a page's typenames in the
 * document cache, that page — and only that page — is fetched again and the list stays correct.
 * Changing `variables` (e.g. a search) starts over from the first page.
 */
export function useCursorPagination<
  TData,
  TVariables extends AnyVariables & { after?: string | null },
  TNode,
>(options: {
  query: TypedDocumentNode<TData, TVariables>;
  variables: Omit<TVariables, 'after'>;
  connection: (data: TData) => ConnectionLike<TNode> | null | undefined;
  context?: Partial<OperationContext>;
}): CursorPagination<TNode> {
  const client = useClient();
  const { query } = options;
  const variablesKey = JSON.stringify(options.variables);
  // Read through refs so that inline objects and arrow functions do not restart the queries.
  const latest = useRef(options);
  latest.current = options;

  const [cursors, setCursors] = useState<{ variablesKey: string; list: (string | null)[] }>({
    variablesKey,
    list: [null],
  });
  const activeCursors = useMemo(
    () => (cursors.variablesKey === variablesKey ? cursors.list : [null]),
    [cursors, variablesKey],
  );
  const [results, setResults] = useState<ReadonlyMap<string, PageResult<TData>>>(new Map());
  const [refetchCount, setRefetchCount] = useState(0);

  useEffect(() => {
    const { variables, context } = latest.current;
    const subscriptions = activeCursors.map((after) => {
      const key = pageKey(variablesKey, after);
      const pageVariables = { ...variables, after } as unknown as TVariables;
      const pageContext = refetchCount > 0 ? { ...context, requestPolicy: 'cache-and-network' as const } : context;
      return client.query(query, pageVariables, pageContext).subscribe((result) => {
        setResults((previous) => {
          const next = new Map([...previous].filter(([k]) => k.startsWith(variablesKey + SEPARATOR)));
          next.set(key, { data: result.data, error: result.error });
          return next;
        });
      });
    });
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }, [client, query, variablesKey, activeCursors, refetchCount]);

  const pages = activeCursors.map((after) => results.get(pageKey(variablesKey, after)));
  const connections: ConnectionLike<TNode>[] = [];
  for (const page of pages) {
    const connection = page?.data ? latest.current.connection(page.data) : undefined;
    if (!connection) break;
    connections.push(connection);
  }
  const lastConnection = connections[connections.length - 1];
  const firstPageLoaded = pages[0] !== undefined;
  const lastPageLoaded = pages[pages.length - 1] !== undefined;
  const error = pages.find((page) => page?.error)?.error;

  // While a new search runs, keep showing the previous list rather than flashing an empty one.
  const shown = useRef<readonly TNode[]>([]);
  const nodes = connections.flatMap((connection) => connection.nodes);
  if (firstPageLoaded) shown.current = nodes;

  const loadMore = useCallback(() => {
    const endCursor = lastConnection?.pageInfo.endCursor;
    if (!lastConnection?.pageInfo.hasNextPage || !endCursor || activeCursors.includes(endCursor)) return;
    setCursors({ variablesKey, list: [...activeCursors, endCursor] });
  }, [lastConnection, activeCursors, variablesKey]);

  const refetch = useCallback(() => setRefetchCount((count) => count + 1), []);

  return {
    nodes: firstPageLoaded ? nodes : shown.current,
    totalCount: connections[0]?.totalCount ?? 0,
    hasNextPage: lastPageLoaded && (lastConnection?.pageInfo.hasNextPage ?? false),
    loading: !firstPageLoaded,
    loadingMore: firstPageLoaded && !lastPageLoaded,
    error,
    loadMore,
    refetch,
  };
}

const SEPARATOR = '\u0000';

function pageKey(variablesKey: string, after: string | null): string {
  return variablesKey + SEPARATOR + (after ?? '');
}
