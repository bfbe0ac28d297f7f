//! Reading a segment back: the RESP parser (a cut-off tail is a normal outcome, reported as
//! truncated; anything else malformed is an error with its offset), the grouping of MULTI ...
//! EXEC and transaction parts, and the replay of the commands into a shard that is loading.

use crate::reply::Reply;
use crate::shard::{Handler, Shard};
use bytes::Bytes;
use std::fmt;

/// Why a log could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AofError {
    /// A record is not a RESP array of bulk strings (or a SELECT, MULTI, EXEC or TXPART is
    /// malformed or out of place).
    BadFormat {
        /// Byte offset of the record in the segment.
        offset: usize,
    },
    /// A command no handler is known for.
    UnknownCommand {
        /// Byte offset of the record in the segment.
        offset: usize,
        /// The command's name, as written.
        name: String,
    },
    /// A command's handler could not run it (its arguments do not fit the command).
    BadCommand {
        /// Byte offset of the record in the segment.
        offset: usize,
    },
}

impl fmt::Display for AofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AofError::BadFormat { offset } => write!(
                f,
                "Bad file format reading the append only file (at offset {offset})"
            ),
            AofError::UnknownCommand { offset, name } => write!(
                f,
                "Unknown command '{name}' reading the append only file (at offset {offset})"
            ),
            AofError::BadCommand { offset } => write!(
                f,
                "Bad command arguments reading the append only file (at offset {offset})"
            ),
        }
    }
}

impl std::error::Error for AofError {}

/// What [`replay`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayReport {
    /// Commands run through their handlers.
    pub commands: u64,
    /// When the log ends in the middle of a command or inside a MULTI without EXEC: the
    /// length of the prefix that was applied (the server may truncate the file to it).
    pub truncated: Option<usize>,
}

/// One parsed record: its byte offset and its arguments.
struct Record {
    offset: usize,
    args: Vec<Bytes>,
}

/// Largest element count or bulk length accepted (no real record comes close; a flipped
/// digit must not make the parser reserve memory).
const MAX_LEN: usize = 1 << 40;

/// Reads a decimal `usize` ended by CRLF at `pos`: `Ok(None)` when the bytes end first.
fn read_len(bytes: &[u8], pos: usize, start: usize) -> Result<Option<(usize, usize)>, AofError> {
    let mut n: usize = 0;
    let mut i = pos;
    loop {
        let Some(&c) = bytes.get(i) else {
            return Ok(None);
        };
        match c {
            b'0'..=b'9' => {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(c - b'0')))
                    .filter(|&n| n <= MAX_LEN)
                    .ok_or(AofError::BadFormat { offset: start })?;
            }
            b'\r' if i > pos => {
                return match bytes.get(i + 1) {
                    None => Ok(None),
                    Some(b'\n') => Ok(Some((n, i + 2))),
                    Some(_) => Err(AofError::BadFormat { offset: start }),
                };
            }
            _ => return Err(AofError::BadFormat { offset: start }),
        }
        i += 1;
    }
}

/// Parses the record at `pos`: `Ok(None)` when the bytes end inside it.
fn parse_record(bytes: &[u8], pos: usize) -> Result<Option<(Record, usize)>, AofError> {
    let bad = AofError::BadFormat { offset: pos };
    if bytes[pos] != b'*' {
        return Err(bad);
    }
    let Some((count, mut at)) = read_len(bytes, pos + 1, pos)? else {
        return Ok(None);
    };
    if count == 0 {
        return Err(bad);
    }
    let mut args = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        match bytes.get(at) {
            None => return Ok(None),
            Some(b'$') => {}
            Some(_) => return Err(bad),
        }
        let Some((len, data)) = read_len(bytes, at + 1, pos)? else {
            return Ok(None);
        };
        let end = data.checked_add(len).ok_or(bad.clone())?;
        if end + 2 > bytes.len() {
            return Ok(None);
        }
        if &bytes[end..end + 2] != b"\r\n" {
            return Err(bad);
        }
        args.push(Bytes::copy_from_slice(&bytes[data..end]));
        at = end + 2;
    }
    Ok(Some((Record { offset: pos, args }, at)))
}

