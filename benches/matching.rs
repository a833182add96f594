//! Matching benchmark: the in-memory engine (`server::matching::MatchIndex`) against a
//! straightforward SQL ranking (same filters and score in SQL, `ORDER BY … LIMIT 50`),
//! on the same synthetic published experts.
//!
//!     cargo bench --features ssr --bench matching
//!
//! - `DATABASE_URL`: a PostgreSQL server where a throwaway database is created, then
//!   dropped; unset: the embedded cluster in `$TMPDIR/b2bizen-bench-pg` (stopped at the
//!   end when this run started it).
//! - `BENCH_SIZES` (default `100000,1000000`): numbers of experts, growing; a quick
//!   run: `BENCH_SIZES=100000`. `BENCH_QUERIES` (default 200) random projects;
//!   `BENCH_SQL_QUERIES` (default: all of them) of which also run in SQL.

#[path = "matching/data.rs"]
mod data;
#[path = "matching/sql.rs"]
mod sql;

use std::collections::HashSet;
use std::str::FromStr;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use b2bizen::domain::id::ExpertId;
use b2bizen::domain::matching::{ProjectCriteria, Ranked};
use b2bizen::server::embedded_pg::EmbeddedPg;
use b2bizen::server::{db, matching};
use chrono::NaiveDate;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};

use data::{project, Batch, Reference, Rng, BATCH};

const TOP: usize = 50;
/// Timed passes of the engine over the projects (SQL: one).
const ROUNDS: usize = 3;

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The ids of the best total, when the whole tie group is in the list.
fn top_group(list: &[(ExpertId, i64)]) -> Option<HashSet<ExpertId>> {
    let best = list.first()?.1;
    let group: HashSet<ExpertId> = list.iter().filter(|r| r.1 == best).map(|r| r.0).collect();
    (group.len() < list.len() || list.len() < TOP).then_some(group)
}

async fn run_size(
    pool: &PgPool,
    n: usize,
    projects: &[ProjectCriteria],
    sql_n: usize,
    today: NaiveDate,
) -> Result<()> {
    let t = Instant::now();
    let index = matching::load_from_db(pool, today).await?;
    let load = t.elapsed();
    println!(
        "\n== {n} experts, {} indexed (published, attestation on file) ==",
        index.len()
    );
    let mem = index.memory_bytes();
    println!(
        "load_from_db {:.1} s; index memory {:.1} MB = {} B/profile",
        load.as_secs_f64(),
        mem as f64 / 1e6,
        mem / index.len().max(1)
    );

    // Warm-up, then ROUNDS timed passes over all the projects.
    let results: Vec<Vec<Ranked>> = projects
        .iter()
        .map(|c| index.top_k(c, TOP, today))
        .collect();
    let mut engine = Vec::new();
    let mut engine_sub = Vec::new();
    for _ in 0..ROUNDS {
        for (i, c) in projects.iter().enumerate() {
            let t = Instant::now();
            let r = index.top_k(c, TOP, today);
            let elapsed = t.elapsed();
            assert_eq!(r, results[i], "the engine is deterministic");
            engine.push(elapsed);
            if i < sql_n {
                engine_sub.push(elapsed);
            }
        }
    }
    let mut sql = Vec::new();
    let (mut same_totals, mut groups, mut same_groups, mut overlap) = (0, 0, 0, 0.0);
    for (c, mine) in projects.iter().zip(&results).take(sql_n) {
        let t = Instant::now();
        let theirs = sql::sql_top(pool, c, today).await?;
        sql.push(t.elapsed());
        let mine: Vec<(ExpertId, i64)> = mine
            .iter()
            .map(|r| (r.expert_id, i64::from(r.score.total)))
            .collect();
        same_totals += usize::from(mine.iter().map(|r| r.1).eq(theirs.iter().map(|r| r.1)));
        if let (Some(a), Some(b)) = (top_group(&mine), top_group(&theirs)) {
            groups += 1;
            same_groups += usize::from(a == b);
        }
        let ids: HashSet<ExpertId> = mine.iter().map(|r| r.0).collect();
        let common = theirs.iter().filter(|r| ids.contains(&r.0)).count();
        overlap += common as f64 / mine.len().max(theirs.len()).max(1) as f64;
    }
    engine.sort();
    engine_sub.sort();
    sql.sort();
    let avg = results.iter().map(Vec::len).sum::<usize>() / results.len().max(1);
    println!(
        "engine top-{TOP}: p50 {}, p99 {}, max {} ({} runs: {ROUNDS} × {} queries, {avg} results on average)",
        ms(percentile(&engine, 0.5)),
        ms(percentile(&engine, 0.99)),
        ms(engine[engine.len() - 1]),
        engine.len(),
        projects.len()
    );
    if sql.is_empty() {
        return Ok(());
    }
    println!(
        "SQL    top-{TOP}: p50 {}, p99 {}, max {} ({} queries)",
        ms(percentile(&sql, 0.5)),
        ms(percentile(&sql, 0.99)),
        ms(sql[sql.len() - 1]),
        sql.len()
    );
    let ratio = |q| percentile(&sql, q).as_secs_f64() / percentile(&engine_sub, q).as_secs_f64();
    println!(
        "ratio SQL/engine: p50 ×{:.0}, p99 ×{:.0}",
        ratio(0.5),
        ratio(0.99)
    );
    println!("agreement: same {TOP} totals in {same_totals}/{} queries; same best-score group in {same_groups}/{groups} comparable; top-{TOP} id overlap {:.0} % on average (ties are ordered differently)",
        sql.len(), 100.0 * overlap / sql.len() as f64);
    // Both implement the same rules: the scores of the top 50 must be the same (only the
    // order among equal totals differs).
    anyhow::ensure!(
        same_totals == sql.len(),
        "the engine and the SQL baseline disagree on {} of {} queries",
        sql.len() - same_totals,
        sql.len()
    );
    Ok(())
}

