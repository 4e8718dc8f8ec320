//! Notification texts in the reader's language, from the kind and the stored parameters.
//!
//! Parameters by kind: `meeting_scheduled`, `meeting_changed`, `meeting_rescheduled`,
//! `meeting_cancelled`, `agenda_deadline`, `minutes_submitted`, `minutes_returned`,
//! `minutes_approved`: `alliance`, `meeting`; `agenda_item_proposed`: `alliance`, `meeting`, `item`;
//! `agenda_item_decided`: `alliance`, `meeting`, `item`, `accepted`; `action_item_assigned`: `alliance`, `item`; `action_item_due`: `alliance`, `item`,
//! `dueOn` (a local date), `overdue`; `lead_term_starting`: `alliance`, `reason` (`upcoming` or
//! `handover`: the outgoing lead submitted its report); `booking_requested`: `resource`,
//! `organization` (the requester); `booking_decided`: `resource`, `decision` (`approved` or
//! `declined`).
//! `handover`: the outgoing lead submitted its report); `agreement_expiring`: `alliance`, `agreement`
//! (its title), `until` (its last local day); `activity_published`: `alliance`, `activity` (its
//! theme).

use crate::entities::notification;
use crate::kernel::vocab::NotificationKind;
use serde_json::Value;

/// The languages texts exist in; anything else reads Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Chinese,
    English,
}

impl Language {
    /// From a `users.locale` value (`zh-CN`, `en`).
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("en") {
            Self::English
        } else {
            Self::Chinese
        }
    }
}

/// The notification's text for a reader of `language`.
pub fn title(n: &notification::Model, language: Language) -> String {
    let Some(kind) = NotificationKind::parse(&n.kind) else {
        return n.title.clone().unwrap_or_default();
    };
    let is_empty = n.params.as_object().is_none_or(|o| o.is_empty());
    if is_empty && let Some(stored) = &n.title {
        // Written before texts were parameters, about something that no longer exists.
        return stored.clone();
    }
    render(kind, &n.params, language)
}

fn text<'a>(params: &'a Value, key: &str) -> &'a str {
    params.get(key).and_then(Value::as_str).unwrap_or("")
}

