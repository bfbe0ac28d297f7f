//! RESP fuzz test (issue 15): random and mutated request frames — valid commands with bytes
//! flipped, inserted or deleted, truncated frames, huge and negative `*`/`$` lengths, NUL
//! bytes, inline commands with odd quoting, absurd nesting — sent over many short-lived
//! connections, while a steady client checks exact replies to its own SET/GET/INCR
//! throughout; the server must answer PING at the end.
//!
//! The random source is seeded and the seed printed; `SHARDIS_FUZZ_SEED=<n>` replays a run.
//!
//! A differential part sends a fixed list of malformed inputs to a real `redis-server` and
//! to shardis, and requires the same reply bytes and the same decision to close the
//! connection.
//!
//! Runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a real
//! `redis-server` instead (the differential part then compares redis-server with itself).

mod common;

use common::{each_server, encode_command, raw, RawConn, Server};
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The shard counts the tests run shardis with.
const SHARD_COUNTS: &[usize] = &[1, 3];
/// Fuzz connections per server.
const CONNECTIONS: usize = 1000;
/// The steady client checks its keys after this many fuzz connections.
const CHECK_EVERY: usize = 10;
/// How long one fuzz connection may take to be closed after its client stops writing.
const PATIENCE: Duration = Duration::from_secs(10);

/// xorshift64*: small, seeded, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The run's seed: `SHARDIS_FUZZ_SEED`, or the clock; printed so a failure can be replayed.
fn seed() -> u64 {
    let seed = std::env::var("SHARDIS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("fuzz seed {seed} (SHARDIS_FUZZ_SEED={seed} replays this run)");
    seed | 1
}

/// Commands the fuzzer starts from. Keys are `fz:*`, never the steady client's.
const COMMANDS: &[&[&str]] = &[
    &["SET", "fz:a", "hello"],
    &["GET", "fz:a"],
    &["INCR", "fz:n"],
    &["MSET", "fz:a", "1", "fz:b", "2", "fz:c", "3"],
    &["MGET", "fz:a", "fz:b", "fz:c"],
    &["DEL", "fz:a", "fz:b"],
    &["LPUSH", "fz:l", "x", "y"],
    &["LRANGE", "fz:l", "0", "-1"],
    &["HSET", "fz:h", "f", "v"],
    &["ZADD", "fz:z", "1", "m"],
    &["SADD", "fz:s", "a"],
    &["EXPIRE", "fz:a", "100"],
    &["PING"],
    &["ECHO", "fuzz"],
    &["SELECT", "1"],
    &["HELLO", "3"],
    &["MULTI"],
    &["EXEC"],
    &["SUBSCRIBE", "fz:ch"],
    &["PUBLISH", "fz:ch", "m"],
    &["BLPOP", "fz:empty", "0.05"],
    &["CLIENT", "SETNAME", "fz"],
    &["RENAME", "fz:a", "fz:b"],
    &["SCAN", "0"],
    &["OBJECT", "ENCODING", "fz:l"],
];

fn valid_frame(rng: &mut Rng) -> Vec<u8> {
    let words = rng.pick(COMMANDS);
    let args: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    encode_command(&args)
}

/// Bytes that matter to the parser.
const SPECIAL: &[u8] = b"*$\r\n\0-0123456789\"' \\x+:";

/// One fuzz frame.
fn frame(rng: &mut Rng) -> Vec<u8> {
    match rng.below(9) {
        // A valid command with a few bytes flipped, inserted or deleted.
        0 | 1 => {
            let mut f = valid_frame(rng);
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(f.len() + 1);
                match rng.below(3) {
                    0 if at < f.len() => f[at] ^= 1 << rng.below(8),
                    1 => f.insert(at, *rng.pick(SPECIAL)),
                    _ if at < f.len() => {
                        f.remove(at);
                    }
                    _ => f.push(rng.next() as u8),
                }
            }
            f
        }
        // Cut short.
        2 => {
            let f = valid_frame(rng);
            let cut = rng.below(f.len());
            f[..cut].to_vec()
        }
        // Huge or negative lengths in the headers.
        3 => {
            let lengths = [
                "-1",
                "-2",
                "-5",
                "0",
                "1048577",
                "2147483647",
                "2147483648",
                "99999999999999999999999",
                "536870913",
                "-9223372036854775808",
                "abc",
                "",
            ];
            let n = rng.pick(&lengths);
            if rng.below(2) == 0 {
                format!("*{n}\r\n$4\r\nPING\r\n").into_bytes()
            } else {
                format!("*2\r\n$4\r\nECHO\r\n${n}\r\nhello\r\n").into_bytes()
            }
        }
        // NUL bytes.
        4 => {
            let mut f = valid_frame(rng);
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(f.len() + 1);
                f.insert(at, 0);
            }
            f
        }
        // Inline commands with odd quoting.
        5 => {
            let lines = [
                "SET fz:q \"a b\"\r\n",
                "ECHO \"unbalanced\r\n",
                "ECHO 'single \\' quote'\r\n",
                "ECHO \"\\x41\\x4g\\n\\t\"\r\n",
                "ECHO \"closed\"next\r\n",
                "ECHO ''\r\n",
                "  PING   \r\n",
                "ECHO \"\\\r\n",
                "\r\n\n\r\n",
                "ECHO 'a'b'\n",
                "GET fz:a\n",
            ];
            rng.pick(&lines).as_bytes().to_vec()
        }
        // Absurd nesting: arrays where bulk strings belong.
        6 => {
            let depth = 1 + rng.below(200);
            let mut f = Vec::new();
            for _ in 0..depth {
                f.extend_from_slice(b"*1\r\n");
            }
            f.extend_from_slice(b"$4\r\nPING\r\n");
            f
        }
        // Noise.
        7 => (0..rng.below(64))
            .map(|_| {
                if rng.below(2) == 0 {
                    *rng.pick(SPECIAL)
                } else {
                    rng.next() as u8
                }
            })
            .collect(),
        // Valid pipelines.
        _ => (0..1 + rng.below(5))
            .flat_map(|_| valid_frame(rng))
            .collect(),
    }
}

