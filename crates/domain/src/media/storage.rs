//! Where the bytes of photos and files live: an `object_store` behind one small type. A local
//! directory by default, an S3-compatible bucket when configured, memory for tests that do not
//! look at the bytes. Keys are UUIDs (never names: `Path::from` would percent-encode them).

use crate::kernel::error::Error;
use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::sync::Arc;

/// The connection settings of an S3-compatible store (`ALLIANCE_S3_*`).
#[derive(Clone)]
pub struct S3Settings {
    /// e.g. `https://s3.example.com` or `http://127.0.0.1:9000`; plain http is allowed for it.
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub access_key: String,
    pub secret_key: String,
}

impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// An object store for media; cheap to clone.
#[derive(Clone)]
pub struct MediaStore {
    store: Arc<dyn ObjectStore>,
    description: String,
}

impl std::fmt::Debug for MediaStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description)
    }
}

impl MediaStore {
    pub fn in_memory() -> Self {
        Self {
            store: Arc::new(object_store::memory::InMemory::new()),
            description: "memory".into(),
        }
    }

    /// A directory (created if missing).
    pub fn local(dir: &std::path::Path) -> Result<Self, Error> {
        std::fs::create_dir_all(dir).map_err(Error::internal)?;
        let store = object_store::local::LocalFileSystem::new_with_prefix(dir)
            .map_err(Error::internal)?
            // Objects are written to a temporary file and renamed, so a reader never sees half.
            .with_automatic_cleanup(true);
        Ok(Self {
            store: Arc::new(store),
            description: format!("local directory {}", dir.display()),
        })
    }

    /// An S3-compatible bucket. Installs ring as the TLS crypto provider if none is yet.
    pub fn s3(settings: &S3Settings) -> Result<Self, Error> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let store = object_store::aws::AmazonS3Builder::new()
            .with_endpoint(&settings.endpoint)
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region)
            .with_access_key_id(&settings.access_key)
            .with_secret_access_key(&settings.secret_key)
            .with_allow_http(settings.endpoint.starts_with("http://"))
            .with_virtual_hosted_style_request(false)
            .build()
            .map_err(Error::internal)?;
        Ok(Self {
            store: Arc::new(store),
            description: format!("S3 bucket {} at {}", settings.bucket, settings.endpoint),
        })
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), Error> {
        self.store
            .put(&Path::from(key), PutPayload::from(bytes))
            .await
            .map_err(Error::internal)?;
        Ok(())
    }

    /// The object's bytes as a stream, or `None` when it is not there.
    pub async fn get(
        &self,
        key: &str,
    ) -> Result<Option<(u64, BoxStream<'static, Result<Bytes, Error>>)>, Error> {
        match self.store.get(&Path::from(key)).await {
            Ok(found) => {
                let size = found.meta.size;
                let stream = found.into_stream().map(|r| r.map_err(Error::internal));
                Ok(Some((size, stream.boxed())))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(Error::internal(e)),
        }
    }

    /// Deletes an object; one that is gone already is fine.
    pub async fn delete(&self, key: &str) -> Result<(), Error> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(Error::internal(e)),
        }
    }

    /// Deletes every key, trying all of them; the first error is returned.
    pub async fn delete_all(&self, keys: &[String]) -> Result<(), Error> {
        let mut first = None;
        for key in keys {
            if let Err(e) = self.delete(key).await {
                tracing::warn!(key, error = %e, "could not delete a media object");
                first.get_or_insert(e);
            }
        }
        first.map_or(Ok(()), Err)
    }

    /// Every key in the store (for tests and checks).
    pub async fn keys(&self) -> Result<Vec<String>, Error> {
        let mut keys = Vec::new();
        let mut listing = self.store.list(None);
        while let Some(meta) = listing.next().await {
            keys.push(meta.map_err(Error::internal)?.location.to_string());
        }
        keys.sort();
        Ok(keys)
    }
}
