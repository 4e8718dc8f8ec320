//! Keyset pagination by time-ordered id: `WHERE id > after ORDER BY id LIMIT first + 1`.

use crate::kernel::error::Error;
use uuid::Uuid;

pub const DEFAULT_PAGE: u64 = 20;
pub const MAX_PAGE: u64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    pub first: u64,
    pub after: Option<Uuid>,
    /// Whether the caller wants the total across pages; when not, lists skip counting and
    /// answer 0 for it (the API asks only when `totalCount` is selected).
    pub count: bool,
}

impl PageRequest {
    /// `first` must be within 0..=100; the answer names the argument.
    pub fn new(first: Option<i32>, after: Option<Uuid>) -> Result<Self, Error> {
        let first = match first {
            None => DEFAULT_PAGE,
            Some(n) if (0..=MAX_PAGE as i32).contains(&n) => n as u64,
            Some(_) => {
                return Err(Error::invalid(
                    "first",
                    "OUT_OF_RANGE",
                    format!("`first` must be between 0 and {MAX_PAGE}"),
                ));
            }
        };
        Ok(Self {
            first,
            after,
            count: true,
        })
    }

    /// The same page, without counting the total.
    pub fn without_count(self) -> Self {
        Self {
            count: false,
            ..self
        }
    }

    /// Rows to fetch: one more than asked, to learn whether there is a next page.
    pub fn limit(&self) -> u64 {
        self.first + 1
    }
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_next: bool,
    pub has_previous: bool,
}

impl<T> Page<T> {
    /// Cuts the extra row fetched by `PageRequest::limit`.
    pub fn from_rows(mut rows: Vec<T>, request: PageRequest) -> Self {
        let has_next = rows.len() as u64 > request.first;
        rows.truncate(request.first as usize);
        Self {
            items: rows,
            has_next,
            has_previous: request.after.is_some(),
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            has_next: self.has_next,
            has_previous: self.has_previous,
        }
    }
}

/// Runs `query` as one keyset page in id order, with the total across pages.
pub async fn page_by_id<E, C>(
    conn: &C,
    query: sea_orm::Select<E>,
    id: E::Column,
    page: PageRequest,
) -> Result<(Page<E::Model>, u64), Error>
where
    E: sea_orm::EntityTrait,
    C: sea_orm::ConnectionTrait,
    E::Model: Send + Sync,
{
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
    let mut ordered = query.clone();
    if let Some(after) = page.after {
        ordered = ordered.filter(id.gt(after));
    }
    let ordered = ordered.order_by_asc(id).limit(page.limit());
    let (rows, total) = rows_and_count(conn, &query, ordered, page).await?;
    Ok((Page::from_rows(rows, page), total))
}

/// The rows of `ordered` (a page: `filtered` with its cursor, order and limit) and, when `page`
/// asks for the total, the number of rows of `filtered` across pages, in one statement rather
/// than two:
///
/// ```sql
/// SELECT c.num_items, p.* FROM (SELECT COUNT(*) AS num_items FROM (<filtered>) AS sub_query) AS c
/// LEFT JOIN LATERAL (SELECT <columns>, TRUE AS page_row FROM … <ordered>) AS p ON TRUE
/// ```
///
/// Postgres plans the count and the page as before (each subquery on its own); the left join
/// keeps the count when the page is empty (one row whose `page_row` is null).
pub async fn rows_and_count<E, C>(
    conn: &C,
    filtered: &sea_orm::Select<E>,
    ordered: sea_orm::Select<E>,
    page: PageRequest,
) -> Result<(Vec<E::Model>, u64), Error>
where
    E: sea_orm::EntityTrait,
    C: sea_orm::ConnectionTrait,
    E::Model: Send + Sync,
{
    use sea_orm::sea_query::{Asterisk, Expr, JoinType, SelectStatement};
    use sea_orm::{FromQueryResult, QuerySelect, QueryTrait};
    if !page.count {
        return Ok((ordered.all(conn).await?, 0));
    }
    let count = SelectStatement::new()
        .expr(Expr::cust("COUNT(*) AS num_items"))
        .from_subquery(
            filtered.clone().into_query().clear_order_by().to_owned(),
            "sub_query",
        )
        .to_owned();
    let rows = ordered.expr_as(Expr::cust("TRUE"), "page_row").into_query();
    let statement = SelectStatement::new()
        .column(("c", "num_items"))
        .column(("p", Asterisk))
        .from_subquery(count, "c")
        .join_lateral(JoinType::LeftJoin, rows, "p", Expr::cust("TRUE"))
        .to_owned();
    let mut total = 0;
    let mut models = Vec::new();
    for row in conn.query_all(&statement).await? {
        total = row.try_get::<i64>("", "num_items")?;
        if row.try_get::<Option<bool>>("", "page_row")?.is_some() {
            models.push(E::Model::from_query_result(&row, "")?);
        }
    }
    Ok((models, u64::try_from(total).unwrap_or(0)))
}
