import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ProposeAgendaItemMutation = graphql(`
  mutation ProposeAgendaItem($input: ProposeAgendaItemInput!) {
    proposeAgendaItem(input: $input) {
      agendaItem {
        id
        status
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

/** Proposes an agenda item (before the deadline). Afterwards: the meeting page refetches (AgendaItem, Meeting). */
export function useProposeAgendaItem() {
  return useMutation(ProposeAgendaItemMutation);
}
