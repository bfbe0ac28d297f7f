//! End-to-end tests of connections and the protocol, through the real binary: PING/ECHO,
//! SELECT, HELLO and RESP3 replies (raw bytes), RESET, the CLIENT subcommands (KILL across
//! shards), QUIT, deep pipelines, requests split at every byte, many concurrent clients, and
//! a malformed request closing only its own connection.
//!
//! Each test runs against shardis with 1, 2 and 4 shards. With `SHARDIS_E2E_REDIS=1` it
//! runs against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{
    assert_err, connect, each_server, encode_command, parse_resp, q, raw, show_bytes, wait_until,
    RawConn, Resp,
};
use redis::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// Asserts that a raw command answers exactly `expected`.
fn assert_raw(conn: &mut RawConn, words: &[&str], expected: &[u8]) {
    let reply = raw(conn, words);
    assert_eq!(
        show_bytes(&reply),
        show_bytes(expected),
        "reply to {words:?}"
    );
}

/// A RESP2 bulk string reply.
fn bulk_reply(s: &[u8]) -> Vec<u8> {
    let mut out = format!("${}\r\n", s.len()).into_bytes();
    out.extend_from_slice(s);
    out.extend_from_slice(b"\r\n");
    out
}

/// The `CLIENT ID` of a raw connection.
fn client_id(conn: &mut RawConn) -> i64 {
    match parse_resp(&raw(conn, &["CLIENT", "ID"])) {
        Resp::Integer(id) => id,
        other => panic!("CLIENT ID answered {other:?}"),
    }
}

/// The text of a bulk or verbatim reply (a verbatim string loses its `txt:` prefix).
fn text_of(reply: &[u8]) -> String {
    match parse_resp(reply) {
        Resp::Bulk(b'=', b) => String::from_utf8(b[4..].to_vec()).unwrap(),
        Resp::Bulk(_, b) => String::from_utf8(b).unwrap(),
        other => panic!("expected a bulk string, got {other:?}"),
    }
}

/// One line of CLIENT LIST / CLIENT INFO as field name to value.
fn fields(line: &str) -> HashMap<String, String> {
    line.split(' ')
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// CLIENT LIST (with `filter` words after LIST) as one field map per line, checking that
/// every line ends with a newline.
fn client_list(conn: &mut RawConn, filter: &[&str]) -> Vec<HashMap<String, String>> {
    let mut words = vec!["CLIENT", "LIST"];
    words.extend_from_slice(filter);
    let text = text_of(&raw(conn, &words));
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "CLIENT LIST: {text:?}"
    );
    text.lines().map(fields).collect()
}

/// CLIENT INFO of a raw connection as a field map.
fn client_info(conn: &mut RawConn) -> HashMap<String, String> {
    let text = text_of(&raw(conn, &["CLIENT", "INFO"]));
    assert!(text.ends_with('\n'), "CLIENT INFO: {text:?}");
    assert_eq!(text.lines().count(), 1, "CLIENT INFO: {text:?}");
    fields(text.trim_end())
}

#[test]
fn ping_echo_and_unknown_commands() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(
            q::<Value>(&mut con, &["PING"]),
            Value::SimpleString("PONG".into())
        );
        assert_eq!(
            q::<Value>(&mut con, &["PING", "hello world"]),
            Value::BulkString(b"hello world".to_vec())
        );
        assert_eq!(
            q::<Value>(&mut con, &["ECHO", "a\r\nb"]),
            Value::BulkString(b"a\r\nb".to_vec())
        );
        assert_eq!(
            q::<Value>(&mut con, &["ECHO", ""]),
            Value::BulkString(Vec::new())
        );
        assert_err(
            &mut con,
            &["PING", "a", "b"],
            "ERR wrong number of arguments for 'ping' command",
        );
        assert_err(
            &mut con,
            &["ECHO"],
            "ERR wrong number of arguments for 'echo' command",
        );

        let mut conn = server.raw();
        assert_raw(&mut conn, &["ping"], b"+PONG\r\n");
        assert_raw(&mut conn, &["ECHO", "x y"], b"$3\r\nx y\r\n");
        assert_raw(
            &mut conn,
            &["FOO", "a", "b"],
            b"-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n",
        );
        assert_raw(
            &mut conn,
            &["nosuchcmd"],
            b"-ERR unknown command 'nosuchcmd', with args beginning with: \r\n",
        );
        // Inline commands.
        conn.send(b"PING\r\nECHO inline\r\n").unwrap();
        assert_eq!(conn.read_reply(), b"+PONG\r\n");
        assert_eq!(conn.read_reply(), b"$6\r\ninline\r\n");
        assert_raw(&mut conn, &["PING"], b"+PONG\r\n");
    });
}

