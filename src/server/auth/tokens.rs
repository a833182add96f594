//! Single-use tokens for e-mailed links: 256 random bits, only their SHA-256 stored.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// A new token (hex, for the link) and the digest to store.
pub fn generate() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let digest = digest(&token);
    (token, digest)
}

pub fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.trim().as_bytes()).to_vec()
}

/// A six-digit signature code, uniformly drawn, with a fresh salt and the digest to
/// store (`SHA-256(salt ‖ code)`): the code itself is only ever in the mail.
pub fn signature_code() -> (String, Vec<u8>, Vec<u8>) {
    // The largest multiple of a million below 2³²: above it, a draw would favour the
    // low codes.
    const CEILING: u32 = 4_294_000_000;
    let code = loop {
        let draw = OsRng.next_u32();
        if draw < CEILING {
            break draw % 1_000_000;
        }
    };
    let code = format!("{code:06}");
    let mut salt = vec![0u8; 16];
    OsRng.fill_bytes(&mut salt);
    let digest = code_digest(&salt, &code);
    (code, salt, digest)
}

pub fn code_digest(salt: &[u8], code: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(code.as_bytes());
    hasher.finalize().to_vec()
}

/// A random password for accounts created by the command line (about 120 bits).
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 24];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_codes_are_six_digits_salted_and_digested() {
        let (code, salt, digest) = signature_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(digest, code_digest(&salt, &code));
        let (_, other_salt, other) = signature_code();
        assert_ne!(salt, other_salt);
        assert_ne!(digest, other);
    }

    #[test]
    fn tokens_are_long_random_and_digested() {
        let (a, da) = generate();
        let (b, _) = generate();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(da, digest(&a));
        assert_eq!(da.len(), 32);
        assert_eq!(random_password().len(), 24);
    }
}
