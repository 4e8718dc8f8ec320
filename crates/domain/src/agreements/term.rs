//! The status clients see, derived from the stored status, the term and the alliance's today.

use crate::entities::agreement;
use crate::kernel::vocab::AgreementStatus;
use chrono::{Datelike, Days, Months, NaiveDate};

/// Where an agreement stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EffectiveStatus {
    /// Not yet signed by every party.
    Draft,
    /// Signed by every party; the term has not started.
    Signed,
    /// Signed, and today is within the term.
    Active,
    /// Signed, and the term's last day has passed.
    Expired,
    /// Ended early.
    Terminated,
}

impl EffectiveStatus {
    pub const ALL: &'static [EffectiveStatus] = &[
        Self::Draft,
        Self::Signed,
        Self::Active,
        Self::Expired,
        Self::Terminated,
    ];

    /// The SQL condition on an `agreements` row (aliased `ag`) for this status, where `today` is
    /// the SQL expression of the alliance's local date.
    pub(crate) fn sql(self, today: &str) -> String {
        match self {
            Self::Draft => "ag.status = 'draft'".to_owned(),
            Self::Terminated => "ag.status = 'terminated'".to_owned(),
            Self::Signed => format!("(ag.status = 'signed' AND ag.valid_from > {today})"),
            Self::Active => format!(
                "(ag.status = 'signed' AND ag.valid_from <= {today} AND ag.valid_until >= {today})"
            ),
            Self::Expired => format!("(ag.status = 'signed' AND ag.valid_until < {today})"),
        }
    }
}

/// The status of `found` on `today` (the alliance's local date).
pub fn effective_status(found: &agreement::Model, today: NaiveDate) -> EffectiveStatus {
    match found.status {
        AgreementStatus::Draft => EffectiveStatus::Draft,
        AgreementStatus::Terminated => EffectiveStatus::Terminated,
        AgreementStatus::Signed if today < found.valid_from => EffectiveStatus::Signed,
        AgreementStatus::Signed if today <= found.valid_until => EffectiveStatus::Active,
        AgreementStatus::Signed => EffectiveStatus::Expired,
    }
}

/// Days from `today` to the term's last day (0 on the last day) while the agreement is signed and
/// not yet expired; `None` for drafts, terminated and expired agreements.
pub fn expires_in_days(found: &agreement::Model, today: NaiveDate) -> Option<i64> {
    matches!(
        effective_status(found, today),
        EffectiveStatus::Signed | EffectiveStatus::Active
    )
    .then(|| (found.valid_until - today).num_days())
}

/// The term that follows `from..=until`: it starts the day after and lasts as long — whole
/// months when the old term was whole months (a year stays a year across leap days), else days.
pub fn renewal_term(from: NaiveDate, until: NaiveDate) -> (NaiveDate, NaiveDate) {
    let next = until + Days::new(1);
    let months = (next.year() - from.year()) * 12 + next.month() as i32 - from.month() as i32;
    if next.day() == from.day() && months > 0 {
        let months = Months::new(u32::try_from(months).unwrap_or(12));
        if let Some(end) = next.checked_add_months(months) {
            return (next, end - Days::new(1));
        }
    }
    let length = (until - from).num_days().max(0);
    (next, next + chrono::Duration::days(length))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_year_is_renewed_as_a_year() {
        assert_eq!(
            renewal_term(d(2024, 1, 1), d(2024, 12, 31)),
            (d(2025, 1, 1), d(2025, 12, 31))
        );
        assert_eq!(
            renewal_term(d(2023, 3, 1), d(2025, 2, 28)),
            (d(2025, 3, 1), d(2027, 2, 28))
        );
        assert_eq!(
            renewal_term(d(2025, 1, 10), d(2025, 1, 19)),
            (d(2025, 1, 20), d(2025, 1, 29))
        );
    }
}
