//! Eviction, as Redis's `evict.c`: which key a shard drops when memory is over its limit.
//!
//! Every key carries 24 bits of access metadata in its [`Key`] (Redis's `robj.lru`): under
//! an LRU or non-LFU policy the LRU clock (seconds, 24 bits) of its last access; under an LFU
//! policy the minute of its last decrement (16 bits) and a logarithmic Morris counter
//! (8 bits) that grows more slowly the higher it is (`lfu-log-factor`) and loses one per
//! `lfu-decay-time` minutes of idleness. [`Access`] updates them on every
//! lookup (`Db::get`, `Db::get_mut`).
//!
//! [`Shard::evict_one`] picks the victim: for the LRU, LFU and TTL policies it samples
//! `maxmemory-samples` keys of every database into a pool of the 16 best candidates kept
//! between calls (idle time, 255 minus the LFU counter, or how soon the key expires) and drops
//! the best one still present; the random policies pick a random key, databases taken in turn.
//! volatile-* policies only ever look at the expiry table. The key goes through the same
//! removal path as DEL (watchers, a running snapshot's walk) and is logged to the AOF as
//! `DEL key`, as an expired key is.
//!
//! How much to evict is the server's business: it knows how memory is counted.

use crate::db::Db;
use crate::key::Key;
use crate::shard::Shard;

/// Candidates kept in the eviction pool (Redis's `EVPOOL_SIZE`).
pub const POOL_SIZE: usize = 16;
/// LFU counter of a new key (Redis's `LFU_INIT_VAL`): it is not evicted before it had a
/// chance to be used.
pub const LFU_INIT_VAL: u32 = 5;
/// The LRU clock's range: 24 bits of seconds.
const LRU_CLOCK_MAX: u32 = (1 << 24) - 1;

/// A `maxmemory-policy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Refuse writes that may grow memory.
    #[default]
    NoEviction,
    /// Least recently used among all keys.
    AllKeysLru,
    /// Least frequently used among all keys.
    AllKeysLfu,
    /// Any key.
    AllKeysRandom,
    /// Least recently used among keys with a TTL.
    VolatileLru,
    /// Least frequently used among keys with a TTL.
    VolatileLfu,
    /// Any key with a TTL.
    VolatileRandom,
    /// The key with a TTL that expires soonest.
    VolatileTtl,
}

impl Policy {
    /// The policy a `maxmemory-policy` value names.
    pub fn parse(name: &str) -> Option<Policy> {
        Some(match name {
            "noeviction" => Policy::NoEviction,
            "allkeys-lru" => Policy::AllKeysLru,
            "allkeys-lfu" => Policy::AllKeysLfu,
            "allkeys-random" => Policy::AllKeysRandom,
            "volatile-lru" => Policy::VolatileLru,
            "volatile-lfu" => Policy::VolatileLfu,
            "volatile-random" => Policy::VolatileRandom,
            "volatile-ttl" => Policy::VolatileTtl,
            _ => return None,
        })
    }

    /// True for the policies that only evict keys with a TTL.
    pub fn volatile_only(self) -> bool {
        matches!(
            self,
            Policy::VolatileLru
                | Policy::VolatileLfu
                | Policy::VolatileRandom
                | Policy::VolatileTtl
        )
    }

    /// True for the LFU policies (keys then carry an LFU counter instead of an LRU clock).
    pub fn is_lfu(self) -> bool {
        matches!(self, Policy::AllKeysLfu | Policy::VolatileLfu)
    }
}

/// How a database updates its keys' access metadata: the policy's kind and LFU tuning.
#[derive(Debug, Clone, Copy)]
pub struct Access {
    /// Keys carry LFU counters (else LRU clocks).
    pub lfu: bool,
    /// `lfu-log-factor`.
    pub lfu_log_factor: u32,
    /// `lfu-decay-time` (minutes).
    pub lfu_decay_time: u32,
    /// State of the random source of the counter's logarithmic increment.
    rng: u64,
}

impl Default for Access {
    fn default() -> Self {
        Access {
            lfu: false,
            lfu_log_factor: 10,
            lfu_decay_time: 1,
            rng: 0x9E37_79B9_7F4A_7C15,
        }
    }
}

/// The LRU clock at `now` (ms): seconds, modulo 2^24 (Redis's `LRU_CLOCK()`).
pub fn lru_clock(now: i64) -> u32 {
    ((now / 1000) as u64 & LRU_CLOCK_MAX as u64) as u32
}

