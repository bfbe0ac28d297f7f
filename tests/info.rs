//! INFO, CONFIG RESETSTAT and SLOWLOG end to end: the INFO text parsed into sections and
//! fields, figures that must move when traffic moves (with keys spread over 4 shards), the
//! field names of every section compared with a real redis-server's, the slow log's shape and
//! rules, and `redis-cli --stat` reading shardis. Set `SHARDIS_E2E_REDIS=1` to run the
//! Redis-behaviour tests against a real redis-server.

mod common;

use common::{connect, each_server, int, ok, q, Server};
use redis::{Connection, Value};
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::time::Duration;

/// An INFO reply split into sections, each with its `field:value` pairs in order. Panics if
/// the text is not laid out as Redis lays it out.
fn parse_info(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if text.is_empty() {
        return out;
    }
    assert!(text.ends_with("\r\n"), "INFO must end with CRLF: {text:?}");
    let body = &text[..text.len() - 2];
    for block in body.split("\r\n\r\n") {
        let mut lines = block.split("\r\n");
        let header = lines.next().unwrap_or_default();
        let name = header
            .strip_prefix("# ")
            .unwrap_or_else(|| panic!("section header expected, got {header:?} in {text:?}"));
        let fields = lines
            .map(|l| {
                let (k, v) = l
                    .split_once(':')
                    .unwrap_or_else(|| panic!("field:value expected, got {l:?}"));
                (k.to_string(), v.to_string())
            })
            .collect();
        out.push((name.to_string(), fields));
    }
    out
}

fn info_text(con: &mut Connection, words: &[&str]) -> String {
    let mut all = vec!["INFO"];
    all.extend_from_slice(words);
    match q::<Value>(con, &all) {
        Value::BulkString(b) => String::from_utf8(b).expect("utf-8 INFO"),
        other => panic!("INFO: expected a bulk string, got {other:?}"),
    }
}

