//! Keyspace notifications (`notify-keyspace-events`): the event classes Redis 7.0 has, their
//! letters, and the shard's buffer of events that handlers emit.
//!
//! A handler calls [`crate::shard::Ctx::notify`] with the event's class, name and key; the
//! database itself notes keys it creates (`new`), expires (`expired`) and that reads miss
//! (`keymiss`). When the configured flags do not want that class, that is one predictable
//! branch and nothing else; otherwise the event is buffered in the database's ordered list,
//! and the server drains the buffers after each batch of work
//! ([`crate::shard::Shard::take_events`]) and publishes `__keyspace@<db>__:<key>` and
//! `__keyevent@<db>__:<event>` as PUBLISH would.

use bytes::Bytes;

/// `K`: publish on `__keyspace@<db>__:<key>`.
pub const KEYSPACE: u32 = 1 << 0;
/// `E`: publish on `__keyevent@<db>__:<event>`.
pub const KEYEVENT: u32 = 1 << 1;
/// `g`: generic commands (DEL, EXPIRE, RENAME, ...).
pub const GENERIC: u32 = 1 << 2;
/// `$`: string commands.
pub const STRING: u32 = 1 << 3;
/// `l`: list commands.
pub const LIST: u32 = 1 << 4;
/// `s`: set commands.
pub const SET: u32 = 1 << 5;
/// `h`: hash commands.
pub const HASH: u32 = 1 << 6;
/// `z`: sorted set commands.
pub const ZSET: u32 = 1 << 7;
/// `x`: a key expired.
pub const EXPIRED: u32 = 1 << 8;
/// `e`: a key was evicted.
pub const EVICTED: u32 = 1 << 9;
/// `t`: stream commands.
pub const STREAM: u32 = 1 << 10;
/// `m`: a key was looked up and missing.
pub const KEY_MISS: u32 = 1 << 11;
/// `d`: module key types.
pub const MODULE: u32 = 1 << 13;
/// `n`: a new key was created.
pub const NEW: u32 = 1 << 14;
/// Any class: for an event whose class was checked where it was raised (a command gathered
/// into a scratch shard, whose events are raised again on each key's owner).
pub const ANY: u32 = KEYSPACE | KEYEVENT;
/// `A`: `g$lshzxetd`.
pub const ALL: u32 =
    GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

/// Redis's `keyspaceEventsStringToFlags`: `None` for a letter it does not know.
pub fn parse_flags(text: &[u8]) -> Option<u32> {
    let mut flags = 0;
    for &c in text {
        flags |= match c {
            b'A' => ALL,
            b'g' => GENERIC,
            b'$' => STRING,
            b'l' => LIST,
            b's' => SET,
            b'h' => HASH,
            b'z' => ZSET,
            b'x' => EXPIRED,
            b'e' => EVICTED,
            b'K' => KEYSPACE,
            b'E' => KEYEVENT,
            b't' => STREAM,
            b'm' => KEY_MISS,
            b'd' => MODULE,
            b'n' => NEW,
            _ => return None,
        };
    }
    Some(flags)
}

/// Redis's `keyspaceEventsFlagsToString`: the canonical form CONFIG GET shows.
pub fn flags_to_string(flags: u32) -> String {
    let mut out = String::new();
    if flags & ALL == ALL {
        out.push('A');
    } else {
        for (bit, c) in [
            (GENERIC, 'g'),
            (STRING, '$'),
            (LIST, 'l'),
            (SET, 's'),
            (HASH, 'h'),
            (ZSET, 'z'),
            (EXPIRED, 'x'),
            (EVICTED, 'e'),
            (STREAM, 't'),
            (MODULE, 'd'),
            (NEW, 'n'),
        ] {
            if flags & bit != 0 {
                out.push(c);
            }
        }
    }
    for (bit, c) in [(KEYSPACE, 'K'), (KEYEVENT, 'E'), (KEY_MISS, 'm')] {
        if flags & bit != 0 {
            out.push(c);
        }
    }
    out
}

/// One event to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Database index.
    pub db: usize,
    /// Event name (`set`, `del`, `expired`, ...).
    pub event: &'static str,
    /// The key.
    pub key: Bytes,
}

/// The shard's configured classes. The events themselves are buffered per database
/// (`Db::notify`), so expirations, key creations and the handlers' events of one key stay in
/// the order they happened.
#[derive(Debug, Default)]
pub struct Notifier {
    /// The configured flags; 0 when neither `K` nor `E` is set (nothing is published then).
    flags: u32,
}

impl Notifier {
    /// Uses `flags` (as parsed from `notify-keyspace-events`) from now on.
    pub fn set_flags(&mut self, flags: u32) {
        self.flags = if flags & (KEYSPACE | KEYEVENT) == 0 {
            0
        } else {
            flags
        };
    }

    /// The flags in effect (0: nothing is published).
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// Whether events of `class` are wanted.
    #[inline]
    pub fn wants(&self, class: u32) -> bool {
        self.flags & class != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_show_as_redis() {
        let show = |s: &str| parse_flags(s.as_bytes()).map(flags_to_string);
        assert_eq!(show(""), Some(String::new()));
        assert_eq!(show("KEA"), Some("AKE".into()));
        assert_eq!(show("g$lshzxetdKEmn"), Some("AKEm".into()));
        assert_eq!(show("Ex"), Some("xE".into()));
        assert_eq!(show("nK$"), Some("$nK".into()));
        assert_eq!(show("KQ"), None);
    }

    #[test]
    fn nothing_is_wanted_without_k_or_e() {
        let mut n = Notifier::default();
        n.set_flags(GENERIC);
        assert!(!n.wants(GENERIC), "without K or E nothing is published");
        n.set_flags(GENERIC | KEYEVENT);
        assert!(n.wants(GENERIC) && !n.wants(STRING));
    }

    #[test]
    fn events_keep_their_order_per_database() {
        let mut shard = crate::Shard::new(2, 1);
        shard.set_notify_flags(ALL | NEW | KEYSPACE);
        shard.dbs[1].set(b"k", crate::Value::string(b"v"));
        shard.dbs[1].notify(STRING, "set", b"k");
        shard.dbs[1].set_expire(b"k", 5);
        assert!(shard.dbs[1].get(b"k", 10).is_none());
        shard.note_evicted(0, b"x");
        let events: Vec<(usize, &str, Bytes)> = shard
            .take_events()
            .into_iter()
            .map(|e| (e.db, e.event, e.key))
            .collect();
        let k = Bytes::from_static(b"k");
        assert_eq!(
            events,
            vec![
                (0, "evicted", Bytes::from_static(b"x")),
                (1, "new", k.clone()),
                (1, "set", k.clone()),
                (1, "expired", k),
            ]
        );
        assert!(shard.take_events().is_empty());
    }
}
