//! Differential test: every script in `tests/diff/*.txt` is run against a real
//! `redis-server` and against shardis (with 1, 2 and 4 shards, one test each), and the raw
//! reply bytes are compared. Every mismatch is collected; the test fails at the end listing
//! each one with its script, line, command, and both replies.
//!
//! # Script format
//!
//! One step per line. Blank lines and lines whose first non-blank character is `#` are
//! skipped (a `#` later in a line is an ordinary character).
//!
//! A plain line is a command: words separated by spaces or tabs, sent as a RESP multibulk
//! request. A word in double quotes may contain spaces and these escapes: `\r` `\n` `\t`
//! `\\` `\"` `\xHH`; the closing quote must end the word. `""` is an empty argument.
//! The reply of both servers must be byte for byte the same.
//!
//! A line starting with `@` is a directive, for what is random or time dependent:
//!
//! | directive | meaning |
//! | --- | --- |
//! | `@sort <cmd>` | the reply must be a flat array (or set); its elements are sorted before comparing |
//! | `@ignore <cmd>` | sent to both, reply read but not compared |
//! | `@raw <word>...` | the words (usually quoted) are concatenated and written as they are, in one write; every reply until the server is quiet for a moment is compared, and so is whether the connection was closed. A closed connection is reopened (database 0, RESP2) |
//! | `@sleep <ms>` | waits |
//! | `@scan-all <args>` | runs `SCAN cursor <args>` until the cursor is 0 on each server; the sorted, de-duplicated keys are compared (an error reply is compared as it is) |
//! | `@resp3` / `@resp2` | sends `HELLO 3` / `HELLO 2`; the replies are compared except the values of `id` and `version` |
//! | `@reconnect` | opens fresh connections to both servers (database 0, RESP2) |
//!
//! Between scripts both servers get fresh connections and a FLUSHALL.
//!
//! # Environment
//!
//! - `DIFF_ONLY=name[,name]`: run only the scripts whose file stem contains one of the names.
//! - `DIFF_SELF_CHECK=1`: put a second redis-server where shardis would be. This checks the
//!   harness and that every script line has a deterministic reply; it must pass with no
//!   mismatch.

mod common;

use common::{frame_len, parse_resp, show_bytes, split_words, RawConn, Resp, Server};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a server must stay silent after a `@raw` write before its replies are taken as
/// complete.
const RAW_QUIET: Duration = Duration::from_millis(300);
/// After this many read errors (timeouts, closed connections) in one script, the rest of
/// the script is skipped.
const MAX_ERRORS_PER_SCRIPT: usize = 3;
/// Upper bound on SCAN calls in one `@scan-all`.
const MAX_SCAN_CALLS: usize = 100_000;

#[test]
fn redis_vs_shardis_1_shard() {
    run_differential(1);
}

#[test]
fn redis_vs_shardis_2_shards() {
    run_differential(2);
}

#[test]
fn redis_vs_shardis_4_shards() {
    run_differential(4);
}

/// What a script line asks for.
#[derive(Debug, Clone)]
enum Step {
    /// Send a command; `mode` says how to compare the reply.
    Command { args: Vec<Vec<u8>>, mode: Mode },
    /// Write bytes as they are; compare all replies and whether the connection closed.
    Raw(Vec<u8>),
    /// Wait.
    Sleep(Duration),
    /// SCAN to the end with these arguments; compare the sorted keys.
    ScanAll(Vec<Vec<u8>>),
    /// HELLO with this protocol version.
    Hello(u8),
    /// Fresh connections.
    Reconnect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exact,
    Sort,
    Ignore,
}

#[derive(Debug)]
struct Line {
    number: usize,
    text: String,
    step: Step,
}

#[derive(Debug)]
struct Script {
    name: String,
    lines: Vec<Line>,
}

/// One server under test and our connection to it.
struct Side {
    label: String,
    addr: String,
    conn: RawConn,
}

impl Side {
    fn new(label: &str, server: &Server) -> Side {
        Side {
            label: label.to_string(),
            addr: server.addr(),
            conn: server.raw(),
        }
    }

    fn reconnect(&mut self) -> Result<(), String> {
        self.conn = RawConn::try_connect(&self.addr)
            .map_err(|e| format!("{}: cannot reconnect: {e}", self.label))?;
        Ok(())
    }
}

