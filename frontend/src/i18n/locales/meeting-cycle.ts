// The meeting's cycle seen from a member: my actions, past meetings, my agenda proposals.
export const meetingCycleZh = {
  mine: '我的参会',
  closed: '会议已结束，不再接受回复、议题和签到',
  past: '往期会议',
  pastEmpty: '暂无往期会议',
  approvedMinutes: '会议纪要（{{time}} 审批通过）',
  minutesOf: '{{title}} 的会议纪要',
  noApprovedMinutes: '会议纪要尚未审批通过',
};

export const meetingCycleEn: typeof meetingCycleZh = {
  mine: 'My participation',
  closed: 'This meeting is over: no more replies, agenda proposals or check-ins',
  past: 'Past meetings',
  pastEmpty: 'No past meetings yet',
  approvedMinutes: 'Minutes (approved {{time}})',
  minutesOf: 'Minutes of {{title}}',
  noApprovedMinutes: 'The minutes are not approved yet',
};
