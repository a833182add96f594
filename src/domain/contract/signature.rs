//! The one-time code of a simple electronic signature: six digits sent by e-mail, valid
//! ten minutes, five attempts. The code itself is never stored (only a salted hash, on
//! the server); the rules here decide what an attempt does.

use chrono::{DateTime, Duration, Utc};

use crate::domain::problem::Problem;

pub const CODE_DIGITS: usize = 6;
pub const CODE_VALID_MINUTES: i64 = 10;
pub const CODE_ATTEMPTS: i32 = 5;

/// What an attempt at a code leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    Accepted,
    /// Wrong, with attempts left.
    Refused {
        left: i32,
    },
    /// Wrong, and it was the last attempt: the code no longer works.
    Locked,
}

/// Judges an attempt: `sent_at` and `failures` are the challenge's, `matches` whether
/// the typed code hashes to the stored one. A code past its time or its attempts is
/// refused without looking at it.
pub fn check_code(
    sent_at: DateTime<Utc>,
    failures: i32,
    now: DateTime<Utc>,
    matches: bool,
) -> Result<CodeCheck, Problem> {
    if failures >= CODE_ATTEMPTS {
        return Err(Problem::SignatureCodeLocked);
    }
    if now > sent_at + Duration::minutes(CODE_VALID_MINUTES) {
        return Err(Problem::SignatureCodeExpired {
            minutes: CODE_VALID_MINUTES,
        });
    }
    if matches {
        return Ok(CodeCheck::Accepted);
    }
    let left = CODE_ATTEMPTS - failures - 1;
    Ok(if left == 0 {
        CodeCheck::Locked
    } else {
        CodeCheck::Refused { left }
    })
}

/// A code as typed: six digits, spaces allowed (`123 456`).
pub fn parse_code(typed: &str) -> Result<String, Problem> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(Problem::SignatureCodeFormat {
            digits: CODE_DIGITS,
        })
    }
}
