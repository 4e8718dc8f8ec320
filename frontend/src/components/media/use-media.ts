import { useQuery } from 'urql';
import { graphql } from '@/gql';

const OwnerMediaQuery = graphql(`
  query OwnerMedia($ownerId: ID!) {
    media(ownerId: $ownerId) {
      id
      kind
      originalName
      caption
      takenAt
      takenAtSource
      width
      height
      version
      thumbnail: url(variant: THUMBNAIL) {
        url
        expiresAt
      }
      web: url(variant: WEB) {
        url
        expiresAt
      }
      original: url(variant: ORIGINAL) {
        url
        expiresAt
      }
    }
  }
`);

/**
 * The media of an owner with their URLs (signed ones expire after minutes: `refetch` mints new
 * ones, e.g. when the lightbox opens after a long pause). Refetch after an upload.
 */
export function useMedia(ownerId: string) {
  const [result, refetch] = useQuery({
    query: OwnerMediaQuery,
    variables: { ownerId },
    requestPolicy: 'cache-and-network',
  });
  return {
    media: result.data?.media ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => refetch({ requestPolicy: 'network-only' }),
  };
}
