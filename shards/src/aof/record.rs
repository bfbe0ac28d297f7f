//! What a running shard appends to its append-only file: the log itself ([`AofLog`]), the
//! hooks the server calls around commands, the state of one key as commands, and the framing
//! of a transaction's part. See the parent module for what is logged and why.

use crate::db::Key;
use crate::shard::Shard;
use crate::value::Value;
use bytes::Bytes;

/// Items per constructor command when a key's state is written out (Redis's
/// `AOF_REWRITE_ITEMS_PER_CMD`).
pub const ITEMS_PER_COMMAND: usize = 64;

/// A shard's record of the writes it ran, waiting for the server to collect it.
///
/// Disabled by default: then every hook is one predictable branch and nothing is recorded.
#[derive(Debug, Default)]
pub struct AofLog {
    /// Whether writes are recorded.
    enabled: bool,
    /// Whether the databases' [`ExpiryHooks`] record expired keys (kept equal to `enabled`
    /// by [`Shard::sync_aof`]).
    dbs_recording: bool,
    /// Whether the shard is replaying a log (nothing expires).
    loading: bool,
    /// The RESP bytes appended since the last [`AofLog::take`].
    buf: Vec<u8>,
    /// The database the last record written to the stream ran in; `None` when the next one
    /// must start with SELECT.
    stream_db: Option<usize>,
    /// What the running command logs instead of its arguments, when its handler said so.
    pub(super) override_cmds: Option<Vec<Vec<Bytes>>>,
}

impl AofLog {
    /// A disabled log.
    pub fn new() -> Self {
        AofLog::default()
    }

    /// Turns recording on or off. Turning it off drops anything not yet taken. The databases
    /// start noting expired keys at the shard's next command or expiry cycle; use
    /// [`Shard::set_aof_enabled`] to have them follow at once.
    pub fn set_enabled(&mut self, on: bool) {
        self.enabled = on;
        if !on {
            self.buf = Vec::new();
            self.override_cmds = None;
            self.stream_db = None;
        }
    }

    /// True when writes are recorded.
    #[inline]
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// True while the shard replays a log.
    #[inline]
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// The bytes appended since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }

    /// Bytes recorded since the last [`AofLog::take`].
    #[inline]
    pub fn pending_len(&self) -> usize {
        self.buf.len()
    }

    /// Makes the next record start with SELECT: the server is about to put something else
    /// (a transaction's part) into the stream between this log's records.
    pub fn forget_db(&mut self) {
        self.stream_db = None;
    }

    /// True when the databases' expiry hooks disagree with `enabled`.
    #[inline]
    pub(crate) fn needs_sync(&self) -> bool {
        self.enabled != self.dbs_recording
    }

    /// Sets what the running command logs instead of its arguments.
    pub(crate) fn set_override(&mut self, cmds: Vec<Vec<Bytes>>) {
        self.override_cmds = Some(cmds);
    }

    /// Appends one command that ran in database `db`, preceded by SELECT when the stream's
    /// current database differs.
    pub(crate) fn append<A: AsRef<[u8]>>(&mut self, db: usize, args: &[A]) {
        if self.stream_db != Some(db) {
            encode_command(
                &mut self.buf,
                &[b"SELECT".as_slice(), db.to_string().as_bytes()],
            );
            self.stream_db = Some(db);
        }
        encode_command(&mut self.buf, args);
    }
}

/// Per database: the keys removed because their time passed since the shard last logged them,
/// and whether keys may expire at all. Lives in [`crate::Db`] because expiry happens there.
#[derive(Debug, Default)]
pub(crate) struct ExpiryHooks {
    /// Whether expired keys are noted (the shard's log is enabled).
    recording: bool,
    /// While loading no key expires.
    pub(crate) loading: bool,
    /// Keys expired and not yet logged.
    expired: Vec<Key>,
}

impl ExpiryHooks {
    /// Notes that `key` was removed because its time passed.
    #[inline]
    pub(crate) fn note_expired(&mut self, key: &[u8]) {
        if self.recording {
            self.expired.push(key.into());
        }
    }
}

/// Appends `args` as a RESP array of bulk strings.
pub fn encode_command<A: AsRef<[u8]>>(out: &mut Vec<u8>, args: &[A]) {
    out.push(b'*');
    out.extend_from_slice(args.len().to_string().as_bytes());
    out.extend_from_slice(b"\r\n");
    for arg in args {
        let arg = arg.as_ref();
        out.push(b'$');
        out.extend_from_slice(arg.len().to_string().as_bytes());
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(arg);
        out.extend_from_slice(b"\r\n");
    }
}

/// A command built from words, for [`crate::Ctx::propagate`].
pub fn command(words: &[&[u8]]) -> Vec<Bytes> {
    words.iter().map(|w| Bytes::copy_from_slice(w)).collect()
}

/// A number as a command argument.
pub fn int_arg(n: i64) -> Bytes {
    Bytes::from(n.to_string())
}

/// Frames one part of a transaction for the server: `TXPART <txid> <nparts>`, `MULTI`,
/// `body` (whose first record already starts with SELECT), `EXEC`.
///
/// The way to get such a body from a shard: [`AofLog::take`] what is pending (it belongs to
/// the stream before the part), [`AofLog::forget_db`], run the part's commands (each through
/// [`Shard::finish_command`]), `take` the body, and `forget_db` again so the stream's next
/// record starts with its own SELECT wherever the part lands.
pub fn encode_tx_part(txid: u64, nparts: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 64);
    encode_command(
        &mut out,
        &[
            b"TXPART".as_slice(),
            txid.to_string().as_bytes(),
            nparts.to_string().as_bytes(),
        ],
    );
    encode_command(&mut out, &[b"MULTI"]);
    out.extend_from_slice(body);
    encode_command(&mut out, &[b"EXEC"]);
    out
}