/// The client that must be served exactly throughout.
struct Steady {
    conn: RawConn,
    round: u64,
}

impl Steady {
    fn check(&mut self) {
        self.round += 1;
        let value = format!("value-{}", self.round);
        assert_eq!(
            raw(&mut self.conn, &["SET", "steady:v", &value]),
            b"+OK\r\n"
        );
        assert_eq!(
            raw(&mut self.conn, &["GET", "steady:v"]),
            format!("${}\r\n{value}\r\n", value.len()).into_bytes()
        );
        assert_eq!(
            raw(&mut self.conn, &["INCR", "steady:n"]),
            format!(":{}\r\n", self.round).into_bytes()
        );
    }
}

/// One short-lived connection: a few frames, then either a clean end of input (waiting for
/// the server to close) or an abrupt drop.
fn fuzz_connection(server: &Server, rng: &mut Rng) {
    let Ok(mut stream) = TcpStream::connect(server.addr()) else {
        panic!("the server stopped accepting connections");
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = stream.set_write_timeout(Some(PATIENCE));
    let _ = stream.set_nodelay(true);
    let mut sent = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let f = frame(rng);
        if stream.write_all(&f).is_err() {
            return;
        }
        sent.extend_from_slice(&f);
    }
    if rng.below(3) == 0 {
        return;
    }
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + PATIENCE;
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                assert!(
                    Instant::now() < deadline,
                    "the server kept a connection open after its client's end of input; it sent {}",
                    common::show_bytes(&sent)
                );
            }
            Err(_) => return,
        }
    }
}

#[test]
fn random_and_mutated_frames_do_not_disturb_other_clients() {
    let seed = seed();
    each_server(SHARD_COUNTS, |server| {
        let mut rng = Rng(seed);
        let mut steady = Steady {
            conn: server.raw(),
            round: 0,
        };
        steady.check();
        for i in 0..CONNECTIONS {
            fuzz_connection(server, &mut rng);
            if i % CHECK_EVERY == 0 {
                steady.check();
            }
        }
        steady.check();
        let mut last = server.raw();
        assert_eq!(raw(&mut last, &["PING"]), b"+PONG\r\n");
        assert_eq!(raw(&mut steady.conn, &["PING"]), b"+PONG\r\n");
    });
}

/// What a server did with one input: the bytes it wrote and whether it closed the connection.
type Observed = (Vec<u8>, bool);

