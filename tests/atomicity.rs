//! Atomicity of transactions and multi-key commands under concurrency, end to end.
//!
//! Each test races *writers* that preserve an invariant (the total of 100 counters, one value
//! on 50 keys, every member in exactly one of two sets, one key under one of two names, ...)
//! against *readers* that check the invariant on every read. The keys are spread over every
//! shard (checked by [`assert_on_every_shard`] / [`key_on_quarter`] with Redis Cluster's
//! CRC16), so a server that runs the parts of a cross-shard command or transaction one shard
//! at a time, without isolating them from other clients, lets a reader see a half-done write
//! and fails the test. After each race the final state is checked too (a lost update breaks
//! the invariant for good).
//!
//! Every test runs against shardis with 1, 2 and 4 shards; with `SHARDIS_E2E_REDIS=1` against
//! a real `redis-server` instead, which proves the expectations are Redis's. Every race runs
//! under a watchdog ([`RACE_LIMIT`]): a client still waiting for a reply by then fails the
//! test as a deadlock instead of hanging the suite. No timing is asserted otherwise.
//!
//! The tests that need no MULTI (MSET vs MGET, DEL vs MSET, RENAME vs EXISTS, SMOVE vs
//! SUNION/SINTER) also catch cross-shard multi-key commands that are not atomic on their own.
//! The iteration counts are constants at the top, sized so that each race takes a few seconds
//! on a debug build.

mod common;

use common::{connect, crc16, each_server, ok, q, Server};
use redis::{Connection, RedisResult, Value};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

/// The shard counts every test runs shardis with.
const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// A race whose clients have not all finished by then is taken for a deadlock.
const RACE_LIMIT: Duration = Duration::from_secs(30);
/// How long a client waits for one reply: longer than [`RACE_LIMIT`], so that the watchdog's
/// message, not a read timeout, reports a stuck server.
const REPLY_TIMEOUT: Duration = Duration::from_secs(45);

/// Counters money moves between.
const COUNTERS: usize = 100;
/// What each counter holds at the start.
const COUNTER_START: i64 = 1000;
/// Clients moving amounts between counters.
const TRANSFER_CLIENTS: usize = 32;
/// Transfers each of them makes.
const TRANSFERS_PER_CLIENT: usize = 100;

/// Keys MSET writes one value to.
const MSET_KEYS: usize = 50;
/// Clients writing them, each with values of its own.
const MSET_WRITERS: usize = 4;
/// MSETs (or DELs) each writer sends.
const MSETS_PER_WRITER: usize = 300;

/// Members moving between two sets (or elements between two lists).
const MEMBERS: usize = 20;
/// Clients moving them.
const MOVERS: usize = 6;
/// Moves each mover makes.
const MOVES_PER_MOVER: usize = 300;

/// Clients renaming one key back and forth.
const RENAMERS: usize = 4;
/// RENAMEs each of them tries.
const RENAMES_PER_RENAMER: usize = 300;

/// Keys the random transactions pick from.
const RANDOM_KEYS: usize = 64;
/// Clients running random transactions.
const RANDOM_CLIENTS: usize = 16;
/// Transactions (or multi-key commands) each of them runs.
const RANDOM_TRANSACTIONS_PER_CLIENT: usize = 200;
/// The most keys one random transaction touches.
const RANDOM_MAX_KEYS: usize = 8;

// ---------------------------------------------------------------------------------------------
// Racing clients under a watchdog.
// ---------------------------------------------------------------------------------------------

/// What one client of a race does, over its own connection.
type Client = Box<dyn FnOnce(&mut Connection, &Race) + Send + 'static>;

/// The state the clients of one race share.
#[derive(Clone, Debug)]
struct Race(Arc<RaceState>);

#[derive(Debug)]
struct RaceState {
    /// Set once every writer has finished, or as soon as any client fails.
    over: AtomicBool,
    /// Writers still running.
    writers_left: AtomicUsize,
    /// When the clients were started (for the failure messages).
    started: Instant,
}

impl Race {
    /// Whether writers should go on writing and readers reading.
    fn on(&self) -> bool {
        !self.0.over.load(Ordering::SeqCst)
    }

