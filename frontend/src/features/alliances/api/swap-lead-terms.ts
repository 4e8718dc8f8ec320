import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SwapLeadTermsMutation = graphql(`
  mutation SwapLeadTerms($input: SwapLeadTermsInput!) {
    swapLeadTerms(input: $input) {
      alliance {
        id
        leadScheduleVersion
        leadTerms {
          id
          startsAt
          endsAt
          isCurrent
          version
          organization {
            id
            name
            nameEn
          }
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

/** Trades the lead organizations of two terms (alliance admins). Afterwards: the alliance page refetches. */
export function useSwapLeadTerms() {
  return useMutation(SwapLeadTermsMutation);
}
