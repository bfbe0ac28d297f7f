//! Redis 7.0's own description of each command (arity, flags, key positions, ACL categories,
//! tips, key specs, and the COMMAND DOCS text), generated from a real Redis 7.0 by
//! `tools/gen_command_meta.py` into `generated.rs`. Using Redis's data, not a copy typed by hand,
//! is what makes arity errors, COMMAND INFO and COMMAND DOCS match Redis exactly.
//!
//! The data is a tree of [`Node`]s holding Redis's own reply types (a set stays a set, a status
//! a status), so [`write_info`] and [`write_docs`] reproduce Redis's bytes in RESP2 and RESP3;
//! the tests below check them against replies captured from a real Redis 7.0
//! (`testdata/`, refreshed together with `generated.rs`):
//!
//! ```text
//! python3 tools/gen_command_meta.py      # after editing tools/commands.txt
//! ```
//!
//! Containers (CLIENT, COMMAND) carry only the subcommands listed in `tools/commands.txt`, in
//! their `subcommands` and in their docs alike.

use shards::Reply;

#[rustfmt::skip]
mod generated;

/// A node of a reply tree: how COMMAND INFO / COMMAND DOCS data is stored, so it can be
/// encoded in RESP2 or RESP3 exactly as Redis encodes it.
#[derive(Debug)]
pub enum Node {
    /// A bulk string.
    Bulk(&'static str),
    /// A status (simple) string.
    Status(&'static str),
    /// An integer.
    Int(i64),
    /// An array.
    Array(&'static [Node]),
    /// A set (an array in RESP2).
    Set(&'static [Node]),
    /// A map (a flat array in RESP2).
    Map(&'static [(Node, Node)]),
}

/// What Redis says about one command or subcommand.
#[derive(Debug)]
pub struct CommandMeta {
    /// Lowercase name; a subcommand has its own name only ("setname"), see `fullname`.
    pub name: &'static str,
    /// `container|name` for subcommands, the name otherwise.
    pub fullname: &'static str,
    /// Positive: exact argument count (name included); negative: at least that many.
    pub arity: i32,
    /// Redis flag names in COMMAND INFO order ("write", "readonly", "fast", ...).
    pub flags: &'static [&'static str],
    /// Position of the first key (0: none).
    pub first_key: i32,
    /// Position of the last key (-1: the last argument).
    pub last_key: i32,
    /// Step between keys.
    pub step: i32,
    /// ACL categories ("@read", ...).
    pub acl_categories: &'static [&'static str],
    /// Command tips ("request_policy:all_shards", ...).
    pub tips: &'static [&'static str],
    /// Key specifications, each a map as COMMAND INFO prints it.
    pub key_specs: &'static [Node],
    /// Subcommands (CLIENT SETNAME, COMMAND INFO, ...).
    pub subcommands: &'static [CommandMeta],
    /// The COMMAND DOCS map for this command.
    pub docs: Node,
}

impl CommandMeta {
    /// True for a command that has subcommands in Redis (CLIENT, COMMAND), even when none of
    /// them were generated: its docs have a "subcommands" map. Redis's COMMAND INFO shows a
    /// container's subcommands as an array and a plain command's as an empty set.
    pub fn is_container(&self) -> bool {
        match &self.docs {
            Node::Map(pairs) => pairs
                .iter()
                .any(|(k, _)| matches!(k, Node::Bulk("subcommands"))),
            _ => false,
        }
    }
}

/// Every command Redis 7.0 describes that shardis generated metadata for.
pub fn all() -> &'static [CommandMeta] {
    generated::COMMANDS
}

/// Looks a command up by name, ASCII case-insensitively. `container|sub` names a subcommand,
/// as COMMAND INFO and COMMAND DOCS accept it ("client|setname"); Redis has no deeper levels.
pub fn find(name: &[u8]) -> Option<&'static CommandMeta> {
    let (top, sub) = match name.iter().position(|&b| b == b'|') {
        Some(i) => (&name[..i], Some(&name[i + 1..])),
        None => (name, None),
    };
    let meta = all()
        .iter()
        .find(|m| m.name.as_bytes().eq_ignore_ascii_case(top))?;
    match sub {
        None => Some(meta),
        Some(sub) => find_sub(meta, sub),
    }
}

