import { graphql } from '@/gql';

/** What every list of action items shows (meeting page, earlier decisions, my action items). */
export const ActionItemFieldsFragment = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    title
    status
    isOverdue
    dueOn
    version
    viewerCanUpdate
    decision {
      id
      text
    }
    assigneeOrganization {
      id
      name
      nameEn
    }
    assigneeUser {
      id
      name
    }
    notes {
      text
      status
      createdAt
      author {
        id
        name
      }
    }
  }
`);
