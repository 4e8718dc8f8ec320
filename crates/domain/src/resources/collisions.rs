//! Overlaps between bookings of one resource. Approved and used bookings never overlap (the
//! `resource_bookings_no_overlap` exclusion constraint); requests may overlap anything that is not
//! approved, and are told which requests they overlap.

use crate::entities::resource_booking;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, on_constraint};
use crate::kernel::ids::global_id;
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult};
use uuid::Uuid;

/// The database's guarantee, as a field error (`OVERLAP`) on `field`.
const NO_OVERLAP: &str = "resource_bookings_no_overlap";

/// An approved or used booking that a slot collides with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collision {
    pub id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Collision {
    /// The field error that names the colliding booking: its global id and its time range.
    pub fn error(&self, field: &str) -> Error {
        Error::invalid(
            field,
            "OVERLAP",
            format!(
                "the slot collides with the approved booking {} from {} to {} (UTC)",
                global_id("ResourceBooking", self.id),
                self.starts_at.to_rfc3339_opts(SecondsFormat::Secs, true),
                self.ends_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            ),
        )
    }
}

/// The first approved or used booking of `resource` (other than `except`) that overlaps
/// [`starts_at`, `ends_at`).
pub(super) async fn approved_collision<C: ConnectionTrait>(
    conn: &C,
    resource: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    except: Option<Uuid>,
) -> Result<Option<Collision>, Error> {
    let row = conn
        .query_one_raw(stmt(
            "SELECT id, starts_at, ends_at FROM resource_bookings
              WHERE resource_id = $1 AND status IN ('approved', 'used')
                AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
                AND ($4::uuid IS NULL OR id <> $4)
              ORDER BY starts_at, id LIMIT 1",
            [
                resource.into(),
                starts_at.into(),
                ends_at.into(),
                except.into(),
            ],
        ))
        .await?;
    row.map(|r| {
        Ok(Collision {
            id: r.try_get("", "id")?,
            starts_at: r.try_get("", "starts_at")?,
            ends_at: r.try_get("", "ends_at")?,
        })
    })
    .transpose()
}

/// The requests (still undecided) of `resource` other than `except` that overlap the slot.
pub(super) async fn overlapping_requests<C: ConnectionTrait>(
    conn: &C,
    resource: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    except: Uuid,
) -> Result<Vec<resource_booking::Model>, Error> {
    Ok(resource_booking::Model::find_by_statement(stmt(
        "SELECT * FROM resource_bookings
          WHERE resource_id = $1 AND status = 'requested' AND id <> $4
            AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
          ORDER BY starts_at, id LIMIT 100",
        [
            resource.into(),
            starts_at.into(),
            ends_at.into(),
            except.into(),
        ],
    ))
    .all(conn)
    .await?)
}

/// A failed write of a booking: the exclusion constraint becomes an `OVERLAP` error on `field`
/// that names the booking it collides with (looked up on `conn`, outside the failed transaction);
/// anything else is classified as usual.
pub(super) async fn on_overlap<C: ConnectionTrait>(
    conn: &C,
    e: DbErr,
    field: &str,
    booking: &resource_booking::Model,
) -> Error {
    let mapped = on_constraint(
        e,
        &[(
            NO_OVERLAP,
            field,
            "OVERLAP",
            "the slot collides with an approved booking",
        )],
    );
    if !matches!(mapped, Error::Invalid(_)) {
        return mapped;
    }
    match approved_collision(
        conn,
        booking.resource_id,
        booking.starts_at,
        booking.ends_at,
        Some(booking.id),
    )
    .await
    {
        Ok(Some(collision)) => collision.error(field),
        _ => mapped,
    }
}
