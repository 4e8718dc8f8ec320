import { useQuery } from 'urql';
import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const BackgroundJobsQuery = graphql(`
  query BackgroundJobs($first: Int, $after: String, $state: BackgroundJobState) {
    backgroundJobs(first: $first, after: $after, state: $state) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        state
        attempts
        maxAttempts
        lastError
        runAt
        updatedAt
      }
    }
  }
`);

const BackgroundJobCountsQuery = graphql(`
  query BackgroundJobCounts {
    backgroundJobCounts {
      pending
      running
      failed
      done
    }
  }
`);

// A retry returns the BackgroundJob, which refreshes the lists and counts that show jobs.
const context = { additionalTypenames: ['BackgroundJob'] };

/** Background jobs in one state (platform admins), newest first. */
export function useBackgroundJobs(state: 'PENDING' | 'RUNNING' | 'FAILED' | 'DONE') {
  return useCursorPagination({
    query: BackgroundJobsQuery,
    variables: { first: 20, state },
    connection: (data) => data.backgroundJobs,
    context,
  });
}

/** How many jobs are in each state (platform admins). */
export function useBackgroundJobCounts() {
  return useQuery({ query: BackgroundJobCountsQuery, context });
}
