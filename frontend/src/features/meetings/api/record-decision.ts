import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      decision {
        id
        text
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Records a decision of the meeting (conveners). Afterwards: the meeting page refetches (Decision). */
export function useRecordDecision() {
  return useMutation(RecordDecisionMutation);
}
