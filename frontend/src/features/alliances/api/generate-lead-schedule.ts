import { useMutation } from 'urql';
import { graphql } from '@/gql';

const GenerateLeadScheduleMutation = graphql(`
  mutation GenerateLeadSchedule($input: GenerateLeadScheduleInput!) {
    generateLeadSchedule(input: $input) {
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

/** Plans the rotation round-robin (alliance admins); replaces the terms not yet started. Afterwards: the alliance page refetches (Alliance, LeadTerm). */
export function useGenerateLeadSchedule() {
  return useMutation(GenerateLeadScheduleMutation);
}
