//! `news` and `newsArticle`: public, no sign-in needed.

use super::types::NewsArticleNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::services;
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use alliance_domain::kernel::ids::AllianceId;
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct NewsQuery;

#[Object]
impl NewsQuery {
    /// The public news: published activities of public alliances, newest published first. Anyone
    /// may read it, signed in or not.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn news(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this alliance's articles (none for a members-only alliance).")]
        alliance_id: Option<ID>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<NewsArticleNode>> {
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?.news().articles(alliance, page).await.gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            NewsArticleNode,
        ))
    }

    /// One public article; null unless it is a published activity of a public alliance.
    async fn news_article(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The article's global id.")] id: ID,
    ) -> async_graphql::Result<Option<NewsArticleNode>> {
        let id = decode(&id, Kind::NewsArticle, "id")?;
        Ok(services(ctx)?
            .news()
            .article(id)
            .await
            .gql()?
            .map(NewsArticleNode))
    }
}
