// Names of the integration-token scopes (`read:alliance` → `read_alliance`, since i18next reads `:`
// as a namespace separator); Chinese first.
export const scopesZh = {
  read_alliance: '读取联盟概况',
  read_organization: '读取单位资料',
  read_members: '读取单位党员名单',
  read_meetings: '读取联席会议',
  write_meetings: '安排联席会议',
  read_activities: '读取共建活动',
  write_activities: '创建共建活动',
  read_agreements: '读取共建协议',
  read_resources: '读取共享资源',
  read_documents: '读取文件库',
};
