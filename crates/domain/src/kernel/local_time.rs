//! Local time of an alliance. Instants are stored and served in UTC; calendar dates ("today", a
//! membership's first day, a due date, the first day of a lead term) are dates in the alliance's
//! time zone, and a date begins at that zone's midnight.

use crate::kernel::error::Error;
use chrono::{DateTime, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone of an alliance that names none, and of a deployment that configures none.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// Parses an IANA zone name (`Asia/Shanghai`, `Europe/Berlin`, `UTC`); `field` names the input.
pub fn parse_zone(field: &str, name: &str) -> Result<Tz, Error> {
    name.trim().parse::<Tz>().map_err(|_| {
        Error::invalid(
            field,
            "INVALID_TIME_ZONE",
            "not a known IANA time zone name, e.g. Asia/Shanghai",
        )
    })
}

/// Every zone name [`parse_zone`] accepts (canonical names and links).
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())
}

/// The zone stored for an alliance; a stored name that no longer parses falls back to the default.
pub fn zone_or_default(name: &str) -> Tz {
    name.parse::<Tz>().unwrap_or(chrono_tz::Asia::Shanghai)
}

/// The calendar date of `instant` in `zone`.
pub fn local_date(instant: DateTime<Utc>, zone: Tz) -> NaiveDate {
    instant.with_timezone(&zone).date_naive()
}

/// The instant `date` begins in `zone`: its local midnight, or the first local instant of the day
/// when a daylight-saving change skips midnight.
pub fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let mut time = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A gap is at most a few hours long; step through it a quarter hour at a time.
    for _ in 0..=16 {
        match zone.from_local_datetime(&time) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => time += chrono::Duration::minutes(15),
        }
    }
    Utc.from_utc_datetime(&time)
}

/// SQL for the current date in the zone named by the SQL expression `zone` (e.g. an alliance's
/// `time_zone` column), as of the `timestamptz` parameter `now` (e.g. `$3`). Postgres and this
/// module read the same IANA names.
pub(crate) fn today_sql(now: &str, zone: &str) -> String {
    format!("(({now}::timestamptz AT TIME ZONE {zone})::date)")
}

/// SQL for the current date of the alliance whose id is the SQL expression `alliance`, as of the
/// `timestamptz` parameter `now`: for rows that do not join the alliance themselves.
pub(crate) fn alliance_today_sql(now: &str, alliance: &str) -> String {
    format!(
        "(SELECT ({now}::timestamptz AT TIME ZONE z.time_zone)::date FROM alliances z WHERE z.id = {alliance})"
    )
}

impl crate::Services {
    /// Today in the deployment's zone: for dates that belong to no alliance, such as a person's
    /// membership of an organization.
    pub fn today(&self) -> NaiveDate {
        local_date(self.now(), self.config.time_zone)
    }

    /// Today in the zone of the alliance stored with `zone_name`.
    pub fn today_in(&self, zone_name: &str) -> NaiveDate {
        local_date(self.now(), zone_or_default(zone_name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn beijing_midnight_is_sixteen_hundred_utc_the_day_before() {
        let shanghai = parse_zone("timeZone", "Asia/Shanghai").unwrap();
        let start = start_of_day(d(2027, 1, 1), shanghai);
        assert_eq!(start.to_rfc3339(), "2026-12-31T16:00:00+00:00");
        assert_eq!(local_date(start, shanghai), d(2027, 1, 1));
        let just_before = start - chrono::Duration::seconds(1);
        assert_eq!(local_date(just_before, shanghai), d(2026, 12, 31));
        assert_eq!(just_before.date_naive(), d(2026, 12, 31));
        // 01:00 UTC on 1 January is already the afternoon... of 1 January in Beijing, while 17:00
        // UTC on 31 December is 1 January too.
        let evening_utc = Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).unwrap();
        assert_eq!(local_date(evening_utc, shanghai), d(2027, 1, 1));
    }

    #[test]
    fn a_skipped_midnight_starts_the_day_at_its_first_instant() {
        // Santiago moves its clocks from 00:00 to 01:00 on 2026-09-06.
        let santiago = parse_zone("timeZone", "America/Santiago").unwrap();
        let start = start_of_day(d(2026, 9, 6), santiago);
        assert_eq!(local_date(start, santiago), d(2026, 9, 6));
        assert_eq!(
            start.with_timezone(&santiago).format("%H:%M").to_string(),
            "01:00"
        );
    }

    #[test]
    fn unknown_zones_are_named_by_field() {
        match parse_zone("timeZone", "Mars/Olympus") {
            Err(Error::Invalid(fields)) => {
                assert_eq!(fields[0].field, "timeZone");
                assert_eq!(fields[0].code, "INVALID_TIME_ZONE");
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        assert_eq!(zone_or_default("garbage"), chrono_tz::Asia::Shanghai);
        assert_eq!(parse_zone("timeZone", " UTC ").unwrap(), chrono_tz::UTC);
    }
}
