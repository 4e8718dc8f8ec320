import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateAllianceMutation = graphql(`
  mutation UpdateAlliance($input: UpdateAllianceInput!) {
    updateAlliance(input: $input) {
      alliance {
        id
        name
        nameEn
        kind
        status
        foundedOn
        supervisingBody
        instructor
        rotationPeriod
        visibility
        workingRules
        agendaDeadlineDays
        timeZone
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

/**
 * Changes the alliance's profile (alliance admins, platform admins), naming the version read (a stale one
 * answers CONFLICT); the status only moves forward. Afterwards: the alliance page and list refetch
 * (Alliance typename).
 */
export function useUpdateAlliance() {
  return useMutation(UpdateAllianceMutation);
}
