//! Demo meetings of an alliance: past ones with minutes, decisions and action items, and one to come.

use super::*;

/// Two past meetings with approved minutes, decisions and action items (one done, one overdue),
/// and one upcoming meeting; skipped when the alliance already has meetings.
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
    let plans = [
        (
            -75_i64,
            "第一次联席会议：年度工作计划",
            "completed",
            "regular",
        ),
        (-30, "第二次联席会议：季度工作交流", "completed", "regular"),
        (
            10,
            "第三次联席会议：年度工作总结",
            "scheduled",
            "work_summary",
        ),
    ];
    for (index, (days, title, status, kind)) in plans.iter().enumerate() {
        // 14:30 on the alliance's clock.
        let day = local_date(now + chrono::Duration::days(*days), zone);
        let starts = start_of_day(day, zone) + chrono::Duration::minutes(14 * 60 + 30);
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
            kind: Set((*kind).into()),
            title: Set((*title).into()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::hours(2)),
            location: Set(Some("牵头单位党员活动室".into())),
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
            [id.into(), starts.into(), (*status == "completed").into(), alliance_id.into()],
        ))
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, proposed_by_organization_id, status)
             VALUES (gen_random_uuid(), $1, 1, '各成员单位党建工作交流', $2, 30, $2, 'accepted'),
                    (gen_random_uuid(), $1, 2, '研究部署下阶段联合行动', $3, 20, $3, 'accepted')",
            [id.into(), org(index).into(), org(index + 1).into()],
        ))
        .await?;
        if *status != "completed" {
            continue;
        }
        let decided = Uuid::now_v7();
        decision::ActiveModel {
            id: Set(decided),
            meeting_id: Set(id),
            text: Set(format!("{name}：联合开展一次主题党日活动")),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        minutes::ActiveModel {
            meeting_id: Set(id),
            body: Set(format!("# {title}\n\n## 议题\n\n1. 各成员单位党建工作交流\n2. 研究部署下阶段联合行动\n\n## 决定事项\n\n- 联合开展一次主题党日活动\n")),
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
        // The first meeting's item is done; the second's is overdue and open.
        let done = index == 0;
        action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(id),
            decision_id: Set(Some(decided)),
            title: Set(if done {
                "整理共建活动方案并报送指导员".into()
            } else {
                "完成联合主题党日活动总结".into()
            }),
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
