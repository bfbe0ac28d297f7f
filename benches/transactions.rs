//! End-to-end transaction throughput against a running server (redis-server or shardis), for
//! the side-by-side comparison in the closing notes of the transactions issue: `clients`
//! connections each run MULTI / INCRBY a / DECRBY b / EXEC, where `a` and `b` are drawn from
//! 100 counters (so with several shards most transactions span two shards).
//!
//! ```text
//! BENCH_PORT=6379 [BENCH_CLIENTS=50] [BENCH_TX=200000] cargo bench --bench transactions
//! ```
//!
//! It prints transactions per second and checks the counters still sum to zero. Without
//! `BENCH_PORT` it does nothing (so `cargo bench` alone and `--all-targets` builds pass).

use std::time::Instant;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let Ok(port) = std::env::var("BENCH_PORT") else {
        println!("transactions: set BENCH_PORT to the port of a running server to run it");
        return;
    };
    let clients = env_number("BENCH_CLIENTS", 50);
    let total = env_number("BENCH_TX", 200_000);
    let url = format!("redis://127.0.0.1:{port}/");
    let counters: Vec<String> = (0..100).map(|i| format!("bench:counter:{i}")).collect();
    let client = redis::Client::open(url.as_str()).expect("a redis URL");
    let mut setup = client.get_connection().expect("connect");
    redis::cmd("DEL")
        .arg(&counters)
        .query::<()>(&mut setup)
        .expect("DEL");
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let client = client.clone();
            let counters = counters.clone();
            std::thread::spawn(move || {
                let mut con = client.get_connection().expect("connect");
                let mut state = c as u64 * 0x9E37_79B9 + 1;
                for _ in 0..total / clients {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let a = (state % 100) as usize;
                    let b = (a + 1 + (state >> 32) as usize % 99) % 100;
                    redis::pipe()
                        .atomic()
                        .incr(&counters[a], 1)
                        .decr(&counters[b], 1)
                        .query::<()>(&mut con)
                        .expect("MULTI/EXEC");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("client thread");
    }
    let elapsed = started.elapsed().as_secs_f64();
    let done = total / clients * clients;
    let values: Vec<Option<i64>> = redis::cmd("MGET")
        .arg(&counters)
        .query(&mut setup)
        .expect("MGET");
    let sum: i64 = values.into_iter().flatten().sum();
    assert_eq!(sum, 0, "the transfers must keep the sum at zero");
    println!(
        "transactions: {done} MULTI/INCRBY/DECRBY/EXEC by {clients} clients in {elapsed:.2} s: {:.0} tx/s",
        done as f64 / elapsed
    );
}
