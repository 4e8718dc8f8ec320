//! Demo agreements from the news reports: the pairing of 瀚恩清洁 with the logistics branch of
//! 静安区中心医院 and its three goals (report 000), and the agreement of 海疆集团 with 惠州石化HSE中心
//! (report 001), renewed once. Skipped for an agreement whose title is already there.

use super::*;
use chrono::Days;

struct Goal {
    owner: &'static str,
    title: &'static str,
    target: &'static str,
    value: Option<f64>,
    unit: Option<&'static str>,
    done: f64,
}

struct Demo {
    alliance: &'static str,
    title: &'static str,
    body: &'static str,
    from: NaiveDate,
    until: NaiveDate,
    /// (organization, signatory, position, signed on)
    parties: [(&'static str, &'static str, &'static str, NaiveDate); 2],
    goals: &'static [Goal],
    renews: Option<&'static str>,
}

const HAAEN_GOALS: &[Goal] = &[
    Goal {
        owner: JINGAN,
        title: "党员发展线上培训",
        target: "利用学习强国等线上平台，为业务出差多、流动性大的党员开展线上培训",
        value: Some(12.0),
        unit: Some("次"),
        done: 5.0,
    },
    Goal {
        owner: HAAEN,
        title: "白领健康指导服务与环保宣传活动",
        target: "医院后勤党支部提供白领健康指导，瀚恩清洁开展环保公益宣传",
        value: Some(4.0),
        unit: Some("场"),
        done: 1.0,
    },
    Goal {
        owner: HAAEN,
        title: "共同参观中共一大、二大会址，重温入党誓词",
        target: "两支部党员共同参观中共一大、二大会址并重温入党誓词",
        value: None,
        unit: None,
        done: 0.0,
    },
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

pub(super) async fn seed_agreements(services: &Services) -> Result<(), Error> {
    let today = services.today();
    let haijiang_first = "海疆集团党支部与惠州石化HSE中心党支部党建共建协议";
    let demos = [
        Demo {
            alliance: "瀚恩清洁—静安区中心医院后勤党支部结对共建",
            title: "瀚恩清洁党支部与静安区中心医院后勤党支部“双结对”共建协议",
            body: "# 共建协议\n\n双方党支部本着“不忘初心、牢记使命”的要求，结成“双结对”共建关系，围绕以下三项目标开展共建：\n\n1. 党员发展线上培训；\n2. 白领健康指导服务与环保宣传活动；\n3. 共同参观中共一大、二大会址，重温入党誓词。\n",
            from: d(2019, 11, 12),
            // Ends soon, so the demo shows "nearing expiry" and a renewal reminder.
            until: today + Days::new(20),
            parties: [
                (HAAEN, "夏伟", "党支部书记", d(2019, 11, 12)),
                (JINGAN, "杨刚", "后勤党支部书记", d(2019, 11, 12)),
            ],
            goals: HAAEN_GOALS,
            renews: None,
        },
        Demo {
            alliance: "海疆集团—惠州石化HSE中心党建共建",
            title: haijiang_first,
            body: "# 党建共建协议\n\n双方党支部共享资源、优势互补、共同提高，推动党建与业务深度融合，以安全管理为党建工作的切入点和落脚点。\n",
            from: d(2022, 12, 8),
            until: d(2025, 12, 7),
            parties: [
                (HAIJIANG, "高启英", "党支部书记", d(2022, 12, 8)),
                (HSE, "李江山", "党支部书记", d(2022, 12, 8)),
            ],
            goals: &[],
            renews: None,
        },
        Demo {
            alliance: "海疆集团—惠州石化HSE中心党建共建",
            title: "海疆集团党支部与惠州石化HSE中心党支部党建共建协议（续签）",
            body: "# 党建共建协议（续签）\n\n双方继续共享资源、优势互补、共同提高。\n",
            from: d(2025, 12, 8),
            until: d(2028, 12, 7),
            parties: [
                (HAIJIANG, "高启英", "党支部书记", d(2025, 12, 5)),
                (HSE, "李江山", "党支部书记", d(2025, 12, 5)),
            ],
            goals: &[],
            renews: Some(haijiang_first),
        },
    ];
    let db = &services.db;
    let now = services.now();
    for demo in demos {
        let Some(alliance) = db
            .query_one_raw(stmt(
                "SELECT id FROM alliances WHERE name = $1",
                [demo.alliance.into()],
            ))
            .await?
        else {
            continue;
        };
        let alliance: Uuid = alliance.try_get("", "id")?;
        let exists = db
            .query_one_raw(stmt(
                "SELECT 1 AS found FROM agreements WHERE alliance_id = $1 AND title = $2",
                [alliance.into(), demo.title.into()],
            ))
            .await?
            .is_some();
        if exists {
            continue;
        }
        let previous = match demo.renews {
            Some(title) => db
                .query_one_raw(stmt(
                    "SELECT id FROM agreements WHERE alliance_id = $1 AND title = $2",
                    [alliance.into(), title.into()],
                ))
                .await?
                .map(|r| r.try_get::<Uuid>("", "id"))
                .transpose()?,
            None => None,
        };
        let id = Uuid::now_v7();
        db.execute_raw(stmt(
            "INSERT INTO agreements (id, alliance_id, title, body, valid_from, valid_until, status,
                                     previous_agreement_id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'signed', $7, $8, $8)",
            [
                id.into(),
                alliance.into(),
                demo.title.into(),
                demo.body.into(),
                demo.from.into(),
                demo.until.into(),
                previous.into(),
                now.into(),
            ],
        ))
        .await?;
        for (position, (org, name, title, signed)) in demo.parties.iter().enumerate() {
            db.execute_raw(stmt(
                "INSERT INTO agreement_parties (agreement_id, organization_id, position, signatory_name, signatory_position, signed_on)
                 SELECT $1, id, $2, $3, $4, $5 FROM organizations WHERE name = $6",
                [
                    id.into(),
                    i32::try_from(position).unwrap_or(0).into(),
                    (*name).into(),
                    (*title).into(),
                    (*signed).into(),
                    (*org).into(),
                ],
            ))
            .await?;
        }
        for (position, goal) in demo.goals.iter().enumerate() {
            let commitment = Uuid::now_v7();
            db.execute_raw(stmt(
                "INSERT INTO commitments (id, agreement_id, owner_organization_id, position, title, target_text,
                                          target_value, target_unit, progress_value, status, due_on, created_at, updated_at)
                 SELECT $1, $2, id, $3, $4, $5, $6::float8::numeric(14,2), $7, $8::float8::numeric(14,2),
                        CASE WHEN $8 > 0 THEN 'in_progress' ELSE 'open' END, $9, $10, $10
                   FROM organizations WHERE name = $11",
                [
                    commitment.into(),
                    id.into(),
                    i32::try_from(position).unwrap_or(0).into(),
                    goal.title.into(),
                    goal.target.into(),
                    goal.value.into(),
                    goal.unit.into(),
                    goal.done.into(),
                    demo.until.into(),
                    now.into(),
                    goal.owner.into(),
                ],
            ))
            .await?;
            if goal.done > 0.0 {
                db.execute_raw(stmt(
                    "INSERT INTO commitment_notes (id, commitment_id, body, progress_delta, created_at)
                     VALUES ($1, $2, $3, $4::float8::numeric(14,2), $5)",
                    [
                        Uuid::now_v7().into(),
                        commitment.into(),
                        "已按计划开展，详见活动记录。".into(),
                        goal.done.into(),
                        now.into(),
                    ],
                ))
                .await?;
            }
        }
    }
    Ok(())
}
