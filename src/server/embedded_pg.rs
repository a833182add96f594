//! A private PostgreSQL cluster for local runs and tests, used when `DATABASE_URL` is unset.
//!
//! The cluster lives in a data directory of its own, listens only on a Unix socket
//! (no TCP port to collide with), trusts local connections, and is started and
//! stopped with the server's own `pg_ctl`. PostgreSQL refuses to run as root, so when
//! we are root the server processes run as an unprivileged user (`postgres` when it
//! exists, else `nobody`; `B2BIZEN_PG_USER` overrides).

use anyhow::{bail, Context, Result};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use tokio::process::Command;

/// The superuser the cluster is created with.
const SUPERUSER: &str = "b2bizen";
/// The port only names the socket file (`.s.PGSQL.<port>`): nothing listens on TCP.
const PORT: u16 = 5432;

#[derive(Debug, Clone)]
struct RunAs {
    name: String,
    uid: u32,
    gid: u32,
}

#[derive(Debug)]
pub struct EmbeddedPg {
    data_dir: PathBuf,
    socket_dir: PathBuf,
    bin_dir: PathBuf,
    run_as: Option<RunAs>,
    fast: bool,
}

impl EmbeddedPg {
    /// Describes the cluster in `data_dir` (nothing is started yet).
    pub fn new(data_dir: impl AsRef<Path>) -> Result<Self> {
        let data_dir = absolute(data_dir.as_ref())?;
        let run_as = if is_root() {
            Some(unprivileged_user()?)
        } else {
            None
        };
        // A Unix socket path is limited to 107 bytes; fall back to /tmp for deep checkouts.
        let socket_dir = if data_dir.as_os_str().len() + 20 < 100 {
            data_dir.clone()
        } else {
            std::env::temp_dir().join(format!("b2bizen-pg-{:016x}", fnv1a(&data_dir)))
        };
        Ok(Self {
            data_dir,
            socket_dir,
            bin_dir: find_bin_dir()?,
            run_as,
            fast: false,
        })
    }

    /// Trades durability for speed (no fsync): for throwaway test clusters only.
    pub fn without_durability(mut self) -> Self {
        self.fast = true;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// A connection URL for `database` on this cluster.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}@localhost:{PORT}/{database}?host={}",
            percent_encode(&self.socket_dir.to_string_lossy())
        )
    }

    /// Whether a server is running on this data directory.
    pub async fn is_running(&self) -> Result<bool> {
        if !self.data_dir.join("PG_VERSION").exists() {
            return Ok(false);
        }
        let out = self
            .pg_command("pg_ctl")
            .arg("-D")
            .arg(&self.data_dir)
            .arg("status")
            .output()
            .await
            .context("cannot run pg_ctl")?;
        Ok(out.status.success())
    }

    /// Creates the cluster on first use and starts it. Returns `false` when it was
    /// already running (then the caller does not own it and must not stop it).
    pub async fn start(&self) -> Result<bool> {
        self.prepare_dirs()?;
        if !self.data_dir.join("PG_VERSION").exists() {
            tracing::info!(dir = %self.data_dir.display(), "creating the embedded PostgreSQL cluster");
            let out = self
                .pg_command("initdb")
                .arg("-D")
                .arg(&self.data_dir)
                .args([
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ])
                .output()
                .await
                .context("cannot run initdb")?;
            check(out, "initdb")?;
        }
        if self.is_running().await? {
            return Ok(false);
        }
        let mut options = format!(
            "-c listen_addresses='' -p {PORT} -k '{}'",
            self.socket_dir.display()
        );
        if self.fast {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let out = self
            .pg_command("pg_ctl")
            .arg("-D")
            .arg(&self.data_dir)
            .arg("-l")
            .arg(self.data_dir.join("server.log"))
            .args(["-w", "-t", "60", "-o", &options, "start"])
            .output()
            .await
            .context("cannot run pg_ctl")?;
        check(out, "pg_ctl start").with_context(|| {
            format!(
                "the embedded PostgreSQL did not start (see {})",
                self.data_dir.join("server.log").display()
            )
        })?;
        Ok(true)
    }

    /// Stops the server (fast shutdown: open sessions are ended cleanly).
    pub async fn stop(&self) -> Result<()> {
        if !self.is_running().await? {
            return Ok(());
        }
        let out = self
            .pg_command("pg_ctl")
            .arg("-D")
            .arg(&self.data_dir)
            .args(["-m", "fast", "-w", "-t", "60", "stop"])
            .output()
            .await
            .context("cannot run pg_ctl")?;
        check(out, "pg_ctl stop")
    }

    /// Creates `name` if it does not exist yet.
    pub async fn ensure_database(&self, name: &str) -> Result<()> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            bail!("invalid database name {name:?}");
        }
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&self.url("postgres"))
            .await
            .context("cannot connect to the embedded PostgreSQL")?;
        let exists: bool = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS "exists!""#,
            name,
        )
        .fetch_one(&mut conn)
        .await?;
        if !exists {
            sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .await?;
        }
        Ok(())
    }

    fn pg_command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bin_dir.join(program));
        cmd.env("LC_ALL", "C")
            .env_remove("PGDATA")
            .kill_on_drop(false);
        if let Some(user) = &self.run_as {
            cmd.uid(user.uid).gid(user.gid);
        }
        cmd
    }

    fn prepare_dirs(&self) -> Result<()> {
        for dir in [&self.data_dir, &self.socket_dir] {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            if let Some(user) = &self.run_as {
                std::os::unix::fs::chown(dir, Some(user.uid), Some(user.gid))
                    .with_context(|| format!("cannot give {} to {}", dir.display(), user.name))?;
            }
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        if let Some(user) = &self.run_as {
            if let Some(blocked) = first_untraversable_ancestor(&self.data_dir, user) {
                bail!(
                    "the embedded PostgreSQL runs as user {} who cannot enter {}; \
                     set B2BIZEN_DATA_DIR to a directory it can reach (e.g. under /var/tmp)",
                    user.name,
                    blocked.display()
                );
            }
        }
        Ok(())
    }
}

