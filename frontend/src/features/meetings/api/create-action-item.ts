import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateActionItemMutation = graphql(`
  mutation CreateActionItem($input: CreateActionItemInput!) {
    createActionItem(input: $input) {
      actionItem {
        id
        title
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Creates an action item (conveners). Afterwards: the meeting page and action-item lists refetch (ActionItem). */
export function useCreateActionItem() {
  return useMutation(CreateActionItemMutation);
}
