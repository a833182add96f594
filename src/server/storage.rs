//! Where uploaded files live: outside the web root, behind a small interface so that
//! S3-compatible storage can replace the local directory by configuration.
//! Files are only ever served through handlers that check who asks.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};

/// A stored object's key: `slot/uuid`, nothing that could climb out of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    pub fn new(slot: &str, id: uuid::Uuid) -> Result<Self, io::Error> {
        if slot.is_empty() || !slot.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "invalid storage slot",
            ));
        }
        Ok(Self(format!("{slot}/{id}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A key as stored in a row (`slot/uuid`); `None` for anything else.
    pub fn parse(stored: &str) -> Option<Self> {
        let (slot, id) = stored.split_once('/')?;
        Self::new(slot, uuid::Uuid::parse_str(id).ok()?).ok()
    }
}

pub trait Storage: Send + Sync {
    fn put(&self, key: &Key, bytes: Vec<u8>) -> impl Future<Output = io::Result<()>> + Send;
    fn get(&self, key: &Key) -> impl Future<Output = io::Result<Option<Vec<u8>>>> + Send;
    fn delete(&self, key: &Key) -> impl Future<Output = io::Result<()>> + Send;
}

/// Files in a local directory (default: `$B2BIZEN_DATA_DIR/uploads`).
#[derive(Debug, Clone)]
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.root.join(Path::new(key.as_str()))
    }
}

impl Storage for LocalStorage {
    /// Writes to a temporary file, then renames: readers never see half a file.
    async fn put(&self, key: &Key, bytes: Vec<u8>) -> io::Result<()> {
        let path = self.path(key);
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await
    }

    async fn get(&self, key: &Key) -> io::Result<Option<Vec<u8>>> {
        match tokio::fs::read(self.path(key)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err),
        }
    }

    async fn delete(&self, key: &Key) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(key)).await {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }
}

/// An object store (`s3://bucket/prefix` for S3-compatible services, or any URL the
/// `object_store` crate knows), under a prefix.
#[derive(Debug, Clone)]
pub struct ObjectStorage {
    store: std::sync::Arc<dyn object_store::ObjectStore>,
    prefix: object_store::path::Path,
}

fn io(err: object_store::Error) -> io::Error {
    match err {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, err),
        other => io::Error::other(other),
    }
}

impl ObjectStorage {
    /// Builds the store from its URL and options (`aws_region`, `aws_endpoint`…). Nothing
    /// is contacted yet.
    pub fn from_url(
        url: &str,
        options: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, io::Error> {
        let url =
            url::Url::parse(url).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let (store, prefix) = object_store::parse_url_opts(&url, options).map_err(io)?;
        Ok(Self {
            store: store.into(),
            prefix,
        })
    }

    fn path(&self, key: &Key) -> object_store::path::Path {
        key.as_str()
            .split('/')
            .fold(self.prefix.clone(), |path, part| path.join(part))
    }
}

impl Storage for ObjectStorage {
    async fn put(&self, key: &Key, bytes: Vec<u8>) -> io::Result<()> {
        use object_store::ObjectStoreExt;
        self.store
            .put(&self.path(key), bytes.into())
            .await
            .map(drop)
            .map_err(io)
    }

    async fn get(&self, key: &Key) -> io::Result<Option<Vec<u8>>> {
        use object_store::ObjectStoreExt;
        match self.store.get(&self.path(key)).await {
            Ok(found) => Ok(Some(found.bytes().await.map_err(io)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(io(err)),
        }
    }

    async fn delete(&self, key: &Key) -> io::Result<()> {
        use object_store::ObjectStoreExt;
        match self.store.delete(&self.path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(io(err)),
        }
    }
}

/// The storage the app uses, chosen by configuration.
#[derive(Debug, Clone)]
pub enum FileStore {
    Local(LocalStorage),
    Object(ObjectStorage),
}

impl Storage for FileStore {
    async fn put(&self, key: &Key, bytes: Vec<u8>) -> io::Result<()> {
        match self {
            FileStore::Local(s) => s.put(key, bytes).await,
            FileStore::Object(s) => s.put(key, bytes).await,
        }
    }

    async fn get(&self, key: &Key) -> io::Result<Option<Vec<u8>>> {
        match self {
            FileStore::Local(s) => s.get(key).await,
            FileStore::Object(s) => s.get(key).await,
        }
    }

    async fn delete(&self, key: &Key) -> io::Result<()> {
        match self {
            FileStore::Local(s) => s.delete(key).await,
            FileStore::Object(s) => s.delete(key).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn put_get_delete_round_trip() {
        let root = std::env::temp_dir().join(format!("b2bizen-storage-{}", uuid::Uuid::new_v4()));
        let store = LocalStorage::new(&root);
        let key = Key::new("cv", uuid::Uuid::new_v4()).unwrap();
        assert_eq!(store.get(&key).await.unwrap(), None);
        store.put(&key, b"%PDF-1.7".to_vec()).await.unwrap();
        assert_eq!(
            store.get(&key).await.unwrap().as_deref(),
            Some(&b"%PDF-1.7"[..])
        );
        store.put(&key, b"%PDF-2.0".to_vec()).await.unwrap();
        assert_eq!(
            store.get(&key).await.unwrap().as_deref(),
            Some(&b"%PDF-2.0"[..])
        );
        let leftovers = std::fs::read_dir(root.join("cv")).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files left behind");
        store.delete(&key).await.unwrap();
        store.delete(&key).await.unwrap();
        assert_eq!(store.get(&key).await.unwrap(), None);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[tokio::test]
    async fn object_store_round_trip_under_a_prefix() {
        let root = std::env::temp_dir().join(format!("b2bizen-object-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&root).unwrap();
        let url = format!("file://{}/uploads", root.display());
        let store = FileStore::Object(ObjectStorage::from_url(&url, Vec::new()).unwrap());
        let key = Key::new("cv", uuid::Uuid::new_v4()).unwrap();
        assert_eq!(store.get(&key).await.unwrap(), None);
        store.put(&key, b"%PDF-1.7".to_vec()).await.unwrap();
        assert_eq!(
            store.get(&key).await.unwrap().as_deref(),
            Some(&b"%PDF-1.7"[..])
        );
        assert!(root.join("uploads").join(key.as_str()).is_file());
        store.delete(&key).await.unwrap();
        store.delete(&key).await.unwrap();
        assert_eq!(store.get(&key).await.unwrap(), None);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn s3_urls_are_understood_without_network() {
        let options = [
            ("aws_region".to_string(), "eu-west-3".to_string()),
            ("aws_access_key_id".to_string(), "id".to_string()),
            ("aws_secret_access_key".to_string(), "secret".to_string()),
        ];
        assert!(ObjectStorage::from_url("s3://b2bizen-uploads/prod", options).is_ok());
        assert!(ObjectStorage::from_url("ftp://nowhere", Vec::new()).is_err());
    }

    #[test]
    fn keys_cannot_escape_the_store() {
        let id = uuid::Uuid::new_v4();
        assert!(Key::new("../etc", id).is_err());
        assert!(Key::new("photo/x", id).is_err());
        assert!(Key::new("", id).is_err());
        assert_eq!(
            Key::new("photo", id).unwrap().as_str(),
            format!("photo/{id}")
        );
    }
}
