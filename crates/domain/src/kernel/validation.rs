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
