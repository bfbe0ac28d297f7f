//! The operator's face: starting from a config file and from command-line directives, the
//! messages of bad configurations (compared with a real redis-server's), CONFIG GET/SET/
//! REWRITE, the log file, SHUTDOWN and SIGTERM.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A process started with a command line of the test's choosing (the config file first, as
/// redis-server wants it), its output captured in files of its own scratch directory.
struct Started {
    child: Child,
    port: u16,
    dir: PathBuf,
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "shardis-config-{name}-{}-{}",
        std::process::id(),
        free_port()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

impl Started {
    /// Starts `program` with `args` in `dir` and waits until it answers PING on `port`.
    fn new(program: &str, args: &[&str], dir: &Path, port: u16) -> Started {
        let child = Command::new(program)
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(fs::File::create(dir.join("stdout")).expect("stdout file"))
            .stderr(fs::File::create(dir.join("stderr")).expect("stderr file"))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        let mut started = Started {
            child,
            port,
            dir: dir.to_path_buf(),
        };
        let ready = wait_until(Duration::from_secs(30), || {
            if let Ok(Some(status)) = started.child.try_wait() {
                panic!("{program} exited at start ({status}): {}", started.output());
            }
            let Ok(mut conn) = RawConn::try_connect(&format!("127.0.0.1:{port}")) else {
                return false;
            };
            matches!(conn.try_cmd(&[b"PING"]), Ok(reply) if reply == b"+PONG\r\n")
        });
        assert!(ready, "{program} never answered PING: {}", started.output());
        started
    }

    fn shardis(args: &[&str], dir: &Path, port: u16) -> Started {
        Started::new(env!("CARGO_BIN_EXE_shardis"), args, dir, port)
    }

    fn connect(&self) -> redis::Connection {
        let client =
            redis::Client::open(format!("redis://127.0.0.1:{}/", self.port)).expect("client");
        let con = client.get_connection().expect("connect");
        con.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("read timeout");
        con
    }

    fn output(&self) -> String {
        let read = |name: &str| fs::read_to_string(self.dir.join(name)).unwrap_or_default();
        format!("stdout:\n{}\nstderr:\n{}", read("stdout"), read("stderr"))
    }

