//! Live events benchmark: N clients follow `GET /live` on the real app (its router, its
//! session store, its database listener) served on 127.0.0.1; events are committed
//! through the real write path, and each delivery is timed from the commit to the read
//! of the client. Beside it, in the same run: the raw PostgreSQL NOTIFY round trip (the
//! floor) and the memory of an idle stream.
//!
//!     cargo bench --features ssr --bench live
//!
//! - `DATABASE_URL`: a PostgreSQL server where a throwaway database is created, then
//!   dropped; unset: the embedded cluster in `$TMPDIR/b2bizen-bench-pg` (stopped at the
//!   end when this run started it).
//! - `BENCH_CLIENTS` (default `1000,5000`): open streams, one size after the other; a
//!   quick run: `BENCH_CLIENTS=200`. `BENCH_EVENTS` (default 200) events per size,
//!   `BENCH_INTERVAL_MS` (default 20) apart: at 5 000 clients that is 250 000
//!   deliveries a second, more than two cores carry (`BENCH_INTERVAL_MS=100` stays below).
//!
//! Every bench account is an admin with [`TABS`] streams (one browser, one session,
//! several tabs). Nine events in ten announce a path (`live::publish_path`, what a chat
//! message or a step of the pipeline commits): admins follow every path, so each reaches
//! every stream — the widest fan-out. The tenth is an in-app notification
//! (`repo::notification::notify`) to one account: its streams must receive it, and no
//! other stream. The bench fails if a stream misses an event, receives one it should
//! not, or is ended; the targets (p99 ≤ 100 ms at 1 000 clients, ≤ 32 KiB per idle
//! connection) are reported, not enforced.
//!
//! The clients are raw TCP connections on a runtime thread of their own, in this
//! process: their receipt times share the machine's cores with the server and
//! PostgreSQL, and the memory measured includes them (an upper bound), beside an
//! estimate of the client side alone (the same clients against a server that only
//! answers the response's head).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use b2bizen::domain::id::{AccountId, ExpertId, ProjectId};
use b2bizen::domain::live::{LiveKind, RESET};
use b2bizen::domain::notification::Notice;
use b2bizen::server::config::Config;
use b2bizen::server::embedded_pg::EmbeddedPg;
use b2bizen::server::live::{self, LiveHub};
use b2bizen::server::repo::notification;
use b2bizen::server::state::AppState;
use b2bizen::server::{db, http, jobs};
use sqlx::postgres::{PgConnectOptions, PgListener};
use sqlx::{Connection, PgConnection, PgPool};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot, watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinHandle;
use tower_sessions::cookie::time::{Duration as CookieDuration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::SessionStore;
use tower_sessions_sqlx_store::PostgresStore;
use uuid::Uuid;

/// Streams per account: tabs of one browser, sharing its session cookie.
const TABS: usize = 5;
/// One event in this many is a notification to one account; the others announce a path.
const NOTICE_EVERY: usize = 10;
/// Streams being opened at once (each opening reads the session, the account and the
/// events since the page's cursor).
const OPENING: usize = 32;
/// The name of the clients' runtime thread.
const CLIENT_THREAD: &str = "bench-clients";
/// The session cookie outside HTTPS (`server::http`).
const COOKIE: &str = "b2bizen_session";
/// The channel of the floor measurement, which no part of the app listens to.
const FLOOR_CHANNEL: &str = "bench_live_floor";
/// Delivery target at 1 000 clients, and memory target per idle connection.
const TARGET_P99: Duration = Duration::from_millis(100);
const TARGET_IDLE_BYTES: f64 = 32.0 * 1024.0;

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn kib(bytes: f64) -> String {
    format!("{:.1} KiB", bytes / 1024.0)
}

/// p50 / p99 / max of `samples` (sorted here).
fn spread(samples: &mut [Duration]) -> (Duration, Duration, Duration) {
    samples.sort();
    (
        percentile(samples, 0.5),
        percentile(samples, 0.99),
        samples.last().copied().unwrap_or_default(),
    )
}

fn env_number(name: &str, default: usize) -> Result<usize> {
    std::env::var(name).map_or(Ok(default), |v| {
        v.trim().parse().with_context(|| format!("{name}={v}"))
    })
}

/// Memory of this process: resident set and bytes allocated by malloc.
#[derive(Debug, Clone, Copy)]
struct Memory {
    rss: f64,
    heap: f64,
}

impl Memory {
    /// Measured after giving free pages back, so that the resident set follows what is
    /// in use.
    fn now() -> Self {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        let heap = {
            // SAFETY: plain glibc calls without arguments to uphold.
            let info = unsafe {
                libc::malloc_trim(0);
                libc::mallinfo2()
            };
            (info.uordblks + info.hblkhd) as f64
        };
        #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
        let heap = f64::NAN;
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kb| kb * 1024.0);
        Self { rss, heap }
    }

    /// Growth from `before`, per connection.
    fn per(self, before: Self, n: usize) -> Self {
        Self {
            rss: (self.rss - before.rss) / n as f64,
            heap: (self.heap - before.heap) / n as f64,
        }
    }
}

