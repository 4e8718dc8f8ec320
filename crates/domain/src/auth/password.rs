//! argon2id password hashing off the async runtime, with a cap on concurrent hashes.

use crate::kernel::error::{Error, FieldError};
use argon2::password_hash::{
    PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use tokio::sync::{OnceCell, Semaphore};

pub const MIN_LENGTH: usize = 8;
pub const MAX_LENGTH: usize = 128;

#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    /// Verified against when the login names no account, so that both answers take the same time.
    dummy_hash: Arc<OnceCell<String>>,
}

fn argon2() -> Result<Argon2<'static>, Error> {
    // DESIGN.md §4: m = 19 MiB, t = 2, p = 1.
    let params =
        Params::new(19 * 1024, 2, 1, None).map_err(|e| Error::Internal(e.to_string().into()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Checks a new password's length; the answer names the field.
pub fn validate_new(field: &str, password: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        Err(FieldError::new(
            field,
            "TOO_SHORT",
            format!("must be at least {MIN_LENGTH} characters"),
        ))
    } else if chars > MAX_LENGTH {
        Err(FieldError::new(
            field,
            "TOO_LONG",
            format!("must be at most {MAX_LENGTH} characters"),
        ))
    } else {
        Ok(())
    }
}

impl Passwords {
    pub fn new(max_concurrent: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            dummy_hash: Arc::new(OnceCell::new()),
        }
    }

    pub async fn hash(&self, password: &str) -> Result<String, Error> {
        let _permit = self.permits.acquire().await.map_err(Error::internal)?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()?
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| Error::Internal(e.to_string().into()))
        })
        .await
        .map_err(Error::internal)?
    }

    /// True when `password` matches `hash`. With no hash (unknown user), a dummy is checked so
    /// that the time taken does not tell whether the account exists.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, Error> {
        let (hash, real) = match hash {
            Some(h) => (h.to_owned(), true),
            None => (self.dummy().await?, false),
        };
        let _permit = self.permits.acquire().await.map_err(Error::internal)?;
        let password = password.to_owned();
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash).is_ok_and(|parsed| {
                argon2().is_ok_and(|a| a.verify_password(password.as_bytes(), &parsed).is_ok())
            })
        })
        .await
        .map_err(Error::internal)?;
        Ok(matches && real)
    }

    async fn dummy(&self) -> Result<String, Error> {
        self.dummy_hash
            .get_or_try_init(|| async { self.hash("not-a-real-password-ever").await })
            .await
            .cloned()
    }
}
