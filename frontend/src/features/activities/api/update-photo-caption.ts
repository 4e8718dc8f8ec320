import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdatePhotoCaptionMutation = graphql(`
  mutation UpdatePhotoCaption($input: UpdateMediaInput!) {
    updateMedia(input: $input) {
      media {
        id
        caption
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

/** Saves a photo's caption with the version read (a stale one answers CONFLICT). Afterwards: the gallery refetches. */
export function useUpdatePhotoCaption() {
  return useMutation(UpdatePhotoCaptionMutation);
}