/// CPU time consumed so far, in seconds: by this process, by its client thread, and by
/// the whole machine (PostgreSQL included).
#[derive(Debug, Clone, Copy, Default)]
struct Cpu {
    process: f64,
    clients: f64,
    machine_busy: f64,
}

impl Cpu {
    fn now() -> Self {
        // SAFETY: a plain libc query.
        let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        // `pid (comm) state …`: utime and stime are the 12th and 13th fields after the
        // command (which may hold spaces).
        let times = |stat: &str| -> Option<(String, f64)> {
            let (head, rest) = stat.rsplit_once(')')?;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let user: f64 = fields.get(11)?.parse().ok()?;
            let system: f64 = fields.get(12)?.parse().ok()?;
            let comm = head.split_once('(')?.1.to_string();
            Some((comm, (user + system) / tick))
        };
        let read = |path: &std::path::Path| std::fs::read_to_string(path).ok();
        let process = read("/proc/self/stat".as_ref())
            .and_then(|s| times(&s))
            .map_or(f64::NAN, |t| t.1);
        let clients = std::fs::read_dir("/proc/self/task")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|task| read(&task.path().join("stat")))
            .filter_map(|stat| times(&stat))
            .filter(|(comm, _)| comm == CLIENT_THREAD)
            .map(|t| t.1)
            .sum();
        // `cpu  user nice system idle iowait irq softirq steal …`, in ticks.
        let machine_busy = read("/proc/stat".as_ref())
            .and_then(|stat| {
                let line = stat.lines().next()?.to_string();
                let ticks: Vec<f64> = line
                    .split_whitespace()
                    .skip(1)
                    .take(8)
                    .filter_map(|v| v.parse().ok())
                    .collect();
                (ticks.len() == 8).then(|| (ticks.iter().sum::<f64>() - ticks[3] - ticks[4]) / tick)
            })
            .unwrap_or(f64::NAN);
        Self {
            process,
            clients,
            machine_busy,
        }
    }

    fn since(self, before: Self) -> Self {
        Self {
            process: self.process - before.process,
            clients: self.clients - before.clients,
            machine_busy: self.machine_busy - before.machine_busy,
        }
    }
}

/// Two sockets per client in this process, plus the database and the runtime.
fn raise_fd_limit(needed: libc::rlim_t) -> Result<()> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `limit` is a valid rlimit for the duration of the calls.
    unsafe {
        ensure!(
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0,
            "getrlimit failed"
        );
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max;
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
            }
        }
    }
    ensure!(
        limit.rlim_cur >= needed,
        "{needed} file descriptors needed, {} allowed: raise the hard limit (ulimit -Hn)",
        limit.rlim_cur
    );
    Ok(())
}

/// The same server URL (host or socket parameters kept) with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    let base = match head[scheme_end..].find('/') {
        Some(slash) => &head[..scheme_end + slash],
        None => head,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Signed-in admins (a session each, written as a sign-in writes it) and a path for the
/// path events.
struct Fixture {
    accounts: Vec<AccountId>,
    cookies: Vec<String>,
    project: ProjectId,
    expert: ExpertId,
}