/// Milliseconds since the access recorded by the LRU clock value `lru` (Redis's
/// `estimateObjectIdleTime`), allowing for the clock's wrap.
pub fn idle_ms(lru: u32, now: i64) -> u64 {
    let clock = lru_clock(now);
    let seconds = if clock >= lru {
        clock - lru
    } else {
        LRU_CLOCK_MAX - lru + clock
    };
    seconds as u64 * 1000
}

/// Minutes since the epoch, modulo 2^16 (Redis's `LFUGetTimeInMinutes`).
fn minutes(now: i64) -> u32 {
    ((now / 60_000) as u64 & 0xFFFF) as u32
}

impl Access {
    /// The metadata of a key created at `now`.
    #[inline]
    pub fn initial(&self, now: i64) -> u32 {
        if self.lfu {
            (minutes(now) << 8) | LFU_INIT_VAL
        } else {
            lru_clock(now)
        }
    }

    /// The LFU counter of `meta` after decay for the time idle (Redis's `LFUDecrAndReturn`).
    pub fn lfu_counter(&self, meta: u32, now: i64) -> u32 {
        let last = meta >> 8;
        let counter = meta & 0xFF;
        let now_min = minutes(now);
        let elapsed = if now_min >= last {
            now_min - last
        } else {
            65_535 - last + now_min
        };
        let periods = elapsed.checked_div(self.lfu_decay_time).unwrap_or(0);
        counter.saturating_sub(periods)
    }

    /// Records an access to `key` at `now` (Redis's `updateLFU` / the LRU clock update).
    #[inline]
    pub fn touch(&mut self, key: &mut Key, now: i64) {
        if !self.lfu {
            key.set_access(lru_clock(now));
            return;
        }
        let mut counter = self.lfu_counter(key.access(), now);
        if counter < 255 {
            // LFULogIncr: the higher the counter, the less likely it grows.
            let base = counter.saturating_sub(LFU_INIT_VAL) as f64;
            let p = 1.0 / (base * self.lfu_log_factor as f64 + 1.0);
            if self.random_unit() < p {
                counter += 1;
            }
        }
        key.set_access((minutes(now) << 8) | counter);
    }

    /// A uniform random number in [0, 1) (xorshift64*).
    fn random_unit(&mut self) -> f64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A candidate in the eviction pool.
#[derive(Debug, Clone)]
struct Candidate {
    /// Higher is a better victim.
    score: u64,
    /// The database holding it.
    db: usize,
    /// The key.
    key: Key,
}

/// The best candidates seen so far, ascending by score (Redis's `EvictionPoolLRU`).
#[derive(Debug, Default)]
pub struct EvictionPool {
    candidates: Vec<Candidate>,
}

impl EvictionPool {
    /// Offers a candidate: kept if the pool has room or it beats the worst one.
    fn offer(&mut self, score: u64, db: usize, key: &Key) {
        let pool = &mut self.candidates;
        if pool.iter().any(|c| c.db == db && c.key == *key) {
            return;
        }
        if pool.len() >= POOL_SIZE {
            if score <= pool[0].score {
                return;
            }
            pool.remove(0);
        }
        let at = pool.partition_point(|c| c.score <= score);
        pool.insert(
            at,
            Candidate {
                score,
                db,
                key: key.clone(),
            },
        );
    }
}

/// What a shard's eviction works with: the policy and samples per round.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvictionConfig {
    /// `maxmemory-policy`.
    pub policy: Policy,
    /// `maxmemory-samples`.
    pub samples: usize,
}

impl Shard {
    /// Installs the eviction policy and LFU tuning; every database updates its keys'
    /// metadata accordingly from now on.
    pub fn set_eviction(&mut self, config: EvictionConfig, lfu_log_factor: u32, decay: u32) {
        let lfu = config.policy.is_lfu();
        if lfu != self.eviction.policy.is_lfu() {
            // The pool's scores mean something else now.
            self.eviction_pool = EvictionPool::default();
        }
        self.eviction = config;
        for db in &mut self.dbs {
            db.access.lfu = lfu;
            db.access.lfu_log_factor = lfu_log_factor;
            db.access.lfu_decay_time = decay;
        }
    }

