//! Argon2id password hashing with the OWASP parameters (19 MiB, 2 passes, 1 lane).
//!
//! Every hash and every verification passes one process-wide [`Gate`]: at most one per
//! core at a time, so that a burst of anonymous requests (sign-in, sign-up, reset) costs
//! at most a few times 19 MiB and queues instead of exhausting memory; a caller that
//! cannot get its turn within [`WAIT`] gets [`AppError::Unavailable`] (503).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

use crate::error::AppError;

pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;
/// How long a request waits for its turn to hash before it is answered 503.
pub const WAIT: Duration = Duration::from_secs(3);

/// A bounded number of concurrent hashes, each on a blocking thread.
pub struct Gate {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl Gate {
    pub fn new(permits: usize, wait: Duration) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(permits)),
            wait,
        }
    }

    /// Runs `work` once a permit is free, waiting `wait` at most. The permit goes with
    /// the work, not with the caller: a client that hangs up does not free it while its
    /// hash still runs.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let permit = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| {
                tracing::warn!("password hashing saturated: request refused");
                AppError::Unavailable
            })?
            .map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        })
        .await
        .map_err(|_| AppError::Internal)
    }
}

/// The process's gate: one hash per core.
fn gate() -> &'static Gate {
    static GATE: OnceLock<Gate> = OnceLock::new();
    GATE.get_or_init(|| {
        return_large_blocks_to_the_system();
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Gate::new(cores, WAIT)
    })
}

/// glibc raises its mmap threshold to the largest block freed so far (up to 32 MiB):
/// after the first hash, every 19 MiB Argon2 block came from the arena of the thread
/// that hashed and stayed there once freed, each blocking thread keeping its own; a burst
/// of sign-ins grew a server from 193 MiB to 2.5 GB. Setting the threshold turns that
/// adjustment off: blocks of 4 MiB and more get their own mapping, returned to the
/// system when freed (a page-fault cost of a few milliseconds per hash).
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a parameter of the allocator, under its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    }
}

fn hasher() -> Argon2<'static> {
    let params =
        Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|err| {
            tracing::error!(error = %err, "password hashing failed");
            AppError::Internal
        })
}

/// Hashes off the async threads, through the gate: Argon2 is deliberately slow.
pub async fn hash(password: String) -> Result<String, AppError> {
    gate().run(move || hash_blocking(&password)).await?
}

/// A hash of nothing in particular, checked when the account does not exist so that
/// unknown e-mails take as long as wrong passwords.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("b2bizen-dummy-password").expect("dummy hash"))
}

/// Checks `password` against `stored`; with no stored hash, spends the same time and
/// fails. `Unavailable` when the gate is saturated.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    gate()
        .run(move || {
            let exists = stored.is_some();
            let encoded = stored.unwrap_or_else(|| dummy_hash().to_string());
            let Ok(parsed) = PasswordHash::new(&encoded) else {
                tracing::error!("unparseable password hash in database");
                return false;
            };
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
                && exists
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_with_owasp_parameters_and_verifies() {
        let h = hash("une phrase de passe".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("une phrase de passe".into(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!verify("une autre phrase".into(), Some(h)).await.unwrap());
        assert!(!verify("b2bizen-dummy-password".into(), None).await.unwrap());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashes_beyond_the_limit_wait_then_get_503() {
        let gate = Arc::new(Gate::new(2, Duration::from_millis(200)));
        let (release, released) = std::sync::mpsc::channel::<()>();
        let released = Arc::new(std::sync::Mutex::new(released));
        let mut busy = Vec::new();
        for _ in 0..2 {
            let (gate, released) = (gate.clone(), released.clone());
            busy.push(tokio::spawn(async move {
                gate.run(move || {
                    let _ = released.lock().unwrap().recv();
                })
                .await
            }));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = std::time::Instant::now();
        assert_eq!(gate.run(|| ()).await, Err(AppError::Unavailable));
        assert!(started.elapsed() >= Duration::from_millis(200), "no wait");
        drop(release);
        for task in busy {
            assert_eq!(task.await.unwrap(), Ok(()));
        }
        // Once the work is done, its permit is back.
        assert_eq!(gate.run(|| 7).await, Ok(7));
    }
}