/// What one side did for one step, in comparable form.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Reply bytes (possibly normalised).
    Reply(Vec<u8>),
    /// Replies to a raw write and whether the connection was then closed.
    Raw(Vec<Vec<u8>>, bool),
    /// A key list from `@scan-all`.
    Keys(Vec<Vec<u8>>),
    /// The step was not compared.
    Ignored,
    /// The connection failed (timeout, EOF, unparsable bytes).
    Failed(String),
}

impl Outcome {
    fn show(&self) -> String {
        match self {
            Outcome::Reply(b) => show_bytes(b),
            Outcome::Raw(replies, closed) => {
                let mut s: Vec<String> = replies.iter().map(|r| show_bytes(r)).collect();
                s.push(if *closed { "[closed]" } else { "[open]" }.to_string());
                s.join(" ")
            }
            Outcome::Keys(keys) => {
                let shown: Vec<String> = keys.iter().map(|k| show_bytes(k)).collect();
                format!("{} keys [{}]", keys.len(), shown.join(", "))
            }
            Outcome::Ignored => "(ignored)".to_string(),
            Outcome::Failed(e) => format!("<{e}>"),
        }
    }
}

fn run_differential(shards: usize) {
    let scripts = load_scripts();
    assert!(!scripts.is_empty(), "no scripts in tests/diff");
    let reference = Server::redis(&[]);
    let self_check = std::env::var("DIFF_SELF_CHECK").is_ok_and(|v| v == "1");
    let (label, subject) = if self_check {
        ("redis-server (self check)".to_string(), Server::redis(&[]))
    } else {
        (format!("shardis-{shards}"), Server::shardis(shards, &[]))
    };

    let mut mismatches = Vec::new();
    let mut total = 0;
    for script in &scripts {
        total += script.lines.len();
        let mut expected = Side::new("redis-server", &reference);
        let mut actual = Side::new(&label, &subject);
        if let Err(e) = run_script(script, &mut expected, &mut actual, &mut mismatches) {
            mismatches.push(format!("{}: aborted: {e}", script.name));
            break;
        }
    }
    if !mismatches.is_empty() {
        let mut report = format!(
            "{} mismatches between redis-server and {label} over {total} script lines:\n",
            mismatches.len()
        );
        for m in &mismatches {
            report.push_str(m);
            report.push('\n');
        }
        panic!("{report}");
    }
}

/// Runs one script on both sides; pushes a description of each difference. Returns an error
/// when a server cannot be reached any more.
fn run_script(
    script: &Script,
    expected: &mut Side,
    actual: &mut Side,
    mismatches: &mut Vec<String>,
) -> Result<(), String> {
    for side in [&mut *expected, &mut *actual] {
        match side.conn.try_cmd(&[b"FLUSHALL"]) {
            Ok(r) if r == b"+OK\r\n" => {}
            Ok(r) => {
                return Err(format!(
                    "{}: FLUSHALL answered {}",
                    side.label,
                    show_bytes(&r)
                ))
            }
            Err(e) => return Err(format!("{}: FLUSHALL failed: {e}", side.label)),
        }
    }
    let mut errors = 0;
    for line in &script.lines {
        if let Step::Sleep(d) = line.step {
            std::thread::sleep(d);
            continue;
        }
        let (want, got) = if matches!(line.step, Step::Raw(_)) {
            // Both wait for silence; do it at the same time.
            std::thread::scope(|s| {
                let handle = s.spawn(|| run_step(expected, &line.step));
                let got = run_step(actual, &line.step);
                (handle.join().expect("step thread"), got)
            })
        } else {
            (run_step(expected, &line.step), run_step(actual, &line.step))
        };
        if want != got {
            mismatches.push(format!(
                "  {}:{}: {}\n      expected ({}): {}\n      got      ({}): {}",
                script.name,
                line.number,
                line.text,
                expected.label,
                want.show(),
                actual.label,
                got.show()
            ));
        }
        for (side, outcome) in [(&mut *expected, &want), (&mut *actual, &got)] {
            let closed = matches!(outcome, Outcome::Raw(_, true));
            if let Outcome::Failed(_) = outcome {
                errors += 1;
            }
            if closed || matches!(outcome, Outcome::Failed(_)) || line_is_reconnect(line) {
                side.reconnect()?;
            }
        }
        if errors >= MAX_ERRORS_PER_SCRIPT {
            mismatches.push(format!(
                "  {}:{}: {} connection errors, rest of the script skipped",
                script.name, line.number, errors
            ));
            break;
        }
    }
    Ok(())
}

fn line_is_reconnect(line: &Line) -> bool {
    matches!(line.step, Step::Reconnect)
}

