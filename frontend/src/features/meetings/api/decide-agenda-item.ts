import { useMutation } from 'urql';
import { graphql } from '@/gql';

const DecideAgendaItemMutation = graphql(`
  mutation DecideAgendaItem($input: DecideAgendaItemInput!) {
    decideAgendaItem(input: $input) {
      agendaItem {
        id
        status
        position
      }
      meeting {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Accepts or rejects a proposed item (conveners). Afterwards: the meeting page refetches. */
export function useDecideAgendaItem() {
  return useMutation(DecideAgendaItemMutation);
}
