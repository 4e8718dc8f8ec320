//! What an uploaded file is, decided by its bytes, and the copies made of a photo: a thumbnail
//! and a web-sized JPEG with the orientation applied (re-encoded, so without metadata), the
//! original with its metadata removed, the taken-at time from EXIF. CPU-heavy: run it with
//! `spawn_blocking`.

use crate::kernel::error::FieldError;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// Photos larger than this many pixels are refused (a decompression bomb is a few KB of PNG
/// that decodes to gigabytes).
pub const MAX_PIXELS: u64 = 50_000_000;
const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
const THUMBNAIL_SIDE: u32 = 400;
const WEB_SIDE: u32 = 1600;

/// A file ready to store.
#[derive(Debug, Clone)]
pub struct Processed {
    /// `photo` or `file`.
    pub kind: &'static str,
    pub content_type: &'static str,
    /// The original (photos: metadata removed).
    pub original: Vec<u8>,
    /// The original's size in bytes.
    pub byte_size: usize,
    pub thumbnail: Option<Vec<u8>>,
    pub web: Option<Vec<u8>>,
    pub sha256: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// When the photo was taken, from EXIF (`None`: no EXIF date).
    pub taken_at: Option<DateTime<Utc>>,
}

/// What an owner takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Photos only (an activity).
    Photos,
    /// Photos and PDFs (an agreement's signed scan).
    PhotosAndPdf,
    /// Photos, PDFs, Word (`.docx`) and Excel (`.xlsx`) files (a document version).
    Documents,
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The content types a media item may have, and whether it is a photo.
fn sniff(bytes: &[u8]) -> Option<(&'static str, bool)> {
    match infer::get(bytes)?.mime_type() {
        "image/jpeg" => Some(("image/jpeg", true)),
        "image/png" => Some(("image/png", true)),
        "image/webp" => Some(("image/webp", true)),
        "application/pdf" => Some(("application/pdf", false)),
        DOCX => Some((DOCX, false)),
        XLSX => Some((XLSX, false)),
        _ => None,
    }
}

/// Checks and processes one file. `field` names it in errors (`file.2`); `accept` says which
/// types the owner takes.
pub fn process(
    field: &str,
    name: &str,
    bytes: Vec<u8>,
    accept: Accept,
) -> Result<Processed, FieldError> {
    let refused = |what: &str| {
        FieldError::new(
            field,
            "UNSUPPORTED_TYPE",
            format!("{name}: {what} (decided by its content, not its name)"),
        )
    };
    let Some((content_type, is_photo)) = sniff(&bytes) else {
        return Err(refused(match accept {
            Accept::Photos => "not a JPEG, PNG or WebP photo",
            Accept::PhotosAndPdf => "not a JPEG, PNG, WebP or PDF file",
            Accept::Documents => "not a PDF, Word (.docx), Excel (.xlsx), JPEG, PNG or WebP file",
        }));
    };
    let office = content_type == DOCX || content_type == XLSX;
    if accept == Accept::Photos && !is_photo {
        return Err(refused("only photos (JPEG, PNG, WebP) can be added here"));
    }
    if accept == Accept::PhotosAndPdf && office {
        return Err(refused(
            "only PDFs and photos (JPEG, PNG, WebP) can be added here",
        ));
    }
    if !is_photo {
        return Ok(Processed {
            kind: "file",
            content_type,
            sha256: sha256_hex(&bytes),
            byte_size: bytes.len(),
            original: bytes,
            thumbnail: None,
            web: None,
            width: None,
            height: None,
            taken_at: None,
        });
    }
    let corrupt = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => FieldError::new(
            field,
            "IMAGE_TOO_LARGE",
            format!("{name}: the image is too large to process (at most {MAX_PIXELS} pixels)"),
        ),
        other => FieldError::new(
            field,
            "CORRUPT_IMAGE",
            format!("{name}: the image cannot be read ({other})"),
        ),
    };
    let mut reader = ImageReader::new(Cursor::new(&bytes[..]))
        .with_guessed_format()
        .map_err(|e| corrupt(image::ImageError::IoError(e)))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(corrupt(image::ImageError::Limits(
            image::error::LimitError::from_kind(image::error::LimitErrorKind::DimensionError),
        )));
    }
    let orientation = decoder.orientation().map_err(corrupt)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    image.apply_orientation(orientation);
    let taken_at = exif_taken_at(&bytes);
    let original = super::strip::without_metadata(content_type, &bytes).unwrap_or(bytes);
    let thumbnail = jpeg(&image.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE), 80).map_err(corrupt)?;
    let web = if image.width().max(image.height()) > WEB_SIDE {
        image.resize(WEB_SIDE, WEB_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image.clone()
    };
    let web = jpeg(&web, 85).map_err(corrupt)?;
    Ok(Processed {
        kind: "photo",
        content_type,
        sha256: sha256_hex(&original),
        byte_size: original.len(),
        original,
        thumbnail: Some(thumbnail),
        web: Some(web),
        width: i32::try_from(image.width()).ok(),
        height: i32::try_from(image.height()).ok(),
        taken_at,
    })
}

