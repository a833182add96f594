//! Rate limits kept in PostgreSQL, so that every server process shares them: fixed
//! windows per key, and for sign-in a growing delay per (account, address) pair.

use sqlx::PgPool;
use std::net::IpAddr;

use crate::error::AppError;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i32,
    pub window_secs: i32,
}

/// Sign-in failures per client address, whatever the account: a ceiling on guessing
/// across accounts. Successful sign-ins are given back, so that an office behind one
/// address is not locked out by its own colleagues signing in.
pub const SIGN_IN_FAILURES_PER_IP: Limit = Limit {
    max: 50,
    window_secs: 900,
};
pub const SIGN_UP_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window_secs: 3600,
};
/// Changing one's password from the account page (two hashes a try).
pub const PASSWORD_CHANGE_PER_ACCOUNT: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
/// Setting a new password from a link: each try with a good link costs a hash.
pub const NEW_PASSWORD_PER_IP: Limit = Limit {
    max: 20,
    window_secs: 3600,
};

/// Sign-in per (account, address): failures allowed before attempts are spaced out…
pub const FREE_FAILURES: i32 = 5;
/// …then the wait before the next attempt, doubled by each further failure…
pub const FIRST_DELAY_SECS: i32 = 30;
/// …up to this. There is no limit per account alone, so that an attacker elsewhere
/// cannot lock the owner out, and no lockout: the right password works once the delay
/// has passed.
pub const MAX_DELAY_SECS: i32 = 900;

/// The address a limit applies to: an IPv4 address, or the /64 of an IPv6 one (a
/// client, home or office gets a whole /64 and may use any address in it).
pub fn ip_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Counts one hit on `key`; refuses once the window's maximum is passed.
pub async fn hit(pool: &PgPool, key: &str, limit: Limit) -> Result<(), AppError> {
    let hits: i32 = sqlx::query_scalar!(
        "INSERT INTO rate_limits (key, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2::float8) * $2::float8), 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
         RETURNING hits",
        key,
        f64::from(limit.window_secs),
    )
    .fetch_one(pool)
    .await?;
    if hits > limit.max {
        tracing::warn!(key, hits, "rate limit reached");
        return Err(AppError::RateLimited);
    }
    Ok(())
}

/// Gives back a hit of the current window, for an attempt that turned out not to count.
pub async fn give_back(pool: &PgPool, key: &str, limit: Limit) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE rate_limits SET hits = hits - 1
         WHERE key = $1 AND hits > 0
           AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2::float8) * $2::float8)",
        key,
        f64::from(limit.window_secs),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Takes the turn of a sign-in attempt on the (account, address) `key`, or refuses it
/// while the pair waits. The attempt counts as a failure at once, and the next wait is
/// set accordingly, so that parallel attempts cannot all slip through one opening;
/// [`sign_in_settled`] forgets it if it was not a failure.
pub async fn take_sign_in_turn(pool: &PgPool, key: &str) -> Result<(), AppError> {
    let taken: Option<i32> = sqlx::query_scalar!(
        "INSERT INTO sign_in_throttle AS t (key, failures, blocked_until)
         VALUES ($1, 1, now() + make_interval(secs => CASE WHEN 1 < $2 THEN 0 ELSE $3::float8 END))
         ON CONFLICT (key) DO UPDATE
            SET failures = t.failures + 1,
                updated_at = now(),
                blocked_until = now() + make_interval(secs =>
                    CASE WHEN t.failures + 1 < $2 THEN 0
                         ELSE least($3::float8 * power(2, least(t.failures + 1 - $2, 16)), $4::float8) END)
          WHERE t.blocked_until <= now()
         RETURNING failures",
        key,
        FREE_FAILURES,
        f64::from(FIRST_DELAY_SECS),
        f64::from(MAX_DELAY_SECS),
    )
    .fetch_optional(pool)
    .await?;
    match taken {
        Some(_) => Ok(()),
        None => {
            tracing::warn!(key, "sign-in attempt refused while its delay runs");
            Err(AppError::RateLimited)
        }
    }
}

/// How an attempt taken by [`take_sign_in_turn`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The right password: the pair's failures are forgotten.
    SignedIn,
    /// Wrong credentials: the attempt stays counted.
    Failed,
    /// Neither (the server could not check): the attempt is not counted.
    Undecided,
}

pub async fn sign_in_settled(pool: &PgPool, key: &str, outcome: Outcome) -> Result<(), AppError> {
    match outcome {
        Outcome::SignedIn => {
            sqlx::query!("DELETE FROM sign_in_throttle WHERE key = $1", key)
                .execute(pool)
                .await?;
        }
        Outcome::Failed => {}
        Outcome::Undecided => {
            // The turn was taken while the pair was not waiting: it need not wait now.
            sqlx::query!(
                "UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0),
                        blocked_until = least(blocked_until, now())
                 WHERE key = $1",
                key,
            )
            .execute(pool)
            .await?;
        }
    }
    Ok(())
}

/// Forgets windows, and sign-in failures, older than a day.
pub async fn purge(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let windows =
        sqlx::query!("DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'")
            .execute(pool)
            .await?;
    let failures =
        sqlx::query!("DELETE FROM sign_in_throttle WHERE updated_at < now() - interval '1 day'")
            .execute(pool)
            .await?;
    Ok(windows.rows_affected() + failures.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::ip_key;
    use std::net::IpAddr;

    fn key(ip: &str) -> String {
        ip_key(ip.parse::<IpAddr>().unwrap())
    }

    #[test]
    fn ipv6_clients_are_grouped_by_their_64() {
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("::1"), "0:0:0:0::/64");
    }

    #[test]
    fn ipv4_addresses_stay_whole_even_when_mapped() {
        assert_eq!(key("198.51.100.7"), "198.51.100.7");
        assert_eq!(key("::ffff:198.51.100.7"), "198.51.100.7");
        assert_ne!(key("198.51.100.7"), key("198.51.100.8"));
    }
}
