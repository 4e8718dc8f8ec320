import type { scopesZh } from './scopes';

export const scopesEn: typeof scopesZh = {
  read_alliance: 'Read the alliance profile',
  read_organization: "Read the organization's profile",
  read_members: "Read the organization's members",
  read_meetings: 'Read joint meetings',
  write_meetings: 'Schedule joint meetings',
  read_activities: 'Read joint activities',
  write_activities: 'Create joint activities',
  read_agreements: 'Read co-construction agreements',
  read_resources: 'Read shared resources',
  read_documents: 'Read the document library',
};
