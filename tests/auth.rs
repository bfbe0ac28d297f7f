//! End-to-end tests of authentication (`requirepass`, AUTH, HELLO AUTH, RESET), raw bytes
//! compared with Redis 7.0's replies.
//!
//! Each test runs against shardis with 1 and 4 shards. With `SHARDIS_E2E_REDIS=1` it runs
//! against a real `redis-server` instead, which checks the tests themselves (the one
//! deliberate difference, COMMAND before AUTH, is checked on shardis only).

mod common;

use common::{each_server_with, parse_resp, raw, show_bytes, RawConn, Resp};
use std::time::Duration;

const SHARD_COUNTS: &[usize] = &[1, 4];
const PASSWORD: &str = "s3cret pass";

const NOAUTH: &[u8] = b"-NOAUTH Authentication required.\r\n";
const WRONGPASS: &[u8] = b"-WRONGPASS invalid username-password pair or user is disabled.\r\n";
const HELLO_NOAUTH: &[u8] = b"-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time\r\n";

fn assert_raw(conn: &mut RawConn, words: &[&str], expected: &[u8]) {
    assert_eq!(
        show_bytes(&raw(conn, words)),
        show_bytes(expected),
        "reply to {words:?}"
    );
}

/// The `proto` field of a HELLO reply.
fn hello_proto(reply: &[u8]) -> i64 {
    let fields: Vec<Resp> = match parse_resp(reply) {
        Resp::Map(_, pairs) => pairs.into_iter().flat_map(|(k, v)| [k, v]).collect(),
        Resp::Array(_, items) => items,
        other => panic!("HELLO answered {other:?}"),
    };
    let at = fields
        .iter()
        .position(|f| f.as_bytes() == Some(b"proto"))
        .expect("proto field");
    match fields[at + 1] {
        Resp::Integer(n) => n,
        ref other => panic!("proto is {other:?}"),
    }
}

#[test]
fn auth_without_a_configured_password() {
    each_server_with(SHARD_COUNTS, &[], |server| {
        let mut c = server.raw();
        assert_raw(&mut c, &["AUTH", "x"], b"-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?\r\n");
        // The default user has no password: any password is accepted for it.
        assert_raw(&mut c, &["AUTH", "default", "anything"], b"+OK\r\n");
        assert_raw(&mut c, &["AUTH", "bob", "anything"], WRONGPASS);
        assert_raw(&mut c, &["AUTH", "a", "b", "c"], b"-ERR syntax error\r\n");
        assert_raw(
            &mut c,
            &["AUTH"],
            b"-ERR wrong number of arguments for 'auth' command\r\n",
        );
        assert_eq!(
            hello_proto(&raw(&mut c, &["HELLO", "3", "AUTH", "default", "x"])),
            3
        );
        assert_raw(&mut c, &["HELLO", "2", "AUTH", "bob", "x"], WRONGPASS);
        assert_raw(&mut c, &["PING"], b"+PONG\r\n");
    });
}

#[test]
fn commands_before_and_after_auth() {
    each_server_with(SHARD_COUNTS, &[("requirepass", PASSWORD)], |server| {
        let mut c = server.raw();
        assert_raw(&mut c, &["GET", "k"], NOAUTH);
        assert_raw(&mut c, &["PING"], NOAUTH);
        assert_raw(&mut c, &["SET", "k", "v"], NOAUTH);
        assert_raw(&mut c, &["CLIENT", "ID"], NOAUTH);
        // Unknown commands and arity errors are answered before the password check.
        assert_raw(
            &mut c,
            &["NOSUCH", "a"],
            b"-ERR unknown command 'NOSUCH', with args beginning with: 'a' \r\n",
        );
        assert_raw(
            &mut c,
            &["GET"],
            b"-ERR wrong number of arguments for 'get' command\r\n",
        );
        assert_raw(&mut c, &["AUTH", "wrong"], WRONGPASS);
        assert_raw(&mut c, &["AUTH", "bob", PASSWORD], WRONGPASS);
        assert_raw(&mut c, &["AUTH", "default", "wrong"], WRONGPASS);
        assert_raw(&mut c, &["GET", "k"], NOAUTH);
        assert_raw(&mut c, &["AUTH", PASSWORD], b"+OK\r\n");
        assert_raw(&mut c, &["SET", "k", "v"], b"+OK\r\n");
        assert_raw(&mut c, &["GET", "k"], b"$1\r\nv\r\n");
        // A failed AUTH later does not undo the earlier one.
        assert_raw(&mut c, &["AUTH", "wrong"], WRONGPASS);
        assert_raw(&mut c, &["GET", "k"], b"$1\r\nv\r\n");

        let mut d = server.raw();
        assert_raw(&mut d, &["AUTH", "default", PASSWORD], b"+OK\r\n");
        assert_raw(&mut d, &["GET", "k"], b"$1\r\nv\r\n");
    });
}

