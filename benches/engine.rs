//! Micro-benchmarks of the parts on every request's path: the RESP request parser and the
//! shard engine's GET/SET. The end-to-end comparison with redis-server is
//! `../shared/bench/sbs-bench.sh` (see README).

use bytes::{Bytes, BytesMut};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shards::{types::string, Reply, Shard};

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

criterion_group!(benches, parser, keyspace);
criterion_main!(benches);
