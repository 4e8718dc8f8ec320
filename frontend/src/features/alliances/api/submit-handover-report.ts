import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SubmitHandoverReportMutation = graphql(`
  mutation SubmitHandoverReport($input: SubmitHandoverReportInput!) {
    submitHandoverReport(input: $input) {
      leadTerm {
        id
        handoverReport
        version
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** The lead convener's report at the end of the term. Afterwards: the alliance page refetches (LeadTerm). */
export function useSubmitHandoverReport() {
  return useMutation(SubmitHandoverReportMutation);
}