/// A record's command name, lowercased.
fn name_of(record: &Record) -> Vec<u8> {
    record.args[0].to_ascii_lowercase()
}

/// Parses a `TXPART txid nparts` marker.
fn parse_txpart(record: &Record) -> Result<(u64, u32), AofError> {
    let bad = AofError::BadFormat {
        offset: record.offset,
    };
    if record.args.len() != 3 {
        return Err(bad);
    }
    let number = |b: &Bytes| {
        std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
    };
    let txid = number(&record.args[1]).ok_or(bad.clone())?;
    let nparts = number(&record.args[2])
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(bad)?;
    Ok((txid, nparts))
}

/// One unit of a log: a lone command, or a MULTI ... EXEC group (with its TXPART marker).
enum Unit {
    /// A command outside any MULTI.
    Single(Record),
    /// A MULTI ... EXEC group; `tx` is its TXPART marker's (txid, nparts).
    Group {
        tx: Option<(u64, u32)>,
        records: Vec<Record>,
    },
}

/// Walks a log unit by unit.
struct Units<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Units<'_> {
    /// The next unit with the offset just past it; `Ok(None)` at the end, or when the log
    /// ends inside the unit (then `pos` stays at the unit's start).
    fn next_unit(&mut self) -> Result<Option<Unit>, AofError> {
        let start = self.pos;
        let Some((first, mut at)) = self.record(start)? else {
            return Ok(None);
        };
        let name = name_of(&first);
        let tx = match name.as_slice() {
            b"exec" => return Err(AofError::BadFormat { offset: start }),
            b"txpart" => {
                let tx = parse_txpart(&first)?;
                let Some((multi, next)) = self.record(at)? else {
                    return Ok(None);
                };
                if name_of(&multi) != b"multi" || multi.args.len() != 1 {
                    return Err(AofError::BadFormat {
                        offset: multi.offset,
                    });
                }
                at = next;
                Some(tx)
            }
            b"multi" if first.args.len() == 1 => None,
            b"multi" => return Err(AofError::BadFormat { offset: start }),
            _ => {
                self.pos = at;
                return Ok(Some(Unit::Single(first)));
            }
        };
        let mut records = Vec::new();
        loop {
            let Some((record, next)) = self.record(at)? else {
                return Ok(None);
            };
            at = next;
            match name_of(&record).as_slice() {
                b"exec" if record.args.len() == 1 => break,
                b"exec" | b"multi" | b"txpart" => {
                    return Err(AofError::BadFormat {
                        offset: record.offset,
                    })
                }
                _ => records.push(record),
            }
        }
        self.pos = at;
        Ok(Some(Unit::Group { tx, records }))
    }

    /// The record at `at`, `Ok(None)` at or past the end of the bytes.
    fn record(&self, at: usize) -> Result<Option<(Record, usize)>, AofError> {
        if at >= self.bytes.len() {
            return Ok(None);
        }
        parse_record(self.bytes, at)
    }
}

/// Every TXPART marker in a segment: (txid, nparts), in order. A segment cut short at its end
/// is read up to the cut; a malformed record is an error.
pub fn scan_transactions(bytes: &[u8]) -> Result<Vec<(u64, u32)>, AofError> {
    let mut units = Units { bytes, pos: 0 };
    let mut found = Vec::new();
    while let Some(unit) = units.next_unit()? {
        if let Unit::Group { tx: Some(tx), .. } = unit {
            found.push(tx);
        }
    }
    Ok(found)
}

/// Replays a segment into `shard` at the current time (see [`replay_at`]).
pub fn replay(
    shard: &mut Shard,
    bytes: &[u8],
    complete_tx: &dyn Fn(u64) -> bool,
    handler_of: &dyn Fn(&[u8]) -> Option<Handler>,
) -> Result<ReplayReport, AofError> {
    replay_at(shard, bytes, crate::util::now_ms(), complete_tx, handler_of)
}

