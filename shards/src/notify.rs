//! Keyspace notifications (`notify-keyspace-events`): the event classes Redis 7.0 has, their
//! letters, and the shard's buffer of events that handlers emit.
//!
//! A handler calls [`crate::shard::Ctx::notify`] with the event's class, name and key. When
//! the configured flags do not want that class, that is one predictable branch and nothing
//! else; otherwise the event is buffered, and the server drains the buffer after each batch
//! of work ([`crate::shard::Shard::take_events`]) and publishes `__keyspace@<db>__:<key>` and
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

/// The shard's configured classes and its buffer of events not yet published.
#[derive(Debug, Default)]
pub struct Notifier {
    /// The configured flags; 0 when neither `K` nor `E` is set (nothing is published then).
    flags: u32,
    events: Vec<Event>,
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

    /// Buffers an event of `class` when that class is wanted.
    #[inline]
    pub fn notify(&mut self, class: u32, event: &'static str, db: usize, key: &[u8]) {
        if self.wants(class) {
            self.events.push(Event {
                db,
                event,
                key: Bytes::copy_from_slice(key),
            });
        }
    }

    /// Takes the buffered events.
    pub fn take(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Whether any event waits.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
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
    fn events_are_kept_only_when_wanted() {
        let mut n = Notifier::default();
        n.set_flags(GENERIC);
        n.notify(GENERIC, "del", 0, b"k");
        assert!(n.is_empty(), "without K or E nothing is published");
        n.set_flags(GENERIC | KEYEVENT);
        n.notify(STRING, "set", 0, b"k");
        n.notify(GENERIC, "del", 1, b"k");
        assert_eq!(
            n.take(),
            vec![Event {
                db: 1,
                event: "del",
                key: Bytes::from_static(b"k")
            }]
        );
    }
}
