//! Demo photos drawn in code (no downloads), stored through the same pipeline as an upload
//! (checked, thumbnails made, objects written, rows in one transaction). Idempotent: an activity
//! that has media already gets none. Called by the activities' demo data for its published
//! activities (e.g. the flame-retardant company's symposium and the plaque unveiling).

use crate::Services;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use crate::media::MediaOwnerKind;
use crate::policy::principal::{Principal, UserPrincipal};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// A demo photo: its file name and the colours of its two bands.
pub struct DemoPhoto {
    pub name: &'static str,
    pub top: [u8; 3],
    pub bottom: [u8; 3],
}

/// A 1200 × 800 JPEG: two bands and a diagonal, enough to tell photos apart in the gallery.
fn draw(photo: &DemoPhoto) -> Result<Vec<u8>, Error> {
    let image = image::RgbImage::from_fn(1200, 800, |x, y| {
        if (x * 2 / 3).abs_diff(y) < 6 {
            image::Rgb([255, 255, 255])
        } else if y < 400 {
            image::Rgb(photo.top)
        } else {
            image::Rgb(photo.bottom)
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .map_err(Error::internal)?;
    Ok(out)
}

/// Adds `photos` to the activity as uploaded by `uploader`, unless it has media already; the
/// first becomes its cover.
pub async fn seed_activity_photos(
    services: &Services,
    activity: Uuid,
    uploader: Uuid,
    photos: &[DemoPhoto],
) -> Result<(), Error> {
    let existing = services
        .db
        .query_one_raw(stmt(
            "SELECT count(*) AS n FROM media WHERE activity_id = $1",
            [activity.into()],
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    if existing > 0 || photos.is_empty() {
        return Ok(());
    }
    // The seed acts with every right, like the platform admin it is.
    let seeder = Principal::User(UserPrincipal::new(UserId(uploader), None, true));
    let mut upload = services
        .media()
        .start_upload(&seeder, MediaOwnerKind::Activity, activity)
        .await?;
    for (i, photo) in photos.iter().enumerate() {
        upload
            .add(&format!("file.{i}"), photo.name, draw(photo)?)
            .await?;
    }
    let rows = upload.commit().await?;
    if let Some(first) = rows.first() {
        services
            .db
            .execute_raw(stmt(
                "UPDATE activities SET cover_media_id = $2 WHERE id = $1 AND cover_media_id IS NULL",
                [activity.into(), first.id.into()],
            ))
            .await?;
    }
    Ok(())
}