/// Replays a segment into `shard`, with `now` as the commands' clock: SELECT is handled here,
/// a MULTI ... EXEC group is applied whole, a transaction part (TXPART ... EXEC) only when
/// `complete_tx(txid)`, every other command runs through `handler_of(lowercased name)`.
/// The shard is loading meanwhile, so no key expires whatever `now` is, and its own log
/// records nothing.
///
/// A log that ends inside a command or inside an open MULTI is applied up to it and reported
/// `truncated`; a malformed record before the end, an unknown command or a command its
/// handler cannot run is an error (what was before it has been applied).
pub fn replay_at(
    shard: &mut Shard,
    bytes: &[u8],
    now: i64,
    complete_tx: &dyn Fn(u64) -> bool,
    handler_of: &dyn Fn(&[u8]) -> Option<Handler>,
) -> Result<ReplayReport, AofError> {
    let was_enabled = shard.aof.is_enabled();
    let was_loading = shard.aof.is_loading();
    shard.aof.set_enabled(false);
    shard.set_loading(true);
    let result = replay_units(shard, bytes, now, complete_tx, handler_of);
    shard.set_loading(was_loading);
    shard.aof.set_enabled(was_enabled);
    result
}

/// The body of [`replay_at`].
fn replay_units(
    shard: &mut Shard,
    bytes: &[u8],
    now: i64,
    complete_tx: &dyn Fn(u64) -> bool,
    handler_of: &dyn Fn(&[u8]) -> Option<Handler>,
) -> Result<ReplayReport, AofError> {
    let mut runner = Runner {
        shard,
        db: 0,
        now,
        reply: Reply::new(false),
        commands: 0,
        handler_of,
    };
    let mut units = Units { bytes, pos: 0 };
    while let Some(unit) = units.next_unit()? {
        match unit {
            Unit::Single(record) => runner.apply(&record)?,
            Unit::Group { tx, records } => {
                let apply = tx.is_none_or(|(txid, _)| complete_tx(txid));
                for record in &records {
                    if apply {
                        runner.apply(record)?;
                    } else if name_of(record) == b"select" {
                        runner.select(record)?;
                    }
                }
            }
        }
    }
    let truncated = (units.pos < bytes.len()).then_some(units.pos);
    Ok(ReplayReport {
        commands: runner.commands,
        truncated,
    })
}

/// Runs replayed commands on a shard.
struct Runner<'a> {
    shard: &'a mut Shard,
    db: usize,
    now: i64,
    reply: Reply,
    commands: u64,
    handler_of: &'a dyn Fn(&[u8]) -> Option<Handler>,
}

impl Runner<'_> {
    /// Handles SELECT.
    fn select(&mut self, record: &Record) -> Result<(), AofError> {
        let bad = AofError::BadFormat {
            offset: record.offset,
        };
        let db = match &record.args[..] {
            [_, n] => std::str::from_utf8(n)
                .ok()
                .and_then(|s| s.parse::<usize>().ok())
                .ok_or(bad.clone())?,
            _ => return Err(bad),
        };
        if db >= self.shard.dbs.len() {
            return Err(bad);
        }
        self.db = db;
        Ok(())
    }

    /// Applies one record.
    fn apply(&mut self, record: &Record) -> Result<(), AofError> {
        let name = name_of(record);
        if name == b"select" {
            return self.select(record);
        }
        let Some(handler) = (self.handler_of)(&name) else {
            return Err(AofError::UnknownCommand {
                offset: record.offset,
                name: String::from_utf8_lossy(&record.args[0]).into_owned(),
            });
        };
        self.reply.clear(1 << 16);
        let (shard, db, now, reply) = (&mut *self.shard, self.db, self.now, &mut self.reply);
        // The server's command table checks arity before a handler runs; a damaged log
        // bypasses it, so a handler indexing past its arguments is caught here rather than
        // taking the process down.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            shard.run(handler, db, now, &record.args, reply);
        }));
        if ran.is_err() {
            return Err(AofError::BadCommand {
                offset: record.offset,
            });
        }
        self.commands += 1;
        Ok(())
    }
}
