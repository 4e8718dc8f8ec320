//! Removes metadata (EXIF with its GPS position, XMP, comments, text chunks) from an original
//! photo without re-encoding it. The thumbnail and web copies are re-encoded and carry none.
//! `None`: the file's structure is not what we expect; the caller keeps the bytes it has (they
//! were decoded successfully, so they are an image).

pub(crate) fn without_metadata(content_type: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    match content_type {
        "image/jpeg" => jpeg(bytes),
        "image/png" => png(bytes),
        "image/webp" => webp(bytes),
        _ => None,
    }
}

/// Drops APP1–APP15 segments (EXIF, XMP, vendor data) and comments; keeps APP0 (JFIF) and every
/// segment that describes the picture. The orientation is lost with EXIF, so a rotated photo's
/// original shows unrotated; the web and thumbnail copies have it applied.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = vec![0xFF, 0xD8];
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        // Start of scan: the entropy-coded data and the rest follow as they are.
        if marker == 0xDA {
            out.extend_from_slice(bytes.get(at..)?);
            return Some(out);
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let end = at + 2 + len;
        let segment = bytes.get(at..end)?;
        let metadata = (0xE1..=0xEF).contains(&marker) || marker == 0xFE;
        if !metadata {
            out.extend_from_slice(segment);
        }
        at = end;
    }
}

/// Drops `eXIf`, `tEXt`, `zTXt`, `iTXt` and `tIME` chunks.
fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if bytes.get(..8)? != SIGNATURE {
        return None;
    }
    let mut out = SIGNATURE.to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let len = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = bytes.get(at + 4..at + 8)?;
        let end = at.checked_add(12)?.checked_add(len)?;
        let chunk = bytes.get(at..end)?;
        if !matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME") {
            out.extend_from_slice(chunk);
        }
        at = end;
    }
    Some(out)
}

/// Drops `EXIF` and `XMP ` chunks and clears their flags in `VP8X`.
fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut body = Vec::new();
    let mut at = 12;
    while at < bytes.len() {
        let kind = bytes.get(at..at + 4)?;
        let len = u32::from_le_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?) as usize;
        let padded = len + (len & 1);
        let end = (at + 8 + padded).min(bytes.len());
        let mut chunk = bytes.get(at..end)?.to_vec();
        if kind == b"VP8X" {
            // Flags byte: bit 3 EXIF, bit 2 XMP.
            *chunk.get_mut(8)? &= !0b0000_1100;
        }
        if !matches!(kind, b"EXIF" | b"XMP ") {
            body.extend_from_slice(&chunk);
        }
        at = end;
    }
    let size = u32::try_from(body.len() + 4).ok()?;
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn jpeg_exif_is_dropped_and_the_picture_kept() {
        let mut plain = Vec::new();
        image::DynamicImage::new_rgb8(8, 8)
            .write_to(
                &mut std::io::Cursor::new(&mut plain),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        // An APP1 "Exif" segment right after SOI.
        let mut with_exif = plain[..2].to_vec();
        let payload = b"Exif\0\0GPS-secret";
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        with_exif.extend_from_slice(payload);
        with_exif.extend_from_slice(&plain[2..]);
        let stripped = super::without_metadata("image/jpeg", &with_exif).unwrap();
        assert!(!stripped.windows(10).any(|w| w == b"GPS-secret"));
        assert!(image::load_from_memory(&stripped).is_ok());
    }
}
