//! One field of an update: left as it is (absent from the input), cleared (an explicit null), or
//! given a new value. Keeps "null means clear" apart from "not sent means unchanged".

use crate::kernel::error::FieldError;
use crate::kernel::validation;
use sea_orm::ActiveValue;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Patch<T> {
    /// Not in the input: unchanged.
    #[default]
    Keep,
    /// An explicit null: cleared.
    Clear,
    /// A new value.
    Set(T),
}

impl<T> Patch<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Self::Keep => Patch::Keep,
            Self::Clear => Patch::Clear,
            Self::Set(v) => Patch::Set(f(v)),
        }
    }

    /// The new value of a field that cannot be empty: a clear becomes a `REQUIRED` error.
    pub fn required(self, errors: &mut Vec<FieldError>, field: &str) -> Option<T> {
        match self {
            Self::Keep => None,
            Self::Clear => {
                errors.push(FieldError::new(field, "REQUIRED", "cannot be cleared"));
                None
            }
            Self::Set(v) => Some(v),
        }
    }

    /// The column change of a nullable field whose values need no validation.
    pub fn column(self) -> ActiveValue<Option<T>>
    where
        T: Into<sea_orm::Value>,
        Option<T>: Into<sea_orm::Value>,
    {
        match self {
            Self::Keep => ActiveValue::NotSet,
            Self::Clear => ActiveValue::Set(None),
            Self::Set(v) => ActiveValue::Set(Some(v)),
        }
    }
}

impl Patch<String> {
    /// The column change of a nullable text: cleared by null or by a blank string, else trimmed and
    /// checked against `max` characters.
    pub fn text_column(
        self,
        errors: &mut Vec<FieldError>,
        field: &str,
        max: usize,
    ) -> ActiveValue<Option<String>> {
        match self {
            Self::Keep => ActiveValue::NotSet,
            Self::Clear => ActiveValue::Set(None),
            Self::Set(v) => {
                ActiveValue::Set(validation::optional_text(errors, field, Some(&v), max))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_null_and_value_are_three_things() {
        let mut errors = Vec::new();
        assert_eq!(
            Patch::<String>::Keep.text_column(&mut errors, "f", 5),
            ActiveValue::NotSet
        );
        assert_eq!(
            Patch::<String>::Clear.text_column(&mut errors, "f", 5),
            ActiveValue::Set(None)
        );
        assert_eq!(
            Patch::Set("  ab ".to_owned()).text_column(&mut errors, "f", 5),
            ActiveValue::Set(Some("ab".to_owned()))
        );
        assert_eq!(
            Patch::Set("   ".to_owned()).text_column(&mut errors, "f", 5),
            ActiveValue::Set(None)
        );
        assert!(errors.is_empty());
        Patch::Set("too long".to_owned()).text_column(&mut errors, "f", 5);
        assert_eq!(errors[0].code, "TOO_LONG");
        assert_eq!(Patch::<i32>::Clear.required(&mut errors, "name"), None);
        assert_eq!(errors[1].field, "name");
        assert_eq!(errors[1].code, "REQUIRED");
        assert_eq!(
            Patch::Set(3).map(|v| v * 2).required(&mut errors, "n"),
            Some(6)
        );
    }
}