    /// Tells every client to stop.
    fn end(&self) {
        self.0.over.store(true, Ordering::SeqCst);
    }

    /// Milliseconds since the race started, for failure messages.
    fn ms(&self) -> u128 {
        self.0.started.elapsed().as_millis()
    }
}

/// Dropped when a client's thread ends, normally or by a panic: counts the writer out, ends
/// the race on a failure, and tells the watchdog.
struct ClientExit {
    race: Race,
    writer: bool,
    done: mpsc::Sender<()>,
}

impl Drop for ClientExit {
    fn drop(&mut self) {
        if thread::panicking() {
            self.race.end();
        }
        if self.writer && self.race.0.writers_left.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.race.end();
        }
        let _ = self.done.send(());
    }
}

/// Runs `writers` and `readers` at once, each on its own thread and connection. Readers run
/// until every writer has finished (at least one round each). Panics with the first client's
/// failure, or — the watchdog — when clients are still running after [`RACE_LIMIT`].
fn race(server: &Server, what: &str, writers: Vec<Client>, readers: Vec<Client>) {
    let race = Race(Arc::new(RaceState {
        over: AtomicBool::new(false),
        writers_left: AtomicUsize::new(writers.len()),
        started: Instant::now(),
    }));
    let (done_tx, done_rx) = mpsc::channel();
    let clients = writers
        .into_iter()
        .map(|c| (true, c))
        .chain(readers.into_iter().map(|c| (false, c)));
    let mut handles = Vec::new();
    for (i, (writer, client)) in clients.enumerate() {
        let redis_client = server.client();
        let race = race.clone();
        let done = done_tx.clone();
        let handle = thread::Builder::new()
            .name(format!("{what} #{i}"))
            .spawn(move || {
                let _exit = ClientExit {
                    race: race.clone(),
                    writer,
                    done,
                };
                let mut con = redis_client
                    .get_connection()
                    .unwrap_or_else(|e| panic!("connect: {e}"));
                con.set_read_timeout(Some(REPLY_TIMEOUT))
                    .expect("set read timeout");
                client(&mut con, &race);
            })
            .expect("spawn a client thread");
        handles.push(handle);
    }
    drop(done_tx);
    let total = handles.len();
    let deadline = Instant::now() + RACE_LIMIT;
    for finished in 0..total {
        let left = deadline.saturating_duration_since(Instant::now());
        if done_rx.recv_timeout(left).is_err() {
            race.end();
            panic!(
                "{what}: {} of {total} clients still running after {RACE_LIMIT:?}: the server \
                 deadlocked or lost a reply (the stuck clients are left behind; the server is \
                 stopped)",
                total - finished
            );
        }
    }
    for (i, handle) in handles.into_iter().enumerate() {
        if let Err(panic) = handle.join() {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            panic!("{what}: client #{i} failed: {message}");
        }
    }
}

/// Fails the test at once, with a clear message, when the server has no MULTI (the `redis`
/// crate itself panics on an overflow when the MULTI of a transaction fails).
fn require_multi(server: &Server) {
    let mut con = connect(server);
    if let Err(e) = redis::cmd("MULTI").query::<()>(&mut con) {
        panic!("this test needs MULTI/EXEC, which the server refuses: {e}");
    }
    ok(&mut con, &["DISCARD"]);
}

/// The result of a command a client sends, or a panic naming it.
fn must<T>(result: RedisResult<T>, what: &str) -> T {
    result.unwrap_or_else(|e| panic!("{what} failed: {e}"))
}

/// A writer that runs `step` `steps` times (fewer if the race ends early: another client
/// failed). `step` gets the step's number and returns what it found wrong, if anything.
fn writer(
    steps: usize,
    mut step: impl FnMut(&mut Connection, usize) -> Result<(), String> + Send + 'static,
) -> Client {
    Box::new(move |con: &mut Connection, race: &Race| {
        for i in 0..steps {
            if !race.on() {
                return;
            }
            if let Err(wrong) = step(con, i) {
                panic!("step #{i}, {} ms into the race: {wrong}", race.ms());
            }
        }
    })
}

