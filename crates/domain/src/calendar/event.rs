//! One meeting as an iCalendar `VEVENT`: what a phone's calendar shows — the host as organizer,
//! the accepted agenda in the description with the meeting's page and online link, and a reminder
//! 30 minutes before the start.

use super::Calendars;
use crate::entities::meeting;
use crate::kernel::error::Error;
use crate::kernel::vocab::{AgendaItemStatus, MeetingStatus};
use crate::notifications::render::Language;
use crate::policy::principal::Principal;
use chrono::Duration;
use icalendar::{Alarm, Component, Event, EventLike, EventStatus, Property, Trigger};
use std::collections::HashMap;
use uuid::Uuid;

/// How long before the start the calendar reminds.
pub const REMINDER_BEFORE: Duration = Duration::minutes(30);

/// What an event tells beyond the meeting's own row, loaded with the reader's rights.
#[derive(Debug, Default)]
pub(super) struct Details {
    host: Option<(Uuid, String)>,
    agenda: Vec<AgendaLine>,
}

#[derive(Debug)]
struct AgendaLine {
    title: String,
    presenter: Option<String>,
    minutes: Option<i32>,
}

/// The words of an event's description, in the reader's language.
struct Words {
    host: &'static str,
    agenda: &'static str,
    minutes: &'static str,
    page: &'static str,
    online: &'static str,
    reminder: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::Chinese => Words {
            host: "主办单位",
            agenda: "议程",
            minutes: "分钟",
            page: "会议页面",
            online: "线上会议",
            reminder: "会议将于30分钟后开始",
        },
        Language::English => Words {
            host: "Host",
            agenda: "Agenda",
            minutes: "min",
            page: "Meeting page",
            online: "Online",
            reminder: "The meeting starts in 30 minutes",
        },
    }
}

impl Calendars<'_> {
    /// The host and the accepted agenda of each meeting, as `principal` may read them (one
    /// statement per kind, whatever the number of meetings).
    pub(super) async fn details(
        &self,
        principal: &Principal,
        meetings: &[meeting::Model],
    ) -> Result<HashMap<Uuid, Details>, Error> {
        let ids: Vec<Uuid> = meetings.iter().map(|m| m.id).collect();
        let agenda = self.meetings().agenda_of_meetings(principal, &ids).await?;
        let mut organizations: Vec<Uuid> = meetings
            .iter()
            .filter_map(|m| m.host_organization_id)
            .chain(
                agenda
                    .values()
                    .flatten()
                    .filter_map(|i| i.presenter_organization_id),
            )
            .collect();
        organizations.sort_unstable();
        organizations.dedup();
        let names: HashMap<Uuid, String> = self
            .organizations()
            .organizations_visible(principal, &organizations)
            .await?
            .into_iter()
            .map(|(id, o)| (id, o.name))
            .collect();
        let name_of = |id: Option<Uuid>| id.and_then(|id| names.get(&id).cloned());
        Ok(meetings
            .iter()
            .map(|m| {
                let lines = agenda
                    .get(&m.id)
                    .into_iter()
                    .flatten()
                    .filter(|i| i.status == AgendaItemStatus::Accepted)
                    .map(|i| AgendaLine {
                        title: i.title.clone(),
                        presenter: name_of(i.presenter_organization_id),
                        minutes: i.minutes_allotted,
                    })
                    .collect();
                let host = m
                    .host_organization_id
                    .and_then(|id| names.get(&id).map(|name| (id, name.clone())));
                (
                    m.id,
                    Details {
                        host,
                        agenda: lines,
                    },
                )
            })
            .collect())
    }
}

/// The event's description: host, numbered agenda, the meeting's page and its online link.
fn description(found: &meeting::Model, details: &Details, page_url: &str, words: &Words) -> String {
    let mut lines = Vec::new();
    if let Some((_, host)) = &details.host {
        lines.push(format!("{}: {host}", words.host));
    }
    if !details.agenda.is_empty() {
        lines.push(format!("{}:", words.agenda));
        for (n, item) in details.agenda.iter().enumerate() {
            let mut line = format!("{}. {}", n + 1, item.title);
            let extra: Vec<String> = item
                .presenter
                .iter()
                .cloned()
                .chain(item.minutes.map(|m| format!("{m} {}", words.minutes)))
                .collect();
            if !extra.is_empty() {
                line.push_str(&format!(" ({})", extra.join(", ")));
            }
            lines.push(line);
        }
    }
    lines.push(format!("{}: {page_url}", words.page));
    if let Some(link) = &found.online_url {
        lines.push(format!("{}: {link}", words.online));
    }
    lines.join("\n")
}

pub(super) fn event(
    found: &meeting::Model,
    alliance_name: &str,
    public_url: &str,
    details: &Details,
    language: Language,
) -> Event {
    let words = words(language);
    let page_url = super::meeting_url(public_url, found.id);
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@alliance", found.id))
        .summary(&format!("{}：{}", alliance_name, found.title))
        .starts(found.starts_at)
        .ends(found.ends_at)
        .timestamp(found.updated_at)
        .add_property("URL", &page_url)
        .description(&description(found, details, &page_url, &words))
        .status(if found.status == MeetingStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if let Some(location) = found.location.as_deref().or(found.online_url.as_deref()) {
        event.location(location);
    }
    if let Some((host_id, host)) = &details.host {
        // A calendar address must be a URI; the host's page is one, and gives away no one's mail.
        let mut organizer = Property::new(
            "ORGANIZER",
            format!(
                "{}/organizations/{}",
                public_url.trim_end_matches('/'),
                crate::kernel::ids::global_id("Organization", *host_id)
            ),
        );
        organizer.add_parameter("CN", host);
        event.append_property(organizer);
    }
    if found.status != MeetingStatus::Cancelled {
        let mut alarm = Alarm::display(words.reminder, Trigger::before_start(REMINDER_BEFORE));
        // Written out so that the file is the same on every fetch (the library would stamp the
        // time of writing and a random UID).
        alarm
            .add_property("UID", format!("meeting-{}-reminder@alliance", found.id))
            .timestamp(found.updated_at);
        event.alarm(alarm);
    }
    event.done()
}
