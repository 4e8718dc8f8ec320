//! Field checks shared by the services; each failure names the field.

use crate::kernel::error::FieldError;

/// Trimmed non-empty text of at most `max` characters.
pub fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, "REQUIRED", "must not be empty"));
    } else if value.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "TOO_LONG",
            format!("must be at most {max} characters"),
        ));
    }
    value.to_owned()
}

/// Optional text: blank becomes `None`.
pub fn optional_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    if value.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "TOO_LONG",
            format!("must be at most {max} characters"),
        ));
    }
    Some(value.to_owned())
}

/// A lower-cased e-mail address, or an `INVALID` error.
pub fn email(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) -> Option<String> {
    let value = value
        .map(str::trim)
        .filter(|v| !v.is_empty())?
        .to_lowercase();
    let valid = value.len() <= 254
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && !value.chars().any(char::is_whitespace)
        && value.matches('@').count() == 1;
    if !valid {
        errors.push(FieldError::new(
            field,
            "INVALID",
            "is not a valid e-mail address",
        ));
    }
    Some(value)
}

/// A mobile number: optional `+`, then 6–20 digits (spaces and dashes dropped).
pub fn phone(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) -> Option<String> {
    let value: String = value?.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if value.is_empty() {
        return None;
    }
    let digits = value.strip_prefix('+').unwrap_or(&value);
    if !(6..=20).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        errors.push(FieldError::new(
            field,
            "INVALID",
            "is not a valid mobile number",
        ));
    }
    Some(value)
}

pub fn finish(errors: Vec<FieldError>) -> Result<(), crate::Error> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::Error::Invalid(errors))
    }
}

/// Longest link accepted anywhere.
pub const MAX_URL_LENGTH: usize = 2048;

/// The one validator for links that people will open (a meeting's online link; the links of
/// media and news later must use it too). Blank becomes `None`. A link must be `http` or
/// `https`, name a host, carry no user name or password, contain no whitespace or control
/// characters, and be at most 2,048 characters; anything else (`javascript:`, `data:`, …) is an
/// `INVALID_URL` error naming the field.
pub fn url(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let problem = if value.chars().count() > MAX_URL_LENGTH {
        Some(format!("must be at most {MAX_URL_LENGTH} characters"))
    } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("must not contain spaces or control characters".to_owned())
    } else {
        match url::Url::parse(value) {
            Err(_) => Some("is not a valid link".to_owned()),
            Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") => {
                Some("must be an http or https link".to_owned())
            }
            Ok(parsed) if parsed.host_str().is_none_or(str::is_empty) => {
                Some("must name a host".to_owned())
            }
            Ok(parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
                Some("must not contain a user name or password".to_owned())
            }
            Ok(_) => None,
        }
    };
    if let Some(problem) = problem {
        errors.push(FieldError::new(field, "INVALID_URL", problem));
    }
    Some(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str) -> Option<&'static str> {
        let mut errors = Vec::new();
        url(&mut errors, "onlineUrl", Some(value));
        errors.first().map(|e| {
            assert_eq!(e.field, "onlineUrl");
            e.code
        })
    }

    #[test]
    fn only_plain_http_links_pass() {
        assert_eq!(check("https://meeting.example.org/j/123?pwd=x"), None);
        assert_eq!(check("http://10.0.0.1:8080/room"), None);
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/file",
            "https://user:secret@example.org/",
            "https://user@example.org/",
            "https://exa mple.org/",
            "https://example.org/\u{0007}",
            "meeting.example.org",
            "//example.org",
        ] {
            assert_eq!(check(bad), Some("INVALID_URL"), "{bad}");
        }
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_LENGTH));
        assert_eq!(check(&long), Some("INVALID_URL"));
    }
}