/// A reader that runs `read` until every writer has finished (at least once). `read` returns
/// what it saw wrong, if anything: the test fails with it.
fn reader(mut read: impl FnMut(&mut Connection) -> Result<(), String> + Send + 'static) -> Client {
    Box::new(move |con: &mut Connection, race: &Race| {
        let mut reads = 0u64;
        loop {
            reads += 1;
            if let Err(wrong) = read(con) {
                panic!("read #{reads}, {} ms into the race: {wrong}", race.ms());
            }
            if !race.on() {
                return;
            }
        }
    })
}

/// `Err(message())` unless `ok`.
fn check(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(message())
    }
}

// ---------------------------------------------------------------------------------------------
// Keys over shards, and a small deterministic random generator.
// ---------------------------------------------------------------------------------------------

/// The shard owning `key` (no hash tag) when 16384 slots are spread evenly over `shards`, as
/// `shards::slot::key_shard` computes it.
fn shard_of(key: &str, shards: usize) -> usize {
    (crc16(key.as_bytes()) & 16383) as usize * shards / 16384
}

/// Asserts that `keys` land on every shard of a 4-shard (so also a 2-shard) server: otherwise
/// the test would not exercise cross-shard commands.
fn assert_on_every_shard(keys: &[String]) {
    let shards: BTreeSet<usize> = keys.iter().map(|k| shard_of(k, 4)).collect();
    assert_eq!(shards.len(), 4, "keys {keys:?} miss a shard");
}

/// The first key `prefix:N` in quarter `quarter` of the slots: keys of quarters 0 and 3 are
/// on different shards with 2 shards and with 4.
fn key_on_quarter(prefix: &str, quarter: usize) -> String {
    (0..)
        .map(|n| format!("{prefix}:{n}"))
        .find(|key| shard_of(key, 4) == quarter)
        .expect("some key lands in every quarter")
}

/// `prefix:0` .. `prefix:{n-1}`.
fn keys(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}:{i}")).collect()
}

/// xorshift64*: a client's own reproducible sequence (seeded by its index).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `count` distinct indices of `0..n`, in random order.
    fn distinct(&mut self, n: usize, count: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..count {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(count);
        all
    }
}

/// MSET of `value` to every key of `names`.
fn mset_all(names: &[String], value: impl redis::ToRedisArgs + Copy) -> redis::Cmd {
    let mut mset = redis::cmd("MSET");
    for name in names {
        mset.arg(name).arg(value);
    }
    mset
}

/// Checks that the counters read add up to their total at the start (none missing).
fn check_total(values: &[Option<i64>], how: &str) -> Result<(), String> {
    let sum: Option<i64> = values.iter().copied().sum();
    check(sum == Some(COUNTERS as i64 * COUNTER_START), || {
        format!("{how} saw a total of {sum:?}: {values:?}")
    })
}

// ---------------------------------------------------------------------------------------------
// Transfers between counters: every read sees the same total.
// ---------------------------------------------------------------------------------------------

/// 100 counters over every shard, set to [`COUNTER_START`].
fn counters(server: &Server) -> Vec<String> {
    let names = keys("counter", COUNTERS);
    assert_on_every_shard(&names);
    must(
        mset_all(&names, COUNTER_START).query::<()>(&mut connect(server)),
        "MSET counters",
    );
    names
}

/// Readers of the counters' total: two by MGET, two by MULTI/GET.../EXEC.
fn total_readers(names: &[String]) -> Vec<Client> {
    let mut mget = redis::cmd("MGET");
    mget.arg(names);
    let mut transaction = redis::pipe();
    transaction.atomic();
    for name in names {
        transaction.get(name);
    }
    let mut readers = Vec::new();
    for _ in 0..2 {
        let mget = mget.clone();
        readers.push(reader(move |con| {
            let values: Vec<Option<i64>> = must(mget.query(con), "MGET");
            check_total(&values, "MGET")
        }));
        let transaction = transaction.clone();
        readers.push(reader(move |con| {
            let values: Vec<Option<i64>> = must(transaction.query(con), "MULTI/GET.../EXEC");
            check_total(&values, "MULTI/GET.../EXEC")
        }));
    }
    readers
}

