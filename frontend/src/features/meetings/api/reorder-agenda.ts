import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ReorderAgendaMutation = graphql(`
  mutation ReorderAgenda($input: ReorderAgendaInput!) {
    reorderAgenda(input: $input) {
      meeting {
        id
        agendaItems {
          id
          position
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Puts the agenda in a new order (conveners). Afterwards: the meeting page refetches. */
export function useReorderAgenda() {
  return useMutation(ReorderAgendaMutation);
}