#[test]
fn select_errors() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(q::<Value>(&mut con, &["SELECT", "15"]), Value::Okay);
        assert_eq!(q::<Value>(&mut con, &["SELECT", "0"]), Value::Okay);
        let range = "ERR DB index is out of range";
        assert_err(&mut con, &["SELECT", "16"], range);
        assert_err(&mut con, &["SELECT", "-1"], range);
        // Beyond an int, Redis says so before looking at the database count.
        assert_err(
            &mut con,
            &["SELECT", "100000000000"],
            "ERR value is out of range, value must between -2147483648 and 2147483647",
        );
        let not_int = "ERR value is not an integer or out of range";
        assert_err(&mut con, &["SELECT", "x"], not_int);
        assert_err(&mut con, &["SELECT", "1.0"], not_int);
        assert_err(&mut con, &["SELECT", ""], not_int);
        assert_err(
            &mut con,
            &["SELECT"],
            "ERR wrong number of arguments for 'select' command",
        );
        assert_err(
            &mut con,
            &["SELECT", "1", "2"],
            "ERR wrong number of arguments for 'select' command",
        );
    });
}

/// Checks a HELLO reply: the map (RESP3) or flat array (RESP2) of Redis 7.0.
fn check_hello(reply: &[u8], proto: i64, id: i64) {
    let pairs: Vec<(Resp, Resp)> = match parse_resp(reply) {
        Resp::Map(b'%', pairs) => {
            assert_eq!(proto, 3, "a map reply under RESP2: {}", show_bytes(reply));
            pairs
        }
        Resp::Array(b'*', items) => {
            assert_eq!(
                proto,
                2,
                "an array reply under RESP3: {}",
                show_bytes(reply)
            );
            assert_eq!(items.len(), 14);
            items
                .chunks(2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect()
        }
        other => panic!("HELLO answered {other:?}"),
    };
    let keys: Vec<&[u8]> = pairs.iter().map(|(k, _)| k.as_bytes().unwrap()).collect();
    assert_eq!(
        keys,
        [
            &b"server"[..],
            b"version",
            b"proto",
            b"id",
            b"mode",
            b"role",
            b"modules"
        ]
    );
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k.as_bytes() == Some(name.as_bytes()))
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(value("server"), Resp::Bulk(b'$', b"redis".to_vec()));
    let version = value("version");
    assert!(
        version.as_bytes().unwrap().starts_with(b"7.0."),
        "version {version:?}"
    );
    assert_eq!(value("proto"), Resp::Integer(proto));
    assert_eq!(value("id"), Resp::Integer(id));
    assert_eq!(value("mode"), Resp::Bulk(b'$', b"standalone".to_vec()));
    assert_eq!(value("role"), Resp::Bulk(b'$', b"master".to_vec()));
    assert_eq!(value("modules"), Resp::Array(b'*', Vec::new()));
}

