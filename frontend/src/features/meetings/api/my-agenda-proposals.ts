import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const MyAgendaProposalsQuery = graphql(`
  query MyAgendaProposals($first: Int, $after: String) {
    myAgendaProposals(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        description
        status
        version
        createdAt
        meeting {
          id
          title
          status
          startsAt
          agendaDeadline
          alliance {
            id
            timeZone
          }
        }
      }
    }
  }
`);

const UpdateAgendaProposalMutation = graphql(`
  mutation UpdateAgendaProposal($input: UpdateAgendaProposalInput!) {
    updateAgendaProposal(input: $input) {
      agendaItem {
        id
        title
        description
        status
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

const WithdrawAgendaProposalMutation = graphql(`
  mutation WithdrawAgendaProposal($input: WithdrawAgendaProposalInput!) {
    withdrawAgendaProposal(input: $input) {
      agendaItem {
        id
        status
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

const context = { additionalTypenames: ['AgendaItem'] };

/** The agenda proposals of the viewer's organizations, newest first. */
export function useMyAgendaProposals() {
  return useCursorPagination({
    query: MyAgendaProposalsQuery,
    variables: { first: 20 },
    connection: (data) => data.myAgendaProposals,
    context,
  });
}

/** Changes a proposal's title and description (with the version read). */
export function useUpdateAgendaProposal() {
  return useMutation(UpdateAgendaProposalMutation);
}

/** Withdraws a proposal (with the version read). */
export function useWithdrawAgendaProposal() {
  return useMutation(WithdrawAgendaProposalMutation);
}
