//! Demo meetings of an alliance: past ones with minutes, decisions and action items, and one to come.
//! Each alliance has its own titles, times of day and places; some hold a cancelled meeting.

use super::*;

/// Three meetings of the alliance's own (see `plans_for`): past ones with approved minutes,
/// decisions and action items (the last one's item open and overdue), one cancelled in one
/// alliance, and one to come; skipped when the alliance already has meetings.
pub(super) async fn seed_meetings<C: ConnectionTrait>(
    db: &C,
    alliance_id: Uuid,
    members: &[(crate::kernel::ids::OrganizationId, i32)],
    name: &str,
    now: chrono::DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Result<(), Error> {
    use crate::entities::{action_item, decision, meeting, minutes};
    use crate::kernel::local_time::{local_date, start_of_day};
    let existing = db
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM meetings WHERE alliance_id = $1 LIMIT 1",
            [alliance_id.into()],
        ))
        .await?;
    if existing.is_some() || members.is_empty() {
        return Ok(());
    }
    let org = |i: usize| members[i % members.len()].0.0;
    let plans = plans_for(name);
    // The last completed meeting leaves an open action item (overdue by now); earlier ones are done.
    let last_completed = plans.iter().rposition(|p| p.status == "completed");
    for (index, plan) in plans.iter().enumerate() {
        let Plan {
            days,
            title,
            status,
            kind,
            at: (hour, minute),
            minutes_long,
            location,
            agenda,
            decision,
            item,
        } = *plan;
        // At the plan's time of day on the alliance's clock.
        let day = local_date(now + chrono::Duration::days(days), zone);
        let starts = start_of_day(day, zone) + chrono::Duration::minutes(hour * 60 + minute);
        let id = Uuid::now_v7();
        // The host is the lead unit on the meeting's date, as when a convener schedules one.
        let host = db
            .query_one_raw(stmt(
                "SELECT organization_id FROM lead_terms WHERE alliance_id = $1 AND starts_at <= $2 AND ends_at > $2",
                [alliance_id.into(), starts.into()],
            ))
            .await?
            .and_then(|row| row.try_get::<Uuid>("", "organization_id").ok());
        meeting::ActiveModel {
            id: Set(id),
            alliance_id: Set(alliance_id),
            host_organization_id: Set(host.or(Some(org(index)))),
            kind: Set(kind.into()),
            title: Set(title.into()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::minutes(minutes_long)),
            location: Set(Some(location.into())),
            online_url: Set(None),
            status: Set(MeetingStatus::parse(status).unwrap_or(MeetingStatus::Scheduled)),
            check_in_code: Set(format!("{:06}", rand::random::<u32>() % 1_000_000)),
            agenda_deadline_at: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp, checked_in_at)
             SELECT gen_random_uuid(), $1, om.organization_id, om.user_id,
                    CASE WHEN $3 THEN 'yes' ELSE 'pending' END,
                    CASE WHEN $3 AND row_number() OVER (ORDER BY om.user_id) % 4 <> 0 THEN $2 END
               FROM alliance_memberships am JOIN organization_memberships om ON om.organization_id = am.organization_id
              WHERE am.alliance_id = $4 AND am.left_on IS NULL AND om.left_on IS NULL",
            [id.into(), starts.into(), (status == "completed").into(), alliance_id.into()],
        ))
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, proposed_by_organization_id, status)
             VALUES (gen_random_uuid(), $1, 1, $4, $2, 30, $2, 'accepted'),
                    (gen_random_uuid(), $1, 2, $5, $3, 20, $3, 'accepted')",
            [
                id.into(),
                org(index).into(),
                org(index + 1).into(),
                agenda[0].into(),
                agenda[1].into(),
            ],
        ))
        .await?;
        if status != "completed" {
            continue;
        }
        let decided = Uuid::now_v7();
        decision::ActiveModel {
            id: Set(decided),
            meeting_id: Set(id),
            text: Set(format!("{name}：{decision}")),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        minutes::ActiveModel {
            meeting_id: Set(id),
            body: Set(format!(
                "# {title}\n\n## 议题\n\n1. {}\n2. {}\n\n## 决定事项\n\n- {decision}\n",
                agenda[0], agenda[1]
            )),
            status: Set(MinutesStatus::Approved),
            approved_by: Set(None),
            approved_at: Set(Some(starts + chrono::Duration::days(2))),
            updated_by: Set(None),
            updated_at: Set(starts + chrono::Duration::days(2)),
            submitted_at: Set(Some(starts + chrono::Duration::days(1))),
            submitted_by: Set(None),
            returned_at: Set(None),
            returned_by: Set(None),
            return_comment: Set(None),
            version: Set(2),
        }
        .insert(db)
        .await?;
        let done = Some(index) != last_completed;
        action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(id),
            decision_id: Set(Some(decided)),
            title: Set(item.into()),
            assignee_organization_id: Set(org(index + 1)),
            assignee_user_id: Set(None),
            due_on: Set(Some(day + chrono::Duration::days(20))),
            status: Set(if done {
                ItemStatus::Done
            } else {
                ItemStatus::Open
            }),
            completed_at: Set(done.then_some(starts + chrono::Duration::days(15))),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// One demo meeting: `days` from now, its local start time, length and place, two agenda items,
/// and (when completed) its decision and the action item that followed.
#[derive(Clone, Copy)]
struct Plan {
    days: i64,
    title: &'static str,
    status: &'static str,
    kind: &'static str,
    at: (i64, i64),
    minutes_long: i64,
    location: &'static str,
    agenda: [&'static str; 2],
    decision: &'static str,
    item: &'static str,
}

/// Three meetings per alliance, each alliance its own: the consortium's stay as the tests of the
/// meeting cycle know them (two completed, one to come); a completed meeting always lies at least
/// 25 days back, so that the action item it left is overdue.
fn plans_for(name: &str) -> [Plan; 3] {
    const P: Plan = Plan {
        days: 0,
        title: "",
        status: "completed",
        kind: "regular",
        at: (14, 30),
        minutes_long: 120,
        location: "牵头单位党员活动室",
        agenda: ["各成员单位党建工作交流", "研究部署下阶段联合行动"],
        decision: "联合开展一次主题党日活动",
        item: "整理共建活动方案并报送指导员",
    };
    match name {
        "瀚恩清洁—静安区中心医院后勤党支部结对共建" => [
            Plan {
                days: -62,
                title: "结对共建年度启动会：党员线上培训计划",
                at: (9, 30),
                minutes_long: 90,
                location: "静安区中心医院行政楼三楼会议室",
                agenda: ["党员线上培训课程安排", "后勤保洁党员先锋岗设置"],
                decision: "每月开展一次党员线上培训",
                item: "制定党员线上培训课程表",
                ..P
            },
            Plan {
                days: -18,
                title: "白领健康指导服务专题研讨",
                status: "cancelled",
                kind: "symposium",
                at: (15, 0),
                minutes_long: 60,
                location: "瀚恩清洁公司党员活动室",
                agenda: ["健康讲座进楼宇方案", "志愿者招募"],
                ..P
            },
            Plan {
                days: 6,
                title: "环保宣传共建推进会",
                status: "scheduled",
                at: (10, 0),
                minutes_long: 90,
                location: "瀚恩清洁公司党员活动室",
                agenda: ["垃圾分类宣传进病区", "上半年共建成效回顾"],
                ..P
            },
        ],
        "海疆集团—惠州石化HSE中心党建共建" => [
            Plan {
                days: -95,
                title: "党建共建座谈会：安全生产与党建融合",
                kind: "symposium",
                at: (10, 0),
                location: "惠州石化HSE中心培训楼",
                agenda: ["党员安全示范岗经验交流", "联合应急演练方案"],
                decision: "联合举办一次应急救援演练",
                item: "拟定联合应急演练方案",
                ..P
            },
            Plan {
                days: -41,
                title: "上半年党建共建工作总结会",
                kind: "work_summary",
                at: (16, 0),
                minutes_long: 90,
                location: "海疆集团总部二楼党建活动中心",
                agenda: ["上半年共建任务完成情况", "下半年重点工作建议"],
                decision: "下半年开展“安全生产月”联合宣传",
                item: "提交“安全生产月”联合宣传计划",
                ..P
            },
            Plan {
                days: 23,
                title: "下半年联合安全宣传活动筹备会",
                status: "scheduled",
                kind: "preparatory",
                at: (9, 0),
                minutes_long: 60,
                location: "线上会议（腾讯会议）",
                agenda: ["宣传活动分工", "物资与场地准备"],
                ..P
            },
        ],
        "南方阻燃—重庆潮汕商会党建共建" => [
            Plan {
                days: -128,
                title: "共建签约一周年回顾会",
                kind: "work_summary",
                at: (19, 0),
                minutes_long: 90,
                location: "重庆潮汕商会会议厅",
                agenda: ["一年来共建成效回顾", "商会党员企业家交流"],
                decision: "建立双月党建联络员例会制度",
                item: "确定双方党建联络员名单",
                ..P
            },
            Plan {
                days: -33,
                title: "“以党建聚合力”主题交流会",
                kind: "symposium",
                at: (14, 0),
                location: "南方阻燃公司党员活动室",
                agenda: ["党建引领企业高质量发展", "助力乡村振兴项目对接"],
                decision: "结对帮扶一个乡村振兴项目",
                item: "调研并推荐乡村振兴帮扶项目",
                ..P
            },
            Plan {
                days: 3,
                title: "商会党员企业家座谈会",
                status: "scheduled",
                kind: "symposium",
                at: (18, 30),
                minutes_long: 90,
                location: "重庆潮汕商会会议厅",
                agenda: ["民营企业党建难点交流", "下阶段共建计划"],
                ..P
            },
        ],
        "湖东社区—东南电梯—江陵实验初中社企校党建联建" => [
            Plan {
                days: -47,
                title: "社企校联建第一次联席会议：阵地共建",
                at: (13, 30),
                minutes_long: 100,
                location: "湖东社区党群服务中心",
                agenda: ["三方党建阵地共享清单", "校园电梯安全课进课堂"],
                decision: "共建“红色电梯安全课堂”",
                item: "编写电梯安全课教案",
                ..P
            },
            Plan {
                days: -29,
                title: "暑期青少年电梯安全课堂筹备会",
                kind: "preparatory",
                at: (16, 30),
                minutes_long: 60,
                location: "江陵实验初中会议室",
                agenda: ["课程时间安排", "志愿讲师招募"],
                decision: "暑期开设四期电梯安全课堂",
                item: "招募并培训志愿讲师",
                ..P
            },
            Plan {
                days: 15,
                title: "半年轮值交接暨工作总结会",
                status: "scheduled",
                kind: "work_summary",
                at: (9, 30),
                location: "东南电梯公司党员活动室",
                agenda: ["轮值牵头单位工作报告", "下半年联建计划"],
                ..P
            },
        ],
        _ => [
            Plan {
                days: -75,
                title: "第一次联席会议：年度工作计划",
                ..P
            },
            Plan {
                days: -30,
                title: "第二次联席会议：季度工作交流",
                item: "完成联合主题党日活动总结",
                ..P
            },
            Plan {
                days: 10,
                title: "第三次联席会议：年度工作总结",
                status: "scheduled",
                kind: "work_summary",
                ..P
            },
        ],
    }
}