    /// How many keys the policy could evict now (0 under noeviction).
    pub fn evictable_keys(&self) -> usize {
        let policy = self.eviction.policy;
        if policy == Policy::NoEviction {
            return 0;
        }
        self.dbs
            .iter()
            .map(|db| {
                if policy.volatile_only() {
                    db.expires.len()
                } else {
                    db.entries.len()
                }
            })
            .sum()
    }

    /// Evicts one key as the policy says; false when the policy evicts nothing
    /// (noeviction) or no key qualifies. Counts it in `evicted_keys`.
    pub fn evict_one(&mut self, now: i64) -> bool {
        let policy = self.eviction.policy;
        let evicted = match policy {
            Policy::NoEviction => false,
            Policy::AllKeysRandom | Policy::VolatileRandom => self.evict_random(),
            _ => self.evict_from_pool(now),
        };
        if evicted {
            self.stats.evicted_keys += 1;
        }
        evicted
    }

    /// The random policies: a random key of the next database that has one.
    fn evict_random(&mut self) -> bool {
        let volatile = self.eviction.policy.volatile_only();
        let ndbs = self.dbs.len();
        for _ in 0..ndbs {
            let index = self.evict_next_db % ndbs;
            self.evict_next_db = self.evict_next_db.wrapping_add(1);
            let db = &mut self.dbs[index];
            let len = if volatile {
                db.expires.len()
            } else {
                db.entries.len()
            };
            if len == 0 {
                continue;
            }
            let at = self.rng.below(len);
            let key = if volatile {
                db.expires.get_index(at).map(|(k, _)| k.clone())
            } else {
                db.entries.get_index(at).map(|(k, _)| k.clone())
            };
            if let Some(key) = key {
                db.evict(&key);
                self.note_evicted(index, key.as_bytes());
                return true;
            }
        }
        false
    }

    /// The LRU, LFU and TTL policies: sample into the pool, evict its best present key.
    fn evict_from_pool(&mut self, now: i64) -> bool {
        let policy = self.eviction.policy;
        let samples = self.eviction.samples.max(1);
        // Each round either evicts or empties the pool of stale candidates; a bounded number
        // of rounds keeps a shard whose sampling keeps failing from spinning.
        for _ in 0..16 {
            let mut candidates = 0;
            for index in 0..self.dbs.len() {
                let db = &self.dbs[index];
                let len = if policy.volatile_only() {
                    db.expires.len()
                } else {
                    db.entries.len()
                };
                candidates += len;
                // Like Redis's dictGetSomeKeys: a table no larger than the sample is
                // taken whole.
                let whole = len <= samples;
                for n in 0..samples.min(len) {
                    let at = if whole { n } else { self.rng.below(len) };
                    if let Some((score, key)) = score_at(db, policy, at, now) {
                        self.eviction_pool.offer(score, index, key);
                    }
                }
            }
            if candidates == 0 {
                return false;
            }
            while let Some(best) = self.eviction_pool.candidates.pop() {
                let db = &mut self.dbs[best.db];
                if db.entries.contains_key(best.key.as_bytes()) {
                    db.evict(&best.key);
                    self.note_evicted(best.db, best.key.as_bytes());
                    return true;
                }
            }
        }
        false
    }
}