#[test]
fn hello_and_resp3_replies() {
    each_server(SHARD_COUNTS, |server| {
        let mut conn = server.raw();
        let id = client_id(&mut conn);
        // Without a version: the current protocol, RESP2.
        check_hello(&raw(&mut conn, &["HELLO"]), 2, id);
        check_hello(&raw(&mut conn, &["HELLO", "3"]), 3, id);
        // Nulls are `_`, whichever shard owns the key.
        assert_raw(&mut conn, &["GET", "missing"], b"_\r\n");
        assert_raw(&mut conn, &["SET", "k", "v", "GET"], b"_\r\n");
        assert_raw(&mut conn, &["SET", "k", "w", "GET"], b"$1\r\nv\r\n");
        assert_raw(&mut conn, &["TTL", "k"], b":-1\r\n");
        assert_raw(&mut conn, &["PING"], b"+PONG\r\n");
        assert_raw(&mut conn, &["INCRBYFLOAT", "f", "1.5"], b"$3\r\n1.5\r\n");
        let mut mset = vec!["MSET"];
        let names: Vec<String> = (0..20).map(|i| format!("r3:{i}")).collect();
        for k in names.iter().step_by(2) {
            mset.push(k);
            mset.push(k);
        }
        assert_raw(&mut conn, &mset, b"+OK\r\n");
        let mut mget = vec!["MGET"];
        mget.extend(names.iter().map(String::as_str));
        let mut expected = b"*20\r\n".to_vec();
        for (i, k) in names.iter().enumerate() {
            if i % 2 == 0 {
                expected.extend(bulk_reply(k.as_bytes()));
            } else {
                expected.extend_from_slice(b"_\r\n");
            }
        }
        assert_raw(&mut conn, &mget, &expected);
        assert_raw(&mut conn, &["CLIENT", "GETNAME"], b"_\r\n");
        // CLIENT INFO is a verbatim string in RESP3.
        let info = raw(&mut conn, &["CLIENT", "INFO"]);
        assert!(info.starts_with(b"="), "{}", show_bytes(&info));
        assert!(text_of(&info).contains(" resp=3"));

        // The protocol belongs to the connection.
        let mut other = server.raw();
        assert_raw(&mut other, &["GET", "missing"], b"$-1\r\n");

        // HELLO with SETNAME; errors keep the protocol.
        check_hello(&raw(&mut conn, &["HELLO", "3", "SETNAME", "named"]), 3, id);
        assert_raw(&mut conn, &["CLIENT", "GETNAME"], b"$5\r\nnamed\r\n");
        assert_raw(
            &mut conn,
            &["HELLO", "4"],
            b"-NOPROTO unsupported protocol version\r\n",
        );
        assert_raw(
            &mut conn,
            &["HELLO", "1"],
            b"-NOPROTO unsupported protocol version\r\n",
        );
        assert_raw(
            &mut conn,
            &["HELLO", "abc"],
            b"-ERR Protocol version is not an integer or out of range\r\n",
        );
        assert_raw(&mut conn, &["GET", "missing"], b"_\r\n");
        // Back to RESP2.
        check_hello(&raw(&mut conn, &["HELLO", "2"]), 2, id);
        assert_raw(&mut conn, &["GET", "missing"], b"$-1\r\n");
        assert_raw(
            &mut conn,
            &["MGET", "k", "missing"],
            b"*2\r\n$1\r\nw\r\n$-1\r\n",
        );
    });
}

#[test]
fn reset_restores_the_defaults() {
    each_server(SHARD_COUNTS, |server| {
        let mut conn = server.raw();
        let id = client_id(&mut conn);
        assert_raw(&mut conn, &["CLIENT", "SETNAME", "before"], b"+OK\r\n");
        assert_raw(&mut conn, &["SELECT", "5"], b"+OK\r\n");
        assert_raw(&mut conn, &["SET", "in5", "1"], b"+OK\r\n");
        check_hello(&raw(&mut conn, &["HELLO", "3"]), 3, id);
        assert_raw(&mut conn, &["GET", "missing"], b"_\r\n");
        assert_raw(&mut conn, &["RESET"], b"+RESET\r\n");
        // Same client, RESP2, database 0, no name.
        assert_eq!(client_id(&mut conn), id);
        assert_raw(&mut conn, &["GET", "in5"], b"$-1\r\n");
        assert_raw(&mut conn, &["CLIENT", "GETNAME"], b"$-1\r\n");
        let info = client_info(&mut conn);
        assert_eq!(info["db"], "0");
        assert_eq!(info["name"], "");
        assert_eq!(info["resp"], "2");
        assert_raw(&mut conn, &["SELECT", "5"], b"+OK\r\n");
        assert_raw(&mut conn, &["GET", "in5"], b"$1\r\n1\r\n");
        assert_raw(
            &mut conn,
            &["RESET", "x"],
            b"-ERR wrong number of arguments for 'reset' command\r\n",
        );
    });
}

