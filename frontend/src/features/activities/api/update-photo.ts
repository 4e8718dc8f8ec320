import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdatePhotoMutation = graphql(`
  mutation UpdatePhoto($input: UpdateMediaInput!) {
    updateMedia(input: $input) {
      media {
        id
        caption
        takenAt
        takenAtSource
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
 * Saves a photo's caption or the time it was taken, with the version read (a stale one answers
 * CONFLICT). Afterwards: the gallery refetches.
 */
export function useUpdatePhoto() {
  return useMutation(UpdatePhotoMutation);
}
