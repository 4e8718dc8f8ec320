import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '@/gql';

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      userErrors {
        field
        message
        code
      }
    }
  }
`);

// The answer holds no Notification, so the lists and the bell are told explicitly what changed.
const context = { additionalTypenames: ['Notification'] };

/** Marks some (`ids`) or all notifications read. Afterwards: the list and the bell's count refetch. */
export function useMarkNotificationsRead() {
  const [state, execute] = useMutation(MarkNotificationsReadMutation);
  const markRead = useCallback((input: { ids?: string[]; all?: boolean }) => execute({ input }, context), [execute]);
  return [state, markRead] as const;
}