/// Looks up a subcommand of `meta` by its own name ("setname"), ASCII case-insensitively.
pub fn find_sub(meta: &'static CommandMeta, name: &[u8]) -> Option<&'static CommandMeta> {
    meta.subcommands
        .iter()
        .find(|s| s.name.as_bytes().eq_ignore_ascii_case(name))
}

/// Writes a node: natively in RESP3; in RESP2 a map is a flat array of keys and values and a
/// set an array (what `Reply::map` and `Reply::set` do).
pub fn write_node(reply: &mut Reply, node: &Node) {
    match node {
        Node::Bulk(s) => reply.bulk(s.as_bytes()),
        Node::Status(s) => reply.simple(s),
        Node::Int(n) => reply.int(*n),
        Node::Array(items) => {
            reply.array(items.len());
            for item in items.iter() {
                write_node(reply, item);
            }
        }
        Node::Set(items) => {
            reply.set(items.len());
            for item in items.iter() {
                write_node(reply, item);
            }
        }
        Node::Map(pairs) => {
            reply.map(pairs.len());
            for (key, value) in pairs.iter() {
                write_node(reply, key);
                write_node(reply, value);
            }
        }
    }
}

/// Writes one command's COMMAND INFO entry as Redis 7.0's `addReplyCommandInfo` does, a
/// 10-element array:
///
/// ```text
///  1) fullname (bulk)                 6) step
///  2) arity                           7) ACL categories (set of statuses)
///  3) flags (set of statuses)         8) tips (set of bulk strings)
///  4) first key                       9) key specs (set of maps)
///  5) last key                       10) subcommands: an array of such entries for a
///                                        container, an empty set otherwise
/// ```
pub fn write_info(reply: &mut Reply, meta: &CommandMeta) {
    reply.array(10);
    reply.bulk(meta.fullname.as_bytes());
    reply.int(i64::from(meta.arity));
    reply.set(meta.flags.len());
    for flag in meta.flags {
        reply.simple(flag);
    }
    reply.int(i64::from(meta.first_key));
    reply.int(i64::from(meta.last_key));
    reply.int(i64::from(meta.step));
    reply.set(meta.acl_categories.len());
    for category in meta.acl_categories {
        reply.simple(category);
    }
    reply.set(meta.tips.len());
    for tip in meta.tips {
        reply.bulk(tip.as_bytes());
    }
    reply.set(meta.key_specs.len());
    for spec in meta.key_specs {
        write_node(reply, spec);
    }
    if meta.is_container() {
        reply.array(meta.subcommands.len());
        for sub in meta.subcommands {
            write_info(reply, sub);
        }
    } else {
        reply.set(0);
    }
}

/// Writes the value half of one command's COMMAND DOCS entry (a map: summary, since, group,
/// ...), as Redis 7.0's `addReplyCommandDocs` does; the caller writes the reply's map header
/// and the command's fullname before it.
pub fn write_docs(reply: &mut Reply, meta: &CommandMeta) {
    write_node(reply, &meta.docs);
}

#[cfg(test)]
mod tests {
    //! The encoders against replies captured from redis-server 7.0 by the generator: every
    //! leaf command byte for byte, and the containers (whose subcommand order changes from run
    //! to run in Redis, and which Redis shows with all its subcommands) after keeping only the
    //! generated subcommands, in the generated order.

    use super::*;

    /// A parsed RESP reply, keeping the reply types apart so that re-encoding gives the bytes.
    #[derive(Debug, Clone, PartialEq)]
    enum Value {
        Status(Vec<u8>),
        Bulk(Vec<u8>),
        Int(i64),
        Array(Vec<Value>),
        Set(Vec<Value>),
        Map(Vec<(Value, Value)>),
    }

    fn parse(buf: &[u8], pos: &mut usize) -> Value {
        let len = buf[*pos..]
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a CRLF");
        let kind = buf[*pos];
        let line = std::str::from_utf8(&buf[*pos + 1..*pos + len]).expect("an ASCII line");
        *pos += len + 2;
        let n = || line.parse::<i64>().expect("a number");
        match kind {
            b'+' => Value::Status(line.as_bytes().to_vec()),
            b':' => Value::Int(n()),
            b'$' => {
                let n = n() as usize;
                let data = buf[*pos..*pos + n].to_vec();
                assert_eq!(&buf[*pos + n..*pos + n + 2], b"\r\n");
                *pos += n + 2;
                Value::Bulk(data)
            }
            b'*' => Value::Array((0..n()).map(|_| parse(buf, pos)).collect()),
            b'~' => Value::Set((0..n()).map(|_| parse(buf, pos)).collect()),
            b'%' => Value::Map(
                (0..n())
                    .map(|_| (parse(buf, pos), parse(buf, pos)))
                    .collect(),
            ),
            other => panic!("unexpected RESP type {:?}", other as char),
        }
    }

    fn parse_all(buf: &[u8]) -> Value {
        let mut pos = 0;
        let value = parse(buf, &mut pos);
        assert_eq!(pos, buf.len(), "trailing bytes");
        value
    }

    fn encode(value: &Value, out: &mut Vec<u8>) {
        let header = |out: &mut Vec<u8>, kind: char, n: usize| {
            out.extend_from_slice(format!("{kind}{n}\r\n").as_bytes())
        };
        match value {
            Value::Status(s) => {
                out.push(b'+');
                out.extend_from_slice(s);
                out.extend_from_slice(b"\r\n");
            }
            Value::Bulk(s) => {
                header(out, '$', s.len());
                out.extend_from_slice(s);
                out.extend_from_slice(b"\r\n");
            }
            Value::Int(n) => out.extend_from_slice(format!(":{n}\r\n").as_bytes()),
            Value::Array(items) | Value::Set(items) => {
                header(
                    out,
                    if matches!(value, Value::Set(_)) {
                        '~'
                    } else {
                        '*'
                    },
                    items.len(),
                );
                items.iter().for_each(|item| encode(item, out));
            }
            Value::Map(pairs) => {
                header(out, '%', pairs.len());
                for (k, v) in pairs {
                    encode(k, out);
                    encode(v, out);
                }
            }
        }
    }

    /// The key/value pairs of a map, or of the flat array RESP2 makes of it.
    fn pairs(value: &Value) -> Vec<(Value, Value)> {
        match value {
            Value::Map(pairs) => pairs.clone(),
            Value::Array(flat) => flat
                .chunks(2)
                .map(|c| (c[0].clone(), c[1].clone()))
                .collect(),
            other => panic!("not a map: {other:?}"),
        }
    }

    /// `pairs` back into the shape of `like` (a map, or a flat array in RESP2).
    fn same_shape(like: &Value, pairs: Vec<(Value, Value)>) -> Value {
        match like {
            Value::Map(_) => Value::Map(pairs),
            _ => Value::Array(pairs.into_iter().flat_map(|(k, v)| [k, v]).collect()),
        }
    }

    fn bulk(s: &str) -> Value {
        Value::Bulk(s.as_bytes().to_vec())
    }

    fn assert_same_bytes(ours: &[u8], redis: &[u8], what: &str) {
        if ours != redis {
            let at = ours
                .iter()
                .zip(redis)
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(redis.len()));
            let from = at.saturating_sub(80);
            panic!(
                "{what}: differs from Redis at byte {at}\n  ours:  {:?}\n  redis: {:?}",
                String::from_utf8_lossy(&ours[from..(at + 80).min(ours.len())]),
                String::from_utf8_lossy(&redis[from..(at + 80).min(redis.len())]),
            );
        }
    }

    /// Plain commands and the generated subcommands of containers, depth first: the order the
    /// generator asked Redis for them.
    fn leaves() -> Vec<&'static CommandMeta> {
        fn walk(meta: &'static CommandMeta, out: &mut Vec<&'static CommandMeta>) {
            if meta.is_container() {
                meta.subcommands.iter().for_each(|sub| walk(sub, out));
            } else {
                out.push(meta);
            }
        }
        let mut out = Vec::new();
        all().iter().for_each(|meta| walk(meta, &mut out));
        out
    }

    fn containers() -> Vec<&'static CommandMeta> {
        all().iter().filter(|m| m.is_container()).collect()
    }

    fn testdata(name: &str, resp3: bool) -> &'static [u8] {
        match (name, resp3) {
            ("info_leaves", false) => include_bytes!("testdata/info_leaves.resp2"),
            ("info_leaves", true) => include_bytes!("testdata/info_leaves.resp3"),
            ("docs_leaves", false) => include_bytes!("testdata/docs_leaves.resp2"),
            ("docs_leaves", true) => include_bytes!("testdata/docs_leaves.resp3"),
            ("info_containers", false) => include_bytes!("testdata/info_containers.resp2"),
            ("info_containers", true) => include_bytes!("testdata/info_containers.resp3"),
            ("docs_containers", false) => include_bytes!("testdata/docs_containers.resp2"),
            ("docs_containers", true) => include_bytes!("testdata/docs_containers.resp3"),
            _ => unreachable!(),
        }
    }

    /// COMMAND INFO <metas...> as the COMMAND handler writes it.
    fn info_reply(metas: &[&CommandMeta], resp3: bool) -> Vec<u8> {
        let mut reply = Reply::new(resp3);
        reply.array(metas.len());
        metas.iter().for_each(|meta| write_info(&mut reply, meta));
        reply.as_bytes().to_vec()
    }

    /// COMMAND DOCS <metas...> as the COMMAND handler writes it.
    fn docs_reply(metas: &[&CommandMeta], resp3: bool) -> Vec<u8> {
        let mut reply = Reply::new(resp3);
        reply.map(metas.len());
        for meta in metas {
            reply.bulk(meta.fullname.as_bytes());
            write_docs(&mut reply, meta);
        }
        reply.as_bytes().to_vec()
    }

    #[test]
    fn info_of_every_leaf_command_matches_redis() {
        let leaves = leaves();
        for &name in &["get", "set", "ping", "client|setname", "command|docs"] {
            assert!(
                leaves.iter().any(|m| m.fullname == name),
                "{name} is not generated"
            );
        }
        for resp3 in [false, true] {
            let ours = info_reply(&leaves, resp3);
            assert_same_bytes(
                &ours,
                testdata("info_leaves", resp3),
                &format!("INFO resp3={resp3}"),
            );
        }
    }

    #[test]
    fn docs_of_every_leaf_command_match_redis() {
        let leaves = leaves();
        for resp3 in [false, true] {
            let ours = docs_reply(&leaves, resp3);
            assert_same_bytes(
                &ours,
                testdata("docs_leaves", resp3),
                &format!("DOCS resp3={resp3}"),
            );
        }
    }

    #[test]
    fn info_of_containers_matches_redis_for_the_generated_subcommands() {
        let containers = containers();
        assert!(containers.iter().any(|m| m.fullname == "client"));
        assert!(containers.iter().any(|m| m.fullname == "command"));
        for resp3 in [false, true] {
            let Value::Array(entries) = parse_all(testdata("info_containers", resp3)) else {
                panic!("COMMAND INFO is an array");
            };
            assert_eq!(entries.len(), containers.len());
            let mut filtered = Vec::new();
            for (meta, entry) in containers.iter().zip(entries) {
                let Value::Array(mut fields) = entry else {
                    panic!("an entry is an array")
                };
                let Value::Array(subs) = &fields[9] else {
                    panic!("subcommands are an array")
                };
                assert!(subs.len() >= meta.subcommands.len());
                let kept = meta
                    .subcommands
                    .iter()
                    .map(|sub| {
                        let found = subs
                            .iter()
                            .find(|s| matches!(s, Value::Array(f) if f[0] == bulk(sub.fullname)));
                        found
                            .unwrap_or_else(|| panic!("Redis has no {}", sub.fullname))
                            .clone()
                    })
                    .collect();
                fields[9] = Value::Array(kept);
                filtered.push(Value::Array(fields));
            }
            let mut expected = Vec::new();
            encode(&Value::Array(filtered), &mut expected);
            let ours = info_reply(&containers, resp3);
            assert_same_bytes(&ours, &expected, &format!("container INFO resp3={resp3}"));
        }
    }

    #[test]
    fn docs_of_containers_match_redis_for_the_generated_subcommands() {
        let containers = containers();
        for resp3 in [false, true] {
            let reply = parse_all(testdata("docs_containers", resp3));
            let mut entries = pairs(&reply);
            assert_eq!(entries.len(), containers.len());
            for ((name, docs), meta) in entries.iter_mut().zip(&containers) {
                assert_eq!(*name, bulk(meta.fullname));
                let mut fields = pairs(docs);
                let subs = fields.iter_mut().find(|(k, _)| *k == bulk("subcommands"));
                let (_, subs) = subs.expect("a container's docs have subcommands");
                let all_subs = pairs(subs);
                let kept = meta
                    .subcommands
                    .iter()
                    .map(|sub| {
                        let found = all_subs.iter().find(|(k, _)| *k == bulk(sub.fullname));
                        found
                            .unwrap_or_else(|| panic!("Redis has no {}", sub.fullname))
                            .clone()
                    })
                    .collect();
                *subs = same_shape(subs, kept);
                *docs = same_shape(docs, fields);
            }
            let mut expected = Vec::new();
            encode(&same_shape(&reply, entries), &mut expected);
            let ours = docs_reply(&containers, resp3);
            assert_same_bytes(&ours, &expected, &format!("container DOCS resp3={resp3}"));
        }
    }

    #[test]
    fn info_of_get_reads_like_redis() {
        let mut reply = Reply::new(false);
        write_info(&mut reply, find(b"get").expect("get"));
        let text = String::from_utf8_lossy(reply.as_bytes()).into_owned();
        assert!(text.starts_with("*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n*1\r\n"));
        assert!(text.ends_with("$5\r\nlimit\r\n:0\r\n*0\r\n"));
    }

    #[test]
    fn find_is_case_insensitive_and_knows_subcommands() {
        assert_eq!(find(b"GeT").map(|m| m.fullname), Some("get"));
        assert_eq!(
            find(b"CLIENT|SetName").map(|m| m.fullname),
            Some("client|setname")
        );
        assert_eq!(find(b"command|docs").map(|m| m.arity), Some(-2));
        assert!(find(b"nosuchcommand").is_none());
        assert!(find(b"get|x").is_none());
        assert!(find(b"client|").is_none());
        assert!(find(b"client|id|x").is_none());
        assert!(find(b"").is_none());
        let client = find(b"client").expect("client");
        assert_eq!(
            find_sub(client, b"KILL").map(|m| m.fullname),
            Some("client|kill")
        );
        assert!(find_sub(client, b"no-evict").is_none(), "not generated");
    }

    #[test]
    fn table_is_consistent() {
        for meta in all() {
            assert_eq!(meta.name, meta.fullname);
            assert_ne!(meta.arity, 0, "{}", meta.name);
            if !meta.is_container() {
                assert!(meta.subcommands.is_empty(), "{}", meta.name);
            }
            for sub in meta.subcommands {
                assert_eq!(sub.fullname, format!("{}|{}", meta.name, sub.name));
                assert!(!sub.is_container());
            }
        }
        assert!(find(b"set").expect("set").flags.contains(&"denyoom"));
    }
}
