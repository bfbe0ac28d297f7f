//! shardis: a Redis-compatible, sharded, thread-per-core in-memory data store.
//!
//! `shardis [config-file] [--port N] [--bind ADDR] [--shards N]`, like redis-server. The
//! modules, in the order a request meets them: `server` (executors and the shard mesh),
//! `connection` (reading, routing, replying), `protocol` (RESP parsing), `command_table`
//! (what each command is and how it runs), the shard engine crate `shards` (the data).
#![warn(missing_debug_implementations, rust_2018_idioms)]

mod auth;
mod blocking;
mod clients;
mod command_meta;
mod command_table;
mod config;
mod connection;
mod info;
mod monitor;
mod protocol;
mod reactor;
mod reply_parse;
mod server;
mod stats;

use clap::Parser;

/// jemalloc, as Redis uses: its size classes fit small keys and values with no per-allocation
/// header (glibc's malloc adds 8-16 bytes to each), which is most of the memory per key.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The Redis version shardis answers as (HELLO, INFO): client libraries gate features on it.
pub const REDIS_VERSION: &str = "7.0.15";

/// The command line, as redis-server's: an optional config file, then directives.
#[derive(Parser, Debug)]
#[command(
    name = "shardis",
    version,
    about = "A Redis-compatible, sharded, thread-per-core in-memory data store"
)]
struct Cli {
    /// A redis.conf-style configuration file.
    config_file: Option<String>,
    /// TCP port to listen on (default 6379).
    #[arg(long)]
    port: Option<String>,
    /// Addresses to listen on (default 127.0.0.1).
    #[arg(long, num_args = 1..)]
    bind: Option<Vec<String>>,
    /// Number of shards, one executor each (default: one per available core).
    #[arg(long)]
    shards: Option<String>,
    /// Number of databases (default 16).
    #[arg(long)]
    databases: Option<String>,
    /// Background task frequency in Hz (default 10).
    #[arg(long)]
    hz: Option<String>,
}

fn load_config(cli: Cli) -> Result<config::Config, String> {
    let mut config = config::Config::default();
    if let Some(path) = &cli.config_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("Fatal error, can't open config file '{path}': {e}"))?;
        config::apply_text(&mut config, &text)?;
        config.config_file = Some(path.clone());
    }
    let flags = [
        ("port", cli.port.map(|p| vec![p])),
        ("bind", cli.bind),
        ("shards", cli.shards.map(|s| vec![s])),
        ("databases", cli.databases.map(|s| vec![s])),
        ("hz", cli.hz.map(|s| vec![s])),
    ];
    for (name, value) in flags {
        if let Some(args) = value {
            config::apply(&mut config, name, &args).map_err(|e| format!("\n*** FATAL CONFIG FILE ERROR (Redis {REDIS_VERSION}) ***\n>>> '{name} {}'\n{e}", args.join(" ")))?;
        }
    }
    Ok(config)
}

fn main() {
    let cli = Cli::parse();
    let config = match load_config(cli) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = server::run(config) {
        eprintln!("# {e}");
        std::process::exit(1);
    }
}