#[test]
fn client_id_setname_getname_list_info() {
    each_server(SHARD_COUNTS, |server| {
        let mut conns: Vec<RawConn> = (0..8).map(|_| server.raw()).collect();
        let ids: Vec<i64> = conns.iter_mut().map(client_id).collect();
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            8,
            "ids not unique: {ids:?}"
        );
        assert!(ids.iter().all(|&id| id > 0));
        for (i, conn) in conns.iter_mut().enumerate() {
            assert_eq!(client_id(conn), ids[i], "CLIENT ID changed");
            assert_raw(conn, &["CLIENT", "GETNAME"], b"$-1\r\n");
            let name = format!("conn-{i}");
            assert_raw(conn, &["CLIENT", "SETNAME", &name], b"+OK\r\n");
            assert_raw(conn, &["CLIENT", "GETNAME"], &bulk_reply(name.as_bytes()));
            assert_raw(conn, &["SELECT", &i.to_string()], b"+OK\r\n");
        }

        // CLIENT LIST from any connection shows every connection, on every shard.
        for from in [0, 7] {
            let list = client_list(&mut conns[from], &[]);
            let by_id: BTreeMap<i64, &HashMap<String, String>> = list
                .iter()
                .map(|f| (f["id"].parse::<i64>().unwrap(), f))
                .collect();
            assert_eq!(by_id.len(), list.len(), "an id listed twice");
            for (i, id) in ids.iter().enumerate() {
                let f = by_id
                    .get(id)
                    .unwrap_or_else(|| panic!("CLIENT LIST lacks id {id}: {list:?}"));
                assert_eq!(f["name"], format!("conn-{i}"));
                assert_eq!(f["db"], i.to_string());
                assert!(f["addr"].starts_with("127.0.0.1:"), "addr {}", f["addr"]);
                assert_eq!(f["laddr"], server.addr());
                assert_eq!(f["resp"], "2");
            }
            assert_eq!(by_id[&ids[from]]["cmd"], "client|list");
        }
        // Filters.
        let two = client_list(
            &mut conns[0],
            &["ID", &ids[3].to_string(), &ids[6].to_string()],
        );
        let listed: HashSet<String> = two.iter().map(|f| f["id"].clone()).collect();
        assert_eq!(
            listed,
            HashSet::from([ids[3].to_string(), ids[6].to_string()])
        );
        assert_eq!(two.len(), 2);
        assert!(client_list(&mut conns[0], &["ID", "999999999"]).is_empty());
        assert!(client_list(&mut conns[0], &["TYPE", "normal"]).len() >= 8);
        assert!(client_list(&mut conns[0], &["TYPE", "pubsub"]).is_empty());
        assert_raw(
            &mut conns[0],
            &["CLIENT", "LIST", "ID", "abc"],
            b"-ERR Invalid client ID\r\n",
        );
        assert_raw(
            &mut conns[0],
            &["CLIENT", "LIST", "TYPE", "foo"],
            b"-ERR Unknown client type 'foo'\r\n",
        );

        // CLIENT INFO describes the caller only.
        for (i, conn) in conns.iter_mut().enumerate() {
            let info = client_info(conn);
            assert_eq!(info["id"], ids[i].to_string());
            assert_eq!(info["name"], format!("conn-{i}"));
            assert_eq!(info["db"], i.to_string());
            assert_eq!(info["cmd"], "client|info");
        }

        // Names: no spaces or special characters; empty clears.
        let bad = b"-ERR Client names cannot contain spaces, newlines or special characters.\r\n";
        assert_raw(&mut conns[1], &["CLIENT", "SETNAME", "a b"], bad);
        assert_raw(&mut conns[1], &["CLIENT", "SETNAME", "a\nb"], bad);
        assert_raw(&mut conns[1], &["CLIENT", "SETNAME", "caf\u{e9}"], bad);
        assert_raw(&mut conns[1], &["CLIENT", "GETNAME"], b"$6\r\nconn-1\r\n");
        assert_raw(&mut conns[1], &["CLIENT", "SETNAME", ""], b"+OK\r\n");
        assert_raw(&mut conns[1], &["CLIENT", "GETNAME"], b"$-1\r\n");
        assert_eq!(client_info(&mut conns[1])["name"], "");

        assert_raw(
            &mut conns[0],
            &["CLIENT", "foo"],
            b"-ERR unknown subcommand 'foo'. Try CLIENT HELP.\r\n",
        );
        assert_raw(
            &mut conns[0],
            &["CLIENT"],
            b"-ERR wrong number of arguments for 'client' command\r\n",
        );
        assert_raw(
            &mut conns[0],
            &["CLIENT", "SETNAME"],
            b"-ERR wrong number of arguments for 'client|setname' command\r\n",
        );

        // A closed connection leaves the list.
        let gone = ids[5];
        drop(conns.remove(5));
        let left = wait_until(Duration::from_secs(5), || {
            !client_list(&mut conns[0], &[])
                .iter()
                .any(|f| f["id"] == gone.to_string())
        });
        assert!(left, "closed client {gone} still in CLIENT LIST");
        // A new connection gets a new id.
        let mut fresh = server.raw();
        assert!(!ids.contains(&client_id(&mut fresh)));
    });
}