/// After a race: the counters still add up.
fn assert_final_total(server: &Server, names: &[String]) {
    let values: Vec<Option<i64>> = must(
        redis::cmd("MGET").arg(names).query(&mut connect(server)),
        "MGET",
    );
    if let Err(wrong) = check_total(&values, "MGET after the race") {
        panic!("{wrong}");
    }
}

#[test]
fn transfers_in_multi_keep_the_total_for_every_reader() {
    each_server(SHARD_COUNTS, |server| {
        require_multi(server);
        let names = counters(server);
        let writers = (0..TRANSFER_CLIENTS)
            .map(|c| {
                let names = names.clone();
                let mut rng = Rng::new(c as u64 + 1);
                writer(TRANSFERS_PER_CLIENT, move |con, _| {
                    let pair = rng.distinct(COUNTERS, 2);
                    let amount = 1 + rng.below(50) as i64;
                    let (from, to) = (&names[pair[0]], &names[pair[1]]);
                    let replies: Vec<i64> = must(
                        redis::pipe()
                            .atomic()
                            .decr(from, amount)
                            .incr(to, amount)
                            .query(con),
                        "MULTI/DECRBY/INCRBY/EXEC",
                    );
                    check(replies.len() == 2, || format!("EXEC replied {replies:?}"))
                })
            })
            .collect();
        race(server, "transfers", writers, total_readers(&names));
        assert_final_total(server, &names);
    });
}

#[test]
fn watched_transfers_keep_the_total_for_every_reader() {
    each_server(SHARD_COUNTS, |server| {
        require_multi(server);
        let names = counters(server);
        let writers = (0..TRANSFER_CLIENTS)
            .map(|c| {
                let names = names.clone();
                let mut rng = Rng::new(c as u64 + 1000);
                writer(TRANSFERS_PER_CLIENT, move |con, _| {
                    let pair = rng.distinct(COUNTERS, 2);
                    let amount = 1 + rng.below(50) as i64;
                    let (from, to) = (&names[pair[0]], &names[pair[1]]);
                    // WATCH, read, write both in MULTI; a null EXEC means someone wrote one of
                    // them in between: try again (the watchdog bounds a livelock).
                    loop {
                        ok(con, &["WATCH", from, to]);
                        let from_value: i64 = must(redis::cmd("GET").arg(from).query(con), "GET");
                        let to_value: i64 = must(redis::cmd("GET").arg(to).query(con), "GET");
                        let reply: Value = must(
                            redis::pipe()
                                .atomic()
                                .set(from, from_value - amount)
                                .set(to, to_value + amount)
                                .query(con),
                            "MULTI/SET/SET/EXEC",
                        );
                        match reply {
                            Value::Nil => continue,
                            Value::Array(replies) if replies.len() == 2 => return Ok(()),
                            other => return Err(format!("EXEC replied {other:?}")),
                        }
                    }
                })
            })
            .collect();
        race(server, "watched transfers", writers, total_readers(&names));
        assert_final_total(server, &names);
    });
}

// ---------------------------------------------------------------------------------------------
// MSET of one value to many keys, DEL of them: no reader sees half of one.
// ---------------------------------------------------------------------------------------------

/// The keys of the MSET tests, over every shard.
fn mset_keys() -> Vec<String> {
    let names = keys("mset", MSET_KEYS);
    assert_on_every_shard(&names);
    names
}

#[test]
fn mset_is_seen_whole_by_mget() {
    each_server(SHARD_COUNTS, |server| {
        let names = mset_keys();
        must(
            mset_all(&names, "start").query::<()>(&mut connect(server)),
            "MSET",
        );
        let writers = (0..MSET_WRITERS)
            .map(|w| {
                let names = names.clone();
                writer(MSETS_PER_WRITER, move |con, i| {
                    let value = format!("writer{w}-{i}");
                    must(mset_all(&names, value.as_str()).query::<()>(con), "MSET");
                    Ok(())
                })
            })
            .collect();
        let readers = (0..MSET_WRITERS)
            .map(|_| {
                let mut mget = redis::cmd("MGET");
                mget.arg(&names);
                reader(move |con| {
                    let values: Vec<Option<String>> = must(mget.query(con), "MGET");
                    let distinct: BTreeSet<&Option<String>> = values.iter().collect();
                    check(distinct.len() == 1, || {
                        format!("MGET saw a mix of MSETs: {distinct:?}")
                    })
                })
            })
            .collect();
        race(server, "MSET vs MGET", writers, readers);
    });
}