impl Fixture {
    async fn create(pool: &PgPool, accounts: usize) -> Result<Self> {
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
             SELECT 'bench-' || i || '@b2bizen.test', '!', 'admin', 'Admin ' || i, now()
             FROM generate_series(1, $1) AS i RETURNING id",
        )
        .bind(accounts as i64)
        .fetch_all(pool)
        .await
        .context("bench accounts")?;
        let (project, expert): (Uuid, Uuid) = sqlx::query_as(
            "WITH client AS (
                 INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
                 VALUES ('bench-client@b2bizen.test', '!', 'client', 'Client', now()) RETURNING id),
             provider AS (
                 INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
                 VALUES ('bench-expert@b2bizen.test', '!', 'provider', 'Expert', now()) RETURNING id),
             expert AS (
                 INSERT INTO experts (first_name, departement_code, account_id)
                 SELECT 'Camille', (SELECT min(code) FROM departements), id FROM provider
                 RETURNING id),
             project AS (
                 INSERT INTO projects (title, domain_id, client_account_id)
                 SELECT 'Banc du direct', (SELECT min(id) FROM domains), id FROM client
                 RETURNING id)
             SELECT (SELECT id FROM project), (SELECT id FROM expert)",
        )
        .fetch_one(pool)
        .await
        .context("bench project and expert")?;
        // What `server::auth::session::sign_in` stores under its key.
        let store = PostgresStore::new(pool.clone());
        let expiry = OffsetDateTime::now_utc() + CookieDuration::hours(2);
        let signed_in_at = chrono::Utc::now().timestamp();
        let mut cookies = Vec::with_capacity(ids.len());
        for id in &ids {
            let user =
                serde_json::json!({ "account_id": id, "version": 1, "signed_in_at": signed_in_at });
            let mut record = Record {
                id: Id::default(),
                data: HashMap::from([("user".to_string(), user)]),
                expiry_date: expiry,
            };
            store.create(&mut record).await.context("bench session")?;
            cookies.push(format!("{COOKIE}={}", record.id));
        }
        Ok(Self {
            accounts: ids.into_iter().map(AccountId::new).collect(),
            cookies,
            project: ProjectId::new(project),
            expert: ExpertId::new(expert),
        })
    }
}

/// What the clients of one size share.
#[derive(Default)]
struct Counters {
    /// Streams that received their first frame (or failed before).
    ready: AtomicUsize,
    failed: AtomicUsize,
    /// Events received, by all the streams.
    delivered: AtomicUsize,
}

/// What a client saw: the ids of the events, when they were read, and why it ended if
/// it was not asked to.
#[derive(Default)]
struct Outcome {
    received: Vec<(i64, Instant)>,
    error: Option<String>,
}

/// The start of a line, enough to recognise the lines that matter (no allocation: the
/// memory of an idle client is the task and its socket).
struct Line {
    bytes: [u8; 32],
    len: usize,
}

impl Line {
    fn push(&mut self, part: &[u8]) {
        let n = part.len().min(self.bytes.len() - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&part[..n]);
        self.len += n;
    }

    fn text(&self) -> &[u8] {
        let text = &self.bytes[..self.len];
        text.strip_suffix(b"\r").unwrap_or(text)
    }
}

#[derive(PartialEq)]
enum Reading {
    Status,
    Headers,
    Body,
}