#[test]
fn client_kill_by_id_and_addr() {
    each_server(SHARD_COUNTS, |server| {
        let mut killer = server.raw();
        let killer_id = client_id(&mut killer);
        let mut victims: Vec<RawConn> = (0..6).map(|_| server.raw()).collect();
        let infos: Vec<HashMap<String, String>> = victims.iter_mut().map(client_info).collect();

        // By ID (new style, counts).
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", &infos[0]["id"]],
            b":1\r\n",
        );
        assert!(victims[0].is_closed(Duration::from_secs(5)), "ID kill");
        // By ADDR (new style, counts).
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ADDR", &infos[1]["addr"]],
            b":1\r\n",
        );
        assert!(victims[1].is_closed(Duration::from_secs(5)), "ADDR kill");
        // By address (old style, +OK).
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", &infos[2]["addr"]],
            b"+OK\r\n",
        );
        assert!(
            victims[2].is_closed(Duration::from_secs(5)),
            "old-style kill"
        );
        // Both filters must match.
        assert_raw(
            &mut killer,
            &[
                "CLIENT",
                "KILL",
                "ID",
                &infos[3]["id"],
                "ADDR",
                &infos[4]["addr"],
            ],
            b":0\r\n",
        );
        // The others live on.
        for v in &mut victims[3..] {
            assert_raw(v, &["PING"], b"+PONG\r\n");
        }

        // Nobody to kill.
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", "999999999"],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", &infos[0]["id"]],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ADDR", "1.2.3.4:5"],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "1.2.3.4:5"],
            b"-ERR No such client\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", "abc"],
            b"-ERR client-id should be greater than 0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "foo", "bar"],
            b"-ERR syntax error\r\n",
        );
        // SKIPME defaults to yes: the caller survives its own filter.
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", &killer_id.to_string()],
            b":0\r\n",
        );
        assert_raw(&mut killer, &["PING"], b"+PONG\r\n");

        // The killed clients leave CLIENT LIST; the living stay.
        let dead: HashSet<&String> = infos[..3].iter().map(|f| &f["id"]).collect();
        let mut listed = HashSet::new();
        let gone = wait_until(Duration::from_secs(5), || {
            listed = client_list(&mut killer, &[])
                .into_iter()
                .map(|f| f["id"].clone())
                .collect::<HashSet<String>>();
            dead.iter().all(|id| !listed.contains(*id))
        });
        assert!(gone, "killed clients still listed: {listed:?}");
        for f in &infos[3..] {
            assert!(listed.contains(&f["id"]), "{} vanished", f["id"]);
        }

        // SKIPME no: a client may kill itself, after the reply.
        let mut suicidal = server.raw();
        let id = client_id(&mut suicidal).to_string();
        assert_raw(
            &mut suicidal,
            &["CLIENT", "KILL", "ID", &id, "SKIPME", "no"],
            b":1\r\n",
        );
        assert!(suicidal.is_closed(Duration::from_secs(5)), "self kill");
        assert_raw(&mut victims[5], &["PING"], b"+PONG\r\n");
    });
}

#[test]
fn quit_closes_after_its_reply() {
    each_server(SHARD_COUNTS, |server| {
        let mut conn = server.raw();
        assert_raw(&mut conn, &["QUIT"], b"+OK\r\n");
        assert!(conn.is_closed(Duration::from_secs(5)));

        // Commands after QUIT in the same write are not run.
        let mut conn = server.raw();
        let mut bytes = encode_command(&[b"SET", b"before-quit", b"1"]);
        bytes.extend(encode_command(&[b"QUIT"]));
        bytes.extend(encode_command(&[b"SET", b"after-quit", b"1"]));
        conn.send(&bytes).unwrap();
        let (replies, closed) = conn.read_until_quiet(Duration::from_secs(2)).unwrap();
        assert_eq!(replies, vec![b"+OK\r\n".to_vec(), b"+OK\r\n".to_vec()]);
        assert!(closed, "connection open after QUIT");
        let mut con = connect(server);
        assert_eq!(
            q::<i64>(&mut con, &["EXISTS", "before-quit", "after-quit"]),
            1
        );
        assert_eq!(q::<i64>(&mut con, &["EXISTS", "after-quit"]), 0);
    });
}