/// Writers that MSET all of `names` or DEL all of them (half start with each, so both kinds
/// overlap throughout); a DEL must delete none or all of them.
fn mset_and_del_writers(names: &[String]) -> Vec<Client> {
    let all = names.len();
    (0..MSET_WRITERS)
        .map(|w| {
            let names = names.to_vec();
            writer(MSETS_PER_WRITER, move |con, i| {
                if (i + w) % 2 == 0 {
                    must(mset_all(&names, i).query::<()>(con), "MSET");
                    return Ok(());
                }
                let deleted: usize = must(redis::cmd("DEL").arg(&names).query(con), "DEL");
                check(deleted == 0 || deleted == all, || {
                    format!("DEL deleted {deleted} of {all} keys")
                })
            })
        })
        .collect()
}

#[test]
fn del_of_many_keys_is_all_or_nothing_against_mset() {
    each_server(SHARD_COUNTS, |server| {
        let names = mset_keys();
        let all = names.len();
        let writers = mset_and_del_writers(&names);
        let readers = (0..MSET_WRITERS)
            .map(|_| {
                let mut exists = redis::cmd("EXISTS");
                exists.arg(&names);
                reader(move |con| {
                    let existing: usize = must(exists.query(con), "EXISTS");
                    check(existing == 0 || existing == all, || {
                        format!("EXISTS found {existing} of {all} keys: a DEL or an MSET half done")
                    })
                })
            })
            .collect();
        race(server, "DEL vs MSET", writers, readers);
    });
}

/// Commands over the whole keyspace see one point in time, as in Redis: with the 50 keys (the
/// only keys in the database) set and deleted whole by other clients, DBSIZE is always 0 or
/// 50 and KEYS returns none or all of them.
#[test]
fn dbsize_and_keys_see_mset_and_del_whole() {
    each_server(SHARD_COUNTS, |server| {
        let names = mset_keys();
        let all = names.len();
        let writers = mset_and_del_writers(&names);
        let readers = (0..MSET_WRITERS)
            .map(|r| {
                reader(move |con| {
                    let seen = if r % 2 == 0 {
                        must(redis::cmd("DBSIZE").query::<usize>(con), "DBSIZE")
                    } else {
                        must(redis::cmd("KEYS").arg("*").query::<Vec<String>>(con), "KEYS").len()
                    };
                    check(seen == 0 || seen == all, || {
                        format!("a keyspace-wide read saw {seen} of {all} keys: an MSET or DEL half done")
                    })
                })
            })
            .collect();
        race(server, "DBSIZE/KEYS vs MSET/DEL", writers, readers);
    });
}

// ---------------------------------------------------------------------------------------------
// RENAME back and forth between shards: the key always exists under exactly one name.
// ---------------------------------------------------------------------------------------------

