//! The password policy of every account: length, not a well-known password.

use super::problem::Problem;

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Passwords too common to accept, whatever their length (lower-case comparison).
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789abc",
    "azertyuiopqs",
    "azertyuiop123",
    "azertyuiop1234",
    "qwertyuiop123",
    "qwertyuiopas",
    "motdepasse123",
    "motdepasse1234",
    "motdepassemotdepasse",
    "password1234",
    "password12345",
    "passwordpassword",
    "iloveyou1234",
    "jetaime123456",
    "soleil123456",
    "bonjour123456",
    "doudou123456",
    "marseille1234",
    "chocolat1234",
    "football1234",
    "administrateur",
    "administrator",
    "welcome12345",
    "letmein12345",
    "000000000000",
    "111111111111",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "abcdef123456",
    "qwerty123456",
    "azerty123456",
    "b2bizen12345",
    "b2bizenb2bizen",
    "changeme1234",
    "bienvenue123",
    "bienvenue1234",
];

/// Checks a new password: length only (12 to 128 characters), no composition rules,
/// and not one of the most common passwords.
pub fn check_new_password(password: &str) -> Result<(), Problem> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(Problem::PasswordTooShort {
            min: PASSWORD_MIN_CHARS,
        });
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(Problem::PasswordTooLong {
            max: PASSWORD_MAX_CHARS,
        });
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lower.as_str())
        || lower
            .chars()
            .all(|c| c == lower.chars().next().unwrap_or(' '))
    {
        return Err(Problem::PasswordCommon);
    }
    Ok(())
}
