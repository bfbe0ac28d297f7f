//! GENERATED FILE, DO NOT EDIT: written by tools/gen_command_meta.py from redis-server
//! 7.0.15's COMMAND INFO and COMMAND DOCS replies for the commands in tools/commands.txt.
//!
//! To regenerate (after editing tools/commands.txt), from the repository root:
//!
//! ```text
//! python3 tools/gen_command_meta.py
//! ```
//!
//! It needs a Redis 7.0 `redis-server` on the PATH (or `--redis-server PATH`) and also
//! refreshes the expected replies in src/command_meta/testdata/.

use super::{CommandMeta, Node};

/// Every listed command, in tools/commands.txt order.
pub static COMMANDS: &[CommandMeta] = &[
    CommandMeta {
        name: "ping",
        fullname: "ping",
        arity: -1,
        flags: &["fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Ping the server")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("message")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "echo",
        fullname: "echo",
        arity: 2,
        flags: &["loading", "stale", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Echo the given string")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("message")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "quit",
        fullname: "quit",
        arity: -1,
        flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Close the connection")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "select",
        fullname: "select",
        arity: 2,
        flags: &["loading", "stale", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Change the selected database for the current connection")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("index")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hello",
        fullname: "hello",
        arity: -1,
        flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Handshake with Redis")),
            (Node::Bulk("since"), Node::Bulk("6.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.2.0"),
                    Node::Bulk("`protover` made optional; when called without arguments the command reports the current connection's context."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arguments")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("protover")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("username_password")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("token"), Node::Bulk("AUTH")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("username")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("password")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                            ])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("clientname")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("token"), Node::Bulk("SETNAME")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "reset",
        fullname: "reset",
        arity: 1,
        flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Reset the connection")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "auth",
        fullname: "auth",
        arity: -2,
        flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@connection"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Authenticate to the server")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of passwords defined for the user")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("Added ACL style (username and password)."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("username")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("since"), Node::Bulk("6.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("password")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "monitor",
        fullname: "monitor",
        arity: 1,
        flags: &["admin", "noscript", "loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@slow", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Listen for all requests received by the server in real time")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
        ]),
    },
    CommandMeta {
        name: "client",
        fullname: "client",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "help",
                fullname: "client|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "id",
                fullname: "client|id",
                arity: 2,
                flags: &["noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Returns the client ID for the current connection")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "setname",
                fullname: "client|setname",
                arity: 3,
                flags: &["noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Set the current connection name")),
                    (Node::Bulk("since"), Node::Bulk("2.6.9")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("connection-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "getname",
                fullname: "client|getname",
                arity: 2,
                flags: &["noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the current connection name")),
                    (Node::Bulk("since"), Node::Bulk("2.6.9")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "list",
                fullname: "client|list",
                arity: -2,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous", "@connection"],
                tips: &["nondeterministic_output"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the list of client connections")),
                    (Node::Bulk("since"), Node::Bulk("2.4.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of client connections")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("2.8.12"),
                            Node::Bulk("Added unique client `id` field."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("5.0.0"),
                            Node::Bulk("Added optional `TYPE` filter."),
                        ]),
                        Node::Array(&[Node::Bulk("6.0.0"), Node::Bulk("Added `user` field.")]),
                        Node::Array(&[
                            Node::Bulk("6.2.0"),
                            Node::Bulk("Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added `resp`, `multi-mem`, `rbs` and `rbp` fields."),
                        ]),
                        Node::Array(&[Node::Bulk("7.0.3"), Node::Bulk("Added `ssub` field.")]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("normal_master_replica_pubsub")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("token"), Node::Bulk("TYPE")),
                            (Node::Bulk("since"), Node::Bulk("5.0.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("normal")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("NORMAL")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("master")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("MASTER")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("replica")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("REPLICA")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("pubsub")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("PUBSUB")),
                                ]),
                            ])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("id")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("token"), Node::Bulk("ID")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("client-id")),
                                    (Node::Bulk("type"), Node::Bulk("integer")),
                                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "info",
                fullname: "client|info",
                arity: 2,
                flags: &["noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &["nondeterministic_output"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Returns information about the current client connection.")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "kill",
                fullname: "client|kill",
                arity: -3,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the connection of a client")),
                    (Node::Bulk("since"), Node::Bulk("2.4.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of client connections")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[Node::Bulk("2.8.12"), Node::Bulk("Added new filter format.")]),
                        Node::Array(&[Node::Bulk("2.8.12"), Node::Bulk("`ID` option.")]),
                        Node::Array(&[
                            Node::Bulk("3.2.0"),
                            Node::Bulk("Added `master` type in for `TYPE` option."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("5.0.0"),
                            Node::Bulk("Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility."),
                        ]),
                        Node::Array(&[Node::Bulk("6.2.0"), Node::Bulk("`LADDR` option.")]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("filter")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("ip:port")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("deprecated_since"), Node::Bulk("2.8.12")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("new-format")),
                                    (Node::Bulk("type"), Node::Bulk("oneof")),
                                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                                    (Node::Bulk("arguments"), Node::Array(&[
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("client-id")),
                                            (Node::Bulk("type"), Node::Bulk("integer")),
                                            (Node::Bulk("token"), Node::Bulk("ID")),
                                            (Node::Bulk("since"), Node::Bulk("2.8.12")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("normal_master_slave_pubsub")),
                                            (Node::Bulk("type"), Node::Bulk("oneof")),
                                            (Node::Bulk("token"), Node::Bulk("TYPE")),
                                            (Node::Bulk("since"), Node::Bulk("2.8.12")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                            (Node::Bulk("arguments"), Node::Array(&[
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("normal")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("NORMAL")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("master")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("MASTER")),
                                                    (Node::Bulk("since"), Node::Bulk("3.2.0")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("slave")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("SLAVE")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("replica")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("REPLICA")),
                                                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("pubsub")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("PUBSUB")),
                                                ]),
                                            ])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("username")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("USER")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("ip:port")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("ADDR")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("ip:port")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("LADDR")),
                                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("yes/no")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("SKIPME")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                    ])),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for client connection commands")),
            (Node::Bulk("since"), Node::Bulk("2.4.0")),
            (Node::Bulk("group"), Node::Bulk("connection")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("client|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("client|id"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Returns the client ID for the current connection")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("client|setname"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Set the current connection name")),
                    (Node::Bulk("since"), Node::Bulk("2.6.9")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("connection-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ])),
                (Node::Bulk("client|getname"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the current connection name")),
                    (Node::Bulk("since"), Node::Bulk("2.6.9")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("client|list"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the list of client connections")),
                    (Node::Bulk("since"), Node::Bulk("2.4.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of client connections")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("2.8.12"),
                            Node::Bulk("Added unique client `id` field."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("5.0.0"),
                            Node::Bulk("Added optional `TYPE` filter."),
                        ]),
                        Node::Array(&[Node::Bulk("6.0.0"), Node::Bulk("Added `user` field.")]),
                        Node::Array(&[
                            Node::Bulk("6.2.0"),
                            Node::Bulk("Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added `resp`, `multi-mem`, `rbs` and `rbp` fields."),
                        ]),
                        Node::Array(&[Node::Bulk("7.0.3"), Node::Bulk("Added `ssub` field.")]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("normal_master_replica_pubsub")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("token"), Node::Bulk("TYPE")),
                            (Node::Bulk("since"), Node::Bulk("5.0.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("normal")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("NORMAL")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("master")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("MASTER")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("replica")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("REPLICA")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("pubsub")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("PUBSUB")),
                                ]),
                            ])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("id")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("token"), Node::Bulk("ID")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("client-id")),
                                    (Node::Bulk("type"), Node::Bulk("integer")),
                                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("client|info"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Returns information about the current client connection.")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("client|kill"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the connection of a client")),
                    (Node::Bulk("since"), Node::Bulk("2.4.0")),
                    (Node::Bulk("group"), Node::Bulk("connection")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of client connections")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[Node::Bulk("2.8.12"), Node::Bulk("Added new filter format.")]),
                        Node::Array(&[Node::Bulk("2.8.12"), Node::Bulk("`ID` option.")]),
                        Node::Array(&[
                            Node::Bulk("3.2.0"),
                            Node::Bulk("Added `master` type in for `TYPE` option."),
                        ]),
                        Node::Array(&[
                            Node::Bulk("5.0.0"),
                            Node::Bulk("Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility."),
                        ]),
                        Node::Array(&[Node::Bulk("6.2.0"), Node::Bulk("`LADDR` option.")]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("filter")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("ip:port")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("deprecated_since"), Node::Bulk("2.8.12")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("new-format")),
                                    (Node::Bulk("type"), Node::Bulk("oneof")),
                                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                                    (Node::Bulk("arguments"), Node::Array(&[
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("client-id")),
                                            (Node::Bulk("type"), Node::Bulk("integer")),
                                            (Node::Bulk("token"), Node::Bulk("ID")),
                                            (Node::Bulk("since"), Node::Bulk("2.8.12")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("normal_master_slave_pubsub")),
                                            (Node::Bulk("type"), Node::Bulk("oneof")),
                                            (Node::Bulk("token"), Node::Bulk("TYPE")),
                                            (Node::Bulk("since"), Node::Bulk("2.8.12")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                            (Node::Bulk("arguments"), Node::Array(&[
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("normal")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("NORMAL")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("master")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("MASTER")),
                                                    (Node::Bulk("since"), Node::Bulk("3.2.0")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("slave")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("SLAVE")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("replica")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("REPLICA")),
                                                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                                                ]),
                                                Node::Map(&[
                                                    (Node::Bulk("name"), Node::Bulk("pubsub")),
                                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                                    (Node::Bulk("token"), Node::Bulk("PUBSUB")),
                                                ]),
                                            ])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("username")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("USER")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("ip:port")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("ADDR")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("ip:port")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("LADDR")),
                                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                        Node::Map(&[
                                            (Node::Bulk("name"), Node::Bulk("yes/no")),
                                            (Node::Bulk("type"), Node::Bulk("string")),
                                            (Node::Bulk("token"), Node::Bulk("SKIPME")),
                                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                                        ]),
                                    ])),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "get",
        fullname: "get",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the value of a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "set",
        fullname: "set",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("RW and ACCESS due to the optional `GET` argument")),
                (Node::Bulk("flags"), Node::Set(&[
                    Node::Status("RW"),
                    Node::Status("access"),
                    Node::Status("update"),
                    Node::Status("variable_flags"),
                ])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the string value of a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.6.12"),
                    Node::Bulk("Added the `EX`, `PX`, `NX` and `XX` options."),
                ]),
                Node::Array(&[Node::Bulk("6.0.0"), Node::Bulk("Added the `KEEPTTL` option.")]),
                Node::Array(&[
                    Node::Bulk("6.2.0"),
                    Node::Bulk("Added the `GET`, `EXAT` and `PXAT` option."),
                ]),
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Allowed the `NX` and `GET` options to be used together."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("2.6.12")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("get")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("GET")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("expiration")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("seconds")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("EX")),
                            (Node::Bulk("since"), Node::Bulk("2.6.12")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("milliseconds")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("PX")),
                            (Node::Bulk("since"), Node::Bulk("2.6.12")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("unix-time-seconds")),
                            (Node::Bulk("type"), Node::Bulk("unix-time")),
                            (Node::Bulk("token"), Node::Bulk("EXAT")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("unix-time-milliseconds")),
                            (Node::Bulk("type"), Node::Bulk("unix-time")),
                            (Node::Bulk("token"), Node::Bulk("PXAT")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("keepttl")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("KEEPTTL")),
                            (Node::Bulk("since"), Node::Bulk("6.0.0")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "setnx",
        fullname: "setnx",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the value of a key, only if the key does not exist")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "setex",
        fullname: "setex",
        arity: 4,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the value and expiration of a key")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("seconds")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "psetex",
        fullname: "psetex",
        arity: 4,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the value and expiration in milliseconds of a key")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("milliseconds")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "getset",
        fullname: "getset",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the string value of a key and return its old value")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`SET` with the `!GET` argument")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "getdel",
        fullname: "getdel",
        arity: 2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the value of a key and delete the key")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "getex",
        fullname: "getex",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("RW and UPDATE because it changes the TTL")),
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the value of a key and optionally set its expiration")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("expiration")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("seconds")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("EX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("milliseconds")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("PX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("unix-time-seconds")),
                            (Node::Bulk("type"), Node::Bulk("unix-time")),
                            (Node::Bulk("token"), Node::Bulk("EXAT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("unix-time-milliseconds")),
                            (Node::Bulk("type"), Node::Bulk("unix-time")),
                            (Node::Bulk("token"), Node::Bulk("PXAT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("persist")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("PERSIST")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "mget",
        fullname: "mget",
        arity: -2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@read", "@string", "@fast"],
        tips: &["request_policy:multi_shard"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the values of all the given keys")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys to retrieve.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "mset",
        fullname: "mset",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: -1,
        step: 2,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &["request_policy:multi_shard", "response_policy:all_succeeded"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(2)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set multiple keys to multiple values")),
            (Node::Bulk("since"), Node::Bulk("1.0.1")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys to set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key_value")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "msetnx",
        fullname: "msetnx",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: -1,
        step: 2,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &["request_policy:multi_shard", "response_policy:agg_min"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(2)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set multiple keys to multiple values, only if none of the keys exist")),
            (Node::Bulk("since"), Node::Bulk("1.0.1")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys to set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key_value")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "incr",
        fullname: "incr",
        arity: 2,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the integer value of a key by one")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "decr",
        fullname: "decr",
        arity: 2,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Decrement the integer value of a key by one")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "incrby",
        fullname: "incrby",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the integer value of a key by the given amount")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "decrby",
        fullname: "decrby",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Decrement the integer value of a key by the given number")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("decrement")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "incrbyfloat",
        fullname: "incrbyfloat",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the float value of a key by the given amount")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "append",
        fullname: "append",
        arity: 3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Append a value to a key")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "strlen",
        fullname: "strlen",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@string", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the length of the value stored in a key")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "getrange",
        fullname: "getrange",
        arity: 4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@string", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get a substring of the string stored at a key")),
            (Node::Bulk("since"), Node::Bulk("2.4.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("end")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "setrange",
        fullname: "setrange",
        arity: 4,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@string", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Overwrite part of a string at key starting at the specified offset")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("string")),
            (Node::Bulk("complexity"), Node::Bulk("O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "del",
        fullname: "del",
        arity: -2,
        flags: &["write"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@slow"],
        tips: &["request_policy:multi_shard", "response_policy:agg_sum"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RM"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Delete a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "unlink",
        fullname: "unlink",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &["request_policy:multi_shard", "response_policy:agg_sum"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RM"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.")),
            (Node::Bulk("since"), Node::Bulk("4.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "exists",
        fullname: "exists",
        arity: -2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &["request_policy:multi_shard", "response_policy:agg_sum"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine if a key exists")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys to check.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("3.0.3"), Node::Bulk("Accepts multiple `key` arguments.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "type",
        fullname: "type",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine the type stored at key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "keys",
        fullname: "keys",
        arity: 2,
        flags: &["readonly"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@read", "@slow", "@dangerous"],
        tips: &["request_policy:all_shards", "nondeterministic_output_order"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Find all keys matching the given pattern")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "scan",
        fullname: "scan",
        arity: -2,
        flags: &["readonly"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@read", "@slow"],
        tips: &["nondeterministic_output", "request_policy:special"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Incrementally iterate the keys space")),
            (Node::Bulk("since"), Node::Bulk("2.8.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("6.0.0"), Node::Bulk("Added the `TYPE` subcommand.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("cursor")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                    (Node::Bulk("token"), Node::Bulk("MATCH")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("type")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("token"), Node::Bulk("TYPE")),
                    (Node::Bulk("since"), Node::Bulk("6.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "dbsize",
        fullname: "dbsize",
        arity: 1,
        flags: &["readonly", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &["request_policy:all_shards", "response_policy:agg_sum"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return the number of keys in the selected database")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "flushdb",
        fullname: "flushdb",
        arity: -1,
        flags: &["write"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@write", "@slow", "@dangerous"],
        tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove all keys from the current database")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys in the selected database")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("4.0.0"),
                    Node::Bulk("Added the `ASYNC` flushing mode modifier."),
                ]),
                Node::Array(&[
                    Node::Bulk("6.2.0"),
                    Node::Bulk("Added the `SYNC` flushing mode modifier."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("async")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("ASYNC")),
                            (Node::Bulk("since"), Node::Bulk("4.0.0")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sync")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SYNC")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "flushall",
        fullname: "flushall",
        arity: -1,
        flags: &["write"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@write", "@slow", "@dangerous"],
        tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove all keys from all databases")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of keys in all databases")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("4.0.0"),
                    Node::Bulk("Added the `ASYNC` flushing mode modifier."),
                ]),
                Node::Array(&[
                    Node::Bulk("6.2.0"),
                    Node::Bulk("Added the `SYNC` flushing mode modifier."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("async")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("ASYNC")),
                            (Node::Bulk("since"), Node::Bulk("4.0.0")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sync")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SYNC")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "rename",
        fullname: "rename",
        arity: 3,
        flags: &["write"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Rename a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("newkey")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "renamenx",
        fullname: "renamenx",
        arity: 3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Rename a key, only if the new key does not exist")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("3.2.0"),
                    Node::Bulk("The command no longer returns an error when source and destination names are the same."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("newkey")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "copy",
        fullname: "copy",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Copy a key")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) worst case for collections, where N is the number of nested items. O(1) for string values.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination-db")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("DB")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("replace")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("REPLACE")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "move",
        fullname: "move",
        arity: 3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Move a key to another database")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("db")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "swapdb",
        fullname: "swapdb",
        arity: 3,
        flags: &["write", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@write", "@fast", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Swaps two Redis databases")),
            (Node::Bulk("since"), Node::Bulk("4.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the count of clients watching or blocking on keys from both databases.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("index1")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("index2")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "randomkey",
        fullname: "randomkey",
        arity: 1,
        flags: &["readonly"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@keyspace", "@read", "@slow"],
        tips: &["request_policy:all_shards", "nondeterministic_output"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a random key from the keyspace")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "touch",
        fullname: "touch",
        arity: -2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &["request_policy:multi_shard", "response_policy:agg_sum"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Alters the last access time of a key(s). Returns the number of existing keys specified.")),
            (Node::Bulk("since"), Node::Bulk("3.2.1")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of keys that will be touched.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "expire",
        fullname: "expire",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set a key's time to live in seconds")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added options: `NX`, `XX`, `GT` and `LT`."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("seconds")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("gt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("GT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("lt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LT")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "pexpire",
        fullname: "pexpire",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set a key's time to live in milliseconds")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added options: `NX`, `XX`, `GT` and `LT`."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("milliseconds")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("gt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("GT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("lt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LT")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "expireat",
        fullname: "expireat",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the expiration for a key as a UNIX timestamp")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added options: `NX`, `XX`, `GT` and `LT`."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("unix-time-seconds")),
                    (Node::Bulk("type"), Node::Bulk("unix-time")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("gt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("GT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("lt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LT")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "pexpireat",
        fullname: "pexpireat",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the expiration for a key as a UNIX timestamp specified in milliseconds")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added options: `NX`, `XX`, `GT` and `LT`."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("unix-time-milliseconds")),
                    (Node::Bulk("type"), Node::Bulk("unix-time")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("gt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("GT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("lt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LT")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "ttl",
        fullname: "ttl",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the time to live for a key in seconds")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[Node::Array(&[Node::Bulk("2.8.0"), Node::Bulk("Added the -2 reply.")])])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "pttl",
        fullname: "pttl",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the time to live for a key in milliseconds")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[Node::Array(&[Node::Bulk("2.8.0"), Node::Bulk("Added the -2 reply.")])])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "expiretime",
        fullname: "expiretime",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the expiration Unix timestamp for a key")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "pexpiretime",
        fullname: "pexpiretime",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@read", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the expiration Unix timestamp for a key in milliseconds")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "persist",
        fullname: "persist",
        arity: 2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@keyspace", "@write", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove the expiration from a key")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "time",
        fullname: "time",
        arity: 1,
        flags: &["loading", "stale", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast"],
        tips: &["nondeterministic_output"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return the current server time")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "command",
        fullname: "command",
        arity: -1,
        flags: &["loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@connection"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "count",
                fullname: "command|count",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get total number of Redis commands")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "info",
                fullname: "command|info",
                arity: -2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &["nondeterministic_output_order"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get array of specific Redis command details, or all when no argument is given.")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of commands to look up")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Allowed to be called with no argument to get info on all commands."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("command-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "docs",
                fullname: "command|docs",
                arity: -2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &["nondeterministic_output_order"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get array of specific Redis command documentation")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of commands to look up")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("command-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "list",
                fullname: "command|list",
                arity: -2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &["nondeterministic_output_order"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get an array of Redis command names")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of Redis commands")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("filterby")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("token"), Node::Bulk("FILTERBY")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("module-name")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("token"), Node::Bulk("MODULE")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("category")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("token"), Node::Bulk("ACLCAT")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("pattern")),
                                    (Node::Bulk("type"), Node::Bulk("pattern")),
                                    (Node::Bulk("token"), Node::Bulk("PATTERN")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "getkeys",
                fullname: "command|getkeys",
                arity: -4,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@connection"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Extract keys given a full Redis command")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of arguments to the command")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get array of Redis command details")),
            (Node::Bulk("since"), Node::Bulk("2.8.13")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of Redis commands")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("command|count"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get total number of Redis commands")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("command|info"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get array of specific Redis command details, or all when no argument is given.")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of commands to look up")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Allowed to be called with no argument to get info on all commands."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("command-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("command|docs"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get array of specific Redis command documentation")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of commands to look up")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("command-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("command|list"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get an array of Redis command names")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of Redis commands")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("filterby")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("token"), Node::Bulk("FILTERBY")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("module-name")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("token"), Node::Bulk("MODULE")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("category")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                    (Node::Bulk("token"), Node::Bulk("ACLCAT")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("pattern")),
                                    (Node::Bulk("type"), Node::Bulk("pattern")),
                                    (Node::Bulk("token"), Node::Bulk("PATTERN")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("command|getkeys"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Extract keys given a full Redis command")),
                    (Node::Bulk("since"), Node::Bulk("2.8.13")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of arguments to the command")),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "config",
        fullname: "config",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "get",
                fullname: "config|get",
                arity: -3,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the values of configuration parameters")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) when N is the number of configuration parameters provided")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added the ability to pass multiple pattern parameters in one call"),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("parameter")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("parameter")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "resetstat",
                fullname: "config|resetstat",
                arity: 2,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Reset the stats returned by INFO")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "set",
                fullname: "config|set",
                arity: -4,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &["request_policy:all_nodes", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Set configuration parameters to the given values")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) when N is the number of configuration parameters provided")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added the ability to set multiple parameters in one call."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("parameter_value")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("parameter")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("value")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "rewrite",
                fullname: "config|rewrite",
                arity: 2,
                flags: &["admin", "noscript", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Rewrite the configuration file with the in memory configuration")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "help",
                fullname: "config|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for server configuration commands")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("config|get"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the values of configuration parameters")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) when N is the number of configuration parameters provided")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added the ability to pass multiple pattern parameters in one call"),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("parameter")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("parameter")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("config|resetstat"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Reset the stats returned by INFO")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("config|set"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Set configuration parameters to the given values")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) when N is the number of configuration parameters provided")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("7.0.0"),
                            Node::Bulk("Added the ability to set multiple parameters in one call."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("parameter_value")),
                            (Node::Bulk("type"), Node::Bulk("block")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("parameter")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("value")),
                                    (Node::Bulk("type"), Node::Bulk("string")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("config|rewrite"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Rewrite the configuration file with the in memory configuration")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("config|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "info",
        fullname: "info",
        arity: -1,
        flags: &["loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@dangerous"],
        tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get information and statistics about the server")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added support for taking multiple section arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("section")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "slowlog",
        fullname: "slowlog",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "get",
                fullname: "slowlog|get",
                arity: -2,
                flags: &["admin", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &["request_policy:all_nodes", "nondeterministic_output"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the slow log's entries")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of entries returned")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("4.0.0"),
                            Node::Bulk("Added client IP address, port and name to the reply."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "len",
                fullname: "slowlog|len",
                arity: 2,
                flags: &["admin", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &["request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the slow log's length")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "reset",
                fullname: "slowlog|reset",
                arity: 2,
                flags: &["admin", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@admin", "@slow", "@dangerous"],
                tips: &["request_policy:all_nodes", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Clear all entries from the slow log")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of entries in the slowlog")),
                ]),
            },
            CommandMeta {
                name: "help",
                fullname: "slowlog|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for slow log commands")),
            (Node::Bulk("since"), Node::Bulk("2.2.12")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("slowlog|get"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the slow log's entries")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of entries returned")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("4.0.0"),
                            Node::Bulk("Added client IP address, port and name to the reply."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("slowlog|len"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the slow log's length")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("slowlog|reset"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Clear all entries from the slow log")),
                    (Node::Bulk("since"), Node::Bulk("2.2.12")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of entries in the slowlog")),
                ])),
                (Node::Bulk("slowlog|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "shutdown",
        fullname: "shutdown",
        arity: -1,
        flags: &["admin", "noscript", "loading", "stale", "no_multi", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@slow", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Synchronously save the dataset to disk and then shut down the server")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("7.0.0"),
                    Node::Bulk("Added the `NOW`, `FORCE` and `ABORT` modifiers."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("nosave_save")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nosave")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NOSAVE")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("save")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SAVE")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("now")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("NOW")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("force")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("FORCE")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("abort")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("ABORT")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lpush",
        fullname: "lpush",
        arity: -3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Prepend one or multiple elements to a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.4.0"),
                    Node::Bulk("Accepts multiple `element` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "rpush",
        fullname: "rpush",
        arity: -3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Append one or multiple elements to a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.4.0"),
                    Node::Bulk("Accepts multiple `element` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lpushx",
        fullname: "lpushx",
        arity: -3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Prepend an element to a list, only if the list exists")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("4.0.0"),
                    Node::Bulk("Accepts multiple `element` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "rpushx",
        fullname: "rpushx",
        arity: -3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Append an element to a list, only if the list exists")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("4.0.0"),
                    Node::Bulk("Accepts multiple `element` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lpop",
        fullname: "lpop",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and get the first elements in a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements returned")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("6.2.0"), Node::Bulk("Added the `count` argument.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "rpop",
        fullname: "rpop",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and get the last elements in a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements returned")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("6.2.0"), Node::Bulk("Added the `count` argument.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "llen",
        fullname: "llen",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@list", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the length of a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lrange",
        fullname: "lrange",
        arity: 4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get a range of elements from a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("stop")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lindex",
        fullname: "lindex",
        arity: 3,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get an element from a list by its index")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("index")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lset",
        fullname: "lset",
        arity: 4,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the value of an element in a list by its index")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("index")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "linsert",
        fullname: "linsert",
        arity: 5,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Insert an element before or after another element in a list")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("where")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("before")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("BEFORE")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("after")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("AFTER")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pivot")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lrem",
        fullname: "lrem",
        arity: 4,
        flags: &["write"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove elements from a list")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N+M) where N is the length of the list and M is the number of elements removed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "ltrim",
        fullname: "ltrim",
        arity: 4,
        flags: &["write"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Trim a list to the specified range")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements to be removed by the operation.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("stop")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lpos",
        fullname: "lpos",
        arity: -3,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return the index of matching elements on a list")),
            (Node::Bulk("since"), Node::Bulk("6.0.6")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("element")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("rank")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("RANK")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("num-matches")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("len")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("MAXLEN")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lmove",
        fullname: "lmove",
        arity: 5,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Pop an element from a list, push it to another list and return it")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("wherefrom")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("whereto")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "rpoplpush",
        fullname: "rpoplpush",
        arity: 3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove the last element in a list, prepend it to another list and return it")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`LMOVE` with the `RIGHT` and `LEFT` arguments")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lmpop",
        fullname: "lmpop",
        arity: -4,
        flags: &["write", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@write", "@list", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Pop elements from a list")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N+M) where N is the number of provided keys and M is the number of elements returned.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("where")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "blpop",
        fullname: "blpop",
        arity: -3,
        flags: &["write", "noscript", "blocking"],
        first_key: 1,
        last_key: -2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-2)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and get the first element in a list, or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of provided keys.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("`timeout` is interpreted as a double instead of an integer."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "brpop",
        fullname: "brpop",
        arity: -3,
        flags: &["write", "noscript", "blocking"],
        first_key: 1,
        last_key: -2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-2)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and get the last element in a list, or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of provided keys.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("`timeout` is interpreted as a double instead of an integer."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "blmove",
        fullname: "blmove",
        arity: 6,
        flags: &["write", "denyoom", "noscript", "blocking"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Pop an element from a list, push it to another list and return it; or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("wherefrom")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("whereto")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "brpoplpush",
        fullname: "brpoplpush",
        arity: 4,
        flags: &["write", "denyoom", "noscript", "blocking"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@list", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Pop an element from a list, push it to another list and return it; or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`BLMOVE` with the `RIGHT` and `LEFT` arguments")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("`timeout` is interpreted as a double instead of an integer."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "blmpop",
        fullname: "blmpop",
        arity: -5,
        flags: &["write", "blocking", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@write", "@list", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Pop elements from a list, or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("list")),
            (Node::Bulk("complexity"), Node::Bulk("O(N+M) where N is the number of provided keys and M is the number of elements returned.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("where")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("left")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LEFT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("right")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("RIGHT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hset",
        fullname: "hset",
        arity: -4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the string value of a hash field")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("4.0.0"),
                    Node::Bulk("Accepts multiple `field` and `value` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field_value")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("field")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hsetnx",
        fullname: "hsetnx",
        arity: 4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set the value of a hash field, only if the field does not exist")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("value")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hget",
        fullname: "hget",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the value of a hash field")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hmset",
        fullname: "hmset",
        arity: -4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Set multiple hash fields to multiple values")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of fields being set.")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("4.0.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`HSET` with multiple field-value pairs")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field_value")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("field")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hmget",
        fullname: "hmget",
        arity: -3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the values of all the given hash fields")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of fields being requested.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hgetall",
        fullname: "hgetall",
        arity: 2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get all the fields and values in a hash")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the size of the hash.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hdel",
        fullname: "hdel",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Delete one or more hash fields")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of fields to be removed.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.4.0"),
                    Node::Bulk("Accepts multiple `field` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hexists",
        fullname: "hexists",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine if a hash field exists")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hlen",
        fullname: "hlen",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the number of fields in a hash")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hkeys",
        fullname: "hkeys",
        arity: 2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get all the fields in a hash")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the size of the hash.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hvals",
        fullname: "hvals",
        arity: 2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get all the values in a hash")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the size of the hash.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hstrlen",
        fullname: "hstrlen",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the length of the value of a hash field")),
            (Node::Bulk("since"), Node::Bulk("3.2.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hincrby",
        fullname: "hincrby",
        arity: 4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the integer value of a hash field by the given number")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hincrbyfloat",
        fullname: "hincrbyfloat",
        arity: 4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@hash", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the float value of a hash field by the given amount")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("field")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hrandfield",
        fullname: "hrandfield",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get one or multiple random fields from a hash")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of fields returned")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("options")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("withvalues")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("WITHVALUES")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "hscan",
        fullname: "hscan",
        arity: -3,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@hash", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Incrementally iterate hash fields and associated values")),
            (Node::Bulk("since"), Node::Bulk("2.8.0")),
            (Node::Bulk("group"), Node::Bulk("hash")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("cursor")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                    (Node::Bulk("token"), Node::Bulk("MATCH")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sadd",
        fullname: "sadd",
        arity: -3,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add one or more members to a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.4.0"),
                    Node::Bulk("Accepts multiple `member` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "srem",
        fullname: "srem",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove one or more members from a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of members to be removed.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.4.0"),
                    Node::Bulk("Accepts multiple `member` arguments."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "smembers",
        fullname: "smembers",
        arity: 2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get all the members in a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the set cardinality.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sismember",
        fullname: "sismember",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine if a given value is a member of a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "smismember",
        fullname: "smismember",
        arity: -3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Returns the membership associated with the given elements for a set")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements being checked for membership")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "scard",
        fullname: "scard",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the number of members in a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "spop",
        fullname: "spop",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@set", "@fast"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return one or multiple random members from a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("Without the count argument O(1), otherwise O(N) where N is the value of the passed count.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("3.2.0"), Node::Bulk("Added the `count` argument.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("since"), Node::Bulk("3.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "srandmember",
        fullname: "srandmember",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get one or multiple random members from a set")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("2.6.0"),
                    Node::Bulk("Added the optional `count` argument."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "smove",
        fullname: "smove",
        arity: 4,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@set", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("insert")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Move a member from one set to another")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("source")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sinter",
        fullname: "sinter",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sets")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sunion",
        fullname: "sunion",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add multiple sets")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of elements in all given sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sdiff",
        fullname: "sdiff",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output_order"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Subtract multiple sets")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of elements in all given sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sinterstore",
        fullname: "sinterstore",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@write", "@set", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sets and store the resulting set in a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sunionstore",
        fullname: "sunionstore",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@write", "@set", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add multiple sets and store the resulting set in a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of elements in all given sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sdiffstore",
        fullname: "sdiffstore",
        arity: -3,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@write", "@set", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Subtract multiple sets and store the resulting set in a key")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of elements in all given sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sintercard",
        fullname: "sintercard",
        arity: -3,
        flags: &["readonly", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sets and return the cardinality of the result")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("limit")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sscan",
        fullname: "sscan",
        arity: -3,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@set", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Incrementally iterate Set elements")),
            (Node::Bulk("since"), Node::Bulk("2.8.0")),
            (Node::Bulk("group"), Node::Bulk("set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("cursor")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                    (Node::Bulk("token"), Node::Bulk("MATCH")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zadd",
        fullname: "zadd",
        arity: -4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add one or more members to a sorted set, or update its score if it already exists")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) for each item added, where N is the number of elements in the sorted set.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("2.4.0"), Node::Bulk("Accepts multiple elements.")]),
                Node::Array(&[
                    Node::Bulk("3.0.2"),
                    Node::Bulk("Added the `XX`, `NX`, `CH` and `INCR` options."),
                ]),
                Node::Array(&[Node::Bulk("6.2.0"), Node::Bulk("Added the `GT` and `LT` options.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("condition")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("3.0.2")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("nx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("NX")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("xx")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("XX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("comparison")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("gt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("GT")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("lt")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("LT")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("change")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("CH")),
                    (Node::Bulk("since"), Node::Bulk("3.0.2")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("INCR")),
                    (Node::Bulk("since"), Node::Bulk("3.0.2")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("score_member")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("score")),
                            (Node::Bulk("type"), Node::Bulk("double")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("member")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zincrby",
        fullname: "zincrby",
        arity: 4,
        flags: &["write", "denyoom", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Increment the score of a member in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) where N is the number of elements in the sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("increment")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zscore",
        fullname: "zscore",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the score associated with the given member in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zmscore",
        fullname: "zmscore",
        arity: -3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the score associated with the given members in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of members being requested.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrank",
        fullname: "zrank",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine the index of a member in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N))")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrevrank",
        fullname: "zrevrank",
        arity: 3,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Determine the index of a member in a sorted set, with scores ordered from high to low")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N))")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zcard",
        fullname: "zcard",
        arity: 2,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the number of members in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zcount",
        fullname: "zcount",
        arity: 4,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Count the members in a sorted set with scores within the given values")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) with N being the number of elements in the sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zlexcount",
        fullname: "zlexcount",
        arity: 4,
        flags: &["readonly", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Count the number of members in a sorted set between a given lexicographical range")),
            (Node::Bulk("since"), Node::Bulk("2.8.9")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) with N being the number of elements in the sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrange",
        fullname: "zrange",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.2.0"),
                    Node::Bulk("Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("stop")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("sortby")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("byscore")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("BYSCORE")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("bylex")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("BYLEX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("rev")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("REV")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrangebyscore",
        fullname: "zrangebyscore",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set, by score")),
            (Node::Bulk("since"), Node::Bulk("1.0.5")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`ZRANGE` with the `BYSCORE` argument")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("2.0.0"), Node::Bulk("Added the `WITHSCORES` modifier.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("since"), Node::Bulk("2.0.0")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrevrangebyscore",
        fullname: "zrevrangebyscore",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set, by score, with scores ordered from high to low")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`ZRANGE` with the `REV` and `BYSCORE` arguments")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("2.1.6"), Node::Bulk("`min` and `max` can be exclusive.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrangebylex",
        fullname: "zrangebylex",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set, by lexicographical range")),
            (Node::Bulk("since"), Node::Bulk("2.8.9")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`ZRANGE` with the `BYLEX` argument")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrevrangebylex",
        fullname: "zrevrangebylex",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.")),
            (Node::Bulk("since"), Node::Bulk("2.8.9")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`ZRANGE` with the `REV` and `BYLEX` arguments")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrevrange",
        fullname: "zrevrange",
        arity: -4,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Return a range of members in a sorted set, by index, with scores ordered from high to low")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")),
            (Node::Bulk("doc_flags"), Node::Set(&[Node::Status("deprecated")])),
            (Node::Bulk("deprecated_since"), Node::Bulk("6.2.0")),
            (Node::Bulk("replaced_by"), Node::Bulk("`ZRANGE` with the `REV` argument")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("stop")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrangestore",
        fullname: "zrangestore",
        arity: -5,
        flags: &["write", "denyoom"],
        first_key: 1,
        last_key: 2,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Store a range of members from sorted set into another key")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("dst")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("src")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("sortby")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("byscore")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("BYSCORE")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("bylex")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("BYLEX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("rev")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("REV")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("offset_count")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("offset")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrem",
        fullname: "zrem",
        arity: -3,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove one or more members from a sorted set")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("2.4.0"), Node::Bulk("Accepts multiple elements.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("member")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zremrangebyrank",
        fullname: "zremrangebyrank",
        arity: 4,
        flags: &["write"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove all members in a sorted set within the given indexes")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("start")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("stop")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zremrangebyscore",
        fullname: "zremrangebyscore",
        arity: 4,
        flags: &["write"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove all members in a sorted set within the given scores")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zremrangebylex",
        fullname: "zremrangebylex",
        arity: 4,
        flags: &["write"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove all members in a sorted set between the given lexicographical range")),
            (Node::Bulk("since"), Node::Bulk("2.8.9")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("min")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("max")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zpopmin",
        fullname: "zpopmin",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return members with the lowest scores in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("5.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zpopmax",
        fullname: "zpopmax",
        arity: -2,
        flags: &["write", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return members with the highest scores in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("5.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "bzpopmin",
        fullname: "bzpopmin",
        arity: -3,
        flags: &["write", "noscript", "blocking", "fast"],
        first_key: 1,
        last_key: -2,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-2)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return the member with the lowest score from one or more sorted sets, or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("5.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) with N being the number of elements in the sorted set.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("`timeout` is interpreted as a double instead of an integer."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "bzpopmax",
        fullname: "bzpopmax",
        arity: -3,
        flags: &["write", "noscript", "blocking", "fast"],
        first_key: 1,
        last_key: -2,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@fast", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-2)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return the member with the highest score from one or more sorted sets, or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("5.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(log(N)) with N being the number of elements in the sorted set.")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[
                    Node::Bulk("6.0.0"),
                    Node::Bulk("`timeout` is interpreted as a double instead of an integer."),
                ]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zmpop",
        fullname: "zmpop",
        arity: -4,
        flags: &["write", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return members with scores in a sorted set")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("where")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "bzmpop",
        fullname: "bzmpop",
        arity: -5,
        flags: &["write", "blocking", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@write", "@sortedset", "@slow", "@blocking"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("delete")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Remove and return members with scores in a sorted set or block until one is available")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("timeout")),
                    (Node::Bulk("type"), Node::Bulk("double")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("where")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zunion",
        fullname: "zunion",
        arity: -3,
        flags: &["readonly", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add multiple sorted sets")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("weight")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("WEIGHTS")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("aggregate")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("token"), Node::Bulk("AGGREGATE")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sum")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SUM")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zinter",
        fullname: "zinter",
        arity: -3,
        flags: &["readonly", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sorted sets")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("weight")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("WEIGHTS")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("aggregate")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("token"), Node::Bulk("AGGREGATE")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sum")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SUM")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zdiff",
        fullname: "zdiff",
        arity: -3,
        flags: &["readonly", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Subtract multiple sorted sets")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("withscores")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zunionstore",
        fullname: "zunionstore",
        arity: -4,
        flags: &["write", "denyoom", "movablekeys"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Add multiple sorted sets and store the resulting sorted set in a new key")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("weight")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("WEIGHTS")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("aggregate")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("token"), Node::Bulk("AGGREGATE")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sum")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SUM")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zinterstore",
        fullname: "zinterstore",
        arity: -4,
        flags: &["write", "denyoom", "movablekeys"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sorted sets and store the resulting sorted set in a new key")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("weight")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("WEIGHTS")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("aggregate")),
                    (Node::Bulk("type"), Node::Bulk("oneof")),
                    (Node::Bulk("token"), Node::Bulk("AGGREGATE")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sum")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("SUM")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("min")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MIN")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("max")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("MAX")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zdiffstore",
        fullname: "zdiffstore",
        arity: -4,
        flags: &["write", "denyoom", "movablekeys"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@write", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("OW"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Subtract multiple sorted sets and store the resulting sorted set in a new key")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("destination")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(1)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zintercard",
        fullname: "zintercard",
        arity: -3,
        flags: &["readonly", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Intersect multiple sorted sets and return the cardinality of the result")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("limit")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("LIMIT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zrandmember",
        fullname: "zrandmember",
        arity: -2,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get one or multiple random elements from a sorted set")),
            (Node::Bulk("since"), Node::Bulk("6.2.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of elements returned")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("options")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("withscores")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("WITHSCORES")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "zscan",
        fullname: "zscan",
        arity: -3,
        flags: &["readonly"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@read", "@sortedset", "@slow"],
        tips: &["nondeterministic_output"],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Incrementally iterate sorted sets elements and associated scores")),
            (Node::Bulk("since"), Node::Bulk("2.8.0")),
            (Node::Bulk("group"), Node::Bulk("sorted-set")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("cursor")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                    (Node::Bulk("token"), Node::Bulk("MATCH")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("count")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                    (Node::Bulk("token"), Node::Bulk("COUNT")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "object",
        fullname: "object",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "encoding",
                fullname: "object|encoding",
                arity: 3,
                flags: &["readonly"],
                first_key: 2,
                last_key: 2,
                step: 1,
                acl_categories: &["@keyspace", "@read", "@slow"],
                tips: &["nondeterministic_output"],
                key_specs: &[
                    Node::Map(&[
                        (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                        (Node::Bulk("begin_search"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("index")),
                            (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                        ])),
                        (Node::Bulk("find_keys"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("range")),
                            (Node::Bulk("spec"), Node::Map(&[
                                (Node::Bulk("lastkey"), Node::Int(0)),
                                (Node::Bulk("keystep"), Node::Int(1)),
                                (Node::Bulk("limit"), Node::Int(0)),
                            ])),
                        ])),
                    ]),
                ],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Inspect the internal encoding of a Redis object")),
                    (Node::Bulk("since"), Node::Bulk("2.2.3")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "freq",
                fullname: "object|freq",
                arity: 3,
                flags: &["readonly"],
                first_key: 2,
                last_key: 2,
                step: 1,
                acl_categories: &["@keyspace", "@read", "@slow"],
                tips: &["nondeterministic_output"],
                key_specs: &[
                    Node::Map(&[
                        (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                        (Node::Bulk("begin_search"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("index")),
                            (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                        ])),
                        (Node::Bulk("find_keys"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("range")),
                            (Node::Bulk("spec"), Node::Map(&[
                                (Node::Bulk("lastkey"), Node::Int(0)),
                                (Node::Bulk("keystep"), Node::Int(1)),
                                (Node::Bulk("limit"), Node::Int(0)),
                            ])),
                        ])),
                    ]),
                ],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the logarithmic access frequency counter of a Redis object")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "idletime",
                fullname: "object|idletime",
                arity: 3,
                flags: &["readonly"],
                first_key: 2,
                last_key: 2,
                step: 1,
                acl_categories: &["@keyspace", "@read", "@slow"],
                tips: &["nondeterministic_output"],
                key_specs: &[
                    Node::Map(&[
                        (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                        (Node::Bulk("begin_search"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("index")),
                            (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                        ])),
                        (Node::Bulk("find_keys"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("range")),
                            (Node::Bulk("spec"), Node::Map(&[
                                (Node::Bulk("lastkey"), Node::Int(0)),
                                (Node::Bulk("keystep"), Node::Int(1)),
                                (Node::Bulk("limit"), Node::Int(0)),
                            ])),
                        ])),
                    ]),
                ],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the time since a Redis object was last accessed")),
                    (Node::Bulk("since"), Node::Bulk("2.2.3")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for object introspection commands")),
            (Node::Bulk("since"), Node::Bulk("2.2.3")),
            (Node::Bulk("group"), Node::Bulk("generic")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("object|encoding"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Inspect the internal encoding of a Redis object")),
                    (Node::Bulk("since"), Node::Bulk("2.2.3")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ])),
                (Node::Bulk("object|freq"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the logarithmic access frequency counter of a Redis object")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ])),
                (Node::Bulk("object|idletime"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the time since a Redis object was last accessed")),
                    (Node::Bulk("since"), Node::Bulk("2.2.3")),
                    (Node::Bulk("group"), Node::Bulk("generic")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                    ])),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "memory",
        fullname: "memory",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "usage",
                fullname: "memory|usage",
                arity: -3,
                flags: &["readonly"],
                first_key: 2,
                last_key: 2,
                step: 1,
                acl_categories: &["@read", "@slow"],
                tips: &[],
                key_specs: &[
                    Node::Map(&[
                        (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                        (Node::Bulk("begin_search"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("index")),
                            (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                        ])),
                        (Node::Bulk("find_keys"), Node::Map(&[
                            (Node::Bulk("type"), Node::Bulk("range")),
                            (Node::Bulk("spec"), Node::Map(&[
                                (Node::Bulk("lastkey"), Node::Int(0)),
                                (Node::Bulk("keystep"), Node::Int(1)),
                                (Node::Bulk("limit"), Node::Int(0)),
                            ])),
                        ])),
                    ]),
                ],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Estimate the memory usage of a key")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of samples.")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("SAMPLES")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "stats",
                fullname: "memory|stats",
                arity: 2,
                flags: &[],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show memory usage details")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "doctor",
                fullname: "memory|doctor",
                arity: 2,
                flags: &[],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Outputs memory problems report")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "malloc-stats",
                fullname: "memory|malloc-stats",
                arity: 2,
                flags: &[],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show allocator internal stats")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("Depends on how much memory is allocated, could be slow")),
                ]),
            },
            CommandMeta {
                name: "purge",
                fullname: "memory|purge",
                arity: 2,
                flags: &[],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Ask the allocator to release memory")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("Depends on how much memory is allocated, could be slow")),
                ]),
            },
            CommandMeta {
                name: "help",
                fullname: "memory|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for memory diagnostics commands")),
            (Node::Bulk("since"), Node::Bulk("4.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("memory|usage"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Estimate the memory usage of a key")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of samples.")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("key")),
                            (Node::Bulk("type"), Node::Bulk("key")),
                            (Node::Bulk("key_spec_index"), Node::Int(0)),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("count")),
                            (Node::Bulk("type"), Node::Bulk("integer")),
                            (Node::Bulk("token"), Node::Bulk("SAMPLES")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("memory|stats"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show memory usage details")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("memory|doctor"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Outputs memory problems report")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("memory|malloc-stats"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show allocator internal stats")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("Depends on how much memory is allocated, could be slow")),
                ])),
                (Node::Bulk("memory|purge"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Ask the allocator to release memory")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("Depends on how much memory is allocated, could be slow")),
                ])),
                (Node::Bulk("memory|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("4.0.0")),
                    (Node::Bulk("group"), Node::Bulk("server")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "multi",
        fullname: "multi",
        arity: 1,
        flags: &["noscript", "loading", "stale", "fast", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@transaction"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Mark the start of a transaction block")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("transactions")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "exec",
        fullname: "exec",
        arity: 1,
        flags: &["noscript", "loading", "stale", "skip_slowlog"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@transaction"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Execute all commands issued after MULTI")),
            (Node::Bulk("since"), Node::Bulk("1.2.0")),
            (Node::Bulk("group"), Node::Bulk("transactions")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on commands in the transaction")),
        ]),
    },
    CommandMeta {
        name: "discard",
        fullname: "discard",
        arity: 1,
        flags: &["noscript", "loading", "stale", "fast", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@transaction"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Discard all commands issued after MULTI")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("transactions")),
            (Node::Bulk("complexity"), Node::Bulk("O(N), when N is the number of queued commands")),
        ]),
    },
    CommandMeta {
        name: "watch",
        fullname: "watch",
        arity: -2,
        flags: &["noscript", "loading", "stale", "fast", "allow_busy"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@fast", "@transaction"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Watch the given keys to determine execution of the MULTI/EXEC block")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("transactions")),
            (Node::Bulk("complexity"), Node::Bulk("O(1) for every key.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "unwatch",
        fullname: "unwatch",
        arity: 1,
        flags: &["noscript", "loading", "stale", "fast", "allow_busy"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@fast", "@transaction"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Forget about all watched keys")),
            (Node::Bulk("since"), Node::Bulk("2.2.0")),
            (Node::Bulk("group"), Node::Bulk("transactions")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "save",
        fullname: "save",
        arity: 1,
        flags: &["admin", "noscript", "no_async_loading", "no_multi"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@slow", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Synchronously save the dataset to disk")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the total number of keys in all databases")),
        ]),
    },
    CommandMeta {
        name: "bgsave",
        fullname: "bgsave",
        arity: -1,
        flags: &["admin", "noscript", "no_async_loading"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@slow", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Asynchronously save the dataset to disk")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
            (Node::Bulk("history"), Node::Set(&[
                Node::Array(&[Node::Bulk("3.2.2"), Node::Bulk("Added the `SCHEDULE` option.")]),
            ])),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("schedule")),
                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                    (Node::Bulk("token"), Node::Bulk("SCHEDULE")),
                    (Node::Bulk("since"), Node::Bulk("3.2.2")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "lastsave",
        fullname: "lastsave",
        arity: 1,
        flags: &["loading", "stale", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@fast", "@dangerous"],
        tips: &["nondeterministic_output"],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Get the UNIX time stamp of the last successful save to disk")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "bgrewriteaof",
        fullname: "bgrewriteaof",
        arity: 1,
        flags: &["admin", "noscript", "no_async_loading"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@admin", "@slow", "@dangerous"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Asynchronously rewrite the append-only file")),
            (Node::Bulk("since"), Node::Bulk("1.0.0")),
            (Node::Bulk("group"), Node::Bulk("server")),
            (Node::Bulk("complexity"), Node::Bulk("O(1)")),
        ]),
    },
    CommandMeta {
        name: "subscribe",
        fullname: "subscribe",
        arity: -2,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Listen for messages published to the given channels")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of channels to subscribe to.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("channel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "unsubscribe",
        fullname: "unsubscribe",
        arity: -1,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Stop listening for messages posted to the given channels")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of clients already subscribed to a channel.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("channel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "psubscribe",
        fullname: "psubscribe",
        arity: -2,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Listen for messages published to channels matching the given patterns")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of patterns the client is already subscribed to.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("block")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("pattern")),
                            (Node::Bulk("type"), Node::Bulk("pattern")),
                        ]),
                    ])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "punsubscribe",
        fullname: "punsubscribe",
        arity: -1,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Stop listening for messages posted to channels matching the given patterns")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("pattern")),
                    (Node::Bulk("type"), Node::Bulk("pattern")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "publish",
        fullname: "publish",
        arity: 3,
        flags: &["pubsub", "loading", "stale", "fast"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@pubsub", "@fast"],
        tips: &[],
        key_specs: &[],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Post a message to a channel")),
            (Node::Bulk("since"), Node::Bulk("2.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("channel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("message")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "pubsub",
        fullname: "pubsub",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "help",
                fullname: "pubsub|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "channels",
                fullname: "pubsub|channels",
                arity: -2,
                flags: &["pubsub", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@pubsub", "@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List active channels")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("pattern")),
                            (Node::Bulk("type"), Node::Bulk("pattern")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "numsub",
                fullname: "pubsub|numsub",
                arity: -2,
                flags: &["pubsub", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@pubsub", "@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of subscribers for channels")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) for the NUMSUB subcommand, where N is the number of requested channels")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("channel")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "numpat",
                fullname: "pubsub|numpat",
                arity: 2,
                flags: &["pubsub", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@pubsub", "@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of unique patterns pattern subscriptions")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "shardchannels",
                fullname: "pubsub|shardchannels",
                arity: -2,
                flags: &["pubsub", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@pubsub", "@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List active shard channels")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("pattern")),
                            (Node::Bulk("type"), Node::Bulk("pattern")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "shardnumsub",
                fullname: "pubsub|shardnumsub",
                arity: -2,
                flags: &["pubsub", "loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@pubsub", "@slow"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of subscribers for shard channels")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("shardchannel")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for Pub/Sub commands")),
            (Node::Bulk("since"), Node::Bulk("2.8.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("pubsub|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("6.2.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("pubsub|channels"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List active channels")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("pattern")),
                            (Node::Bulk("type"), Node::Bulk("pattern")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("pubsub|numsub"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of subscribers for channels")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) for the NUMSUB subcommand, where N is the number of requested channels")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("channel")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("pubsub|numpat"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of unique patterns pattern subscriptions")),
                    (Node::Bulk("since"), Node::Bulk("2.8.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("pubsub|shardchannels"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List active shard channels")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("pattern")),
                            (Node::Bulk("type"), Node::Bulk("pattern")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("pubsub|shardnumsub"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Get the count of subscribers for shard channels")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("pubsub")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("shardchannel")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                        ]),
                    ])),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "ssubscribe",
        fullname: "ssubscribe",
        arity: -2,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("not_key")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Listen for messages published to the given shard channels")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of shard channels to subscribe to.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("shardchannel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "sunsubscribe",
        fullname: "sunsubscribe",
        arity: -1,
        flags: &["pubsub", "noscript", "loading", "stale"],
        first_key: 1,
        last_key: -1,
        step: 1,
        acl_categories: &["@pubsub", "@slow"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("not_key")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(-1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Stop listening for messages posted to the given shard channels")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of clients already subscribed to a shard channel.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("shardchannel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "spublish",
        fullname: "spublish",
        arity: 3,
        flags: &["pubsub", "loading", "stale", "fast"],
        first_key: 1,
        last_key: 1,
        step: 1,
        acl_categories: &["@pubsub", "@fast"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("not_key")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(1))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("range")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("lastkey"), Node::Int(0)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                        (Node::Bulk("limit"), Node::Int(0)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Post a message to a shard channel")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("pubsub")),
            (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of clients subscribed to the receiving shard channel.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("shardchannel")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("message")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "eval",
        fullname: "eval",
        arity: -3,
        flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE")),
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Execute a Lua script server side")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the script that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("script")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "evalsha",
        fullname: "evalsha",
        arity: -3,
        flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Execute a Lua script server side")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the script that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("sha1")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "eval_ro",
        fullname: "eval_ro",
        arity: -3,
        flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS")),
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Execute a read-only Lua script server side")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the script that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("script")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "evalsha_ro",
        fullname: "evalsha_ro",
        arity: -3,
        flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Execute a read-only Lua script server side")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the script that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("sha1")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "script",
        fullname: "script",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "load",
                fullname: "script|load",
                arity: 3,
                flags: &["noscript", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["request_policy:all_nodes", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Load the specified Lua script into the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the length in bytes of the script body.")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("script")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "exists",
                fullname: "script|exists",
                arity: -3,
                flags: &["noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:agg_logical_and"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Check existence of scripts in the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sha1")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "flush",
                fullname: "script|flush",
                arity: -2,
                flags: &["noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["request_policy:all_nodes", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Remove all the scripts from the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the number of scripts in cache")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("6.2.0"),
                            Node::Bulk("Added the `ASYNC` and `SYNC` flushing mode modifiers."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("async")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("ASYNC")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("sync")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("SYNC")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "kill",
                fullname: "script|kill",
                arity: 2,
                flags: &["noscript", "allow_busy"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:one_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the script currently in execution.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "help",
                fullname: "script|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for Lua scripts management commands")),
            (Node::Bulk("since"), Node::Bulk("2.6.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("script|load"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Load the specified Lua script into the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the length in bytes of the script body.")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("script")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ])),
                (Node::Bulk("script|exists"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Check existence of scripts in the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("sha1")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("multiple")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("script|flush"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Remove all the scripts from the script cache.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) with N being the number of scripts in cache")),
                    (Node::Bulk("history"), Node::Set(&[
                        Node::Array(&[
                            Node::Bulk("6.2.0"),
                            Node::Bulk("Added the `ASYNC` and `SYNC` flushing mode modifiers."),
                        ]),
                    ])),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("since"), Node::Bulk("6.2.0")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("async")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("ASYNC")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("sync")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("SYNC")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("script|kill"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the script currently in execution.")),
                    (Node::Bulk("since"), Node::Bulk("2.6.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("script|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("5.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
            ])),
        ]),
    },
    CommandMeta {
        name: "fcall",
        fullname: "fcall",
        arity: -3,
        flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE")),
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RW"), Node::Status("access"), Node::Status("update")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Invoke a function")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the function that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("function")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "fcall_ro",
        fullname: "fcall_ro",
        arity: -3,
        flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow", "@scripting"],
        tips: &[],
        key_specs: &[
            Node::Map(&[
                (Node::Bulk("notes"), Node::Bulk("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS")),
                (Node::Bulk("flags"), Node::Set(&[Node::Status("RO"), Node::Status("access")])),
                (Node::Bulk("begin_search"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("index")),
                    (Node::Bulk("spec"), Node::Map(&[(Node::Bulk("index"), Node::Int(2))])),
                ])),
                (Node::Bulk("find_keys"), Node::Map(&[
                    (Node::Bulk("type"), Node::Bulk("keynum")),
                    (Node::Bulk("spec"), Node::Map(&[
                        (Node::Bulk("keynumidx"), Node::Int(0)),
                        (Node::Bulk("firstkey"), Node::Int(1)),
                        (Node::Bulk("keystep"), Node::Int(1)),
                    ])),
                ])),
            ]),
        ],
        subcommands: &[],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("Invoke a read-only function")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on the function that is executed.")),
            (Node::Bulk("arguments"), Node::Array(&[
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("function")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("numkeys")),
                    (Node::Bulk("type"), Node::Bulk("integer")),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("key")),
                    (Node::Bulk("type"), Node::Bulk("key")),
                    (Node::Bulk("key_spec_index"), Node::Int(0)),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
                Node::Map(&[
                    (Node::Bulk("name"), Node::Bulk("arg")),
                    (Node::Bulk("type"), Node::Bulk("string")),
                    (Node::Bulk("flags"), Node::Set(&[Node::Status("optional"), Node::Status("multiple")])),
                ]),
            ])),
        ]),
    },
    CommandMeta {
        name: "function",
        fullname: "function",
        arity: -2,
        flags: &[],
        first_key: 0,
        last_key: 0,
        step: 0,
        acl_categories: &["@slow"],
        tips: &[],
        key_specs: &[],
        subcommands: &[
            CommandMeta {
                name: "load",
                fullname: "function|load",
                arity: -3,
                flags: &["write", "denyoom", "noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@write", "@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Create a function with the given arguments (name, code, description)")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1) (considering compilation time is redundant)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("replace")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("REPLACE")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("function-code")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "list",
                fullname: "function|list",
                arity: -2,
                flags: &["noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["nondeterministic_output_order"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List information about all the functions")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("library-name-pattern")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("token"), Node::Bulk("LIBRARYNAME")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("withcode")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("WITHCODE")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "delete",
                fullname: "function|delete",
                arity: 3,
                flags: &["write", "noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@write", "@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Delete a function by name")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("library-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "flush",
                fullname: "function|flush",
                arity: -2,
                flags: &["write", "noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@write", "@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Deleting all functions")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions deleted")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("async")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("ASYNC")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("sync")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("SYNC")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "stats",
                fullname: "function|stats",
                arity: 2,
                flags: &["noscript", "allow_busy"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Return information about the function currently running (name, description, duration)")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "kill",
                fullname: "function|kill",
                arity: 2,
                flags: &["noscript", "allow_busy"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:one_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the function currently in execution.")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
            CommandMeta {
                name: "dump",
                fullname: "function|dump",
                arity: 2,
                flags: &["noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Dump all functions into a serialized binary payload")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions")),
                ]),
            },
            CommandMeta {
                name: "restore",
                fullname: "function|restore",
                arity: -3,
                flags: &["write", "denyoom", "noscript"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@write", "@slow", "@scripting"],
                tips: &["request_policy:all_shards", "response_policy:all_succeeded"],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Restore all the functions on the given payload")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions on the payload")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("serialized-value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("policy")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("flush")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("FLUSH")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("append")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("APPEND")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("replace")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("REPLACE")),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            },
            CommandMeta {
                name: "help",
                fullname: "function|help",
                arity: 2,
                flags: &["loading", "stale"],
                first_key: 0,
                last_key: 0,
                step: 0,
                acl_categories: &["@slow", "@scripting"],
                tips: &[],
                key_specs: &[],
                subcommands: &[],
                docs: Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ]),
            },
        ],
        docs: Node::Map(&[
            (Node::Bulk("summary"), Node::Bulk("A container for function commands")),
            (Node::Bulk("since"), Node::Bulk("7.0.0")),
            (Node::Bulk("group"), Node::Bulk("scripting")),
            (Node::Bulk("complexity"), Node::Bulk("Depends on subcommand.")),
            (Node::Bulk("subcommands"), Node::Map(&[
                (Node::Bulk("function|load"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Create a function with the given arguments (name, code, description)")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1) (considering compilation time is redundant)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("replace")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("REPLACE")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("function-code")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ])),
                (Node::Bulk("function|list"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("List information about all the functions")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("library-name-pattern")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                            (Node::Bulk("token"), Node::Bulk("LIBRARYNAME")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("withcode")),
                            (Node::Bulk("type"), Node::Bulk("pure-token")),
                            (Node::Bulk("token"), Node::Bulk("WITHCODE")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("function|delete"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Delete a function by name")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("library-name")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                    ])),
                ])),
                (Node::Bulk("function|flush"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Deleting all functions")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions deleted")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("async")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("async")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("ASYNC")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("sync")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("SYNC")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("function|stats"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Return information about the function currently running (name, description, duration)")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("function|kill"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Kill the function currently in execution.")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
                (Node::Bulk("function|dump"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Dump all functions into a serialized binary payload")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions")),
                ])),
                (Node::Bulk("function|restore"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Restore all the functions on the given payload")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(N) where N is the number of functions on the payload")),
                    (Node::Bulk("arguments"), Node::Array(&[
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("serialized-value")),
                            (Node::Bulk("type"), Node::Bulk("string")),
                        ]),
                        Node::Map(&[
                            (Node::Bulk("name"), Node::Bulk("policy")),
                            (Node::Bulk("type"), Node::Bulk("oneof")),
                            (Node::Bulk("flags"), Node::Set(&[Node::Status("optional")])),
                            (Node::Bulk("arguments"), Node::Array(&[
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("flush")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("FLUSH")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("append")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("APPEND")),
                                ]),
                                Node::Map(&[
                                    (Node::Bulk("name"), Node::Bulk("replace")),
                                    (Node::Bulk("type"), Node::Bulk("pure-token")),
                                    (Node::Bulk("token"), Node::Bulk("REPLACE")),
                                ]),
                            ])),
                        ]),
                    ])),
                ])),
                (Node::Bulk("function|help"), Node::Map(&[
                    (Node::Bulk("summary"), Node::Bulk("Show helpful text about the different subcommands")),
                    (Node::Bulk("since"), Node::Bulk("7.0.0")),
                    (Node::Bulk("group"), Node::Bulk("scripting")),
                    (Node::Bulk("complexity"), Node::Bulk("O(1)")),
                ])),
            ])),
        ]),
    },
];