/// The eviction score of the key at dense index `at` of the table `policy` samples from, with
/// the key.
fn score_at(db: &Db, policy: Policy, at: usize, now: i64) -> Option<(u64, &Key)> {
    if policy == Policy::VolatileTtl {
        let (key, &when) = db.expires.get_index(at)?;
        return Some((u64::MAX - when.max(0) as u64, key));
    }
    let key = if policy.volatile_only() {
        let (key, _) = db.expires.get_index(at)?;
        db.entries.get_key_value(key.as_bytes())?.0
    } else {
        db.entries.get_index(at)?.0
    };
    let score = if policy.is_lfu() {
        255 - db.access.lfu_counter(key.access(), now) as u64
    } else {
        idle_ms(key.access(), now)
    };
    Some((score, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    /// Stores a string under `key` as a command running at `now` would.
    fn set_at(db: &mut Db, key: &[u8], now: i64) {
        db.now = now;
        db.set(key, Value::string(b"v"));
    }

    fn shard_with(policy: Policy) -> Shard {
        let mut shard = Shard::new(2, 7);
        shard.set_eviction(
            EvictionConfig {
                policy,
                samples: 10,
            },
            10,
            1,
        );
        shard
    }

    #[test]
    fn lru_evicts_the_key_idle_longest() {
        let mut shard = shard_with(Policy::AllKeysLru);
        let db = &mut shard.dbs[0];
        for i in 0..8 {
            set_at(db, format!("k{i}").as_bytes(), 1_000_000);
        }
        for i in 1..8 {
            db.get(format!("k{i}").as_bytes(), 2_000_000);
        }
        assert!(shard.evict_one(2_000_000));
        assert!(!shard.dbs[0].contains(b"k0", 2_000_000));
        assert_eq!(shard.stats.evicted_keys, 1);
    }

    #[test]
    fn lfu_keeps_the_key_used_most() {
        let mut shard = shard_with(Policy::AllKeysLfu);
        let db = &mut shard.dbs[0];
        set_at(db, b"hot", 0);
        set_at(db, b"cold", 0);
        for _ in 0..200 {
            db.get(b"hot", 0);
        }
        let hot = db
            .entries
            .get_key_value(&b"hot"[..])
            .map(|(k, _)| k.access());
        assert!(db.access.lfu_counter(hot.unwrap_or(0), 0) > LFU_INIT_VAL);
        assert!(shard.evict_one(0));
        assert!(shard.dbs[0].contains(b"hot", 0));
        assert!(!shard.dbs[0].contains(b"cold", 0));
    }

    #[test]
    fn lfu_counters_decay_with_idle_minutes() {
        let access = Access::default();
        let meta = (minutes(0) << 8) | 20;
        assert_eq!(access.lfu_counter(meta, 0), 20);
        assert_eq!(access.lfu_counter(meta, 3 * 60_000), 17);
        assert_eq!(access.lfu_counter(meta, 600 * 60_000), 0);
    }

    #[test]
    fn volatile_policies_never_touch_keys_without_a_ttl() {
        for policy in [
            Policy::VolatileLru,
            Policy::VolatileLfu,
            Policy::VolatileRandom,
            Policy::VolatileTtl,
        ] {
            let mut shard = shard_with(policy);
            for i in 0..20 {
                shard.dbs[1].set(format!("p{i}").as_bytes(), Value::string(b"v"));
            }
            shard.dbs[1].set(b"v1", Value::string(b"v"));
            shard.dbs[1].set_expire(b"v1", i64::MAX / 2);
            shard.dbs[1].set(b"v2", Value::string(b"v"));
            shard.dbs[1].set_expire(b"v2", i64::MAX / 4);
            assert!(shard.evict_one(0), "{policy:?}");
            assert!(shard.evict_one(0), "{policy:?}");
            assert!(
                !shard.evict_one(0),
                "{policy:?}: only keys without a TTL are left"
            );
            assert_eq!(shard.dbs[1].len(), 20);
        }
    }

    #[test]
    fn volatile_ttl_evicts_the_soonest_to_expire() {
        let mut shard = shard_with(Policy::VolatileTtl);
        for (key, when) in [(&b"late"[..], 9_000_000), (b"soon", 5_000_000)] {
            shard.dbs[0].set(key, Value::string(b"v"));
            shard.dbs[0].set_expire(key, when);
        }
        assert!(shard.evict_one(0));
        assert!(shard.dbs[0].contains(b"late", 0));
    }

    #[test]
    fn noeviction_and_an_empty_shard_evict_nothing() {
        let mut shard = shard_with(Policy::NoEviction);
        shard.dbs[0].set(b"k", Value::string(b"v"));
        assert!(!shard.evict_one(0));
        assert!(!shard_with(Policy::AllKeysLru).evict_one(0));
        assert!(!shard_with(Policy::AllKeysRandom).evict_one(0));
    }

    #[test]
    fn an_evicted_key_changes_its_watchers_and_is_logged_as_del() {
        let mut shard = shard_with(Policy::AllKeysRandom);
        shard.set_aof_enabled(true);
        shard.dbs[0].set(b"k", Value::string(b"v"));
        shard.dbs[0].watched.register(b"k");
        let version = shard.dbs[0].watched.version(b"k");
        assert!(shard.evict_one(0));
        assert_ne!(shard.dbs[0].watched.version(b"k"), version);
        shard.log_expired();
        let log = shard.aof.take();
        assert!(
            log.ends_with(b"*2\r\n$3\r\nDEL\r\n$1\r\nk\r\n"),
            "{}",
            String::from_utf8_lossy(&log)
        );
    }
}