pub fn render(kind: NotificationKind, params: &Value, language: Language) -> String {
    use Language::{Chinese, English};
    use NotificationKind as K;
    let alliance = text(params, "alliance");
    let meeting = text(params, "meeting");
    let item = text(params, "item");
    let due_on = text(params, "dueOn");
    let overdue = params
        .get("overdue")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let handover = text(params, "reason") == "handover";
    let accepted = params
        .get("accepted")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let agreement = text(params, "agreement");
    let until = text(params, "until");
    let activity = text(params, "activity");
    match (kind, language) {
        (K::MeetingScheduled, Chinese) => format!("{alliance}：已安排会议「{meeting}」"),
        (K::MeetingScheduled, English) => format!("{alliance}: meeting scheduled: {meeting}"),
        (K::MeetingChanged, Chinese) => format!("{alliance}：会议「{meeting}」有变更"),
        (K::MeetingChanged, English) => format!("{alliance}: meeting changed: {meeting}"),
        (K::MeetingRescheduled, Chinese) => format!("{alliance}：会议「{meeting}」已改期"),
        (K::MeetingRescheduled, English) => format!("{alliance}: meeting rescheduled: {meeting}"),
        (K::MeetingCancelled, Chinese) => format!("{alliance}：会议「{meeting}」已取消"),
        (K::MeetingCancelled, English) => format!("{alliance}: meeting cancelled: {meeting}"),
        (K::AgendaItemProposed, Chinese) => {
            format!("{alliance}：会议「{meeting}」收到新议题「{item}」，待您审定")
        }
        (K::AgendaItemProposed, English) => {
            format!("{alliance}: new agenda proposal for {meeting}: {item}")
        }
        (K::AgendaItemDecided, Chinese) if accepted => {
            format!("{alliance}：您提出的议题「{item}」已列入会议「{meeting}」")
        }
        (K::AgendaItemDecided, Chinese) => {
            format!("{alliance}：您提出的议题「{item}」未列入会议「{meeting}」")
        }
        (K::AgendaItemDecided, English) if accepted => {
            format!("{alliance}: your proposal {item} is on the agenda of {meeting}")
        }
        (K::AgendaItemDecided, English) => {
            format!("{alliance}: your proposal {item} was not accepted for {meeting}")
        }
        (K::MinutesSubmitted, Chinese) => {
            format!("{alliance}：会议「{meeting}」的纪要已提交，待您审核")
        }
        (K::MinutesSubmitted, English) => {
            format!("{alliance}: minutes of {meeting} are waiting for your approval")
        }
        (K::MinutesReturned, Chinese) => {
            format!("{alliance}：会议「{meeting}」的纪要被退回修改")
        }
        (K::MinutesReturned, English) => {
            format!("{alliance}: minutes of {meeting} were returned for changes")
        }
        (K::MinutesApproved, Chinese) => format!("{alliance}：会议「{meeting}」的纪要已审定"),
        (K::MinutesApproved, English) => format!("{alliance}: minutes of {meeting} approved"),
        (K::AgendaDeadline, Chinese) => {
            format!("{alliance}：会议「{meeting}」的议题征集即将截止")
        }
        (K::AgendaDeadline, English) => {
            format!("{alliance}: agenda proposals for {meeting} close soon")
        }
        (K::ActionItemAssigned, Chinese) => format!("{alliance}：新的任务「{item}」"),
        (K::ActionItemAssigned, English) => format!("{alliance}: new action item: {item}"),
        (K::ActionItemDue, Chinese) if overdue => format!("任务「{item}」已逾期（{due_on} 到期）"),
        (K::ActionItemDue, Chinese) => format!("任务「{item}」即将到期（{due_on}）"),
        (K::ActionItemDue, English) if overdue => {
            format!("Action item overdue (due {due_on}): {item}")
        }
        (K::ActionItemDue, English) => format!("Action item due {due_on}: {item}"),
        (K::LeadTermStarting, Chinese) if handover => {
            format!("{alliance}：上一轮值单位已提交交接报告")
        }
        (K::LeadTermStarting, Chinese) => format!("{alliance}：本单位即将轮值牵头"),
        (K::LeadTermStarting, English) if handover => {
            format!("{alliance}: the outgoing lead submitted its handover report")
        }
        (K::LeadTermStarting, English) => format!("{alliance}: your organization leads next"),
        (K::BookingRequested, Chinese) => {
            format!(
                "{}申请使用共享资源「{}」",
                text(params, "organization"),
                text(params, "resource")
            )
        }
        (K::BookingRequested, English) => format!(
            "{} requests the shared resource {}",
            text(params, "organization"),
            text(params, "resource")
        ),
        (K::BookingDecided, Chinese) if text(params, "decision") == "approved" => {
            format!("共享资源「{}」的预约已获批准", text(params, "resource"))
        }
        (K::BookingDecided, Chinese) => {
            format!("共享资源「{}」的预约未获批准", text(params, "resource"))
        }
        (K::BookingDecided, English) if text(params, "decision") == "approved" => {
            format!("Your booking of {} was approved", text(params, "resource"))
        }
        (K::BookingDecided, English) => {
            format!("Your booking of {} was declined", text(params, "resource"))
        }
        (K::AgreementExpiring, Chinese) => {
            format!("{alliance}：共建协议「{agreement}」将于 {until} 到期，请及时续签")
        }
        (K::AgreementExpiring, English) => {
            format!("{alliance}: agreement {agreement} ends on {until}; renew it in time")
        }
        (K::ActivityPublished, Chinese) => {
            format!("{alliance}：本单位参与组织的活动「{activity}」已发布")
        }
        (K::ActivityPublished, English) => {
            format!("{alliance}: an activity your organization organizes was published: {activity}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_reads_in_both_languages_without_the_other() {
        let params = json!({ "alliance": "联盟", "meeting": "例会", "item": "任务甲", "dueOn": "2027-01-01", "overdue": true, "reason": "upcoming" });
        for kind in NotificationKind::ALL {
            let zh = render(*kind, &params, Language::Chinese);
            let en = render(*kind, &params, Language::English);
            assert!(!zh.contains(" / ") && !en.contains(" / "), "{zh} | {en}");
            assert_ne!(zh, en);
            assert!(
                en.chars()
                    .filter(|c| !c.is_ascii())
                    .all(|c| "联盟例会任务甲".contains(c)),
                "{en}"
            );
        }
        assert_eq!(
            render(NotificationKind::ActionItemDue, &params, Language::English),
            "Action item overdue (due 2027-01-01): 任务甲"
        );
        assert_eq!(Language::from_locale("en"), Language::English);
        assert_eq!(Language::from_locale("zh-CN"), Language::Chinese);
    }
}