#[test]
fn rename_between_shards_always_leaves_exactly_one_name() {
    each_server(SHARD_COUNTS, |server| {
        let (a, b) = (key_on_quarter("rename", 0), key_on_quarter("rename", 3));
        ok(&mut connect(server), &["SET", &a, "payload"]);
        let renamed = Arc::new(AtomicUsize::new(0));
        let writers = (0..RENAMERS)
            .map(|_| {
                let (a, b, renamed) = (a.clone(), b.clone(), renamed.clone());
                writer(RENAMES_PER_RENAMER, move |con, _| {
                    // Whichever name it has now; both fail when another renamer moved it in
                    // between.
                    for (from, to) in [(&a, &b), (&b, &a)] {
                        match redis::cmd("RENAME").arg(from).arg(to).query::<()>(con) {
                            Ok(()) => {
                                renamed.fetch_add(1, Ordering::Relaxed);
                                break;
                            }
                            Err(e) if e.detail() == Some("no such key") => {}
                            Err(e) => return Err(format!("RENAME {from} {to} failed: {e}")),
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        let readers = (0..RENAMERS)
            .map(|_| {
                let mut exists = redis::cmd("EXISTS");
                exists.arg(&a).arg(&b);
                reader(move |con| {
                    let existing: i64 = must(exists.query(con), "EXISTS a b");
                    check(existing == 1, || {
                        format!("EXISTS of both names found {existing}")
                    })
                })
            })
            .collect();
        race(server, "RENAME vs EXISTS", writers, readers);
        assert!(renamed.load(Ordering::Relaxed) > 0, "no RENAME succeeded");
        let values: Vec<Option<String>> = q(&mut connect(server), &["MGET", &a, &b]);
        let present: Vec<&String> = values.iter().flatten().collect();
        assert_eq!(present, ["payload"], "after the race: {values:?}");
    });
}

// ---------------------------------------------------------------------------------------------
// SMOVE and LMOVE ping-pong between shards: no member lost or duplicated.
// ---------------------------------------------------------------------------------------------

/// `m0` .. `m{MEMBERS-1}`, sorted.
fn members() -> Vec<String> {
    let mut members: Vec<String> = (0..MEMBERS).map(|i| format!("m{i}")).collect();
    members.sort();
    members
}

/// Checks that the members of `a` and of `b` together are [`members`], each once.
fn check_members(in_a: &[String], in_b: &[String]) -> Result<(), String> {
    let mut all: Vec<String> = in_a.iter().chain(in_b).cloned().collect();
    all.sort();
    check(all == members(), || {
        format!("one holds {in_a:?} and the other {in_b:?}")
    })
}

/// Two keys on different shards (with 2 shards and with 4).
fn keys_apart(prefix: &str) -> (String, String) {
    (key_on_quarter(prefix, 0), key_on_quarter(prefix, 3))
}

/// Two sets on different shards holding [`members`] between them (even ones in the first),
/// and movers that SMOVE random members either way.
fn smove_setup(server: &Server) -> (String, String, Vec<Client>) {
    let (a, b) = keys_apart("set");
    let mut con = connect(server);
    for i in 0..MEMBERS {
        let set = if i % 2 == 0 { &a } else { &b };
        let _: i64 = q(&mut con, &["SADD", set, &format!("m{i}")]);
    }
    let movers = (0..MOVERS)
        .map(|c| {
            let (a, b) = (a.clone(), b.clone());
            let mut rng = Rng::new(c as u64 + 2000);
            writer(MOVES_PER_MOVER, move |con, _| {
                let member = format!("m{}", rng.below(MEMBERS));
                let (from, to) = if rng.below(2) == 0 {
                    (&a, &b)
                } else {
                    (&b, &a)
                };
                let moved: i64 = must(
                    redis::cmd("SMOVE")
                        .arg(from)
                        .arg(to)
                        .arg(&member)
                        .query(con),
                    "SMOVE",
                );
                check(moved == 0 || moved == 1, || {
                    format!("SMOVE replied {moved}")
                })
            })
        })
        .collect();
    (a, b, movers)
}

/// After an SMOVE race: every member in exactly one of the sets.
fn assert_members_kept(server: &Server, a: &str, b: &str) {
    let mut con = connect(server);
    let in_a: Vec<String> = q(&mut con, &["SMEMBERS", a]);
    let in_b: Vec<String> = q(&mut con, &["SMEMBERS", b]);
    if let Err(wrong) = check_members(&in_a, &in_b) {
        panic!("after the race {wrong}");
    }
}

#[test]
fn smove_between_shards_keeps_every_member_for_sunion_and_sinter() {
    each_server(SHARD_COUNTS, |server| {
        let (a, b, movers) = smove_setup(server);
        let readers = (0..MOVERS)
            .map(|_| {
                let (mut sunion, mut sinter) = (redis::cmd("SUNION"), redis::cmd("SINTER"));
                sunion.arg(&a).arg(&b);
                sinter.arg(&a).arg(&b);
                reader(move |con| {
                    let mut union: Vec<String> = must(sunion.query(con), "SUNION");
                    union.sort();
                    let common: Vec<String> = must(sinter.query(con), "SINTER");
                    check(union == members(), || {
                        format!("SUNION lost members: {union:?}")
                    })?;
                    check(common.is_empty(), || {
                        format!("SINTER found {common:?} in both sets")
                    })
                })
            })
            .collect();
        race(server, "SMOVE vs SUNION", movers, readers);
        assert_members_kept(server, &a, &b);
    });
}

#[test]
fn smove_between_shards_keeps_every_member_for_multi_readers() {
    each_server(SHARD_COUNTS, |server| {
        require_multi(server);
        let (a, b, movers) = smove_setup(server);
        let readers = (0..MOVERS)
            .map(|_| {
                let mut transaction = redis::pipe();
                transaction
                    .atomic()
                    .scard(&a)
                    .scard(&b)
                    .smembers(&a)
                    .smembers(&b);
                reader(move |con| {
                    let (card_a, card_b, in_a, in_b): (usize, usize, Vec<String>, Vec<String>) =
                        must(
                            transaction.query(con),
                            "MULTI/SCARD/SCARD/SMEMBERS/SMEMBERS/EXEC",
                        );
                    check(card_a + card_b == MEMBERS, || {
                        format!("SCARDs in MULTI add up to {card_a} + {card_b}")
                    })?;
                    check_members(&in_a, &in_b)
                })
            })
            .collect();
        race(server, "SMOVE vs MULTI/SCARD/SMEMBERS", movers, readers);
        assert_members_kept(server, &a, &b);
    });
}

#[test]
fn lmove_between_shards_keeps_every_element_for_multi_llen() {
    each_server(SHARD_COUNTS, |server| {
        require_multi(server);
        let (a, b) = keys_apart("list");
        let mut con = connect(server);
        for i in 0..MEMBERS {
            let list = if i % 2 == 0 { &a } else { &b };
            let _: i64 = q(&mut con, &["RPUSH", list, &format!("m{i}")]);
        }
        let movers = (0..MOVERS)
            .map(|c| {
                let (a, b) = (a.clone(), b.clone());
                let mut rng = Rng::new(c as u64 + 3000);
                writer(MOVES_PER_MOVER, move |con, _| {
                    let (from, to) = if rng.below(2) == 0 {
                        (&a, &b)
                    } else {
                        (&b, &a)
                    };
                    let mut lmove = redis::cmd("LMOVE");
                    lmove.arg(from).arg(to).arg("LEFT").arg("RIGHT");
                    let mut rpoplpush = redis::cmd("RPOPLPUSH");
                    rpoplpush.arg(from).arg(to);
                    let command = if rng.below(2) == 0 { lmove } else { rpoplpush };
                    // Nil when the source list is empty.
                    let moved: Option<String> = must(command.query(con), "LMOVE/RPOPLPUSH");
                    check(moved.as_ref().is_none_or(|m| m.starts_with('m')), || {
                        format!("moved {moved:?}")
                    })
                })
            })
            .collect();
        let readers = (0..MOVERS)
            .map(|_| {
                let mut transaction = redis::pipe();
                transaction.atomic().llen(&a).llen(&b);
                reader(move |con| {
                    let (len_a, len_b): (usize, usize) =
                        must(transaction.query(con), "MULTI/LLEN/LLEN/EXEC");
                    check(len_a + len_b == MEMBERS, || {
                        format!("LLENs in MULTI add up to {len_a} + {len_b}")
                    })
                })
            })
            .collect();
        race(server, "LMOVE vs MULTI/LLEN", movers, readers);
        let in_a: Vec<String> = q(&mut con, &["LRANGE", &a, "0", "-1"]);
        let in_b: Vec<String> = q(&mut con, &["LRANGE", &b, "0", "-1"]);
        if let Err(wrong) = check_members(&in_a, &in_b) {
            panic!("after the race {wrong}");
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Random key sets in random order: no deadlock, every EXEC returns, no increment lost.
// ---------------------------------------------------------------------------------------------

#[test]
fn transactions_over_random_keys_in_random_order_all_complete() {
    each_server(SHARD_COUNTS, |server| {
        require_multi(server);
        let names = keys("random", RANDOM_KEYS);
        assert_on_every_shard(&names);
        must(
            mset_all(&names, 0).query::<()>(&mut connect(server)),
            "MSET",
        );
        // Increments that took effect, to check against the keys' sum at the end.
        let increments = Arc::new(AtomicUsize::new(0));
        let clients = (0..RANDOM_CLIENTS)
            .map(|c| {
                let (names, increments) = (names.clone(), increments.clone());
                let mut rng = Rng::new(c as u64 + 4000);
                writer(RANDOM_TRANSACTIONS_PER_CLIENT, move |con, _| {
                    let count = 2 + rng.below(RANDOM_MAX_KEYS - 1);
                    let picked: Vec<&String> = rng
                        .distinct(RANDOM_KEYS, count)
                        .into_iter()
                        .map(|i| &names[i])
                        .collect();
                    random_step(con, &mut rng, &picked, &increments)
                })
            })
            .collect();
        race(server, "random transactions", clients, Vec::new());
        let values: Vec<i64> = must(
            redis::cmd("MGET").arg(&names).query(&mut connect(server)),
            "MGET",
        );
        let sum: i64 = values.iter().sum();
        assert_eq!(
            sum,
            increments.load(Ordering::SeqCst) as i64,
            "increments lost or doubled: {values:?}"
        );
    });
}

/// One random step of a random-transactions client over `keys` (in the order given): a
/// MULTI of INCRs with multi-key reads between them, the same under WATCH, or multi-key
/// commands on their own (MGET, EXISTS, and an MSETNX that finds the keys there). Counts the
/// increments that took effect in `increments`.
fn random_step(
    con: &mut Connection,
    rng: &mut Rng,
    keys: &[&String],
    increments: &AtomicUsize,
) -> Result<(), String> {
    let mut transaction = redis::pipe();
    transaction.atomic();
    for (i, key) in keys.iter().enumerate() {
        transaction.incr(*key, 1).ignore();
        if i % 3 == 1 {
            // A multi-key read of the keys so far, in reverse order, between the writes.
            let so_far: Vec<&String> = keys[..=i].iter().rev().copied().collect();
            transaction.cmd("MGET").arg(so_far).ignore();
        }
    }
    let empty = |reply: &Value| matches!(reply, Value::Array(replies) if replies.is_empty());
    match rng.below(4) {
        0 | 1 => {
            let reply: Value = must(transaction.query(con), "MULTI/INCR.../EXEC");
            check(empty(&reply), || format!("EXEC replied {reply:?}"))?;
            increments.fetch_add(keys.len(), Ordering::SeqCst);
        }
        2 => {
            let watched: Vec<&String> = keys.iter().rev().copied().collect();
            must(redis::cmd("WATCH").arg(watched).query::<()>(con), "WATCH");
            let reply: Value = must(transaction.query(con), "WATCH ... MULTI/INCR.../EXEC");
            if reply != Value::Nil {
                check(empty(&reply), || format!("EXEC replied {reply:?}"))?;
                increments.fetch_add(keys.len(), Ordering::SeqCst);
            }
        }
        _ => {
            // Multi-key commands on their own, keys in the given order; every key exists, so
            // MSETNX writes nothing.
            let _: Vec<i64> = must(redis::cmd("MGET").arg(keys).query(con), "MGET");
            let existing: usize = must(redis::cmd("EXISTS").arg(keys).query(con), "EXISTS");
            check(existing == keys.len(), || {
                format!("EXISTS of {keys:?} found {existing}")
            })?;
            let mut msetnx = redis::cmd("MSETNX");
            for key in keys {
                msetnx.arg(*key).arg(-1);
            }
            let set: i64 = must(msetnx.query(con), "MSETNX");
            check(set == 0, || {
                format!("MSETNX over existing keys {keys:?} wrote them")
            })?;
        }
    }
    Ok(())
}