/// Runs one step on one side.
fn run_step(side: &mut Side, step: &Step) -> Outcome {
    let conn = &mut side.conn;
    match step {
        Step::Command { args, mode } => {
            let args: Vec<&[u8]> = args.iter().map(Vec::as_slice).collect();
            match conn.try_cmd(&args) {
                Err(e) => Outcome::Failed(e.to_string()),
                Ok(_) if *mode == Mode::Ignore => Outcome::Ignored,
                Ok(reply) if *mode == Mode::Sort => Outcome::Reply(sort_flat_array(&reply)),
                Ok(reply) => Outcome::Reply(reply),
            }
        }
        Step::Raw(bytes) => {
            if let Err(e) = conn.send(bytes) {
                return Outcome::Failed(format!("write failed: {e}"));
            }
            match conn.read_until_quiet(RAW_QUIET) {
                Ok((replies, closed)) => Outcome::Raw(replies, closed),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        Step::ScanAll(args) => scan_all(conn, args),
        Step::Hello(version) => {
            let v = version.to_string();
            match conn.try_cmd(&[b"HELLO", v.as_bytes()]) {
                Ok(reply) => Outcome::Reply(normalise_hello(&reply)),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        Step::Sleep(_) | Step::Reconnect => Outcome::Ignored,
    }
}

/// Sorts the elements of a flat array or set reply, keeping the raw bytes of each element.
/// Any other reply is returned unchanged (so a type difference still shows).
fn sort_flat_array(reply: &[u8]) -> Vec<u8> {
    if !matches!(reply.first(), Some(b'*' | b'~')) {
        return reply.to_vec();
    }
    let header_end = reply.windows(2).position(|w| w == b"\r\n").unwrap() + 2;
    let mut elements = Vec::new();
    let mut rest = &reply[header_end..];
    while !rest.is_empty() {
        let n = frame_len(rest).ok().flatten().expect("element");
        if matches!(rest[0], b'*' | b'~' | b'%' | b'>' | b'|') {
            // Not flat: compare as it is.
            return reply.to_vec();
        }
        elements.push(rest[..n].to_vec());
        rest = &rest[n..];
    }
    elements.sort();
    let mut out = reply[..header_end].to_vec();
    for e in elements {
        out.extend_from_slice(&e);
    }
    out
}

/// Runs SCAN to cursor 0 and returns the sorted, de-duplicated keys.
fn scan_all(conn: &mut RawConn, args: &[Vec<u8>]) -> Outcome {
    let mut cursor = b"0".to_vec();
    let mut keys = Vec::new();
    for _ in 0..MAX_SCAN_CALLS {
        let mut request: Vec<&[u8]> = vec![b"SCAN", &cursor];
        request.extend(args.iter().map(Vec::as_slice));
        let reply = match conn.try_cmd(&request) {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(e.to_string()),
        };
        let parsed = parse_resp(&reply);
        let Resp::Array(b'*', items) = parsed else {
            return Outcome::Reply(reply);
        };
        let [next, Resp::Array(b'*', batch)] = items.as_slice() else {
            return Outcome::Reply(reply);
        };
        for k in batch {
            match k.as_bytes() {
                Some(k) => keys.push(k.to_vec()),
                None => return Outcome::Reply(reply),
            }
        }
        cursor = match next.as_bytes() {
            Some(c) => c.to_vec(),
            None => return Outcome::Reply(reply),
        };
        if cursor == b"0" {
            keys.sort();
            keys.dedup();
            return Outcome::Keys(keys);
        }
    }
    Outcome::Failed(format!("SCAN did not finish in {MAX_SCAN_CALLS} calls"))
}

/// Replaces the values of `id` and `version` in a HELLO reply (a map in RESP3, a flat
/// array of pairs in RESP2) and re-encodes it in a readable form for comparing.
fn normalise_hello(reply: &[u8]) -> Vec<u8> {
    let pairs: Vec<(Resp, Resp)> = match parse_resp(reply) {
        Resp::Map(b'%', pairs) => pairs,
        Resp::Array(b'*', items) if items.len() % 2 == 0 => items
            .chunks(2)
            .map(|c| (c[0].clone(), c[1].clone()))
            .collect(),
        _ => return reply.to_vec(),
    };
    let mut out = format!("HELLO reply of type {:?}:", reply[0] as char);
    for (k, v) in pairs {
        let varies = matches!(k.as_bytes(), Some(b"id" | b"version"));
        let v = if varies {
            "(varies)".to_string()
        } else {
            format!("{v:?}")
        };
        write!(out, " {k:?} => {v};").unwrap();
    }
    out.into_bytes()
}

fn load_scripts() -> Vec<Script> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff");
    let only: Option<Vec<String>> = std::env::var("DIFF_ONLY")
        .ok()
        .map(|v| v.split(',').map(str::to_string).collect());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy();
            only.as_ref()
                .is_none_or(|names| names.iter().any(|n| stem.contains(n.as_str())))
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let lines = parse_script(&text).unwrap_or_else(|e| panic!("{name}:{e}"));
            Script { name, lines }
        })
        .collect()
}

/// Parses a script; errors are `line: message`.
fn parse_script(text: &str) -> Result<Vec<Line>, String> {
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let step = parse_line(trimmed).map_err(|e| format!("{number}: {e}: {trimmed}"))?;
        lines.push(Line {
            number,
            text: trimmed.to_string(),
            step,
        });
    }
    Ok(lines)
}