/// One browser tab: sends the request, then reads the stream line by line (the SSE
/// lines; chunk sizes and keep-alive comments are ignored) until told to stop.
async fn client(
    addr: SocketAddr,
    request: Arc<str>,
    gate: Arc<Semaphore>,
    counters: Arc<Counters>,
    mut stop: watch::Receiver<bool>,
) -> Outcome {
    let mut permit: Option<OwnedSemaphorePermit> = gate.acquire_owned().await.ok();
    let mut out = Outcome::default();
    let fail = |out: &mut Outcome, why: String, ready: bool| {
        out.error = Some(why);
        counters.failed.fetch_add(1, Ordering::Relaxed);
        if !ready {
            counters.ready.fetch_add(1, Ordering::Relaxed);
        }
    };
    let mut stream = match TcpStream::connect(addr).await {
        Ok(stream) => stream,
        Err(err) => {
            fail(&mut out, format!("connect: {err}"), false);
            return out;
        }
    };
    if let Err(err) = stream.write_all(request.as_bytes()).await {
        fail(&mut out, format!("request: {err}"), false);
        return out;
    }
    // Not kept: an idle client is its task and its socket.
    drop(request);
    let mut buf = [0u8; 512];
    let mut line = Line {
        bytes: [0; 32],
        len: 0,
    };
    let mut reading = Reading::Status;
    loop {
        let n = tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) => {
                    fail(&mut out, "stream ended by the server".into(), permit.is_none());
                    return out;
                }
                Ok(n) => n,
                Err(err) => {
                    fail(&mut out, format!("read: {err}"), permit.is_none());
                    return out;
                }
            },
            _ = stop.wait_for(|stop| *stop) => return out,
        };
        let at = Instant::now();
        let mut rest = &buf[..n];
        while !rest.is_empty() {
            let end = rest.iter().position(|&b| b == b'\n');
            line.push(&rest[..end.unwrap_or(rest.len())]);
            let Some(end) = end else { break };
            rest = &rest[end + 1..];
            let text = line.text();
            match reading {
                Reading::Status if text.starts_with(b"HTTP/1.1 200") => reading = Reading::Headers,
                Reading::Status => {
                    let status = String::from_utf8_lossy(text).into_owned();
                    fail(&mut out, format!("answered {status}"), permit.is_none());
                    return out;
                }
                Reading::Headers if text.is_empty() => reading = Reading::Body,
                Reading::Headers => {}
                Reading::Body => {
                    if let Some(id) = text.strip_prefix(b"id: ") {
                        match std::str::from_utf8(id).ok().and_then(|id| id.parse().ok()) {
                            Some(id) => {
                                out.received.push((id, at));
                                counters.delivered.fetch_add(1, Ordering::Relaxed);
                            }
                            None => {
                                fail(&mut out, "unreadable event id".into(), permit.is_none());
                                return out;
                            }
                        }
                    } else if text.starts_with(b"retry:") && permit.is_some() {
                        permit = None;
                        counters.ready.fetch_add(1, Ordering::Relaxed);
                    } else if text.strip_prefix(b"event: ") == Some(RESET.as_bytes()) {
                        fail(&mut out, "told to reset".into(), permit.is_none());
                        return out;
                    }
                }
            }
            line.len = 0;
        }
    }
}

/// `n` clients with their requests, opened at most [`OPENING`] at a time.
struct Clients {
    tasks: Vec<JoinHandle<Outcome>>,
    counters: Arc<Counters>,
    stop: watch::Sender<bool>,
}

impl Clients {
    fn spawn(runtime: &Handle, addr: SocketAddr, requests: Vec<Arc<str>>) -> Self {
        let counters = Arc::new(Counters::default());
        let gate = Arc::new(Semaphore::new(OPENING));
        let stop = watch::channel(false).0;
        let tasks = requests
            .into_iter()
            .map(|request| {
                runtime.spawn(client(
                    addr,
                    request,
                    gate.clone(),
                    counters.clone(),
                    stop.subscribe(),
                ))
            })
            .collect();
        Self {
            tasks,
            counters,
            stop,
        }
    }

    /// Waits until every client has its first frame (or has failed).
    async fn opened(&self, within: Duration) -> Result<()> {
        let deadline = Instant::now() + within;
        while self.counters.ready.load(Ordering::Relaxed) < self.tasks.len() {
            ensure!(
                Instant::now() < deadline,
                "{} of {} streams open after {within:?}",
                self.counters.ready.load(Ordering::Relaxed),
                self.tasks.len()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Ok(())
    }

    /// Stops the clients (their sockets close) and returns what each saw.
    async fn finish(self) -> Result<Vec<Outcome>> {
        self.stop.send_replace(true);
        let mut outcomes = Vec::with_capacity(self.tasks.len());
        for task in self.tasks {
            outcomes.push(task.await?);
        }
        Ok(outcomes)
    }
}

fn first_errors(outcomes: &[Outcome]) -> String {
    let errors: Vec<String> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.error.as_ref().map(|e| format!("stream {i}: {e}")))
        .collect();
    let shown = errors
        .iter()
        .take(5)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    format!("{} streams failed ({shown})", errors.len())
}

/// The client side alone: the same clients against a server that answers the head of
/// a stream and its first frame, then keeps the bare socket (a file descriptor).
async fn client_side(runtime: &Handle, n: usize) -> Result<Memory> {
    const HEAD: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
        transfer-encoding: chunked\r\n\r\n10\r\nretry: 2000\n\n\r\n";
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let kept = Arc::new(Mutex::new(Vec::<std::net::TcpStream>::with_capacity(n)));
    let accepting = tokio::spawn({
        let kept = kept.clone();
        async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let kept = kept.clone();
                tokio::spawn(async move {
                    let mut request = [0u8; 1024];
                    if socket.read(&mut request).await.is_ok()
                        && socket.write_all(HEAD).await.is_ok()
                    {
                        if let Ok(socket) = socket.into_std() {
                            kept.lock().unwrap().push(socket);
                        }
                    }
                });
            }
        }
    });
    let request: Arc<str> =
        format!("GET /live HTTP/1.1\r\nHost: {addr}\r\nCookie: {COOKIE}=x\r\n\r\n").into();
    let before = Memory::now();
    let clients = Clients::spawn(runtime, addr, vec![request; n]);
    clients.opened(Duration::from_secs(60)).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let open = Memory::now();
    let outcomes = clients.finish().await?;
    accepting.abort();
    kept.lock().unwrap().clear();
    ensure!(
        outcomes.iter().all(|o| o.error.is_none()),
        "null server: {}",
        first_errors(&outcomes)
    );
    Ok(open.per(before, n))
}