fn section_names(con: &mut Connection, words: &[&str]) -> Vec<String> {
    parse_info(&info_text(con, words))
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// Every field of `INFO everything`, by name.
fn fields(con: &mut Connection) -> HashMap<String, String> {
    parse_info(&info_text(con, &["everything"]))
        .into_iter()
        .flat_map(|(_, f)| f)
        .collect()
}

fn num(fields: &HashMap<String, String>, name: &str) -> i64 {
    fields
        .get(name)
        .unwrap_or_else(|| panic!("INFO has no {name}"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not an integer: {:?}", fields[name]))
}

/// A `a=1,b=2` value (cmdstat_*, errorstat_*, db0) as a map; absent field: empty map.
fn sub(fields: &HashMap<String, String>, name: &str) -> HashMap<String, String> {
    fields
        .get(name)
        .map(|v| {
            v.split(',')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn sub_num(fields: &HashMap<String, String>, name: &str, key: &str) -> i64 {
    sub(fields, name)
        .get(key)
        .map(|v| v.parse().expect("integer"))
        .unwrap_or(0)
}

const DEFAULT_SECTIONS: &[&str] = &[
    "Server",
    "Clients",
    "Memory",
    "Persistence",
    "Stats",
    "Replication",
    "CPU",
    "Modules",
    "Errorstats",
    "Cluster",
    "Keyspace",
];

#[test]
fn info_selects_sections_like_redis() {
    each_server(&[1, 4], |server| {
        let mut con = connect(server);
        assert_eq!(section_names(&mut con, &[]), DEFAULT_SECTIONS);
        assert_eq!(section_names(&mut con, &["default"]), DEFAULT_SECTIONS);
        for word in ["all", "everything", "EVERYTHING"] {
            let names = section_names(&mut con, &[word]);
            let without_latency: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|n| *n != "Latencystats")
                .collect();
            let mut expected = DEFAULT_SECTIONS.to_vec();
            expected.insert(8, "Commandstats");
            assert_eq!(without_latency, expected, "INFO {word}");
        }
        assert_eq!(
            section_names(&mut con, &["server", "CLIENTS"]),
            ["Server", "Clients"]
        );
        assert_eq!(
            section_names(&mut con, &["keyspace", "server", "server"]),
            ["Server", "Keyspace"]
        );
        assert_eq!(section_names(&mut con, &["cpu"]), ["CPU"]);
        assert_eq!(info_text(&mut con, &["nosuchsection"]), "");
        assert_eq!(info_text(&mut con, &["modules"]), "# Modules\r\n");
        assert_eq!(
            info_text(&mut con, &["cluster"]),
            "# Cluster\r\ncluster_enabled:0\r\n"
        );
        let server_fields = parse_info(&info_text(&mut con, &["server"]));
        let f: HashMap<_, _> = server_fields[0].1.iter().cloned().collect();
        assert_eq!(f["redis_version"], "7.0.15");
        assert_eq!(f["redis_mode"], "standalone");
        assert_eq!(f["tcp_port"], server.port().to_string());
        assert_eq!(f["run_id"].len(), 40);
        assert!(f["run_id"].bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(f["os"].starts_with("Linux "), "{}", f["os"]);
        assert_eq!(f["arch_bits"], "64");
    });
}

#[test]
fn figures_move_with_traffic() {
    each_server(&[1, 4], |server| {
        let mut con = connect(server);
        ok(&mut con, &["CONFIG", "RESETSTAT"]);
        let before = fields(&mut con);
        assert_eq!(
            num(&before, "total_commands_processed"),
            1,
            "RESETSTAT counts itself"
        );
        assert_eq!(num(&before, "keyspace_hits"), 0);
        assert_eq!(num(&before, "total_connections_received"), 0);
        assert_eq!(sub_num(&before, "cmdstat_config|resetstat", "calls"), 1);
        assert!(!before.keys().any(|k| k.starts_with("errorstat_")));

        // 20 keys, over every shard.
        for i in 0..20 {
            ok(&mut con, &["SET", &format!("key:{i}"), "v"]);
        }
        for i in 0..5 {
            q::<Value>(&mut con, &["GET", &format!("key:{i}")]);
            q::<Value>(&mut con, &["GET", &format!("missing:{i}")]);
        }
        let mget: Vec<&str> = ["MGET", "key:0", "key:1", "key:2", "missing:9"].to_vec();
        q::<Value>(&mut con, &mget);
        let wrongtype = common::cmd(&["LPUSH", "key:0", "x"]).query::<Value>(&mut con);
        assert_eq!(common::err_text(wrongtype), common::WRONGTYPE);
        let _ = common::cmd(&["GET"]).query::<Value>(&mut con);
        let _ = common::cmd(&["NOSUCHCOMMAND"]).query::<Value>(&mut con);
        assert_eq!(int(&mut con, &["EXPIRE", "key:1", "1000"]), 1);
        assert_eq!(int(&mut con, &["EXPIRE", "key:2", "1000"]), 1);
        ok(&mut con, &["SET", "gone", "v", "PX", "1"]);
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(q::<Value>(&mut con, &["GET", "gone"]), Value::Nil);
        // RESETSTAT, INFO (counted once it answered), then 20 SET + 10 GET + MGET + LPUSH +
        // 2 EXPIRE + SET + GET.
        let after = fields(&mut con);
        assert_eq!(num(&after, "total_commands_processed"), 2 + 36);
        assert_eq!(sub_num(&after, "cmdstat_set", "calls"), 21);
        assert_eq!(sub_num(&after, "cmdstat_get", "calls"), 11);
        assert_eq!(sub_num(&after, "cmdstat_get", "rejected_calls"), 1);
        assert_eq!(sub_num(&after, "cmdstat_mget", "calls"), 1);
        assert_eq!(sub_num(&after, "cmdstat_lpush", "calls"), 1);
        assert_eq!(sub_num(&after, "cmdstat_lpush", "failed_calls"), 1);
        assert_eq!(sub_num(&after, "errorstat_WRONGTYPE", "count"), 1);
        assert_eq!(sub_num(&after, "errorstat_ERR", "count"), 2);
        assert_eq!(num(&after, "total_error_replies"), 3);
        // GET: 5 hits, 5 misses, 1 miss (expired); MGET: 3 hits, 1 miss.
        assert_eq!(num(&after, "keyspace_hits"), 8);
        assert_eq!(num(&after, "keyspace_misses"), 7);
        assert_eq!(num(&after, "expired_keys"), 1);
        assert_eq!(num(&after, "evicted_keys"), 0);
        assert_eq!(sub_num(&after, "db0", "keys"), 20);
        assert_eq!(sub_num(&after, "db0", "expires"), 2);
        let avg_ttl = sub_num(&after, "db0", "avg_ttl");
        // An estimate (Redis's comes from its expiry cycle and may still be 0 here).
        assert!((0..=1_000_000).contains(&avg_ttl), "avg_ttl {avg_ttl}");
        assert!(num(&after, "total_net_input_bytes") > num(&before, "total_net_input_bytes"));
        assert!(num(&after, "total_net_output_bytes") > num(&before, "total_net_output_bytes"));
        assert!(num(&after, "used_memory") > 0);
        assert!(num(&after, "used_memory_rss") > 0);
        assert!(num(&after, "total_system_memory") > 0);

        // A big value shows in the input bytes.
        let big = "x".repeat(100_000);
        ok(&mut con, &["SET", "big", &big]);
        let later = fields(&mut con);
        assert!(
            num(&later, "total_net_input_bytes") - num(&after, "total_net_input_bytes") >= 100_000
        );

        // Several clients.
        assert_eq!(num(&later, "connected_clients"), 1);
        let others: Vec<common::RawConn> = (0..3).map(|_| server.raw()).collect();
        assert!(common::wait_until(Duration::from_secs(5), || {
            num(&fields(&mut con), "connected_clients") == 4
        }));
        assert_eq!(num(&fields(&mut con), "total_connections_received"), 3);
        drop(others);
        assert!(common::wait_until(Duration::from_secs(5), || {
            num(&fields(&mut con), "connected_clients") == 1
        }));

        // RESETSTAT zeroes the counters, not the keyspace.
        ok(&mut con, &["CONFIG", "RESETSTAT"]);
        let reset = fields(&mut con);
        assert_eq!(num(&reset, "total_commands_processed"), 1);
        assert_eq!(num(&reset, "keyspace_hits"), 0);
        assert_eq!(num(&reset, "keyspace_misses"), 0);
        assert_eq!(num(&reset, "expired_keys"), 0);
        assert_eq!(num(&reset, "total_error_replies"), 0);
        assert_eq!(num(&reset, "total_connections_received"), 0);
        assert!(!reset.keys().any(|k| k.starts_with("errorstat_")));
        let cmdstats: Vec<&String> = reset.keys().filter(|k| k.starts_with("cmdstat_")).collect();
        assert_eq!(cmdstats, ["cmdstat_config|resetstat"]);
        assert_eq!(sub_num(&reset, "db0", "keys"), 21);

        // A protocol error is an error reply too.
        let mut bad = server.raw();
        bad.send(b"*1\r\n$x\r\n").unwrap();
        assert_eq!(
            bad.read_reply(),
            b"-ERR Protocol error: invalid bulk length\r\n"
        );
        let f = fields(&mut con);
        assert_eq!(sub_num(&f, "errorstat_ERR", "count"), 1);
        assert_eq!(num(&f, "total_error_replies"), 1);

        // An error assembled from every shard's answer is a failed call.
        let kill = common::cmd(&["CLIENT", "KILL", "10.9.9.9:1"]).query::<Value>(&mut con);
        assert_eq!(common::err_text(kill), "ERR No such client");
        let f = fields(&mut con);
        assert_eq!(sub_num(&f, "cmdstat_client|kill", "failed_calls"), 1);
        assert_eq!(sub_num(&f, "errorstat_ERR", "count"), 2);
    });
}

/// Fields real Redis prints that shardis leaves out, and why (see README "INFO and SLOWLOG").
const OMITTED: &[&str] = &[
    // No per-client buffer peaks yet.
    "client_recent_max_input_buffer",
    "client_recent_max_output_buffer",
    // Estimates of Redis's expiry cycle that shardis does not keep.
    "expired_stale_perc",
    "expired_time_cap_reached_count",
    "expire_cycle_cpu_milliseconds",
    // Redis's reply-buffer resizing, which shardis does not have.
    "reply_buffer_shrinks",
    "reply_buffer_expands",
    // No single main thread: one thread per shard.
    "used_cpu_sys_main_thread",
    "used_cpu_user_main_thread",
];
/// Fields shardis adds.
const EXTRA: &[&str] = &["shardis_version", "shardis_shards"];

#[test]
fn field_names_match_redis() {
    let redis = Server::redis(&[]);
    let shardis = Server::shardis(4, &[]);
    let layout = |server: &Server| {
        let mut con = connect(server);
        ok(&mut con, &["CONFIG", "RESETSTAT"]);
        ok(&mut con, &["SET", "a", "b"]);
        q::<Value>(&mut con, &["GET", "a"]);
        let _ = common::cmd(&["LPUSH", "a", "x"]).query::<Value>(&mut con);
        let _ = common::cmd(&["GET"]).query::<Value>(&mut con);
        let _ = common::cmd(&["NOSUCH"]).query::<Value>(&mut con);
        assert_eq!(int(&mut con, &["EXPIRE", "a", "100"]), 1);
        q::<Value>(&mut con, &["CLIENT", "LIST"]);
        let mut sections = parse_info(&info_text(&mut con, &["everything"]));
        sections.retain(|(name, _)| name != "Latencystats");
        sections
            .into_iter()
            .map(|(name, fields)| {
                let mut names: Vec<String> = fields
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| !OMITTED.contains(&k.as_str()) && !EXTRA.contains(&k.as_str()))
                    .collect();
                // Redis prints command statistics in its hash table's order.
                if name == "Commandstats" {
                    names.sort();
                }
                (name, names)
            })
            .collect::<Vec<_>>()
    };
    let want = layout(&redis);
    let got = layout(&shardis);
    assert_eq!(got.len(), want.len());
    for ((gs, gf), (ws, wf)) in got.iter().zip(&want) {
        assert_eq!(gs, ws);
        assert_eq!(gf, wf, "fields of section {ws}");
    }
    // The extra fields are really there, and the omitted ones really absent.
    let mut con = connect(&shardis);
    let f = fields(&mut con);
    assert_eq!(f["shardis_shards"], "4");
    assert!(EXTRA.iter().all(|e| f.contains_key(*e)));
    assert!(!OMITTED.iter().any(|o| f.contains_key(*o)));
}

/// Starts the server of [`each_server`] with slow log settings: a config file for shardis,
/// command-line flags for redis-server.
fn each_server_with_slowlog(
    shard_counts: &[usize],
    slower_than: i64,
    max_len: u64,
    test: impl Fn(&Server),
) {
    let (slower, len) = (slower_than.to_string(), max_len.to_string());
    if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
        test(&Server::redis(&[
            "--slowlog-log-slower-than",
            &slower,
            "--slowlog-max-len",
            &len,
        ]));
        return;
    }
    for &shards in shard_counts {
        test(&Server::shardis_with(
            shards,
            &[
                ("slowlog-log-slower-than", &slower),
                ("slowlog-max-len", &len),
            ],
        ));
    }
}

/// SLOWLOG GET's entries: (id, duration, arguments, client address, client name).
type Entry = (i64, i64, Vec<Vec<u8>>, String, String);

fn slowlog_get(con: &mut Connection, count: Option<&str>) -> Vec<Entry> {
    let mut words = vec!["SLOWLOG", "GET"];
    words.extend(count);
    let Value::Array(entries) = q::<Value>(con, &words) else {
        panic!("SLOWLOG GET: an array expected");
    };
    entries
        .into_iter()
        .map(|e| {
            let Value::Array(parts) = e else {
                panic!("entry: an array expected")
            };
            assert_eq!(parts.len(), 6, "id, time, duration, args, addr, name");
            let int = |v: &Value| match v {
                Value::Int(n) => *n,
                other => panic!("integer expected, got {other:?}"),
            };
            let text = |v: &Value| match v {
                Value::BulkString(b) => String::from_utf8_lossy(b).into_owned(),
                other => panic!("bulk expected, got {other:?}"),
            };
            let Value::Array(args) = &parts[3] else {
                panic!("arguments: an array expected")
            };
            let args = args
                .iter()
                .map(|a| match a {
                    Value::BulkString(b) => b.clone(),
                    other => panic!("bulk expected, got {other:?}"),
                })
                .collect();
            assert!(int(&parts[1]) > 1_600_000_000, "a unix time");
            (
                int(&parts[0]),
                int(&parts[2]),
                args,
                text(&parts[4]),
                text(&parts[5]),
            )
        })
        .collect()
}

fn words(e: &Entry) -> Vec<String> {
    e.2.iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect()
}

#[test]
fn slowlog_logs_every_command_newest_first() {
    each_server_with_slowlog(&[1, 4], 0, 128, |server| {
        let mut con = connect(server);
        ok(&mut con, &["CLIENT", "SETNAME", "tester"]);
        ok(&mut con, &["SLOWLOG", "RESET"]);
        for i in 0..8 {
            ok(&mut con, &["SET", &format!("k{i}"), "v"]);
        }
        let all = slowlog_get(&mut con, Some("-1"));
        // The eight SETs, newest first, then the RESET (logged after it ran).
        assert_eq!(all.len(), 9);
        for (n, e) in all.iter().take(8).enumerate() {
            assert_eq!(words(e), ["SET", &format!("k{}", 7 - n), "v"]);
            assert!(e.3.starts_with("127.0.0.1:"), "{}", e.3);
            assert_eq!(e.4, "tester");
            assert!(e.1 >= 0);
        }
        assert_eq!(words(&all[8]), ["SLOWLOG", "RESET"]);
        assert!(all.windows(2).all(|w| w[0].0 > w[1].0), "ids decrease");
        // The GET -1 above was logged after it answered; default count is 10.
        assert_eq!(
            words(&slowlog_get(&mut con, None)[0]),
            ["SLOWLOG", "GET", "-1"]
        );
        assert_eq!(slowlog_get(&mut con, None).len(), 10);
        assert_eq!(slowlog_get(&mut con, Some("2")).len(), 2);
        assert_eq!(slowlog_get(&mut con, Some("0")).len(), 0);
        // RESET, 8 SETs, 5 GETs.
        assert_eq!(int(&mut con, &["SLOWLOG", "LEN"]), 14);
        ok(&mut con, &["SLOWLOG", "RESET"]);
        assert_eq!(int(&mut con, &["SLOWLOG", "LEN"]), 1, "the RESET itself");

        // Truncation: 32 arguments at most, 128 bytes per argument.
        let mut push = vec!["RPUSH".to_string(), "list".to_string()];
        push.extend((0..40).map(|i| format!("e{i}")));
        let push_refs: Vec<&str> = push.iter().map(String::as_str).collect();
        assert_eq!(int(&mut con, &push_refs), 40);
        let long = "y".repeat(200);
        ok(&mut con, &["SET", "long", &long]);
        let newest = slowlog_get(&mut con, Some("2"));
        assert_eq!(
            words(&newest[0])[2],
            format!("{}... (72 more bytes)", "y".repeat(128))
        );
        let pushed = words(&newest[1]);
        assert_eq!(pushed.len(), 32);
        assert_eq!(pushed[30], "e28");
        assert_eq!(pushed[31], "... (11 more arguments)");

        for (args, err) in [
            (
                vec!["SLOWLOG", "GET", "-2"],
                "ERR count should be greater than or equal to -1",
            ),
            (
                vec!["SLOWLOG", "GET", "x"],
                "ERR count should be greater than or equal to -1",
            ),
            (
                vec!["SLOWLOG", "GET", "1", "2"],
                "ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.",
            ),
            (
                vec!["SLOWLOG", "LEN", "x"],
                "ERR wrong number of arguments for 'slowlog|len' command",
            ),
            (
                vec!["SLOWLOG", "NOPE"],
                "ERR unknown subcommand 'NOPE'. Try SLOWLOG HELP.",
            ),
            (
                vec!["SLOWLOG"],
                "ERR wrong number of arguments for 'slowlog' command",
            ),
        ] {
            common::assert_err(&mut con, &args, err);
        }
        let Value::Array(help) = q::<Value>(&mut con, &["SLOWLOG", "HELP"]) else {
            panic!("help: an array expected");
        };
        assert_eq!(help.len(), 12);
    });
}

#[test]
fn slowlog_max_len_trims() {
    each_server_with_slowlog(&[1, 4], 0, 5, |server| {
        let mut con = connect(server);
        for i in 0..12 {
            ok(&mut con, &["SET", &format!("k{i}"), "v"]);
        }
        assert_eq!(int(&mut con, &["SLOWLOG", "LEN"]), 5);
        let all = slowlog_get(&mut con, Some("-1"));
        assert_eq!(all.len(), 5);
        assert_eq!(words(&all[0]), ["SLOWLOG", "LEN"]);
        assert_eq!(words(&all[1]), ["SET", "k11", "v"]);
        assert_eq!(words(&all[4]), ["SET", "k8", "v"]);
    });
}

#[test]
fn slowlog_disabled_with_minus_one() {
    each_server_with_slowlog(&[1, 4], -1, 128, |server| {
        let mut con = connect(server);
        for i in 0..5 {
            ok(&mut con, &["SET", &format!("k{i}"), "v"]);
        }
        assert_eq!(int(&mut con, &["SLOWLOG", "LEN"]), 0);
        assert!(slowlog_get(&mut con, None).is_empty());
    });
}

/// `redis-cli --stat` reads INFO every interval and prints a row of figures: it must run
/// against shardis without an error.
#[test]
fn redis_cli_stat_reads_shardis() {
    let server = Server::shardis(2, &[]);
    let port = server.port().to_string();
    // stdbuf: redis-cli buffers its rows when writing to a pipe, and is stopped by a signal.
    let child = Command::new("stdbuf")
        .args([
            "-oL",
            "redis-cli",
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "--stat",
            "-i",
            "0.1",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run redis-cli");
    std::thread::sleep(Duration::from_millis(1000));
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let out = child.wait_with_output().expect("redis-cli output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("------- data ------"), "{stdout}\n{stderr}");
    let rows = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert!(rows >= 2, "data rows expected:\n{stdout}");
    assert!(
        !stdout.contains("ERR") && !stderr.contains("ERR"),
        "{stdout}\n{stderr}"
    );
}

/// A command split over shards, or blocked, counts once; the slow log shows the whole command.
#[test]
fn split_and_blocking_commands_count_once() {
    each_server_with_slowlog(&[1, 4], 0, 128, |server| {
        let mut con = connect(server);
        ok(&mut con, &["CONFIG", "RESETSTAT"]);
        let mut mset = vec!["MSET".to_string()];
        for i in 0..8 {
            mset.extend([format!("k{i}"), "v".to_string()]);
        }
        let mset_refs: Vec<&str> = mset.iter().map(String::as_str).collect();
        ok(&mut con, &mset_refs);
        assert_eq!(words(&slowlog_get(&mut con, Some("1"))[0]), mset);
        let keys: Vec<String> = q(&mut con, &["KEYS", "k*"]);
        assert_eq!(keys.len(), 8);
        let mut del = vec!["DEL"];
        del.extend(mset_refs.iter().skip(1).step_by(2));
        assert_eq!(int(&mut con, &del), 8);

        // Blocked clients: one waiting forever, one with a timeout.
        let mut forever = server.raw();
        forever
            .send(&common::encode_command(&[b"BLPOP", b"q", b"0"]))
            .unwrap();
        let mut timed = server.raw();
        timed
            .send(&common::encode_command(&[b"BLPOP", b"q2", b"0.2"]))
            .unwrap();
        assert!(common::wait_until(Duration::from_secs(5), || {
            let f = fields(&mut con);
            num(&f, "blocked_clients") == 2 && num(&f, "clients_in_timeout_table") == 1
        }));
        assert_eq!(int(&mut con, &["RPUSH", "q", "x"]), 1);
        assert_eq!(forever.read_reply(), b"*2\r\n$1\r\nq\r\n$1\r\nx\r\n");
        assert_eq!(timed.read_reply(), b"*-1\r\n");
        let f = fields(&mut con);
        assert_eq!(num(&f, "blocked_clients"), 0);
        assert_eq!(num(&f, "clients_in_timeout_table"), 0);
        assert_eq!(sub_num(&f, "cmdstat_mset", "calls"), 1);
        assert_eq!(sub_num(&f, "cmdstat_keys", "calls"), 1);
        assert_eq!(sub_num(&f, "cmdstat_del", "calls"), 1);
        assert_eq!(sub_num(&f, "cmdstat_blpop", "calls"), 2);
        assert_eq!(sub_num(&f, "cmdstat_rpush", "calls"), 1);
    });
}

/// HELLO's password never reaches the slow log, and a pipelined INFO sees the commands
/// before it (CONFIG RESETSTAT counts itself).
#[test]
fn slowlog_redacts_and_pipelines_keep_order() {
    each_server_with_slowlog(&[1, 4], 0, 128, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SLOWLOG", "RESET"]);
        let hello = ["HELLO", "2", "AUTH", "default", "secret", "SETNAME", "x"];
        q::<Value>(&mut con, &hello);
        assert_eq!(
            words(&slowlog_get(&mut con, Some("1"))[0]),
            [
                "HELLO",
                "2",
                "AUTH",
                "(redacted)",
                "(redacted)",
                "SETNAME",
                "x"
            ]
        );
        let mut raw = server.raw();
        let mut pipeline = common::encode_command(&[b"CONFIG", b"RESETSTAT"]);
        pipeline.extend(common::encode_command(&[b"INFO", b"commandstats"]));
        raw.send(&pipeline).unwrap();
        assert_eq!(raw.read_reply(), b"+OK\r\n");
        let reply = String::from_utf8(raw.read_reply()).unwrap();
        assert!(
            reply.contains("cmdstat_config|resetstat:calls=1,"),
            "{reply}"
        );
    });
}