#[test]
fn hello_and_auth() {
    each_server_with(SHARD_COUNTS, &[("requirepass", PASSWORD)], |server| {
        let mut c = server.raw();
        assert_raw(&mut c, &["HELLO", "3"], HELLO_NOAUTH);
        assert_raw(&mut c, &["HELLO"], HELLO_NOAUTH);
        assert_raw(
            &mut c,
            &["HELLO", "3", "AUTH", "default", "wrong"],
            WRONGPASS,
        );
        assert_raw(&mut c, &["HELLO", "3", "AUTH", "bob", PASSWORD], WRONGPASS);
        assert_raw(&mut c, &["GET", "k"], NOAUTH);
        let reply = raw(&mut c, &["HELLO", "3", "AUTH", "default", PASSWORD]);
        assert_eq!(hello_proto(&reply), 3);
        assert_raw(&mut c, &["GET", "k"], b"_\r\n");
        assert_eq!(hello_proto(&raw(&mut c, &["HELLO", "2"])), 2);

        // Redis authenticates while it parses HELLO's options: a bad option after AUTH
        // fails the command but leaves the connection authenticated.
        let mut d = server.raw();
        assert_raw(
            &mut d,
            &["HELLO", "3", "AUTH", "default", PASSWORD, "SETNAME", "a b"],
            b"-ERR Client names cannot contain spaces, newlines or special characters.\r\n",
        );
        assert_raw(&mut d, &["GET", "k"], b"$-1\r\n");
    });
}

#[test]
fn quit_and_reset_before_auth_and_reset_deauthenticates() {
    each_server_with(SHARD_COUNTS, &[("requirepass", PASSWORD)], |server| {
        let mut c = server.raw();
        assert_raw(&mut c, &["RESET"], b"+RESET\r\n");
        assert_raw(&mut c, &["AUTH", PASSWORD], b"+OK\r\n");
        assert_raw(&mut c, &["PING"], b"+PONG\r\n");
        assert_raw(&mut c, &["RESET"], b"+RESET\r\n");
        assert_raw(&mut c, &["PING"], NOAUTH);

        let mut q = server.raw();
        assert_raw(&mut q, &["QUIT"], b"+OK\r\n");
        assert!(q.is_closed(Duration::from_secs(5)), "QUIT closes");
    });
}

/// A deliberate difference from Redis: COMMAND (for redis-cli's hints) runs before AUTH.
#[test]
fn command_runs_before_auth_on_shardis() {
    each_server_with(SHARD_COUNTS, &[("requirepass", PASSWORD)], |server| {
        let mut c = server.raw();
        let reply = raw(&mut c, &["COMMAND", "COUNT"]);
        if server.is_redis() {
            assert_eq!(show_bytes(&reply), show_bytes(NOAUTH));
        } else {
            assert!(
                matches!(parse_resp(&reply), Resp::Integer(n) if n > 100),
                "COMMAND COUNT answered {}",
                show_bytes(&reply)
            );
            assert!(matches!(
                parse_resp(&raw(&mut c, &["COMMAND", "INFO", "get"])),
                Resp::Array(..)
            ));
        }
    });
}

/// Changing requirepass at runtime: connections made while no password was set stay
/// authenticated (Redis sets `authenticated` when a client is created); new ones must AUTH;
/// AUTH checks the new password.
#[test]
fn requirepass_changed_at_runtime() {
    each_server_with(SHARD_COUNTS, &[], |server| {
        let mut old = server.raw();
        assert_raw(
            &mut old,
            &["CONFIG", "SET", "requirepass", PASSWORD],
            b"+OK\r\n",
        );
        assert_raw(&mut old, &["PING"], b"+PONG\r\n");
        let mut new = server.raw();
        assert_raw(&mut new, &["PING"], NOAUTH);
        assert_raw(&mut new, &["AUTH", PASSWORD], b"+OK\r\n");
        assert_raw(
            &mut old,
            &["CONFIG", "SET", "requirepass", "other"],
            b"+OK\r\n",
        );
        let mut third = server.raw();
        assert_raw(&mut third, &["AUTH", PASSWORD], WRONGPASS);
        assert_raw(&mut third, &["AUTH", "other"], b"+OK\r\n");
        // With the password cleared, a client never authenticated may run commands but not
        // HELLO (Redis checks its `authenticated` flag there).
        let mut never = server.raw();
        // The server has accepted `never` (and created its client) once it has answered it:
        // a client is authenticated by default only if it is created while no password is set.
        assert_raw(&mut never, &["PING"], NOAUTH);
        assert_raw(&mut old, &["CONFIG", "SET", "requirepass", ""], b"+OK\r\n");
        assert_raw(&mut never, &["PING"], b"+PONG\r\n");
        assert_raw(&mut never, &["HELLO", "2"], HELLO_NOAUTH);
        assert_raw(
            &mut old,
            &["CONFIG", "SET", "requirepass", PASSWORD],
            b"+OK\r\n",
        );
        assert_raw(&mut never, &["PING"], NOAUTH);
    });
}