/// The floor: `BEGIN; SELECT pg_notify(..); COMMIT` timed from the commit to the
/// notification read by a LISTEN connection of this process, as the app's listener
/// reads the live events.
async fn notify_floor(pool: &PgPool, samples: usize, gap: Duration) -> Result<Vec<Duration>> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(FLOOR_CHANNEL).await?;
    let (sender, mut received) = mpsc::unbounded_channel();
    let listening = tokio::spawn(async move {
        while let Ok(note) = listener.recv().await {
            if sender
                .send((note.payload().to_string(), Instant::now()))
                .is_err()
            {
                break;
            }
        }
    });
    let mut out = Vec::with_capacity(samples);
    for i in 0..samples {
        let mut tx = pool.begin().await?;
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(FLOOR_CHANNEL)
            .bind(i.to_string())
            .execute(&mut *tx)
            .await?;
        let committed = Instant::now();
        tx.commit().await?;
        let (payload, at) = tokio::time::timeout(Duration::from_secs(5), received.recv())
            .await
            .context("NOTIFY not received within 5 s")?
            .context("listener ended")?;
        ensure!(payload == i.to_string(), "NOTIFY {payload} instead of {i}");
        out.push(at.saturating_duration_since(committed));
        tokio::time::sleep(gap).await;
    }
    listening.abort();
    Ok(out)
}

/// One line of the summary.
struct Row {
    clients: usize,
    floor: (Duration, Duration, Duration),
    delivery: (Duration, Duration, Duration),
    /// Both ends, per idle connection.
    idle: Memory,
    /// The client side alone, per connection.
    client: Memory,
}

struct Bench<'a> {
    pool: &'a PgPool,
    hub: LiveHub,
    addr: SocketAddr,
    fixture: &'a Fixture,
    clients: Handle,
    events: usize,
    interval: Duration,
}

