//! The demo library: the consortium's working rules (trial plan) discussed at its preparatory
//! meeting (report 003). Skipped when the consortium already has a working-rules document.

use super::*;

const RULES: &str = "# 五家省级社会组织党建工作联合体工作规则（试行方案）

1. 联合体在省民政厅社会组织综合党委领导和党建指导员指导下开展工作。
2. 联合体设牵头单位，实行轮值制，每季度轮换一次。
3. 建立联席会议制度，总结交流工作、研究计划安排、协调联合行动。
4. 搭建共学共建交流平台，推动各协会党组织规范化建设和联合体建设。
5. 把党建工作与社会组织建设有效结合，形成党建工作共建共享新模式。
";

pub(super) async fn seed_documents(services: &Services) -> Result<(), Error> {
    let db = &services.db;
    let Some(row) = db
        .query_one_raw(stmt(
            "SELECT id, founded_on FROM alliances WHERE name = $1",
            [CONSORTIUM.into()],
        ))
        .await?
    else {
        return Ok(());
    };
    let alliance: Uuid = row.try_get("", "id")?;
    let founded: Option<NaiveDate> = row.try_get("", "founded_on")?;
    let exists = db
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM documents WHERE alliance_id = $1 AND kind = 'working_rules'",
            [alliance.into()],
        ))
        .await?
        .is_some();
    if exists {
        return Ok(());
    }
    let now = services.now();
    let document = Uuid::now_v7();
    db.execute_raw(stmt(
        "INSERT INTO documents (id, alliance_id, kind, title, created_at, updated_at)
         VALUES ($1, $2, 'working_rules', $3, $4, $4)",
        [
            document.into(),
            alliance.into(),
            "五家省级社会组织党建工作联合体工作规则".into(),
            now.into(),
        ],
    ))
    .await?;
    db.execute_raw(stmt(
        "INSERT INTO document_versions (id, document_id, number, label, body, effective_on, note, created_at)
         VALUES ($1, $2, 1, '试行', $3, $4, $5, $6)",
        [
            Uuid::now_v7().into(),
            document.into(),
            RULES.into(),
            founded.unwrap_or_else(|| services.today()).into(),
            "筹备会议讨论通过的试行方案".into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(())
}
