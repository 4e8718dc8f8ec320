//! Atom 1.0 (RFC 4287) feeds of the news, written by hand: a few elements, every text escaped.

use super::article_id;
use super::html::esc;
use super::markdown;
use alliance_domain::news::NewsArticle;
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

pub struct FeedHead {
    /// A permanent IRI for the feed.
    pub id: String,
    pub title: String,
    pub self_url: String,
}

fn date(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn feed(base: &str, head: &FeedHead, articles: &[NewsArticle], now: DateTime<Utc>) -> String {
    let updated = articles.iter().map(|a| a.published_at).max().unwrap_or(now);
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\
<id>{id}</id><title>{title}</title><updated>{updated}</updated>\
<link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\
<link rel=\"alternate\" type=\"text/html\" href=\"{base}/news\"/><generator>Alliance</generator>",
        id = esc(&head.id),
        title = esc(&head.title),
        updated = date(updated),
        self_url = esc(&head.self_url),
        base = esc(base),
    );
    for a in articles {
        let url = format!("{base}/news/{}", article_id(a.id));
        let _ = write!(
            out,
            "<entry><id>{url}</id><title>{title}</title><updated>{published}</updated><published>{published}</published>\
<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/><author><name>{author}</name></author>\
<category term=\"{kind}\" label=\"{label}\"/>",
            url = esc(&url),
            title = esc(&a.title),
            published = date(a.published_at),
            author = esc(&a.alliance_name),
            kind = a.kind.as_str(),
            label = a.kind.label_zh(),
        );
        if let Some(summary) = &a.summary {
            let _ = write!(out, "<summary>{}</summary>", esc(summary));
        }
        if let Some(cover) = &a.cover {
            let _ = write!(
                out,
                "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"{}\"/>",
                esc(&format!("{base}/media/public/{}/web", cover.media_id))
            );
        }
        let _ = write!(
            out,
            "<content type=\"html\">{}</content></entry>",
            esc(&markdown::to_html(&a.report))
        );
    }
    out.push_str("</feed>\n");
    out
}