impl Bench<'_> {
    async fn run_size(&self, n: usize) -> Result<Row> {
        let accounts = n.div_ceil(TABS);
        println!(
            "\n== {n} clients: {accounts} admin accounts × {TABS} tabs (streams), {} events {} apart ==",
            self.events,
            ms(self.interval)
        );
        ensure!(self.hub.open_streams() == 0, "streams left open");

        let client = client_side(&self.clients, n).await?;

        // Open: as pages rendered now, from the current cursor.
        let before = Memory::now();
        let cursor = live::cursor(self.pool).await?;
        let requests: Vec<Arc<str>> = (0..n)
            .map(|i| {
                format!(
                    "GET /live?after={cursor} HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\
                     Cookie: {}\r\n\r\n",
                    self.addr,
                    self.fixture.cookies[i / TABS]
                )
                .into()
            })
            .collect();
        let t = Instant::now();
        let clients = Clients::spawn(&self.clients, self.addr, requests);
        clients.opened(Duration::from_secs(300)).await?;
        let opening = t.elapsed();
        if clients.counters.failed.load(Ordering::Relaxed) > 0 {
            let outcomes = clients.finish().await?;
            bail!("opening: {}", first_errors(&outcomes));
        }
        ensure!(
            self.hub.open_streams() == n,
            "the hub counts {} streams for {n} clients",
            self.hub.open_streams()
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
        let idle = Memory::now().per(before, n);
        println!(
            "opened in {:.1} s; idle, per connection: RSS {} heap {} (both ends, in this process); \
             client side alone {} heap, so the server ≈ {} heap",
            opening.as_secs_f64(),
            kib(idle.rss),
            kib(idle.heap),
            kib(client.heap),
            kib(idle.heap - client.heap),
        );

        let mut floor = notify_floor(self.pool, self.events, self.interval).await?;
        let floor = spread(&mut floor);
        println!(
            "NOTIFY floor (commit → LISTEN of this process, {} samples): p50 {}, p99 {}, max {}",
            self.events,
            ms(floor.0),
            ms(floor.1),
            ms(floor.2)
        );

        // The events, each in a transaction of its own, timed from its commit.
        let mut commits = Vec::with_capacity(self.events);
        let cpu_before = Cpu::now();
        let mut tick = tokio::time::interval(self.interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        for k in 0..self.events {
            tick.tick().await;
            let mut tx = self.pool.begin().await?;
            if k % NOTICE_EVERY == NOTICE_EVERY - 1 {
                let account = self.fixture.accounts[(k / NOTICE_EVERY * 7) % accounts];
                notification::notify(&mut tx, account, &Notice::EmailConfirmed, None).await?;
            } else {
                live::publish_path(
                    &mut tx,
                    LiveKind::Chat,
                    self.fixture.project,
                    self.fixture.expert,
                )
                .await?;
            }
            let committed = Instant::now();
            tx.commit().await?;
            commits.push(committed);
        }
        let stored: Vec<(i64, bool, Vec<Uuid>)> = sqlx::query_as(
            "SELECT id, for_admins, audience FROM live_events WHERE id > $1 ORDER BY id",
        )
        .bind(cursor)
        .fetch_all(self.pool)
        .await?;
        ensure!(
            stored.len() == self.events,
            "{} events stored for {} written",
            stored.len(),
            self.events
        );
        // Who should get what: every stream the path events (all admins), the streams of
        // its account a notice.
        let account_of = |stream: usize| self.fixture.accounts[stream / TABS].get();
        let expected_total: usize = stored
            .iter()
            .map(|(_, for_admins, audience)| {
                if *for_admins {
                    n
                } else {
                    (0..n)
                        .filter(|&s| audience.contains(&account_of(s)))
                        .count()
                }
            })
            .sum();
        let deadline = Instant::now() + Duration::from_secs(10);
        while clients.counters.delivered.load(Ordering::Relaxed) < expected_total
            && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let cpu = Cpu::now().since(cpu_before);
        let outcomes = clients.finish().await?;
        let t = Instant::now();
        while self.hub.open_streams() > 0 && t.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let left = self.hub.open_streams();

        // Checks and figures.
        let by_id: HashMap<i64, (Instant, bool)> = stored
            .iter()
            .zip(&commits)
            .map(|((id, for_admins, _), at)| (*id, (*at, *for_admins)))
            .collect();
        let mut fan_out = Vec::with_capacity(expected_total);
        let mut notices = Vec::new();
        let mut whole: HashMap<i64, Duration> = HashMap::new();
        let mut wrong = Vec::new();
        for (s, outcome) in outcomes.iter().enumerate() {
            if let Some(err) = &outcome.error {
                wrong.push(format!("stream {s}: {err}"));
            }
            let expected: Vec<i64> = stored
                .iter()
                .filter(|(_, for_admins, audience)| {
                    *for_admins || audience.contains(&account_of(s))
                })
                .map(|e| e.0)
                .collect();
            let got: Vec<i64> = outcome.received.iter().map(|r| r.0).collect();
            if got != expected {
                let missing = expected.iter().filter(|id| !got.contains(id)).count();
                let extra = got.iter().filter(|id| !expected.contains(id)).count();
                wrong.push(format!(
                    "stream {s}: {} events received, {} expected ({missing} missing, {extra} not for it)",
                    got.len(),
                    expected.len()
                ));
            }
            for &(id, at) in &outcome.received {
                let Some(&(committed, for_admins)) = by_id.get(&id) else {
                    continue;
                };
                let latency = at.saturating_duration_since(committed);
                if for_admins {
                    fan_out.push(latency);
                    let slowest = whole.entry(id).or_default();
                    *slowest = (*slowest).max(latency);
                } else {
                    notices.push(latency);
                }
            }
        }
        let paths = fan_out.len();
        let last_read = outcomes
            .iter()
            .filter_map(|o| o.received.last().map(|r| r.1))
            .max();
        let span = last_read.map_or(Duration::ZERO, |at| {
            at.saturating_duration_since(commits[0])
        });
        let delivery = spread(&mut fan_out);
        let mut whole: Vec<Duration> = whole.into_values().collect();
        let whole = spread(&mut whole);
        let notice = spread(&mut notices);
        println!(
            "commit → client, path events ({paths} deliveries, to every stream): p50 {}, p99 {}, max {}; \
             last stream of an event: p50 {}, p99 {}",
            ms(delivery.0),
            ms(delivery.1),
            ms(delivery.2),
            ms(whole.0),
            ms(whole.1)
        );
        println!(
            "commit → client, notices ({} deliveries, to the {TABS} streams of one account, the \
             other streams skip them): p50 {}, p99 {}, max {}",
            notices.len(),
            ms(notice.0),
            ms(notice.1),
            ms(notice.2)
        );
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        println!(
            "{expected_total} deliveries in {:.2} s from the first commit ({:.0}/s); CPU meanwhile: \
             server and bench driver {:.2} s, clients {:.2} s, rest of the machine (PostgreSQL…) \
             {:.2} s — {:.0} % of {cores} cores busy",
            span.as_secs_f64(),
            expected_total as f64 / span.as_secs_f64().max(1e-9),
            cpu.process - cpu.clients,
            cpu.clients,
            cpu.machine_busy - cpu.process,
            100.0 * cpu.machine_busy / (span.as_secs_f64().max(1e-9) * cores as f64),
        );
        if left > 0 {
            println!(
                "warning: the hub still counts {left} streams 30 s after their clients closed"
            );
        } else {
            println!(
                "streams released by the server {:.2} s after their clients closed",
                t.elapsed().as_secs_f64()
            );
        }
        if !wrong.is_empty() {
            for line in wrong.iter().take(10) {
                println!("  {line}");
            }
            bail!(
                "{} of {n} streams did not receive exactly their events",
                wrong.len()
            );
        }
        println!(
            "every stream received exactly its events ({expected_total} deliveries, in id order)"
        );
        Ok(Row {
            clients: n,
            floor,
            delivery,
            idle,
            client,
        })
    }
}

fn summary(rows: &[Row]) {
    println!("\n| clients | NOTIFY floor p50 / p99 | commit → client p50 / p99 (max) | idle connection, both ends (RSS / heap) | server alone (heap) |");
    println!("|---|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {} / {} | {} / {} ({}) | {} / {} | {} |",
            r.clients,
            ms(r.floor.0),
            ms(r.floor.1),
            ms(r.delivery.0),
            ms(r.delivery.1),
            ms(r.delivery.2),
            kib(r.idle.rss),
            kib(r.idle.heap),
            kib(r.idle.heap - r.client.heap),
        );
    }
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    match rows.iter().find(|r| r.clients == 1000) {
        Some(r) => println!(
            "target p99 ≤ {} at 1 000 clients: {} ({})",
            ms(TARGET_P99),
            verdict(r.delivery.1 <= TARGET_P99),
            ms(r.delivery.1)
        ),
        None => println!("target p99 at 1 000 clients: not measured (BENCH_CLIENTS)"),
    }
    // Resident memory, both ends counted: an upper bound of the server's.
    let worst = rows.iter().map(|r| r.idle.rss).fold(0.0, f64::max);
    let allocated = rows
        .iter()
        .map(|r| r.idle.heap - r.client.heap)
        .fold(0.0, f64::max);
    println!(
        "target ≤ {} per idle connection (RSS, client side included): {} (at most {}); \
         allocated by the server: {} (buffers are only partly touched)",
        kib(TARGET_IDLE_BYTES),
        verdict(worst <= TARGET_IDLE_BYTES),
        kib(worst),
        kib(allocated)
    );
}