impl Shard {
    /// Makes the databases' expiry hooks follow the log's enabled flag (cheap to call; the
    /// shard calls it before a command when they differ).
    pub(crate) fn sync_aof(&mut self) {
        let on = self.aof.enabled;
        for db in &mut self.dbs {
            db.aof.recording = on;
            if !on {
                db.aof.expired = Vec::new();
            }
        }
        self.aof.dbs_recording = on;
    }

    /// Turns the log on or off, the databases' expired-key hooks with it at once
    /// ([`AofLog::set_enabled`] alone lets them follow at the next command).
    pub fn set_aof_enabled(&mut self, on: bool) {
        self.aof.set_enabled(on);
        self.sync_aof();
    }

    /// Marks the shard as loading (replaying a log) or not: while loading no key expires.
    pub fn set_loading(&mut self, on: bool) {
        self.aof.loading = on;
        for db in &mut self.dbs {
            db.aof.loading = on;
        }
    }

    /// Called by the server after every command it ran through [`Shard::run`] in database
    /// `db`; `log_it` is true when the command is flagged `write` and did not reply an error.
    /// Appends `DEL` for every key that expired during the command, then what the handler
    /// chose to log ([`crate::Ctx::propagate`]) or else `args` when `log_it`.
    pub fn finish_command(&mut self, db: usize, args: &[Bytes], log_it: bool) {
        if !self.aof.enabled {
            return;
        }
        self.log_expired();
        match self.aof.override_cmds.take() {
            Some(cmds) => {
                for cmd in &cmds {
                    self.aof.append(db, cmd);
                }
            }
            None if log_it => self.aof.append(db, args),
            None => {}
        }
    }

    /// Appends `DEL key` for every key that expired since the last call (after the active
    /// expiry cycle; [`Shard::finish_command`] does it too).
    pub fn log_expired(&mut self) {
        if !self.aof.enabled {
            return;
        }
        if self.aof.needs_sync() {
            self.sync_aof();
        }
        let Shard { dbs, aof, .. } = self;
        for (index, db) in dbs.iter_mut().enumerate() {
            if db.aof.expired.is_empty() {
                continue;
            }
            for key in std::mem::take(&mut db.aof.expired) {
                aof.append(index, &[b"DEL".as_slice(), key.as_bytes()]);
            }
        }
    }

    /// Appends the commands that recreate `key`'s current state in database `db` exactly:
    /// `DEL key`, then (when it exists) its type's constructor in chunks of at most
    /// [`ITEMS_PER_COMMAND`] items and `PEXPIREAT key <ms>` when it has a time. For values
    /// moved between shards and for rewriting the log.
    pub fn log_key_state(&mut self, db: usize, key: &[u8]) {
        if !self.aof.enabled {
            return;
        }
        let Shard { dbs, aof, .. } = self;
        let Some(database) = dbs.get(db) else {
            return;
        };
        aof.append(db, &[b"DEL".as_slice(), key]);
        let Some(value) = database.entries.get(key) else {
            return;
        };
        let key = Bytes::copy_from_slice(key);
        match value {
            Value::Str(s) => aof.append(
                db,
                &[
                    Bytes::from_static(b"SET"),
                    key.clone(),
                    Bytes::copy_from_slice(s),
                ],
            ),
            Value::Int(n) => aof.append(
                db,
                &[
                    Bytes::from_static(b"SET"),
                    key.clone(),
                    Bytes::from(n.to_string()),
                ],
            ),
            Value::List(list) => {
                let items = list.iter().map(|i| vec![Bytes::copy_from_slice(i)]);
                append_chunked(aof, db, b"RPUSH", &key, items);
            }
            Value::Hash(hash) => {
                let items = hash
                    .iter()
                    .map(|(f, v)| vec![Bytes::copy_from_slice(f), Bytes::copy_from_slice(v)]);
                append_chunked(aof, db, b"HSET", &key, items);
            }
            Value::Set(set) => {
                let items = set.iter().map(|m| vec![Bytes::from(m.to_vec())]);
                append_chunked(aof, db, b"SADD", &key, items);
            }
            Value::ZSet(zset) => {
                let items = zset
                    .iter()
                    .map(|(m, s)| vec![Bytes::from(score_text(s)), Bytes::copy_from_slice(m)]);
                append_chunked(aof, db, b"ZADD", &key, items);
            }
        }
        if let Some(when) = database.expire_at(&key) {
            aof.append(db, &[Bytes::from_static(b"PEXPIREAT"), key, int_arg(when)]);
        }
    }
}

/// Appends `name key item...` commands of at most [`ITEMS_PER_COMMAND`] items each.
fn append_chunked(
    aof: &mut AofLog,
    db: usize,
    name: &'static [u8],
    key: &Bytes,
    items: impl Iterator<Item = Vec<Bytes>>,
) {
    let start = || vec![Bytes::from_static(name), key.clone()];
    let mut cmd = start();
    let mut count = 0;
    for item in items {
        cmd.extend(item);
        count += 1;
        if count == ITEMS_PER_COMMAND {
            aof.append(db, &cmd);
            cmd = start();
            count = 0;
        }
    }
    if count > 0 {
        aof.append(db, &cmd);
    }
}

/// A score as text that parses back to the identical `f64` (`inf` and `-inf` included).
pub fn score_text(score: f64) -> String {
    if score == f64::INFINITY {
        "inf".to_string()
    } else if score == f64::NEG_INFINITY {
        "-inf".to_string()
    } else {
        // `{:?}` is the shortest text that round-trips, with an exponent when that is
        // shorter (`1e300`), which Redis's strtod-based parsing accepts.
        format!("{score:?}")
    }
}
