//! The news pages: plain HTML with a little CSS, no script; Chinese first, with the English word
//! beside. Everything from the database is escaped here, once, through [`esc`].

use super::markdown;
use super::{article_id, encode_cursor};
use alliance_domain::kernel::local_time::zone_or_default;
use alliance_domain::kernel::pagination::Page;
use alliance_domain::news::{NewsArticle, NewsPhoto};
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;\
color:#222;background:#f6f6f6;line-height:1.7}header,main,footer{max-width:760px;margin:0 auto;padding:12px 16px}\
header{display:flex;justify-content:space-between;align-items:center;border-bottom:3px solid #c8102e;background:#fff}\
header a{color:#c8102e;text-decoration:none;font-weight:600}article,li.card{background:#fff;border-radius:6px;\
padding:16px;margin:12px 0}ul.list{list-style:none;padding:0}h1{font-size:1.5em;line-height:1.35}h2{font-size:1.2em;margin:0}\
h2 a{color:#222;text-decoration:none}.meta{color:#666;font-size:.9em}img{max-width:100%;height:auto;border-radius:4px}\
figure{margin:12px 0}figcaption{color:#666;font-size:.9em}nav.pages{display:flex;justify-content:space-between;margin:16px 0}\
footer{color:#595959;font-size:.85em}\
.skip{position:absolute;left:8px;top:8px;padding:8px 12px;background:#fff;color:#c8102e;transform:translateY(-200%)}\
.skip:focus{transform:none}a:focus-visible{outline:3px solid #1677ff;outline-offset:2px}#main:focus{outline:none}";

fn local(at: DateTime<Utc>, zone: &str) -> String {
    at.with_timezone(&zone_or_default(zone))
        .format("%Y年%m月%d日 %H:%M")
        .to_string()
}

fn photo_url(base: &str, photo: &NewsPhoto, variant: &str) -> String {
    format!("{base}/media/public/{}/{variant}", photo.media_id)
}

struct Head<'a> {
    title: &'a str,
    description: &'a str,
    canonical: &'a str,
    image: Option<String>,
    kind: &'a str,
}

fn page(base: &str, head: &Head<'_>, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><meta name=\"description\" content=\"{description}\">\
<link rel=\"canonical\" href=\"{canonical}\">\
<link rel=\"alternate\" type=\"application/atom+xml\" title=\"新闻动态 · News\" href=\"{base}/news/feed.atom\">\
<meta property=\"og:type\" content=\"{kind}\"><meta property=\"og:title\" content=\"{title}\">\
<meta property=\"og:description\" content=\"{description}\"><meta property=\"og:url\" content=\"{canonical}\">\
<meta property=\"og:locale\" content=\"zh_CN\">",
        title = esc(head.title),
        description = esc(head.description),
        canonical = esc(head.canonical),
        base = esc(base),
        kind = head.kind,
    );
    if let Some(image) = &head.image {
        let _ = write!(
            out,
            "<meta property=\"og:image\" content=\"{}\">",
            esc(image)
        );
    }
    let _ = write!(
        out,
        "<style>{STYLE}</style></head><body><a class=\"skip\" href=\"#main\">跳到主要内容 <small>Skip to content</small></a><header><a href=\"{base}/news\">新闻动态 <small>News</small></a>\
<a href=\"{base}/login\">登录 <small>Sign in</small></a></header><main id=\"main\" tabindex=\"-1\">{body}</main>\
<footer>党建联盟 · Alliance — <a href=\"{base}/news/feed.atom\">订阅 Atom</a></footer></body></html>",
        base = esc(base),
    );
    out
}

/// `/news`: the newest articles, one page.
pub fn list(base: &str, articles: &Page<NewsArticle>, has_previous: bool) -> String {
    let mut body = String::from("<h1>新闻动态 <small>News</small></h1>");
    if articles.items.is_empty() {
        body.push_str("<p>暂无新闻。<small>No news yet.</small></p>");
    }
    body.push_str("<ul class=\"list\">");
    for a in &articles.items {
        let href = format!("{base}/news/{}", article_id(a.id));
        let _ = write!(body, "<li class=\"card\">");
        if let Some(cover) = &a.cover {
            let _ = write!(
                body,
                "<a href=\"{href}\"><img src=\"{src}\" alt=\"{alt}\" loading=\"lazy\"></a>",
                href = esc(&href),
                src = esc(&photo_url(base, cover, "thumbnail")),
                alt = esc(cover.caption.as_deref().unwrap_or(&a.title)),
            );
        }
        let _ = write!(
            body,
            "<h2><a href=\"{href}\">{title}</a></h2><p class=\"meta\">{alliance} · {kind} · {when}</p>",
            href = esc(&href),
            title = esc(&a.title),
            alliance = esc(&a.alliance_name),
            kind = a.kind.label_zh(),
            when = esc(&local(a.starts_at, &a.time_zone)),
        );
        let summary = a
            .summary
            .clone()
            .unwrap_or_else(|| markdown::plain(&a.report, 120));
        if !summary.is_empty() {
            let _ = write!(body, "<p>{}</p>", esc(&summary));
        }
        body.push_str("</li>");
    }
    body.push_str("</ul><nav class=\"pages\">");
    if has_previous {
        let _ = write!(
            body,
            "<a href=\"{}/news\">« 最新 <small>Newest</small></a>",
            esc(base)
        );
    } else {
        body.push_str("<span></span>");
    }
    if articles.has_next
        && let Some(last) = articles.items.last()
    {
        let _ = write!(
            body,
            "<a href=\"{}/news?after={}\">下一页 <small>Next</small> »</a>",
            esc(base),
            encode_cursor(last.id)
        );
    }
    body.push_str("</nav>");
    let canonical = format!("{base}/news");
    page(
        base,
        &Head {
            title: "新闻动态 · News",
            description: "党建联盟共建活动新闻 · News of the alliances' joint activities",
            canonical: &canonical,
            image: articles
                .items
                .iter()
                .find_map(|a| a.cover.as_ref())
                .map(|c| photo_url(base, c, "web")),
            kind: "website",
        },
        &body,
    )
}

/// `/news/{id}`: one article.
pub fn article(base: &str, a: &NewsArticle) -> String {
    let canonical = format!("{base}/news/{}", article_id(a.id));
    let description = a
        .summary
        .clone()
        .unwrap_or_else(|| markdown::plain(&a.report, 150));
    let mut body = String::new();
    let _ = write!(
        body,
        "<article><h1>{title}</h1><p class=\"meta\">{alliance} · {kind}<br>\
时间 <small>When</small>：{when}",
        title = esc(&a.title),
        alliance = esc(&a.alliance_name),
        kind = a.kind.label_zh(),
        when = esc(&local(a.starts_at, &a.time_zone)),
    );
    if let Some(place) = &a.location {
        let _ = write!(body, "<br>地点 <small>Where</small>：{}", esc(place));
    }
    if !a.organizers.is_empty() {
        let names: Vec<String> = a.organizers.iter().map(|n| esc(n)).collect();
        let _ = write!(
            body,
            "<br>组织单位 <small>Organizers</small>：{}",
            names.join("、")
        );
    }
    let _ = write!(
        body,
        "<br>发布于 <small>Published</small>：<time datetime=\"{iso}\">{when}</time></p>",
        iso = a.published_at.to_rfc3339(),
        when = esc(&local(a.published_at, &a.time_zone)),
    );
    if let Some(cover) = &a.cover {
        body.push_str(&figure(base, cover, &a.title));
    }
    if let Some(summary) = &a.summary {
        let _ = write!(body, "<p><strong>{}</strong></p>", esc(summary));
    }
    body.push_str(&markdown::to_html(&a.report));
    if let Some(outcomes) = &a.outcomes {
        let _ = write!(
            body,
            "<h2>成效 <small>Outcomes</small></h2><p>{}</p>",
            esc(outcomes)
        );
    }
    for photo in a.photos.iter().skip(1) {
        body.push_str(&figure(base, photo, &a.title));
    }
    let _ = write!(
        body,
        "</article><p><a href=\"{}/news\">« 返回新闻动态 <small>All news</small></a></p>",
        esc(base)
    );
    page(
        base,
        &Head {
            title: &a.title,
            description: &description,
            canonical: &canonical,
            image: a.cover.as_ref().map(|c| photo_url(base, c, "web")),
            kind: "article",
        },
        &body,
    )
}

fn figure(base: &str, photo: &NewsPhoto, fallback_alt: &str) -> String {
    let size = match (photo.width, photo.height) {
        (Some(w), Some(h)) => format!(" width=\"{w}\" height=\"{h}\""),
        _ => String::new(),
    };
    let caption = photo
        .caption
        .as_deref()
        .map(|c| format!("<figcaption>{}</figcaption>", esc(c)))
        .unwrap_or_default();
    format!(
        "<figure><img src=\"{src}\" alt=\"{alt}\"{size} loading=\"lazy\">{caption}</figure>",
        src = esc(&photo_url(base, photo, "web")),
        alt = esc(photo.caption.as_deref().unwrap_or(fallback_alt)),
    )
}

pub fn not_found(base: &str) -> String {
    let canonical = format!("{base}/news");
    page(
        base,
        &Head {
            title: "未找到 · Not found",
            description: "这篇新闻不存在或已撤下 · This article does not exist or was withdrawn",
            canonical: &canonical,
            image: None,
            kind: "website",
        },
        "<h1>未找到 <small>Not found</small></h1><p>这篇新闻不存在或已撤下。<small>This article does not exist or was withdrawn.</small></p>",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            super::esc("<a href=\"x\" onclick='y'>&"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
    }
}