fn parse_line(line: &str) -> Result<Step, String> {
    let words = split_words(line)?;
    let first = words[0].as_slice();
    if !first.starts_with(b"@") {
        return Ok(Step::Command {
            args: words,
            mode: Mode::Exact,
        });
    }
    let rest = words[1..].to_vec();
    let need_command = |mode| {
        if rest.is_empty() {
            Err("directive needs a command".to_string())
        } else {
            Ok(Step::Command {
                args: rest.clone(),
                mode,
            })
        }
    };
    let no_args = |step: Step| {
        if rest.is_empty() {
            Ok(step)
        } else {
            Err("directive takes no arguments".to_string())
        }
    };
    match first {
        b"@sort" => need_command(Mode::Sort),
        b"@ignore" => need_command(Mode::Ignore),
        b"@raw" if !rest.is_empty() => Ok(Step::Raw(rest.concat())),
        b"@sleep" if rest.len() == 1 => {
            let ms: u64 = std::str::from_utf8(&rest[0])
                .ok()
                .and_then(|s| s.parse().ok())
                .ok_or("bad @sleep milliseconds")?;
            Ok(Step::Sleep(Duration::from_millis(ms)))
        }
        b"@scan-all" => Ok(Step::ScanAll(rest)),
        b"@resp3" => no_args(Step::Hello(3)),
        b"@resp2" => no_args(Step::Hello(2)),
        b"@reconnect" => no_args(Step::Reconnect),
        _ => Err("unknown directive or bad arguments".to_string()),
    }
}

#[test]
fn script_words() {
    assert_eq!(
        split_words(r#"SET  "a b" "\x00\r\n\"\\" x"#).unwrap(),
        vec![
            b"SET".to_vec(),
            b"a b".to_vec(),
            b"\x00\r\n\"\\".to_vec(),
            b"x".to_vec()
        ]
    );
    assert_eq!(
        split_words(r#"GET """#).unwrap(),
        vec![b"GET".to_vec(), vec![]]
    );
    assert!(split_words(r#"GET "a"#).is_err());
    assert!(split_words(r#"GET "a"b"#).is_err());
    assert!(split_words(r#"GET "\q""#).is_err());
    assert_eq!(
        sort_flat_array(b"*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n"),
        b"*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n".to_vec()
    );
    // Everything the scripts say must parse.
    let _ = load_scripts();
}

#[test]
fn resp_framing() {
    assert_eq!(frame_len(b"+OK\r\n"), Ok(Some(5)));
    assert_eq!(frame_len(b"+OK\r"), Ok(None));
    assert_eq!(frame_len(b"$3\r\nfoo\r\n+x"), Ok(Some(9)));
    assert_eq!(frame_len(b"$3\r\nfo"), Ok(None));
    assert_eq!(frame_len(b"$-1\r\n"), Ok(Some(5)));
    assert_eq!(frame_len(b"*2\r\n:1\r\n*1\r\n_\r\n"), Ok(Some(15)));
    assert_eq!(frame_len(b"*2\r\n:1\r\n*1\r\n"), Ok(None));
    assert_eq!(frame_len(b"%1\r\n+a\r\n,1.5\r\n"), Ok(Some(14)));
    assert_eq!(frame_len(b"|1\r\n+a\r\n#t\r\n:1\r\n"), Ok(Some(16)));
    assert!(frame_len(b"?x\r\n").is_err());
    assert_eq!(
        parse_resp(b"*2\r\n$1\r\na\r\n:3\r\n"),
        Resp::Array(
            b'*',
            vec![Resp::Bulk(b'$', b"a".to_vec()), Resp::Integer(3)]
        )
    );
}
