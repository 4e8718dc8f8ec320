import type { meetingCycleZh } from './meeting-cycle';

export const meetingCycleEn: typeof meetingCycleZh = {
  mine: 'My participation',
  closed: 'This meeting is over: no more replies, agenda proposals or check-ins',
  past: 'Past meetings',
  pastEmpty: 'No past meetings yet',
  approvedMinutes: 'Minutes (approved {{time}})',
  minutesOf: 'Minutes of {{title}}',
  noApprovedMinutes: 'The minutes are not approved yet',
  myProposals: 'My proposals',
  myProposalsIntro:
    'Agenda items your organization proposed, with their status; edit or withdraw them until the convener decides',
  myProposalsEmpty: 'Your organization has not proposed any agenda items yet',
  description: 'Description',
  edit: 'Edit',
  editLabel: 'Edit proposal: {{title}}',
  editProposal: 'Edit proposal',
  save: 'Save',
  proposalSaved: 'Proposal saved',
  withdraw: 'Withdraw',
  withdrawLabel: 'Withdraw proposal: {{title}}',
  withdrawConfirm: 'Withdraw this proposal?',
  withdrawn: 'Proposal withdrawn',
  cancel: 'Cancel',
};