fn jpeg(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    let rgb = image.to_rgb8();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(&rgb)?;
    Ok(out)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `DateTimeOriginal` (or `DateTime`), in its `OffsetTimeOriginal` offset, else in Asia/Shanghai:
/// phones write local time without an offset, and our users take photos in China.
fn exif_taken_at(bytes: &[u8]) -> Option<DateTime<Utc>> {
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()?;
    let ascii = |tag: exif::Tag| -> Option<Vec<u8>> {
        match &exif.get_field(tag, exif::In::PRIMARY)?.value {
            exif::Value::Ascii(values) => values.first().cloned(),
            _ => None,
        }
    };
    let raw = ascii(exif::Tag::DateTimeOriginal).or_else(|| ascii(exif::Tag::DateTime))?;
    let mut dt = exif::DateTime::from_ascii(&raw).ok()?;
    if let Some(offset) = ascii(exif::Tag::OffsetTimeOriginal) {
        let _ = dt.parse_offset(&offset);
    }
    let local =
        NaiveDate::from_ymd_opt(i32::from(dt.year), u32::from(dt.month), u32::from(dt.day))?
            .and_hms_opt(
                u32::from(dt.hour),
                u32::from(dt.minute),
                u32::from(dt.second),
            )?;
    match dt.offset {
        Some(minutes) => chrono::FixedOffset::east_opt(i32::from(minutes) * 60)?
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc)),
        None => chrono_tz::Asia::Shanghai
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        DynamicImage::new_rgb8(w, h)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_photo_gets_a_thumbnail_and_a_web_copy() {
        let p = process("file.0", "a.png", png(2000, 1000), Accept::Photos).unwrap();
        assert_eq!(p.kind, "photo");
        assert_eq!((p.width, p.height), (Some(2000), Some(1000)));
        let thumb = image::load_from_memory(p.thumbnail.as_ref().unwrap()).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (400, 200));
        let web = image::load_from_memory(p.web.as_ref().unwrap()).unwrap();
        assert_eq!((web.width(), web.height()), (1600, 800));
    }

    #[test]
    fn bytes_decide_the_type() {
        let e = process(
            "file.0",
            "x.jpg",
            b"MZ not a photo at all".to_vec(),
            Accept::Documents,
        )
        .unwrap_err();
        assert_eq!(e.code, "UNSUPPORTED_TYPE");
        let pdf = process(
            "file.0",
            "x.jpg",
            b"%PDF-1.4\n%%EOF".to_vec(),
            Accept::PhotosAndPdf,
        )
        .unwrap();
        assert_eq!(pdf.content_type, "application/pdf");
        let e = process(
            "file.0",
            "x.pdf",
            b"%PDF-1.4\n%%EOF".to_vec(),
            Accept::Photos,
        )
        .unwrap_err();
        assert_eq!(e.code, "UNSUPPORTED_TYPE");
        let docx = office_zip("word/document.xml");
        assert_eq!(
            process("file.0", "a.pdf", docx.clone(), Accept::Documents)
                .unwrap()
                .content_type,
            DOCX
        );
        let xlsx = office_zip("xl/workbook.xml");
        assert_eq!(
            process("file.0", "a", xlsx, Accept::Documents)
                .unwrap()
                .content_type,
            XLSX
        );
        let e = process("file.0", "a.docx", docx, Accept::PhotosAndPdf).unwrap_err();
        assert_eq!(e.code, "UNSUPPORTED_TYPE");
    }

    /// The start of an Office Open XML zip whose first entry is `entry`.
    fn office_zip(entry: &str) -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&[0u8; 26]);
        bytes.extend_from_slice(entry.as_bytes());
        bytes.extend_from_slice(&[0u8; 64]);
        bytes
    }

    #[test]
    fn corrupt_and_huge_images_are_refused() {
        let mut cut = png(100, 100);
        cut.truncate(cut.len() / 2);
        assert_eq!(
            process("file.0", "a.png", cut, Accept::Photos)
                .unwrap_err()
                .code,
            "CORRUPT_IMAGE"
        );
        for (w, h) in [(10_000, 10_000), (40_000, 40_000)] {
            assert_eq!(
                process("file.0", "a.png", png_claiming(w, h), Accept::Photos)
                    .unwrap_err()
                    .code,
                "IMAGE_TOO_LARGE",
                "{w}x{h}"
            );
        }
    }

    /// A tiny PNG whose header claims `w` × `h` pixels: a decompression bomb's shape.
    fn png_claiming(w: u32, h: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&w.to_be_bytes());
        bytes[20..24].copy_from_slice(&h.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for byte in data {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
