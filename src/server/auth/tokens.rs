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