fn check(out: Output, what: &str) -> Result<()> {
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    bail!("{what} failed ({}): {}", out.status, last.trim())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn unprivileged_user() -> Result<RunAs> {
    let passwd = std::fs::read_to_string("/etc/passwd").context("cannot read /etc/passwd")?;
    let wanted = std::env::var("B2BIZEN_PG_USER").ok();
    let candidates: Vec<&str> = match wanted.as_deref() {
        Some(name) => vec![name],
        None => vec!["postgres", "nobody"],
    };
    for name in candidates {
        for line in passwd.lines() {
            let fields: Vec<&str> = line.split(':').collect();
            if fields.len() >= 4 && fields[0] == name {
                let uid: u32 = fields[2].parse()?;
                let gid: u32 = fields[3].parse()?;
                if uid != 0 {
                    return Ok(RunAs {
                        name: name.to_string(),
                        uid,
                        gid,
                    });
                }
            }
        }
    }
    bail!("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as; set B2BIZEN_PG_USER")
}

/// Other-users' execute bit on every ancestor is what lets the server reach its directory.
fn first_untraversable_ancestor(dir: &Path, user: &RunAs) -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let mut current = dir.parent();
    while let Some(path) = current {
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.mode();
            let ok = if meta.uid() == user.uid {
                mode & 0o100 != 0
            } else if meta.gid() == user.gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            };
            if !ok {
                return Some(path.to_path_buf());
            }
        }
        current = path.parent();
    }
    None
}

/// PostgreSQL server binaries: `PG_BIN_DIR`, then `pg_config --bindir`, then the newest
/// Debian install, then whatever `initdb` is on `PATH`.
fn find_bin_dir() -> Result<PathBuf> {
    let has_tools = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Ok(dir) = std::env::var("PG_BIN_DIR") {
        let dir = PathBuf::from(dir);
        if has_tools(&dir) {
            return Ok(dir);
        }
    }
    if let Ok(out) = std::process::Command::new("pg_config")
        .arg("--bindir")
        .output()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_tools(&dir) {
            return Ok(dir);
        }
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, dir)| has_tools(dir))
        .collect();
    debian.sort();
    if let Some((_, dir)) = debian.pop() {
        return Ok(dir);
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if has_tools(&dir) {
            return Ok(dir);
        }
    }
    bail!("PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/setup or set PG_BIN_DIR or DATABASE_URL")
}

fn absolute(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(path))
    }
}

fn fnv1a(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_urls_are_encoded() {
        assert_eq!(percent_encode("/tmp/a b"), "/tmp/a%20b");
        assert_eq!(percent_encode("/work/main/.data/pg"), "/work/main/.data/pg");
    }
}
