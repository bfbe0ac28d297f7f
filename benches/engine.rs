//! Micro-benchmarks of the parts on every request's path (the RESP request parser, the shard
//! engine's GET/SET) and of the collection queries whose complexity Redis promises (ZRANK,
//! ZRANGE and ZADD on a million members, LRANGE). The end-to-end comparison with redis-server is
//! `../shared/bench/sbs-bench.sh` (see README).

use bytes::{Bytes, BytesMut};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shards::types::{list, string, zset};
use shards::{Reply, Shard};

#[path = "../src/protocol.rs"]
#[allow(dead_code)]
mod protocol;

fn parser(c: &mut Criterion) {
    let one = b"*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000042\r\n$3\r\nxxx\r\n";
    let pipeline: Vec<u8> = one.iter().copied().cycle().take(one.len() * 16).collect();
    let mut group = c.benchmark_group("parser");
    group.throughput(Throughput::Elements(16));
    group.bench_function("set_pipeline_16", |b| {
        b.iter(|| {
            let mut buf = BytesMut::from(&pipeline[..]);
            let mut n = 0;
            while let protocol::Parsed::Request(args) = protocol::parse_request(&mut buf, 512 << 20)
            {
                n += args.len();
            }
            n
        })
    });
    group.finish();
}

fn keyspace(c: &mut Criterion) {
    let mut shard = Shard::new(16, 1);
    let mut reply = Reply::new(false);
    let keys: Vec<Bytes> = (0..100_000)
        .map(|i| Bytes::from(format!("key:{i:012}")))
        .collect();
    let value = Bytes::from_static(b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    let set_name = Bytes::from_static(b"SET");
    let get_name = Bytes::from_static(b"GET");
    let mut group = c.benchmark_group("keyspace");
    group.throughput(Throughput::Elements(1));
    let mut i = 0;
    group.bench_function("set", |b| {
        b.iter(|| {
            let args = [
                set_name.clone(),
                keys[i % keys.len()].clone(),
                value.clone(),
            ];
            shard.run(string::set, 0, 0, &args, &mut reply);
            reply.take();
            i += 1;
        })
    });
    group.bench_function("get", |b| {
        b.iter(|| {
            let args = [get_name.clone(), keys[i % keys.len()].clone()];
            shard.run(string::get, 0, 0, &args, &mut reply);
            reply.take();
            i += 1;
        })
    });
    group.finish();
}

/// Runs one command built from words on `shard`, discarding the reply.
fn run(shard: &mut Shard, reply: &mut Reply, handler: shards::Handler, words: &[Bytes]) {
    shard.run(handler, 0, 0, words, reply);
    reply.take();
}

/// Sorted-set rank and range queries over a million members, and LRANGE: they must stay
/// O(log n) and O(n) as in Redis, so their time barely moves with the collection's size.
fn collections(c: &mut Criterion) {
    let mut shard = Shard::new(16, 1);
    let mut reply = Reply::new(false);
    let b = |t: &str| Bytes::from(t.to_string());
    for chunk in (0..1_000_000).collect::<Vec<u32>>().chunks(10_000) {
        let mut words = vec![b("ZADD"), b("z")];
        for i in chunk {
            words.push(b(&i.to_string()));
            words.push(b(&format!("member:{i}")));
        }
        run(&mut shard, &mut reply, zset::zadd, &words);
    }
    let mut words = vec![b("RPUSH"), b("l")];
    words.extend((0..10_000).map(|i| b(&i.to_string())));
    run(&mut shard, &mut reply, list::rpush, &words);

    let mut group = c.benchmark_group("collections");
    group.throughput(Throughput::Elements(1));
    let mut i: u64 = 0;
    group.bench_function("zrank_1m", |bench| {
        bench.iter(|| {
            i = i
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let member = b(&format!("member:{}", i % 1_000_000));
            run(
                &mut shard,
                &mut reply,
                zset::zrank,
                &[b("ZRANK"), b("z"), member],
            );
        })
    });
    group.bench_function("zrange_100_at_random_rank_1m", |bench| {
        bench.iter(|| {
            i = i
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let start = i % 999_900;
            let words = [
                b("ZRANGE"),
                b("z"),
                b(&start.to_string()),
                b(&(start + 99).to_string()),
            ];
            run(&mut shard, &mut reply, zset::zrange, &words);
        })
    });
    group.bench_function("zadd_update_1m", |bench| {
        bench.iter(|| {
            i = i
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let words = [
                b("ZADD"),
                b("z"),
                b(&(i % 2_000_000).to_string()),
                b(&format!("member:{}", i % 1_000_000)),
            ];
            run(&mut shard, &mut reply, zset::zadd, &words);
        })
    });
    group.bench_function("lrange_100_of_10k", |bench| {
        bench.iter(|| {
            run(
                &mut shard,
                &mut reply,
                list::lrange,
                &[b("LRANGE"), b("l"), b("0"), b("99")],
            )
        })
    });
    group.finish();
}

criterion_group!(benches, parser, keyspace, collections);
criterion_main!(benches);