async fn bench(
    url: &str,
    sizes: &[usize],
    events: usize,
    interval: Duration,
    clients: Handle,
) -> Result<()> {
    let pool = db::connect(url).await?;
    db::migrate(&pool).await?;
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let t = Instant::now();
    let fixture = Fixture::create(&pool, largest.div_ceil(TABS)).await?;
    println!(
        "{} signed-in admin accounts in {:.1} s",
        fixture.accounts.len(),
        t.elapsed().as_secs_f64()
    );

    // The app as `b2bizen serve` runs it, minus the periodic jobs: its router on a port
    // of its own, and the database listener feeding the hub.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let data_dir = std::env::temp_dir().join(format!("b2bizen-bench-live-{}", std::process::id()));
    let settings = [
        ("PUBLIC_URL", format!("http://{addr}")),
        ("B2BIZEN_DATA_DIR", data_dir.display().to_string()),
    ];
    let config = Config::from_lookup(|key| {
        settings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    })?;
    let state = AppState::new(config, pool.clone());
    jobs::follow_database(&state).await?;
    let (stop, stopped) = oneshot::channel::<()>();
    let hub = state.live.clone();
    let server = tokio::spawn(http::serve(
        listener,
        http::router(state.clone()),
        state.config.slow_client_timeout,
        {
            let hub = hub.clone();
            async move {
                let _ = stopped.await;
                hub.close();
            }
        },
    ));

    let bench = Bench {
        pool: &pool,
        hub,
        addr,
        fixture: &fixture,
        clients,
        events,
        interval,
    };
    let mut rows = Vec::new();
    let mut outcome = Ok(());
    for &n in sizes {
        match bench.run_size(n).await {
            Ok(row) => rows.push(row),
            Err(err) => {
                outcome = Err(err);
                break;
            }
        }
    }
    summary(&rows);
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    let _ = tokio::time::timeout(Duration::from_secs(5), pool.close()).await;
    let _ = std::fs::remove_dir_all(&data_dir);
    outcome
}