/// Sends each input on a connection of its own, all at once, then reads every connection
/// until none has changed (new bytes or a close) for half a second.
fn observe(server: &Server, inputs: &[Vec<u8>]) -> Vec<Observed> {
    let mut streams: Vec<TcpStream> = inputs
        .iter()
        .map(|input| {
            let mut stream = TcpStream::connect(server.addr()).expect("connect");
            stream
                .set_write_timeout(Some(PATIENCE))
                .expect("write timeout");
            stream.write_all(input).expect("send");
            stream.set_nonblocking(true).expect("nonblocking");
            stream
        })
        .collect();
    let mut seen: Vec<Observed> = vec![(Vec::new(), false); inputs.len()];
    let mut changed = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut chunk = [0u8; 16 * 1024];
    while changed.elapsed() < Duration::from_millis(500) && Instant::now() < deadline {
        for (stream, (bytes, closed)) in streams.iter_mut().zip(seen.iter_mut()) {
            while !*closed {
                match stream.read(&mut chunk) {
                    Ok(0) => *closed = true,
                    Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(_) => *closed = true,
                }
                changed = Instant::now();
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    seen
}

/// The malformed inputs compared with redis-server, by name.
fn malformed_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut cases: Vec<(&'static str, Vec<u8>)> = vec![
        ("negative multibulk count", b"*-5\r\nPING\r\n".to_vec()),
        ("zero multibulk count", b"*0\r\n*-1\r\nPING\r\n".to_vec()),
        ("bulk length -2", b"*1\r\n$-2\r\nPING\r\n".to_vec()),
        ("bulk length -1", b"*1\r\n$-1\r\n".to_vec()),
        ("multibulk count not a number", b"*abc\r\nPING\r\n".to_vec()),
        (
            "multibulk count with a plus",
            b"*+1\r\n$4\r\nPING\r\n".to_vec(),
        ),
        (
            "multibulk count with a leading zero",
            b"*01\r\n$4\r\nPING\r\n".to_vec(),
        ),
        ("empty multibulk count", b"*\r\n".to_vec()),
        ("bulk length not a number", b"*1\r\n$x\r\n".to_vec()),
        ("empty bulk length", b"*1\r\n$\r\nPING\r\n".to_vec()),
        ("incomplete bulk", b"*1\r\n$3\r\nab".to_vec()),
        ("incomplete header", b"*2\r\n$4\r".to_vec()),
        ("multibulk count 1048577", b"*1048577\r\n".to_vec()),
        ("multibulk count INT_MAX", b"*2147483647\r\n".to_vec()),
        ("multibulk count over INT_MAX", b"*2147483648\r\n".to_vec()),
        (
            "multibulk count over i64",
            b"*99999999999999999999\r\n".to_vec(),
        ),
        (
            "bulk length over proto-max-bulk-len",
            b"*1\r\n$536870913\r\n".to_vec(),
        ),
        (
            "bulk length at proto-max-bulk-len",
            b"*1\r\n$536870912\r\n".to_vec(),
        ),
        ("argument not a bulk", b"*1\r\n+PING\r\n".to_vec()),
        ("nested array", b"*1\r\n*1\r\n$4\r\nPING\r\n".to_vec()),
        ("argument starting with CR", b"*1\r\n\r\n".to_vec()),
        (
            "argument starting with a high byte",
            b"*1\r\n\xff4\r\nPING\r\n".to_vec(),
        ),
        (
            "argument starting with a control byte",
            b"*1\r\n\x014\r\n".to_vec(),
        ),
        ("header CR without LF", b"*1\r$4\r\nPING\r\n".to_vec()),
        (
            "header CR then another byte",
            b"*1\rx$4\r\nPING\r\n".to_vec(),
        ),
        (
            "bulk with no CRLF after it",
            b"*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n".to_vec(),
        ),
        (
            "NUL in the multibulk count",
            b"*1\0\r\n$4\r\nPING\r\n".to_vec(),
        ),
        ("NUL in a bulk length", b"*1\r\n$4\0\r\nPING\r\n".to_vec()),
        (
            "NUL inside a bulk",
            b"*2\r\n$4\r\nECHO\r\n$3\r\na\0b\r\n".to_vec(),
        ),
        ("NUL in an inline request", b"PING\0\r\nPING\r\n".to_vec()),
        (
            "inline unbalanced double quote",
            b"ECHO \"abc\r\nPING\r\n".to_vec(),
        ),
        ("inline unbalanced single quote", b"ECHO 'abc\r\n".to_vec()),
        (
            "inline quote not followed by space",
            b"ECHO \"a\"b\r\n".to_vec(),
        ),
        (
            "inline escapes",
            b"ECHO \"\\x41\\x4g\\n\\t\\\"\" 'it\\'s'\r\n".to_vec(),
        ),
        ("inline empty lines", b"\r\n\n\r\n  \r\nPING\r\n".to_vec()),
        ("inline LF only", b"ECHO a\nECHO b\n".to_vec()),
        ("inline unknown command", b"NOSUCH a b\r\n".to_vec()),
        (
            "multibulk then inline",
            b"*1\r\n$4\r\nPING\r\nPING\r\n".to_vec(),
        ),
        (
            "error after valid requests",
            b"PING\r\nECHO x\r\n*1\r\n$z\r\nPING\r\n".to_vec(),
        ),
    ];
    let mut long = vec![b'a'; 64 * 1024 + 1];
    cases.push(("too big inline request", long.clone()));
    long[0] = b'*';
    long[1..].fill(b'1');
    cases.push(("too big multibulk count string", long.clone()));
    let mut bulk = b"*1\r\n$".to_vec();
    bulk.resize(64 * 1024 + 10, b'1');
    cases.push(("too big bulk count string", bulk));
    cases
}

/// Compares how `subject` and the oracle answer `cases`; every difference is reported.
fn compare(oracle: &Server, subject: &Server, cases: &[(&'static str, Vec<u8>)]) {
    let inputs: Vec<Vec<u8>> = cases.iter().map(|(_, input)| input.clone()).collect();
    let expected = observe(oracle, &inputs);
    let got = observe(subject, &inputs);
    let mut report = String::new();
    for (((name, input), want), have) in cases.iter().zip(&expected).zip(&got) {
        if want != have {
            report.push_str(&format!(
                "{name}: input {}\n  redis:   {} closed={}\n  subject: {} closed={}\n",
                common::show_bytes(&input[..input.len().min(80)]),
                common::show_bytes(&want.0),
                want.1,
                common::show_bytes(&have.0),
                have.1
            ));
        }
    }
    assert!(
        report.is_empty(),
        "answers differ from redis-server:\n{report}"
    );
}

/// The servers compared with redis-server: shardis with each shard count, or redis-server
/// itself under `SHARDIS_E2E_REDIS`.
fn subjects(directives: &[(&str, &str)]) -> Vec<Server> {
    if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
        vec![Server::redis_with(directives)]
    } else {
        SHARD_COUNTS
            .iter()
            .map(|&n| Server::shardis_with(n, directives))
            .collect()
    }
}

#[test]
fn malformed_input_is_answered_as_redis_answers() {
    let oracle = Server::redis_with(&[]);
    let cases = malformed_inputs();
    for subject in subjects(&[]) {
        compare(&oracle, &subject, &cases);
    }
}

#[test]
fn unauthenticated_limits_are_redis_ones() {
    let password = [("requirepass", "fuzzpw")];
    let oracle = Server::redis_with(&password);
    let cases: Vec<(&'static str, Vec<u8>)> = vec![
        (
            "10 arguments",
            encode_command(&[b"PING"; 10].map(|a| &a[..])),
        ),
        ("11 arguments", b"*11\r\n".to_vec()),
        ("bulk of 16384", b"*1\r\n$16384\r\n".to_vec()),
        ("bulk of 16385", b"*1\r\n$16385\r\n".to_vec()),
        (
            "AUTH then 11 arguments",
            [
                encode_command(&[b"AUTH", b"fuzzpw"]),
                encode_command(&[b"ECHO"; 11].map(|a| &a[..])),
            ]
            .concat(),
        ),
        (
            "wrong AUTH then 11 arguments",
            [encode_command(&[b"AUTH", b"nope"]), b"*11\r\n".to_vec()].concat(),
        ),
        (
            "inline AUTH then a big bulk",
            [
                b"AUTH fuzzpw\r\n".to_vec(),
                b"*2\r\n$4\r\nECHO\r\n$20000\r\n".to_vec(),
                vec![b'e'; 20000],
                b"\r\n".to_vec(),
            ]
            .concat(),
        ),
    ];
    for subject in subjects(&password) {
        compare(&oracle, &subject, &cases);
    }
}