/// What the model expects a command of the big pipeline to answer.
fn model_step(
    i: usize,
    model: &mut HashMap<String, Vec<u8>>,
    counters: &mut [i64],
    pipe: &mut redis::Pipeline,
) -> Value {
    let key = |n: usize| format!("p:{}", n % 300);
    let a = key(i * 7919 + 13);
    let b = key(i * 104_729 + 7);
    let c = key(i * 31 + 101);
    let get = |model: &HashMap<String, Vec<u8>>, k: &str| {
        model
            .get(k)
            .map_or(Value::Nil, |v| Value::BulkString(v.clone()))
    };
    match i % 10 {
        0 => {
            let v = format!("v{i}").into_bytes();
            pipe.cmd("SET").arg(&a).arg(&v);
            model.insert(a, v);
            Value::Okay
        }
        1 => {
            pipe.cmd("GET").arg(&a);
            get(model, &a)
        }
        2 => {
            let n = i % 10 + (i / 10) % 10;
            pipe.cmd("INCR").arg(format!("counter:{n}"));
            counters[n] += 1;
            Value::Int(counters[n])
        }
        3 => {
            pipe.cmd("DEL").arg(&a).arg(&b);
            let mut n = model.remove(&a).is_some() as i64;
            n += model.remove(&b).is_some() as i64;
            Value::Int(n)
        }
        4 => {
            pipe.cmd("MGET").arg(&a).arg(&b).arg(&c);
            Value::Array(vec![get(model, &a), get(model, &b), get(model, &c)])
        }
        5 => {
            pipe.cmd("APPEND").arg(&b).arg("+x");
            let v = model.entry(b).or_default();
            v.extend_from_slice(b"+x");
            Value::Int(v.len() as i64)
        }
        6 => {
            pipe.cmd("EXISTS").arg(&a).arg(&b).arg(&c).arg(&a);
            let n = [&a, &b, &c, &a]
                .iter()
                .filter(|k| model.contains_key(k.as_str()))
                .count();
            Value::Int(n as i64)
        }
        7 => {
            let (va, vc) = (format!("m{i}a").into_bytes(), format!("m{i}c").into_bytes());
            pipe.cmd("MSET").arg(&a).arg(&va).arg(&c).arg(&vc);
            model.insert(a, va);
            model.insert(c, vc);
            Value::Okay
        }
        8 => {
            pipe.cmd("STRLEN").arg(&c);
            Value::Int(model.get(&c).map_or(0, |v| v.len() as i64))
        }
        _ => {
            pipe.cmd("PING");
            Value::SimpleString("PONG".into())
        }
    }
}

#[test]
fn pipeline_of_10000_mixed_commands() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let mut model = HashMap::new();
        let mut counters = vec![0i64; 19];
        let mut pipe = redis::pipe();
        let expected: Vec<Value> = (0..10_000)
            .map(|i| model_step(i, &mut model, &mut counters, &mut pipe))
            .collect();
        let replies: Vec<Value> = pipe.query(&mut con).unwrap();
        assert_eq!(replies.len(), expected.len());
        for (i, (got, want)) in replies.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "reply {i} of the pipeline");
        }
        // The database agrees with the model at the end.
        let size: i64 = q(&mut con, &["DBSIZE"]);
        let used_counters = counters.iter().filter(|&&n| n > 0).count();
        assert_eq!(size as usize, model.len() + used_counters);
        for (k, v) in &model {
            let got: Option<Vec<u8>> = redis::cmd("GET").arg(k).query(&mut con).unwrap();
            assert_eq!(got.as_ref(), Some(v), "{k}");
        }
    });
}

