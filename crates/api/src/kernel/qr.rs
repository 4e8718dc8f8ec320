//! Check-in links as QR codes, drawn on the server so every client (the web app, a printed sheet,
//! an integration) shows the same code without a QR library of its own.

use crate::kernel::error::internal;

/// `text` (a check-in link) as an SVG document of a QR code, at least 240 × 240.
pub fn qr_svg(text: &str) -> async_graphql::Result<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| internal(&e.to_string()))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .build())
}
