import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SkipLeadTermMutation = graphql(`
  mutation SkipLeadTerm($input: SkipLeadTermInput!) {
    skipLeadTerm(input: $input) {
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

/** Skips a term of the rotation (alliance admins). Afterwards: the alliance page refetches. */
export function useSkipLeadTerm() {
  return useMutation(SkipLeadTermMutation);
}