#[test]
fn requests_split_at_every_byte() {
    each_server(SHARD_COUNTS, |server| {
        let commands: Vec<Vec<&[u8]>> = vec![
            vec![b"SET", b"split:a", b"x\r\ny"],
            vec![b"GET", b"split:a"],
            vec![
                b"MSET", b"split:b", b"1", b"split:c", b"2", b"split:d", b"3",
            ],
            vec![b"MGET", b"split:b", b"split:c", b"split:d", b"split:e"],
            vec![b"INCR", b"split:b"],
            vec![b"DEL", b"split:c", b"split:d"],
            vec![b"ECHO", b""],
        ];
        let mut payload = Vec::new();
        for c in &commands {
            payload.extend(encode_command(c));
        }
        payload.extend_from_slice(b"PING\r\nECHO inline\r\n");
        let expected: Vec<&[u8]> = vec![
            b"+OK\r\n",
            b"$4\r\nx\r\ny\r\n",
            b"+OK\r\n",
            b"*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$-1\r\n",
            b":2\r\n",
            b":2\r\n",
            b"$0\r\n\r\n",
            b"+PONG\r\n",
            b"$6\r\ninline\r\n",
        ];
        let mut conn = server.raw();
        for byte in &payload {
            conn.send(std::slice::from_ref(byte)).unwrap();
            // Give the server a chance to read each byte on its own.
            thread::sleep(Duration::from_micros(500));
        }
        for (i, want) in expected.iter().enumerate() {
            let got = conn.read_reply();
            assert_eq!(show_bytes(&got), show_bytes(want), "reply {i}");
        }
        // The same payload, split once at every position, on one connection.
        for split in 1..payload.len() {
            conn.send(&payload[..split]).unwrap();
            conn.send(&payload[split..]).unwrap();
            for (i, want) in expected.iter().enumerate() {
                // MSET resets split:b, so every round answers the same.
                let got = conn.read_reply();
                assert_eq!(
                    show_bytes(&got),
                    show_bytes(want),
                    "reply {i} with a split at byte {split}"
                );
            }
        }
    });
}

#[test]
fn hundred_concurrent_clients() {
    each_server(SHARD_COUNTS, |server| {
        const CLIENTS: usize = 100;
        const INCRS: usize = 200;
        const COUNTERS: usize = 10;
        let client = server.client();
        let barrier = Arc::new(Barrier::new(CLIENTS));
        let handles: Vec<_> = (0..CLIENTS)
            .map(|t| {
                let client = client.clone();
                let barrier = barrier.clone();
                thread::spawn(move || {
                    let mut con = client.get_connection().expect("connect");
                    con.set_read_timeout(Some(Duration::from_secs(20)))
                        .expect("read timeout");
                    con.set_read_timeout(Some(Duration::from_secs(20)))
                        .expect("read timeout");
                    barrier.wait();
                    for j in 0..INCRS {
                        let counter = format!("shared:{}", (t + j) % COUNTERS);
                        let _: i64 = redis::cmd("INCR").arg(&counter).query(&mut con).unwrap();
                        if j % 10 == 0 {
                            let key = format!("own:{t}:{}", j / 10);
                            let value = format!("client {t} step {j}");
                            let _: () = redis::cmd("SET")
                                .arg(&key)
                                .arg(&value)
                                .query(&mut con)
                                .unwrap();
                            let got: String = redis::cmd("GET").arg(&key).query(&mut con).unwrap();
                            assert_eq!(got, value, "client {t} read back its own key");
                        }
                    }
                    let keys: Vec<String> =
                        (0..INCRS / 10).map(|s| format!("own:{t}:{s}")).collect();
                    let got: Vec<String> = redis::cmd("MGET").arg(&keys).query(&mut con).unwrap();
                    let want: Vec<String> = (0..INCRS / 10)
                        .map(|s| format!("client {t} step {}", s * 10))
                        .collect();
                    assert_eq!(got, want, "client {t} MGET of its own keys");
                })
            })
            .collect();
        for h in handles {
            h.join().expect("client thread panicked");
        }
        let mut con = connect(server);
        let names: Vec<String> = (0..COUNTERS).map(|c| format!("shared:{c}")).collect();
        let totals: Vec<i64> = redis::cmd("MGET").arg(&names).query(&mut con).unwrap();
        let each = (CLIENTS * INCRS / COUNTERS) as i64;
        assert_eq!(totals, vec![each; COUNTERS]);
        let size: i64 = q(&mut con, &["DBSIZE"]);
        assert_eq!(size as usize, COUNTERS + CLIENTS * INCRS / 10);
    });
}

