//! The stock Redis tools against shardis (2 shards): `redis-cli` must print exactly what it
//! prints against a real `redis-server`, and `redis-benchmark` must run its standard tests,
//! plain and pipelined, without errors or warnings and report a positive throughput for each.
//! No timing thresholds: only that the tools work.

mod common;

use common::Server;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// What a tool run printed.
#[derive(Debug, PartialEq, Eq)]
struct Output {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `program args`, feeding `stdin`, and kills it (by its pid) after `timeout`.
fn run(program: &str, args: &[&str], stdin: Option<&[u8]>, timeout: Duration) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(input).expect("write stdin");
    }
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(timeout) {
        Ok(out) => {
            let out = out.expect("wait for tool");
            Output {
                status: out.status.code(),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        }
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{program} {args:?} did not finish within {timeout:?}");
        }
    }
}

fn cli(server: &Server, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let port = server.port().to_string();
    let mut full = vec!["-h", "127.0.0.1", "-p", &port];
    full.extend_from_slice(args);
    run("redis-cli", &full, stdin, Duration::from_secs(30))
}

/// Each redis-cli invocation: arguments after `-h -p`, and what to feed on stdin.
const CLI_CASES: &[(&[&str], Option<&[u8]>)] = &[
    (&["SET", "a", "b"], None),
    (&["GET", "a"], None),
    (&["--no-raw", "GET", "a"], None),
    (&["--raw", "GET", "a"], None),
    (&["--no-raw", "GET", "missing"], None),
    (&["GET", "missing"], None),
    (&["--no-raw", "INCR", "n"], None),
    (&["INCR", "n"], None),
    (&["--no-raw", "MGET", "a", "missing", "n"], None),
    (&["MGET", "a", "missing", "n"], None),
    (&["--no-raw", "INCRBYFLOAT", "f", "1.5"], None),
    (&["--no-raw", "TTL", "a"], None),
    (&["--no-raw", "KEYS", "nothing*"], None),
    (&["--no-raw", "PING"], None),
    (&["PING", "hello"], None),
    (&["--no-raw", "ECHO", "with space"], None),
    (&["--no-raw", "SET", "bin", "a\tb"], None),
    (&["--no-raw", "GET", "bin"], None),
    (&["FOO", "x"], None),
    (&["--no-raw", "FOO", "x"], None),
    (&["--no-raw", "SET"], None),
    (&["--no-raw", "INCR", "a"], None),
    (&["-n", "3", "SET", "in3", "v"], None),
    (&["-n", "3", "GET", "in3"], None),
    (&["GET", "in3"], None),
    (&["--no-raw", "-3", "GET", "missing"], None),
    (&["--no-raw", "-3", "MGET", "a", "missing"], None),
    (&["--no-raw", "-3", "INCR", "n"], None),
    (&["-r", "3", "INCR", "rep"], None),
    (&["--no-raw", "DBSIZE"], None),
    (&[], Some(b"SET x 1\nINCR x\nGET x\nFOO\n")),
    (&["--no-raw"], Some(b"MSET k1 1 k2 2\nMGET k2 k1 k3\n")),
    (&["-x", "SET", "stdin"], Some(b"hello\n")),
    (&["GET", "stdin"], None),
    (
        &["--pipe"],
        Some(b"*3\r\n$3\r\nSET\r\n$1\r\ny\r\n$1\r\n2\r\n*1\r\n$4\r\nPING\r\nINCR y\r\n"),
    ),
    (&["--no-raw", "MGET", "x", "y", "k1", "k2"], None),
];

#[test]
fn redis_cli_prints_the_same_as_against_redis() {
    let redis = Server::redis(&[]);
    let shardis = Server::shardis(2, &[]);
    for server in [&redis, &shardis] {
        let out = cli(server, &["FLUSHALL"], None);
        assert_eq!(out.stdout, "OK\n", "FLUSHALL: {out:?}");
    }
    let mut differences = Vec::new();
    for (args, stdin) in CLI_CASES {
        let want = cli(&redis, args, *stdin);
        let got = cli(&shardis, args, *stdin);
        if want != got {
            differences.push(format!(
                "redis-cli {args:?} (stdin {:?}):\n    redis-server: {want:?}\n    shardis:      {got:?}",
                stdin.map(String::from_utf8_lossy)
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} redis-cli differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn redis_cli_basic_output() {
    let shardis = Server::shardis(2, &[]);
    let out = cli(&shardis, &["SET", "a", "b"], None);
    assert_eq!(
        (out.status, out.stdout.as_str()),
        (Some(0), "OK\n"),
        "{out:?}"
    );
    let out = cli(&shardis, &["GET", "a"], None);
    assert_eq!(
        (out.status, out.stdout.as_str()),
        (Some(0), "b\n"),
        "{out:?}"
    );
    let out = cli(&shardis, &["--no-raw", "GET", "a"], None);
    assert_eq!(
        (out.status, out.stdout.as_str()),
        (Some(0), "\"b\"\n"),
        "{out:?}"
    );
    let out = cli(&shardis, &["--no-raw", "GET", "missing"], None);
    assert_eq!(out.stdout, "(nil)\n", "{out:?}");
    let out = cli(&shardis, &["--no-raw", "INCR", "counter"], None);
    assert_eq!(out.stdout, "(integer) 1\n", "{out:?}");
    let out = cli(&shardis, &["--no-raw", "MGET", "a", "missing"], None);
    assert_eq!(out.stdout, "1) \"b\"\n2) (nil)\n", "{out:?}");
}

/// Runs redis-benchmark with `extra` arguments and checks its report.
fn benchmark(server: &Server, extra: &[&str]) {
    let port = server.port().to_string();
    let mut args = vec!["-h", "127.0.0.1", "-p", &port];
    args.extend_from_slice(&[
        "-t",
        "ping,set,get,incr,mset",
        "-n",
        "20000",
        "-c",
        "50",
        "-q",
    ]);
    args.extend_from_slice(extra);
    let out = run("redis-benchmark", &args, None, Duration::from_secs(300));
    let context = format!("redis-benchmark {args:?}: {out:?}");
    assert_eq!(out.status, Some(0), "{context}");

    // With -q, progress lines end in \r and each test's result line in \n.
    let segments: Vec<&str> = out
        .stdout
        .split(['\r', '\n'])
        .chain(out.stderr.split(['\r', '\n']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for s in &segments {
        let lower = s.to_ascii_lowercase();
        assert!(
            !lower.contains("error") && !lower.contains("warning") && !s.contains("ERR"),
            "error line {s:?} in {context}"
        );
    }
    for test in [
        "PING_INLINE",
        "PING_MBULK",
        "SET",
        "GET",
        "INCR",
        "MSET (10 keys)",
    ] {
        let prefix = format!("{test}: ");
        let line = segments
            .iter()
            .find(|s| s.starts_with(&prefix) && s.contains("requests per second"))
            .unwrap_or_else(|| panic!("no result line for {test} in {context}"));
        let rps: f64 = line[prefix.len()..]
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("cannot read the rate in {line:?}"));
        assert!(rps > 0.0, "{test}: rate {rps} in {line:?}");
    }
}

#[test]
fn redis_benchmark_runs() {
    let shardis = Server::shardis(2, &[]);
    benchmark(&shardis, &[]);
}

#[test]
fn redis_benchmark_pipelined_runs() {
    let shardis = Server::shardis(2, &[]);
    benchmark(&shardis, &["-P", "16"]);
}
