//! The scripts every shard knows: one process-wide table of script bodies by SHA1, so a
//! script loaded through one connection (SCRIPT LOAD, EVAL) runs by EVALSHA on every shard,
//! as Redis's one script cache does. Each shard's interpreter compiles a body the first time
//! it runs it there. Also remembers which scripts must run under the keyspace-wide lock
//! (they touched a key on a shard they did not declare; see docs/scripting.md).
//!
//! The table is behind a `Mutex` taken by script commands only (EVAL, EVALSHA, SCRIPT), never
//! by other requests.

use bytes::Bytes;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// One known script.
#[derive(Debug, Clone)]
struct Known {
    body: Bytes,
    /// It touched keys outside the shards it declared: it runs holding every shard.
    wide: bool,
}

/// Scripts by lowercase hex SHA1.
static SCRIPTS: OnceLock<Mutex<HashMap<String, Known>>> = OnceLock::new();

fn table() -> MutexGuard<'static, HashMap<String, Known>> {
    let lock = SCRIPTS.get_or_init(|| Mutex::new(HashMap::new()));
    // A panic while holding it cannot leave the table half-updated: every update is one
    // insert, remove or clear.
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Remembers `body` under `sha` (its SHA1), keeping what was learned about it.
pub fn remember(sha: &str, body: &Bytes) {
    table().entry(sha.to_string()).or_insert_with(|| Known {
        body: body.clone(),
        wide: false,
    });
}

/// The body of the script `sha` (any case), if known.
pub fn body(sha: &str) -> Option<Bytes> {
    table()
        .get(&sha.to_ascii_lowercase())
        .map(|k| k.body.clone())
}

/// Whether the script `sha` is known (SCRIPT EXISTS).
pub fn exists(sha: &str) -> bool {
    table().contains_key(&sha.to_ascii_lowercase())
}

/// Whether the script `sha` must run under the keyspace-wide lock.
pub fn is_wide(sha: &str) -> bool {
    table().get(sha).is_some_and(|k| k.wide)
}

/// From now on the script `sha` runs under the keyspace-wide lock.
pub fn mark_wide(sha: &str) {
    if let Some(known) = table().get_mut(sha) {
        known.wide = true;
    }
}

/// Forgets every script (SCRIPT FLUSH).
pub fn forget_all() {
    table().clear();
}

/// How many scripts are known (INFO's `number_of_cached_scripts`).
pub fn count() -> usize {
    table().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_is_known_by_its_sha_in_any_case_and_learns_to_run_wide() {
        let sha = "0123456789abcdef0123456789abcdef01234567";
        remember(sha, &Bytes::from_static(b"return 1"));
        assert!(exists(&sha.to_ascii_uppercase()));
        assert_eq!(body(sha), Some(Bytes::from_static(b"return 1")));
        assert!(!is_wide(sha));
        mark_wide(sha);
        assert!(is_wide(sha));
        // Loading it again keeps what was learned.
        remember(sha, &Bytes::from_static(b"return 1"));
        assert!(is_wide(sha));
    }
}
