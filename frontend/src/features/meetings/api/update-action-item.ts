import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      actionItem {
        id
        status
        version
        isOverdue
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Sets an action item's status and/or adds a progress note, naming the version read (stale: CONFLICT). Afterwards: every list of action items refetches (ActionItem). */
export function useUpdateActionItem() {
  return useMutation(UpdateActionItemMutation);
}
