import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RetryBackgroundJobMutation = graphql(`
  mutation RetryBackgroundJob($input: RetryBackgroundJobInput!) {
    retryBackgroundJob(input: $input) {
      job {
        id
        state
        attempts
        runAt
        updatedAt
      }
    }
  }
`);

/** Queues a failed job again (platform admins). Afterwards: job lists and counts refetch. */
export function useRetryBackgroundJob() {
  return useMutation(RetryBackgroundJobMutation);
}
