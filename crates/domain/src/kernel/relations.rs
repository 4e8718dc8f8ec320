//! Batched child lists for DataLoaders: one statement for the children of many parents, each
//! parent's list cut to its page with a window function.

use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::pagination::PageRequest;
use sea_orm::{ConnectionTrait, EntityTrait, FromQueryResult, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// `from` is a FROM clause (table and joins) whose rows have an `id`, and `parent` the expression
/// naming each row's parent; `filter` may use `$3` onwards from `values`.
pub(crate) struct ChildQuery<'a> {
    pub select: &'a str,
    pub from: &'a str,
    pub parent: &'a str,
    pub filter: &'a str,
    pub values: Vec<Value>,
}

pub(crate) async fn children<E, C>(
    conn: &C,
    query: ChildQuery<'_>,
    parents: &[Uuid],
    page: PageRequest,
) -> Result<HashMap<Uuid, Vec<E::Model>>, Error>
where
    E: EntityTrait,
    E::Model: FromQueryResult,
    C: ConnectionTrait,
{
    let ChildQuery {
        select,
        from,
        parent,
        filter,
        values,
    } = query;
    let n = values.len();
    let sql = format!(
        "SELECT * FROM (SELECT {select}, {parent} AS parent_id,
                row_number() OVER (PARTITION BY {parent} ORDER BY t.id) AS row_number
           FROM {from} WHERE {parent} = ANY($1) AND ($2::uuid IS NULL OR t.id > $2) AND ({filter})) numbered
         WHERE row_number <= ${} ORDER BY id",
        n + 3
    );
    let mut all: Vec<Value> = vec![parents.to_vec().into(), page.after.into()];
    all.extend(values);
    all.push(i64::try_from(page.limit()).unwrap_or(i64::MAX).into());
    let rows = conn.query_all_raw(stmt(&sql, all)).await?;
    let mut grouped: HashMap<Uuid, Vec<E::Model>> = HashMap::new();
    for row in rows {
        let parent_id: Uuid = row.try_get("", "parent_id")?;
        grouped
            .entry(parent_id)
            .or_default()
            .push(E::Model::from_query_result(&row, "")?);
    }
    Ok(grouped)
}

/// Counts per parent for `totalCount`, with the same FROM, parent and filter as `children`
/// (`filter` numbered from `$3`, as there).
pub(crate) async fn counts<C: ConnectionTrait>(
    conn: &C,
    from: &str,
    parent: &str,
    filter: &str,
    parents: &[Uuid],
    values: Vec<Value>,
) -> Result<HashMap<Uuid, i64>, Error> {
    let sql = format!(
        "SELECT {parent} AS parent_id, count(DISTINCT t.id) AS n FROM {from}
          WHERE {parent} = ANY($1) AND $2::uuid IS NULL AND ({filter}) GROUP BY {parent}"
    );
    let mut all: Vec<Value> = vec![parents.to_vec().into(), Option::<Uuid>::None.into()];
    all.extend(values);
    let rows = conn.query_all_raw(stmt(&sql, all)).await?;
    let mut out = HashMap::new();
    for row in rows {
        out.insert(
            row.try_get::<Uuid>("", "parent_id")?,
            row.try_get::<i64>("", "n")?,
        );
    }
    Ok(out)
}
