//! Password authentication of the default user (`requirepass`), as Redis 7.0 does it without
//! ACL files: AUTH and HELLO's AUTH option check a password against the configured one, and
//! until a connection has passed, it may only run the commands Redis flags `no_auth` (AUTH,
//! HELLO, QUIT, RESET) and, unlike Redis, COMMAND (so redis-cli's command hints work before
//! AUTH; see docs/decisions.md).
//!
//! Passwords are compared as Redis's ACL code does: both sides are hashed with SHA-256 and
//! the digests compared in constant time, so the time taken says nothing about how much of a
//! guess was right.

use sha2::{Digest, Sha256};

/// The reply to a command refused before authentication.
pub const NOAUTH: &str = "NOAUTH Authentication required.";
/// A wrong password, or a user other than `default`.
pub const WRONGPASS: &str = "WRONGPASS invalid username-password pair or user is disabled.";
/// AUTH with a password while none is configured.
pub const NO_PASSWORD_SET: &str = "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?";
/// HELLO without AUTH from a connection that has not authenticated.
pub const HELLO_NOAUTH: &str = "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time";

/// Whether `given` is the password `required`, compared by SHA-256 digest in constant time
/// (every byte of both digests is read, whatever the first difference).
pub fn password_matches(given: &[u8], required: &str) -> bool {
    let a = Sha256::digest(given);
    let b = Sha256::digest(required.as_bytes());
    let diff = a
        .iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // `black_box` keeps the compiler from turning the fold into an early-exit comparison.
    std::hint::black_box(diff) == 0
}

/// Whether `user` with `password` is accepted when the configured password is `required`:
/// only the `default` user exists (as in Redis without ACL rules); with no password
/// configured it accepts any password, as Redis's `nopass` default user does.
pub fn user_matches(user: &[u8], password: &[u8], required: &str) -> bool {
    user == b"default" && (required.is_empty() || password_matches(password, required))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_compare_by_digest() {
        assert!(password_matches(b"secret", "secret"));
        assert!(!password_matches(b"secreT", "secret"));
        assert!(!password_matches(b"", "secret"));
        assert!(!password_matches(b"secret\0", "secret"));
    }

    #[test]
    fn only_the_default_user_exists() {
        assert!(user_matches(b"default", b"pw", "pw"));
        assert!(!user_matches(b"default", b"no", "pw"));
        assert!(!user_matches(b"bob", b"pw", "pw"));
        assert!(user_matches(b"default", b"anything", ""));
        assert!(!user_matches(b"Default", b"pw", "pw"));
    }
}