#[test]
fn malformed_request_closes_only_that_connection() {
    each_server(SHARD_COUNTS, |server| {
        let mut good = server.raw();
        assert_raw(&mut good, &["SET", "survivor", "yes"], b"+OK\r\n");
        let cases: [(&[u8], &[u8]); 4] = [
            (
                b"PING\r\n*1\r\n$x\r\n",
                b"-ERR Protocol error: invalid bulk length\r\n",
            ),
            (
                b"*abc\r\n",
                b"-ERR Protocol error: invalid multibulk length\r\n",
            ),
            (
                b"SET a \"b\r\n",
                b"-ERR Protocol error: unbalanced quotes in request\r\n",
            ),
            (
                b"*2\r\n$3\r\nGET\r\n:1\r\n",
                b"-ERR Protocol error: expected '$', got ':'\r\n",
            ),
        ];
        for (bytes, error) in cases {
            let mut bad = server.raw();
            // A command before the bad one is answered first.
            let mut request = encode_command(&[b"ECHO", b"first"]);
            request.extend_from_slice(bytes);
            bad.send(&request).unwrap();
            let (replies, closed) = bad.read_until_quiet(Duration::from_secs(2)).unwrap();
            let mut expected = vec![b"$5\r\nfirst\r\n".to_vec()];
            if bytes.starts_with(b"PING") {
                expected.push(b"+PONG\r\n".to_vec());
            }
            expected.push(error.to_vec());
            assert_eq!(
                replies.iter().map(|r| show_bytes(r)).collect::<Vec<_>>(),
                expected.iter().map(|r| show_bytes(r)).collect::<Vec<_>>(),
                "replies to {}",
                show_bytes(bytes)
            );
            assert!(closed, "{} left the connection open", show_bytes(bytes));
            // Everyone else keeps going.
            assert_raw(&mut good, &["PING"], b"+PONG\r\n");
            assert_raw(&mut good, &["GET", "survivor"], b"$3\r\nyes\r\n");
            let mut fresh = server.raw();
            assert_raw(&mut fresh, &["ECHO", "fine"], b"$4\r\nfine\r\n");
        }
        assert_raw(&mut good, &["EXISTS", "a"], b":0\r\n");
    });
}

#[test]
fn a_client_that_reads_no_replies_stalls_only_itself() {
    use std::io::{BufRead, BufReader, Read, Write};
    each_server(SHARD_COUNTS, |server| {
        const GETS: usize = 20_000;
        let value = vec![b'v'; 1000];
        let mut other = server.raw();
        assert_eq!(other.cmd(&[b"SET", b"big", &value]), b"+OK\r\n");
        // 20 MB of replies: more than the loopback socket buffers hold, so the server's sends
        // stop short while this client reads nothing.
        let stream = std::net::TcpStream::connect(server.addr()).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("read timeout");
        let mut writer = stream.try_clone().expect("clone");
        let sender = thread::spawn(move || {
            let chunk: Vec<u8> = (0..10)
                .flat_map(|_| encode_command(&[b"GET", b"big"]))
                .collect();
            for _ in 0..GETS / 10 {
                writer.write_all(&chunk).expect("send");
            }
        });
        thread::sleep(Duration::from_millis(500));
        // Everyone else is served meanwhile.
        assert_raw(&mut other, &["PING"], b"+PONG\r\n");
        assert_raw(&mut other, &["SET", "x", "1"], b"+OK\r\n");
        assert_raw(&mut other, &["GET", "x"], b"$1\r\n1\r\n");
        // Then every reply arrives, whole and in order.
        let mut reader = BufReader::new(stream);
        let mut line = Vec::new();
        let mut body = vec![0u8; value.len() + 2];
        for n in 0..GETS {
            line.clear();
            reader.read_until(b'\n', &mut line).expect("reply header");
            assert_eq!(show_bytes(&line), show_bytes(b"$1000\r\n"), "reply {n}");
            reader.read_exact(&mut body).expect("reply body");
            assert!(
                body.starts_with(&value) && body.ends_with(b"\r\n"),
                "reply {n}"
            );
        }
        sender.join().expect("sender");
    });
}