    /// Waits for the process to exit by itself.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            assert!(Instant::now() < deadline, "did not exit: {}", self.output());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        // Only our own child, by its pid.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `program args` in `dir`, expecting it to refuse to start: its exit status, standard
/// output and standard error. A process still running after 20 s is killed and fails the test.
fn run_to_exit(program: &str, args: &[&str], dir: &Path) -> (i32, String, String) {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(fs::File::create(dir.join("out")).expect("out file"))
        .stderr(fs::File::create(dir.join("err")).expect("err file"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{program} {args:?} started instead of refusing the configuration");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap_or_default();
    (status.code().unwrap_or(-1), read("out"), read("err"))
}

/// `4242:C 25 Nov 2026 16:20:01.123 # text` -> `# text`, so log lines of two processes compare.
fn without_log_prefix(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once(' ') {
            Some((head, rest)) if head.contains(':') && rest.len() > 25 => rest[25..].to_string(),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One configuration that must not start.
struct BadConfig {
    /// What the case is about.
    name: &'static str,
    /// The config file's text (`None`: no file).
    file: Option<&'static str>,
    /// Command-line arguments after the file.
    args: &'static [&'static str],
    /// Standard error, exactly.
    stderr: &'static str,
    /// Standard output, log prefixes removed.
    stdout: &'static str,
    /// Redis prints the same (false for what only shardis refuses: persistence, limits).
    as_redis: bool,
}

const FATAL: &str = "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n";

fn bad_configs() -> Vec<BadConfig> {
    let fatal = |line: usize, text: &str, reason: &str| -> &'static str {
        Box::leak(
            format!(
                "{FATAL}Reading the configuration file, at line {line}\n>>> '{text}'\n{reason}\n"
            )
            .into_boxed_str(),
        )
    };
    let case = |name: &'static str,
                file: Option<&'static str>,
                args: &'static [&'static str],
                stderr: &'static str,
                as_redis: bool| BadConfig {
        name,
        file,
        args,
        stderr,
        stdout: "",
        as_redis,
    };
    vec![
        case("unknown directive", Some("# c\nport 7000\nnosuch 1\n"), &[], fatal(3, "nosuch 1", "Bad directive or wrong number of arguments"), true),
        case("bad number", Some("port abc\n"), &[], fatal(1, "port abc", "argument couldn't be parsed into an integer"), true),
        case("out of range", Some("port 70000\n"), &[], fatal(1, "port 70000", "argument must be between 0 and 65535 inclusive"), true),
        case("bad yes/no", Some("protected-mode maybe\n"), &[], fatal(1, "protected-mode maybe", "argument must be 'yes' or 'no'"), true),
        case("unbalanced quotes", Some("  requirepass \"abc  \n"), &[], fatal(1, "requirepass \"abc", "Unbalanced quotes in configuration line"), true),
        case("wrong argument count", Some("timeout 1 2\n"), &[], fatal(1, "timeout 1 2", "wrong number of arguments"), true),
        case("bad memory value", Some("maxmemory lots\n"), &[], fatal(1, "maxmemory lots", "argument must be a memory value"), true),
        case("bad enum", Some("maxmemory-policy sometimes\n"), &[], fatal(1, "maxmemory-policy sometimes", "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction"), true),
        case("error inside an include", Some("hz 10\ninclude inc.conf\n"), &[], fatal(1, "timeout x", "argument couldn't be parsed into an integer"), true),
        case("command line: bad value", None, &["--port", "abc"], fatal(2, "port \"abc\"", "argument couldn't be parsed into an integer"), true),
        case("command line: unknown", None, &["--hz", "5", "--nosuch", "a b"], fatal(3, "nosuch \"a b\"", "Bad directive or wrong number of arguments"), true),
        case("command line: no value", None, &["--timeout"], fatal(2, "timeout", "wrong number of arguments"), true),
        case("command line after a file", Some("hz 10\n"), &["--port", "1", "2"], fatal(3, "port \"1\" \"2\"", "wrong number of arguments"), true),
        case("log file cannot be opened", None, &["--logfile", "/nonexistent/dir/log"], Box::leak(format!("{FATAL}Can't open the log file: No such file or directory\n").into_boxed_str()), true),
        case("dir does not exist", None, &["--dir", "/nonexistent/dir"], fatal(2, "dir \"/nonexistent/dir\"", "No such file or directory"), true),
        BadConfig {
            name: "missing include file",
            file: Some("include /nonexistent/x.conf\n"),
            args: &[],
            stderr: "",
            stdout: "# Fatal error, can't open config file '/nonexistent/x.conf': No such file or directory",
            as_redis: true,
        },
        case("odd save parameters", Some("save 900\n"), &[], fatal(1, "save 900", "Invalid save parameters"), true),
        case("save parameters not numbers", Some("save 900 x\n"), &[], fatal(1, "save 900 x", "Invalid save parameters"), true),
        case("appendfsync value", None, &["--appendfsync", "sometimes"], fatal(2, "appendfsync \"sometimes\"", "argument(s) must be one of the following: everysec, always, no"), true),
        case("daemonize", Some("daemonize yes\n"), &[], fatal(1, "daemonize yes", "daemonize yes is not supported: run shardis in the foreground under a supervisor (systemd, docker, ...)"), false),
    ]
}

#[test]
fn bad_configurations_refuse_to_start_with_redis_messages() {
    let dir = scratch("bad");
    fs::write(dir.join("inc.conf"), "timeout x\n").expect("write include");
    let mut failures = Vec::new();
    for case in bad_configs() {
        let mut args: Vec<&str> = Vec::new();
        if let Some(text) = case.file {
            fs::write(dir.join("bad.conf"), text).expect("write config");
            args.push("bad.conf");
        }
        args.extend(case.args);
        let mut programs = vec![env!("CARGO_BIN_EXE_shardis")];
        if case.as_redis {
            programs.push("redis-server");
        }
        for program in programs {
            let (code, stdout, stderr) = run_to_exit(program, &args, &dir);
            let stdout = without_log_prefix(&stdout);
            if code == 0 || stderr != case.stderr || stdout.trim_end() != case.stdout {
                failures.push(format!(
                    "{} ({program} {args:?}): exit {code}\nstderr: {stderr:?}\nwanted: {:?}\nstdout: {stdout:?}\nwanted: {:?}",
                    case.name, case.stderr, case.stdout
                ));
            }
        }
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn an_address_that_cannot_be_bound_stops_the_server_as_in_redis() {
    let dir = scratch("bind");
    let port = free_port().to_string();
    let mut endings = Vec::new();
    for (program, extra) in [
        (env!("CARGO_BIN_EXE_shardis"), &["--shards", "1"]),
        ("redis-server", &["--save", ""]),
    ] {
        let mut args = vec!["--port", &port, "--bind", "127.0.0.1", "nosuchhost.invalid"];
        args.extend(extra);
        let (code, stdout, _) = run_to_exit(program, &args, &dir);
        assert_eq!(code, 1, "{program}: {stdout}");
        let lines = without_log_prefix(&stdout);
        let lines: Vec<&str> = lines.lines().collect();
        endings.push(lines[lines.len().saturating_sub(2)..].join("\n"));
    }
    assert_eq!(endings[0], endings[1]);
    assert!(endings[0].ends_with(&format!(
        "# Failed listening on port {port} (TCP), aborting."
    )));
    let _ = fs::remove_dir_all(&dir);
}

fn config_get(con: &mut redis::Connection, name: &str) -> String {
    let pairs: Vec<String> = q(con, &["CONFIG", "GET", name]);
    assert_eq!(pairs.len(), 2, "CONFIG GET {name}: {pairs:?}");
    pairs[1].clone()
}

#[test]
fn starts_from_a_file_with_include_units_quotes_and_yes_no() {
    let dir = scratch("file");
    let port = free_port();
    fs::write(
        dir.join("more.conf"),
        "timeout 42\nhash-max-ziplist-entries 3\n",
    )
    .expect("write");
    fs::write(
        dir.join("shardis.conf"),
        format!(
            "# a comment\n   bind 127.0.0.1   \nport {port}\nshards 2\n\ninclude more.conf\nproto-max-bulk-len 2mb\nhash-max-listpack-value 1kb\ndbfilename \"my dump.rdb\"\nappendfilename 'append \\'only\\'.aof'\nprotected-mode NO\nMAXMEMORY-POLICY allkeys-lfu\nhz 1000\n"
        ),
    )
    .expect("write config");
    let server = Started::shardis(&["shardis.conf"], &dir, port);
    let mut con = server.connect();
    for (name, value) in [
        ("timeout", "42"),
        ("hash-max-listpack-entries", "3"),
        ("proto-max-bulk-len", "2097152"),
        ("hash-max-listpack-value", "1024"),
        ("dbfilename", "my dump.rdb"),
        ("appendfilename", "append 'only'.aof"),
        ("protected-mode", "no"),
        ("maxmemory-policy", "allkeys-lfu"),
        ("hz", "500"),
        ("shards", "2"),
    ] {
        assert_eq!(config_get(&mut con, name), value, "{name}");
    }
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn command_line_directives_override_the_file() {
    let dir = scratch("cli");
    let port = free_port();
    fs::write(dir.join("shardis.conf"), "hz 20\ntimeout 7\n").expect("write config");
    let port_arg = port.to_string();
    let server = Started::shardis(
        &[
            "shardis.conf",
            "--port",
            &port_arg,
            "--bind",
            "127.0.0.1",
            "--shards",
            "1",
            "--hz",
            "30",
            "--list-max-listpack-size",
            "-3",
            "--save",
            "--dbfilename",
            "with space.rdb",
            "--maxmemory-policy",
            "volatile-ttl",
        ],
        &dir,
        port,
    );
    let mut con = server.connect();
    for (name, value) in [
        ("hz", "30"),
        ("timeout", "7"),
        ("list-max-listpack-size", "-3"),
        ("save", ""),
        ("dbfilename", "with space.rdb"),
        ("maxmemory-policy", "volatile-ttl"),
    ] {
        assert_eq!(config_get(&mut con, name), value, "{name}");
    }
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn config_set_is_all_or_nothing_with_redis_errors() {
    each_server(&[1, 4], |server| {
        let mut con = connect(server);
        ok(
            &mut con,
            &[
                "CONFIG",
                "SET",
                "hz",
                "25",
                "maxmemory-policy",
                "allkeys-lru",
                "timeout",
                "9",
            ],
        );
        let got: Vec<String> = q(
            &mut con,
            &["CONFIG", "GET", "hz", "maxmemory-policy", "timeout"],
        );
        let mut got: Vec<(String, String)> = got
            .chunks(2)
            .map(|p| (p[0].clone(), p[1].clone()))
            .collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                ("hz".to_string(), "25".to_string()),
                ("maxmemory-policy".to_string(), "allkeys-lru".to_string()),
                ("timeout".to_string(), "9".to_string()),
            ]
        );
        // A bad pair anywhere leaves every value as it was.
        for (words, error) in [
            (
                &["CONFIG", "SET", "hz", "5", "timeout", "-1"][..],
                "ERR CONFIG SET failed (possibly related to argument 'timeout') - argument must be between 0 and 2147483647 inclusive",
            ),
            (
                &["CONFIG", "SET", "hz", "5", "MAXMEMORY-POLICY", "foo"],
                "ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction",
            ),
            (
                &["CONFIG", "SET", "hz", "x", "nosuch", "1"],
                "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
            ),
            (
                &["CONFIG", "SET", "hz", "5", "databases", "3"],
                "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
            ),
            (
                &["CONFIG", "SET", "hz", "5", "dir", "/tmp"],
                "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config",
            ),
            (
                &["CONFIG", "SET", "dbfilename", "x.rdb"],
                "ERR CONFIG SET failed (possibly related to argument 'dbfilename') - can't set protected config",
            ),
            (
                &["CONFIG", "SET", "hz", "5", "HZ", "6"],
                "ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter",
            ),
            (&["CONFIG", "SET", "hz", "5", "timeout"], "ERR syntax error"),
            (
                &["CONFIG", "SET", "hz"],
                "ERR wrong number of arguments for 'config|set' command",
            ),
            (
                &["CONFIG", "SET", "protected-mode", "maybe"],
                "ERR CONFIG SET failed (possibly related to argument 'protected-mode') - argument must be 'yes' or 'no'",
            ),
            (
                &["CONFIG", "SET", "hash-max-listpack-value", "abc"],
                "ERR CONFIG SET failed (possibly related to argument 'hash-max-listpack-value') - argument must be a memory value",
            ),
        ] {
            assert_err(&mut con, words, error);
        }
        assert_eq!(config_get(&mut con, "hz"), "25");
        assert_eq!(config_get(&mut con, "maxmemory-policy"), "allkeys-lru");
        assert_eq!(config_get(&mut con, "timeout"), "9");
        // A name and its alias are two directives to Redis 7.0: the later wins.
        ok(
            &mut con,
            &[
                "CONFIG",
                "SET",
                "hash-max-listpack-entries",
                "5",
                "hash-max-ziplist-entries",
                "6",
            ],
        );
        assert_eq!(config_get(&mut con, "hash-max-listpack-entries"), "6");
        ok(
            &mut con,
            &["CONFIG", "SET", "hash-max-listpack-entries", "512"],
        );
        // hz is capped as Redis caps it; memory units are taken.
        ok(
            &mut con,
            &["CONFIG", "SET", "hz", "0", "proto-max-bulk-len", "2mb"],
        );
        assert_eq!(config_get(&mut con, "hz"), "1");
        assert_eq!(config_get(&mut con, "proto-max-bulk-len"), "2097152");
        ok(
            &mut con,
            &[
                "CONFIG",
                "SET",
                "hz",
                "10",
                "proto-max-bulk-len",
                "512mb",
                "timeout",
                "0",
            ],
        );
        assert_err(
            &mut con,
            &["CONFIG", "REWRITE"],
            "ERR The server is running without a config file",
        );
        let help: Vec<String> = q(&mut con, &["CONFIG", "HELP"]);
        assert_eq!(help.len(), 11);
        assert_eq!(
            help[0],
            "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"
        );
    });
}

#[test]
fn concurrent_config_sets_leave_every_shard_on_the_same_values() {
    let server = Server::shardis(4, &[]);
    std::thread::scope(|scope| {
        for writer in 0..3 {
            let server = &server;
            scope.spawn(move || {
                let mut con = connect(server);
                for i in 0..40 {
                    let hz = (1 + writer * 100 + i).to_string();
                    ok(
                        &mut con,
                        &["CONFIG", "SET", "hz", &hz, "maxmemory-samples", "7"],
                    );
                }
            });
        }
    });
    // Connections land on every shard; each reads its own shard's configuration.
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..16 {
        let mut con = connect(&server);
        seen.push(config_get(&mut con, "hz"));
    }
    seen.dedup();
    assert_eq!(seen.len(), 1, "shards disagree: {seen:?}");
}

#[test]
fn port_and_bind_change_at_run_time_on_every_shard() {
    each_server(&[1, 4], |server| {
        let mut con = connect(server);
        let new_port = free_port();
        let new_port_arg = new_port.to_string();
        ok(&mut con, &["CONFIG", "SET", "port", &new_port_arg]);
        // Every shard listens on the new port (the kernel spreads connections over them);
        // the old port is closed; connections already open stay.
        for _ in 0..8 {
            let mut conn = RawConn::connect(&format!("127.0.0.1:{new_port}"));
            assert_eq!(conn.cmd(&[b"PING"]), b"+PONG\r\n".to_vec());
        }
        assert!(
            RawConn::try_connect(&server.addr()).is_err(),
            "old port still open"
        );
        assert_eq!(config_get(&mut con, "port"), new_port_arg);
        // A port another process holds: refused, and every shard keeps the current one.
        let holder = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a port");
        let taken = holder.local_addr().expect("addr").port().to_string();
        assert_err(
            &mut con,
            &["CONFIG", "SET", "port", &taken],
            "ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this port. Check server logs.",
        );
        assert_err(
            &mut con,
            &["CONFIG", "SET", "bind", "127.0.0.1 203.0.113.254"],
            "ERR CONFIG SET failed (possibly related to argument 'bind') - Failed to bind to specified addresses.",
        );
        assert_eq!(config_get(&mut con, "port"), new_port_arg);
        assert_eq!(config_get(&mut con, "bind"), "127.0.0.1");
        for _ in 0..8 {
            let mut conn = RawConn::connect(&format!("127.0.0.1:{new_port}"));
            assert_eq!(conn.cmd(&[b"PING"]), b"+PONG\r\n".to_vec());
        }
    });
}

/// Keys of `prefix` that live on each of `nshards` shards (Redis Cluster slots, contiguous
/// ranges per shard, as shardis places them).
fn key_per_shard(prefix: &str, nshards: usize) -> Vec<String> {
    let mut keys: Vec<Option<String>> = vec![None; nshards];
    for i in 0.. {
        let key = format!("{prefix}{i}");
        let shard = (crc16(key.as_bytes()) as usize % 16384) * nshards / 16384;
        if keys[shard].is_none() {
            keys[shard] = Some(key);
        }
        if keys.iter().all(Option::is_some) {
            break;
        }
    }
    keys.into_iter().flatten().collect()
}

#[test]
fn config_set_takes_effect_on_every_shard() {
    let server = Server::shardis(4, &[]);
    let mut con = connect(&server);
    let keys = key_per_shard("h", 4);
    ok(
        &mut con,
        &["CONFIG", "SET", "hash-max-listpack-entries", "2"],
    );
    for key in &keys {
        assert_eq!(
            int(&mut con, &["HSET", key, "a", "1", "b", "2", "c", "3"]),
            3
        );
        assert_eq!(encoding(&mut con, key), "hashtable", "{key}");
    }
    ok(
        &mut con,
        &["CONFIG", "SET", "hash-max-ziplist-entries", "512"],
    );
    for key in &keys {
        let small = format!("{{{key}}}small");
        assert_eq!(
            int(&mut con, &["HSET", &small, "a", "1", "b", "2", "c", "3"]),
            3
        );
        assert_eq!(encoding(&mut con, &small), "listpack", "{small}");
    }
    // proto-max-bulk-len is read by every connection, on whichever shard it landed.
    ok(&mut con, &["CONFIG", "SET", "proto-max-bulk-len", "1mb"]);
    for _ in 0..8 {
        let mut raw = server.raw();
        raw.send(b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2000000\r\n")
            .expect("send");
        assert_eq!(
            raw.read_reply(),
            b"-ERR Protocol error: invalid bulk length\r\n".to_vec()
        );
        let mut other = connect(&server);
        assert_eq!(config_get(&mut other, "proto-max-bulk-len"), "1048576");
    }
}

#[test]
fn config_rewrite_keeps_comments_and_the_file_starts_again() {
    let dir = scratch("rewrite");
    let port = free_port();
    let conf = dir.join("shardis.conf");
    let original = format!(
        "# The operator's notes.\nbind 127.0.0.1\nport {port}\n   hz   10   \n# hz again below\n\n\nhz 20\nhash-max-ziplist-entries 100\ninclude more.conf\ntcp-keepalive 300\n"
    );
    fs::write(&conf, &original).expect("write config");
    fs::write(dir.join("more.conf"), "timeout 5\n").expect("write include");
    let server = Started::shardis(&["shardis.conf"], &dir, port);
    let mut con = server.connect();
    ok(
        &mut con,
        &[
            "CONFIG",
            "SET",
            "hz",
            "15",
            "maxmemory-policy",
            "allkeys-lru",
            "tcp-keepalive",
            "300",
        ],
    );
    ok(&mut con, &["CONFIG", "REWRITE"]);
    let cwd = fs::canonicalize(&dir).expect("canonical dir");
    assert_eq!(
        fs::read_to_string(&conf).expect("read config"),
        format!(
            "# The operator's notes.\nbind 127.0.0.1\nport {port}\nhz 15\n# hz again below\n\nhash-max-listpack-entries 100\ninclude more.conf\ntcp-keepalive 300\n\n# Generated by CONFIG REWRITE\ntimeout 5\nsave 3600 1\nsave 300 100\nsave 60 10000\ndir \"{}\"\nmaxmemory-policy allkeys-lru\n",
            cwd.display()
        )
    );
    drop(con);
    drop(server);
    let server = Started::shardis(&["shardis.conf"], &dir, port);
    let mut con = server.connect();
    assert_eq!(config_get(&mut con, "hz"), "15");
    assert_eq!(config_get(&mut con, "maxmemory-policy"), "allkeys-lru");
    assert_eq!(config_get(&mut con, "hash-max-listpack-entries"), "100");
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

/// `4242:M 25 Nov 2026 16:20:01.123 * text`?
fn is_redis_log_line(line: &str) -> bool {
    let Some((pid, rest)) = line.split_once(':') else {
        return false;
    };
    let b = rest.as_bytes();
    pid.bytes().all(|c| c.is_ascii_digit())
        && b.len() > 29
        && matches!(b[0], b'C' | b'M')
        && b[1] == b' '
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[5..8].iter().all(u8::is_ascii_alphabetic)
        && b[9..13].iter().all(u8::is_ascii_digit)
        && &b[16..17] == b":"
        && &b[22..23] == b"."
        && matches!(b[27], b'.' | b'-' | b'*' | b'#')
        && b[28] == b' '
}

#[test]
fn the_log_file_gets_redis_format_lines_and_shutdown_ends_cleanly() {
    let dir = scratch("log");
    let port = free_port();
    let port_arg = port.to_string();
    let mut server = Started::shardis(
        &[
            "--port",
            &port_arg,
            "--shards",
            "2",
            "--logfile",
            "server.log",
            "--pidfile",
            "shardis.pid",
        ],
        &dir,
        port,
    );
    assert_eq!(
        fs::read_to_string(dir.join("shardis.pid")).expect("pid file"),
        format!("{}\n", server.child.id())
    );
    let mut con = server.connect();
    // A directory where the snapshot file goes makes the final save fail: the server says
    // so and keeps running, as Redis does.
    fs::create_dir(dir.join("dump.rdb")).expect("mkdir in the snapshot's place");
    assert_err(
        &mut con,
        &["SHUTDOWN", "SAVE"],
        "ERR Errors trying to SHUTDOWN. Check logs.",
    );
    assert_err(
        &mut con,
        &["SHUTDOWN", "ABORT"],
        "ERR No shutdown in progress.",
    );
    assert_err(&mut con, &["SHUTDOWN", "NOSAVE", "SAVE"], SYNTAX);
    assert_eq!(q::<String>(&mut con, &["PING"]), "PONG");
    let _ = cmd(&["SHUTDOWN", "NOSAVE", "NOW"]).query::<redis::Value>(&mut con);
    assert_eq!(server.wait_exit().code(), Some(0));
    let log = fs::read_to_string(dir.join("server.log")).expect("log file");
    for line in log.lines() {
        assert!(is_redis_log_line(line), "not in Redis's format: {line:?}");
    }
    let messages = without_log_prefix(&log);
    for expected in [
        "# Configuration loaded",
        "* Ready to accept connections",
        "# Error trying to save the DB, can't exit.",
        "# User requested shutdown...",
        "# shardis is now ready to exit, bye bye...",
    ] {
        assert!(
            messages.lines().any(|l| l == expected),
            "{expected:?} not in\n{log}"
        );
    }
    assert!(!dir.join("shardis.pid").exists(), "the pid file is removed");
    assert_eq!(fs::read_to_string(dir.join("stdout")).expect("stdout"), "");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_shuts_down_cleanly() {
    let dir = scratch("sigterm");
    let port = free_port();
    let port_arg = port.to_string();
    let mut server = Started::shardis(&["--port", &port_arg, "--shards", "2"], &dir, port);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    assert_eq!(server.wait_exit().code(), Some(0));
    let out = fs::read_to_string(dir.join("stdout")).expect("stdout");
    let pid = server.child.id();
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("{pid}:signal-handler ("))
                && l.ends_with(") Received SIGTERM scheduling shutdown...")),
        "{out}"
    );
    assert!(
        out.contains(" # shardis is now ready to exit, bye bye...\n"),
        "{out}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn log_level_changes_at_run_time() {
    let dir = scratch("loglevel");
    let port = free_port();
    let port_arg = port.to_string();
    let mut server = Started::shardis(
        &[
            "--port",
            &port_arg,
            "--shards",
            "1",
            "--loglevel",
            "warning",
            "--pidfile",
            "p.pid",
        ],
        &dir,
        port,
    );
    let out = fs::read_to_string(dir.join("stdout")).expect("stdout");
    assert!(out.contains(" # Configuration loaded\n"), "{out}");
    assert!(
        !out.contains("Ready to accept connections"),
        "a notice at warning level: {out}"
    );
    let mut con = server.connect();
    ok(&mut con, &["CONFIG", "SET", "loglevel", "notice"]);
    assert_eq!(config_get(&mut con, "loglevel"), "notice");
    let _ = cmd(&["SHUTDOWN"]).query::<redis::Value>(&mut con);
    assert_eq!(server.wait_exit().code(), Some(0));
    let out = fs::read_to_string(dir.join("stdout")).expect("stdout");
    assert!(
        out.contains(" * Removing the pid file.\n"),
        "a notice after CONFIG SET: {out}"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// This machine's address on a non-loopback interface, if it has one (the source address
/// the kernel picks for a route out; no packet is sent).
fn outside_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn protected_mode_refuses_outside_clients_without_a_password() {
    let Some(ip) = outside_address() else {
        eprintln!("no non-loopback interface: nothing to test");
        return;
    };
    let ip = ip.to_string();
    for program in [env!("CARGO_BIN_EXE_shardis"), "redis-server"] {
        let dir = scratch("protected");
        let port = free_port();
        let port_arg = port.to_string();
        let mut args = vec!["--bind", "127.0.0.1", &ip, "--port", &port_arg];
        if program == "redis-server" {
            args.extend(["--save", "", "--appendonly", "no"]);
        } else {
            args.extend(["--shards", "2"]);
        }
        let server = Started::new(program, &args, &dir, port);
        let outside = format!("{ip}:{port}");
        let mut conn = RawConn::connect(&outside);
        let reply = conn.cmd(&[b"PING"]);
        assert!(
            reply.starts_with(b"-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user.")
                && reply.ends_with(b"from the outside.\r\n"),
            "{program}: {}",
            String::from_utf8_lossy(&reply)
        );
        let mut con = server.connect();
        ok(&mut con, &["CONFIG", "SET", "protected-mode", "no"]);
        let mut conn = RawConn::connect(&outside);
        assert_eq!(conn.cmd(&[b"PING"]), b"+PONG\r\n".to_vec(), "{program}");
        if program == "redis-server" {
            let _ = cmd(&["SHUTDOWN", "NOSAVE"]).query::<redis::Value>(&mut con);
        }
        drop(server);
        let _ = fs::remove_dir_all(&dir);
    }
}

/// `ss`'s view of the server side of established connections on `port`.
fn socket_timers(port: u16) -> String {
    let out = Command::new("ss")
        .args([
            "-tno",
            "state",
            "established",
            &format!("( sport = :{port} )"),
        ])
        .output()
        .expect("run ss (iproute2)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn tcp_keepalive_is_set_on_client_sockets() {
    for (seconds, expected) in [("120", true), ("0", false)] {
        let server = Server::shardis(1, &["--tcp-keepalive", seconds]);
        let mut conn = server.raw();
        assert_eq!(conn.cmd(&[b"PING"]), b"+PONG\r\n".to_vec());
        let timers = socket_timers(server.port());
        assert_eq!(
            timers.contains("timer:(keepalive,"),
            expected,
            "tcp-keepalive {seconds}: {timers}"
        );
    }
}

#[test]
fn protected_configs_need_enable_protected_configs() {
    let dir = scratch("protected-configs");
    fs::create_dir_all(dir.join("sub")).expect("mkdir");
    let sub = fs::canonicalize(dir.join("sub")).expect("canonical");
    let sub = sub.to_str().expect("utf-8 path");
    let port = free_port();
    let port_arg = port.to_string();
    let server = Started::shardis(
        &[
            "--port",
            &port_arg,
            "--shards",
            "2",
            "--enable-protected-configs",
            "yes",
        ],
        &dir,
        port,
    );
    let mut con = server.connect();
    let before = config_get(&mut con, "dir");
    assert_err(
        &mut con,
        &["CONFIG", "SET", "dir", "/nonexistent/dir"],
        "ERR CONFIG SET failed (possibly related to argument 'dir') - No such file or directory",
    );
    // A later bad pair undoes the change of directory.
    assert_err(
        &mut con,
        &["CONFIG", "SET", "dir", sub, "dbfilename", "a/b"],
        "ERR CONFIG SET failed (possibly related to argument 'dbfilename') - dbfilename can't be a path, just a filename",
    );
    assert_eq!(config_get(&mut con, "dir"), before);
    ok(
        &mut con,
        &["CONFIG", "SET", "dir", sub, "dbfilename", "x.rdb"],
    );
    assert_eq!(config_get(&mut con, "dir"), sub);
    assert_eq!(config_get(&mut con, "dbfilename"), "x.rdb");
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_config_can_come_from_standard_input() {
    let dir = scratch("stdin");
    let port = free_port();
    let port_arg = port.to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_shardis"))
        .args(["-", "--port", &port_arg])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start shardis");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"shards 1\nhz 33\ntimeout 3\n")
            .expect("write stdin");
    }
    let answered = wait_until(Duration::from_secs(30), || {
        RawConn::try_connect(&format!("127.0.0.1:{port}")).is_ok()
    });
    assert!(answered, "no answer on {port}");
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}/")).expect("client");
    let mut con = client.get_connection().expect("connect");
    assert_eq!(config_get(&mut con, "hz"), "33");
    assert_eq!(config_get(&mut con, "timeout"), "3");
    let _ = child.kill();
    let _ = child.wait();
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn version_and_help_come_from_clap() {
    for flag in ["--version", "-v"] {
        let out = Command::new(env!("CARGO_BIN_EXE_shardis"))
            .arg(flag)
            .output()
            .expect("run shardis");
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("shardis {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_shardis"))
        .arg("--help")
        .output()
        .expect("run shardis");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("[--directive value ...]"));
}

/// The redis.conf Debian's redis-server package installs (the CI installs that package).
const STOCK_REDIS_CONF: &str = "/etc/redis/redis.conf";

#[test]
fn a_stock_redis_conf_loads() {
    let text = fs::read_to_string(STOCK_REDIS_CONF)
        .unwrap_or_else(|e| panic!("{STOCK_REDIS_CONF} (from the redis-server package): {e}"));
    // shardis runs in the foreground only: the one line of the stock file it refuses.
    let text: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("daemonize"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = scratch("stock");
    fs::write(dir.join("redis.conf"), text).expect("write config");
    let port = free_port();
    let port_arg = port.to_string();
    let dir_arg = dir.to_str().expect("utf-8 path");
    let server = Started::shardis(
        &[
            "redis.conf",
            "--port",
            &port_arg,
            "--shards",
            "1",
            "--dir",
            dir_arg,
            "--logfile",
            "",
            "--pidfile",
            "",
        ],
        &dir,
        port,
    );
    let mut con = server.connect();
    assert_eq!(config_get(&mut con, "port"), port_arg);
    assert_eq!(
        config_get(&mut con, "auto-aof-rewrite-min-size"),
        "67108864"
    );
    ok(&mut con, &["SET", "k", "v"]);
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_example_config_starts() {
    let dir = scratch("example");
    let port = free_port();
    let port_arg = port.to_string();
    let conf = concat!(env!("CARGO_MANIFEST_DIR"), "/conf/redis.conf");
    let server = Started::shardis(&[conf, "--port", &port_arg, "--shards", "2"], &dir, port);
    let mut con = server.connect();
    assert_eq!(config_get(&mut con, "port"), port_arg);
    assert_eq!(config_get(&mut con, "maxmemory-policy"), "noeviction");
    ok(&mut con, &["SET", "k", "v"]);
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}