fn env_number(name: &str, default: usize) -> Result<usize> {
    std::env::var(name).map_or(Ok(default), |v| {
        v.trim().parse().with_context(|| format!("{name}={v}"))
    })
}

async fn run() -> Result<()> {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .unwrap_or_else(|_| "100000,1000000".into())
        .split(',')
        .map(|s| {
            s.trim()
                .parse()
                .context("BENCH_SIZES: numbers separated by commas")
        })
        .collect::<Result<_>>()?;
    let queries = env_number("BENCH_QUERIES", 200)?;
    let sql_n = env_number("BENCH_SQL_QUERIES", queries)?;
    let (base, embedded) = match std::env::var("DATABASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let pg = EmbeddedPg::new(std::env::temp_dir().join("b2bizen-bench-pg"))?
                .without_durability();
            let started = pg.start().await?;
            (pg.url("postgres"), Some((pg, started)))
        }
    };
    let name = format!("bench_matching_{}", std::process::id());
    let mut admin = PgConnection::connect(&base)
        .await
        .context("connect to PostgreSQL")?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await?;
    let options = PgConnectOptions::from_str(&base)?.database(&name);
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    let outcome = bench(&pool, &sizes, queries, sql_n).await;
    pool.close().await;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await?;
    if let Some((pg, true)) = embedded {
        pg.stop().await?;
    }
    outcome
}

async fn bench(pool: &PgPool, sizes: &[usize], queries: usize, sql_n: usize) -> Result<()> {
    db::migrate(pool).await?;
    let reference = Reference {
        deps: sqlx::query_scalar("SELECT code FROM departements")
            .fetch_all(pool)
            .await?,
        domains: sqlx::query_scalar("SELECT id FROM domains")
            .fetch_all(pool)
            .await?,
        skills: sqlx::query_as("SELECT id, domain_id FROM skills")
            .fetch_all(pool)
            .await?,
    };
    let today = chrono::Utc::now().date_naive();
    let mut rng = Rng(2026);
    let mut query_rng = Rng(11);
    let projects: Vec<ProjectCriteria> = (0..queries)
        .map(|_| project(&mut query_rng, &reference, today))
        .collect();
    let mut inserted = 0;
    for &n in sizes {
        let t = Instant::now();
        while inserted < n {
            let mut batch = Batch::default();
            for _ in 0..BATCH.min(n - inserted) {
                batch.push_expert(&mut rng, &reference, today);
            }
            inserted += batch.id.len();
            batch.insert(pool).await?;
        }
        sqlx::query("ANALYZE").execute(pool).await?;
        println!(
            "\ninserted up to {n} experts in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        run_size(pool, n, &projects, sql_n, today).await?;
    }
    Ok(())
}

fn main() -> Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?
        .block_on(run())
}