async fn run(clients: Handle) -> Result<()> {
    let sizes: Vec<usize> = std::env::var("BENCH_CLIENTS")
        .unwrap_or_else(|_| "1000,5000".into())
        .split(',')
        .map(|s| {
            s.trim()
                .parse()
                .context("BENCH_CLIENTS: numbers separated by commas")
        })
        .collect::<Result<_>>()?;
    ensure!(sizes.iter().all(|&n| n > 0), "BENCH_CLIENTS: sizes above 0");
    let events = env_number("BENCH_EVENTS", 200)?;
    let interval = Duration::from_millis(env_number("BENCH_INTERVAL_MS", 20)? as u64);
    let largest = sizes.iter().copied().max().unwrap_or(0);
    ensure!(
        largest <= live::hub::MAX_STREAMS,
        "at most {} streams per process",
        live::hub::MAX_STREAMS
    );
    raise_fd_limit(2 * largest as libc::rlim_t + 256)?;
    let (base, embedded) = match std::env::var("DATABASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let pg = EmbeddedPg::new(std::env::temp_dir().join("b2bizen-bench-pg"))?
                .without_durability();
            let started = pg.start().await?;
            (pg.url("postgres"), Some((pg, started)))
        }
    };
    let name = format!("bench_live_{}", std::process::id());
    let mut admin = PgConnection::connect_with(&PgConnectOptions::from_str(&base)?)
        .await
        .context("connect to PostgreSQL")?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await?;
    let outcome = bench(
        &with_database(&base, &name),
        &sizes,
        events,
        interval,
        clients,
    )
    .await;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await?;
    if let Some((pg, true)) = embedded {
        pg.stop().await?;
    }
    outcome
}

fn main() -> Result<()> {
    // The clients on a runtime thread of their own; the server on one worker per core,
    // as `b2bizen serve` runs. Both share the machine with PostgreSQL.
    let clients = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name(CLIENT_THREAD)
        .enable_all()
        .build()?;
    let server = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let outcome = server.block_on(run(clients.handle().clone()));
    server.shutdown_timeout(Duration::from_secs(1));
    clients.shutdown_timeout(Duration::from_secs(1));
    outcome
}
