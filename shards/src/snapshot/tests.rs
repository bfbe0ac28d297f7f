//! Tests of the snapshot codec and of the point-in-time walk.

use super::*;
use crate::keys::test_support::run_db;
use crate::shard::Shard;
use crate::types::{hash as h, list as l, set as s, string as st, zset as z};
use crate::util::Rng;
use crate::{expire, keys, Handler};
use std::collections::BTreeMap;

/// A record's contents in a canonical order (hash fields and set members sorted), keyed by
/// database and key.
type Dataset = BTreeMap<(u32, Vec<u8>), (Option<i64>, RecordValue)>;

fn canonical(mut record: Record) -> ((u32, Vec<u8>), (Option<i64>, RecordValue)) {
    match &mut record.value {
        RecordValue::Hash(pairs) => pairs.sort(),
        RecordValue::Set(members) => members.sort(),
        _ => {}
    }
    ((record.db, record.key), (record.expire_at, record.value))
}

/// A deep copy of every database of `shard`, as a snapshot taken now should hold it.
fn dataset_of(shard: &Shard) -> Dataset {
    let mut out = Dataset::new();
    for (index, db) in shard.dbs.iter().enumerate() {
        for (key, value) in db.entries.iter() {
            let record = Record::from_entry(index as u32, key, value, db.expire_at(key));
            let (id, contents) = canonical(record);
            out.insert(id, contents);
        }
    }
    out
}

/// Decodes a snapshot file into a dataset, asserting no key appears twice.
fn dataset_of_file(bytes: &[u8]) -> Dataset {
    let mut out = Dataset::new();
    for frame in decode(bytes).expect("a snapshot this test wrote decodes") {
        for record in frame {
            let (id, contents) = canonical(record);
            assert!(
                out.insert(id.clone(), contents).is_none(),
                "{id:?} is in the snapshot twice"
            );
        }
    }
    out
}

/// Runs a snapshot of `shard` to the end with slices of `budget` bytes, calling `between`
/// after every slice that is not the last; the file's bytes.
fn snapshot_with(shard: &mut Shard, budget: usize, mut between: impl FnMut(&mut Shard)) -> Vec<u8> {
    let mut writer = SnapshotWriter::new(Vec::new()).expect("writing to memory");
    shard.begin_snapshot();
    assert!(shard.snapshot_in_progress());
    loop {
        let slice = shard.snapshot_slice(budget);
        if let Some(frame) = &slice.frame {
            writer.write_frame(frame).expect("writing to memory");
        }
        if slice.done {
            break;
        }
        between(shard);
    }
    assert!(!shard.snapshot_in_progress());
    writer.finish().expect("writing to memory")
}

fn cmd(shard: &mut Shard, db: usize, now: i64, handler: Handler, words: &[&str]) -> String {
    run_db(shard, db, now, handler, words)
}

/// A shard holding every type in every encoding, binary keys and expiry times.
fn shard_of_every_encoding() -> Shard {
    let mut shard = Shard::new(4, 1);
    let c = &mut shard;
    cmd(c, 0, 0, st::set, &["set", "int", "12345"]);
    cmd(c, 0, 0, st::set, &["set", "embstr", "hello"]);
    let raw = "r".repeat(100);
    cmd(c, 0, 0, st::set, &["set", "raw", &raw]);
    put_entry(
        &mut c.dbs[0],
        b"\x00\xffbinary\r\n",
        Value::string(b"\x00\x01\x02"),
        Some(1_700_000_000_123),
    );
    let items: Vec<String> = (0..1000).map(|i| format!("item{i}")).collect();
    let mut words = vec!["rpush", "long"];
    words.extend(items.iter().map(String::as_str));
    cmd(c, 1, 0, l::rpush, &words);
    cmd(c, 1, 0, l::rpush, &["rpush", "short", "a", "b", "a"]);
    cmd(
        c,
        1,
        0,
        h::hset,
        &["hset", "smallhash", "f1", "v1", "f2", "v2"],
    );
    let mut words = vec!["hset".to_string(), "bighash".to_string()];
    for i in 0..600 {
        words.push(format!("f{i}"));
        words.push(format!("v{i}"));
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    cmd(c, 1, 0, h::hset, &words);
    cmd(c, 1, 0, h::hset, &["hset", "longvaluehash", "f", &raw]);
    cmd(
        c,
        2,
        0,
        s::sadd,
        &["sadd", "intset", "1", "-5", "300000000000"],
    );
    cmd(c, 2, 0, s::sadd, &["sadd", "strset", "a", "b", "1"]);
    let ints: Vec<String> = (0..600).map(|i| i.to_string()).collect();
    let mut words = vec!["sadd", "bigintset"];
    words.extend(ints.iter().map(String::as_str));
    cmd(c, 2, 0, s::sadd, &words);
    cmd(
        c,
        3,
        0,
        z::zadd,
        &["zadd", "smallz", "1", "a", "-2.5", "b", "inf", "c"],
    );
    let mut words = vec!["zadd".to_string(), "bigz".to_string()];
    for i in 0..200 {
        words.push(format!("{}", i as f64 / 3.0));
        words.push(format!("m{i}"));
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    cmd(c, 3, 0, z::zadd, &words);
    cmd(c, 3, 0, z::zadd, &["zadd", "longz", "1", &raw]);
    cmd(
        c,
        3,
        0,
        expire::pexpireat,
        &["pexpireat", "smallz", "4102444800000"],
    );
    cmd(
        c,
        1,
        0,
        expire::pexpireat,
        &["pexpireat", "long", "4102444800001"],
    );
    shard
}

#[test]
fn every_type_and_encoding_round_trips() {
    let mut shard = shard_of_every_encoding();
    let expected = dataset_of(&shard);
    let file = snapshot_with(&mut shard, 256, |_| {});
    assert_eq!(dataset_of_file(&file), expected);

    let mut loaded = Shard::new(4, 2);
    for frame in decode(&file).expect("decodes") {
        for record in frame {
            insert_record(&mut loaded, record).expect("the database exists");
        }
    }
    assert_eq!(dataset_of(&loaded), expected);
    for (index, db) in shard.dbs.iter().enumerate() {
        for (key, value) in db.entries.iter() {
            let again = loaded.dbs[index].entries.get(key).expect("loaded");
            assert_eq!(again.encoding(), value.encoding(), "{key:?}");
            assert_eq!(loaded.dbs[index].expire_at(key), db.expire_at(key));
        }
    }
    let encodings: Vec<&str> = ["smallhash", "bighash", "intset", "strset", "smallz", "bigz"]
        .iter()
        .map(|k| {
            let db = if k.contains("hash") {
                1
            } else if k.contains('z') {
                3
            } else {
                2
            };
            loaded.dbs[db].entries[k.as_bytes()].encoding()
        })
        .collect();
    assert_eq!(
        encodings,
        [
            "listpack",
            "hashtable",
            "intset",
            "hashtable",
            "listpack",
            "skiplist"
        ]
    );
}

#[test]
fn into_value_encodes_under_the_limits_given() {
    let limits = Limits {
        hash_max_listpack_entries: 1,
        set_max_intset_entries: 1,
        zset_max_listpack_entries: 1,
        ..Limits::default()
    };
    let record = |value| Record {
        db: 0,
        key: b"k".to_vec(),
        expire_at: None,
        value,
    };
    let pair = |a: &[u8], b: &[u8]| (a.to_vec(), b.to_vec());
    let hash = record(RecordValue::Hash(vec![pair(b"a", b"1"), pair(b"b", b"2")]));
    assert_eq!(hash.into_value(&limits).encoding(), "hashtable");
    let set = record(RecordValue::Set(vec![b"1".to_vec(), b"2".to_vec()]));
    assert_eq!(set.into_value(&limits).encoding(), "hashtable");
    let zset = record(RecordValue::ZSet(vec![
        (b"a".to_vec(), 1.0),
        (b"b".to_vec(), 2.0),
    ]));
    assert_eq!(zset.into_value(&limits).encoding(), "skiplist");
    // Duplicates and NaN from a crafted file do not break a sorted set.
    let zset = record(RecordValue::ZSet(vec![
        (b"a".to_vec(), 1.0),
        (b"a".to_vec(), 3.0),
        (b"b".to_vec(), f64::NAN),
    ]));
    let Value::ZSet(z) = zset.into_value(&Limits::default()) else {
        panic!("a sorted set")
    };
    assert_eq!(z.len(), 1);
    assert_eq!(z.score(b"a"), Some(3.0));
}

#[test]
fn insert_record_refuses_a_missing_database_and_skips_empty_collections() {
    let mut shard = Shard::new(2, 1);
    let mut record = Record {
        db: 2,
        key: b"k".to_vec(),
        expire_at: Some(5),
        value: RecordValue::Str(b"v".to_vec()),
    };
    let err = insert_record(&mut shard, record.clone()).expect_err("db 2 of 2");
    assert_eq!(
        err,
        SnapshotError::DbOutOfRange {
            db: 2,
            databases: 2
        }
    );
    assert!(err.to_string().contains("raise `databases`"));
    record.db = 1;
    insert_record(&mut shard, record.clone()).expect("db 1 exists");
    assert_eq!(shard.dbs[1].expire_at(b"k"), Some(5));
    record.value = RecordValue::List(Vec::new());
    record.key = b"empty".to_vec();
    insert_record(&mut shard, record).expect("skipped");
    assert_eq!(shard.dbs[1].len(), 1);
}

/// A shard with a few small keys of several types.
fn small_shard() -> Shard {
    let mut shard = Shard::new(2, 1);
    cmd(&mut shard, 0, 0, st::set, &["set", "a", "1"]);
    cmd(&mut shard, 0, 0, h::hset, &["hset", "h", "f", "v"]);
    cmd(&mut shard, 1, 0, z::zadd, &["zadd", "z", "1.5", "m"]);
    cmd(
        &mut shard,
        1,
        0,
        expire::pexpireat,
        &["pexpireat", "z", "99999"],
    );
    shard
}

/// A small but complete snapshot file of three frames.
fn small_file() -> Vec<u8> {
    snapshot_with(&mut small_shard(), 1, |_| {})
}

#[test]
fn every_byte_flip_and_every_truncation_is_refused() {
    let file = small_file();
    assert_eq!(dataset_of_file(&file).len(), 3);
    for at in 0..file.len() {
        for bit in [0x01u8, 0x80, 0xff] {
            let mut bad = file.clone();
            bad[at] ^= bit;
            assert!(decode(&bad).is_err(), "flip {bit:#x} at {at} accepted");
        }
    }
    for len in 0..file.len() {
        assert!(
            decode(&file[..len]).is_err(),
            "truncation to {len} accepted"
        );
    }
    let mut longer = file.clone();
    longer.push(0);
    assert_eq!(
        decode(&longer),
        Err(SnapshotError::TrailingData { extra: 1 })
    );
}

/// Wraps `frame` (a length prefix and body) in a file with a valid checksum.
fn file_of_frame(frame: &[u8]) -> Vec<u8> {
    let mut writer = SnapshotWriter::new(Vec::new()).expect("memory");
    writer.write_frame(frame).expect("memory");
    writer.finish().expect("memory")
}

#[test]
fn damaged_frames_behind_a_valid_checksum_are_refused_without_panic() {
    // The checksum stops accidental damage; rkyv's validation is what stands between a frame
    // written by something else and the decoder. Every flip of every byte of a real frame,
    // and random bodies, must decode or be refused, never panic.
    let mut shard = small_shard();
    cmd(&mut shard, 0, 0, l::rpush, &["rpush", "l", "x", "y"]);
    cmd(&mut shard, 1, 0, s::sadd, &["sadd", "s", "1", "m"]);
    shard.begin_snapshot();
    let frame = shard
        .snapshot_slice(1 << 20)
        .frame
        .expect("the shard has keys");
    let mut refused = 0;
    for at in 4..frame.len() {
        for bit in [0x01u8, 0x80] {
            let mut bad = frame.clone();
            bad[at] ^= bit;
            refused += usize::from(decode(&file_of_frame(&bad)).is_err());
        }
    }
    assert!(refused > 0, "rkyv's validation refuses some damaged frames");
    let mut rng = Rng::new(7);
    for _ in 0..2_000 {
        let len = 1 + rng.below(96);
        let mut bad = (len as u32).to_le_bytes().to_vec();
        bad.extend((0..len).map(|_| rng.next_u64() as u8));
        let _ = decode(&file_of_frame(&bad));
    }
}

#[test]
fn errors_say_what_is_wrong() {
    assert_eq!(&MAGIC[..16], b"SHARDIS-SNAPSHOT");
    assert_eq!(u16::from_le_bytes([MAGIC[16], MAGIC[17]]), FORMAT_VERSION);
    assert_eq!(MAGIC.len(), 18);
    let file = small_file();
    let text = |bytes: &[u8]| decode(bytes).expect_err("refused").to_string();
    assert!(text(b"REDIS0011...").contains("not a shardis snapshot"));
    let mut other_version = file.clone();
    other_version[MAGIC.len() - 2] = 9;
    assert!(text(&other_version).contains("unsupported snapshot format version 9"));
    assert!(text(&file[..file.len() - 1]).contains("truncated"));
    assert!(text(&file[..MAGIC.len() + 2]).contains("truncated"));
    let mut flipped = file.clone();
    let last_frame_byte = file.len() - 32 - 4 - 1;
    flipped[last_frame_byte] ^= 1;
    let message = text(&flipped);
    assert!(message.contains("checksum mismatch"), "{message}");
    let stored: String = file[file.len() - 32..]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(message.contains(&stored), "{message}");

    // A frame that passes the checksum but is not an archive of records.
    let mut writer = SnapshotWriter::new(Vec::new()).expect("memory");
    writer.write_frame(&[3, 0, 0, 0, 1, 2, 3]).expect("memory");
    let garbage = writer.finish().expect("memory");
    assert!(text(&garbage).contains("frame 0 cannot be decoded"));
    // An empty snapshot is valid.
    let empty = SnapshotWriter::new(Vec::new())
        .and_then(SnapshotWriter::finish)
        .expect("memory");
    assert_eq!(decode(&empty), Ok(Vec::new()));
}

#[test]
fn a_snapshot_excludes_later_writes_and_keeps_old_values() {
    let mut shard = Shard::new(2, 1);
    for i in 0..50 {
        cmd(&mut shard, 0, 0, st::set, &["set", &format!("k{i}"), "old"]);
    }
    cmd(&mut shard, 1, 0, st::set, &["set", "other", "x"]);
    let expected = dataset_of(&shard);
    let mut step = 0;
    let file = snapshot_with(&mut shard, 1, |shard| {
        step += 1;
        match step {
            1 => {
                // Deleting an unvisited key moves the last (visited) key into its hole.
                cmd(shard, 0, 0, keys::del, &["k0"]);
                cmd(shard, 0, 0, st::set, &["set", "k1", "new"]);
                cmd(shard, 0, 0, st::set, &["set", "brand-new", "x"]);
                cmd(shard, 0, 0, expire::pexpireat, &["pexpireat", "k2", "5"]);
            }
            2 => {
                let (a, b) = shard.dbs.split_at_mut(1);
                a[0].swap_keyspace(&mut b[0]);
            }
            3 => {
                cmd(shard, 1, 0, keys::flushdb, &["flushdb"]);
                cmd(shard, 1, 0, st::set, &["set", "after-flush", "x"]);
            }
            _ => {}
        }
    });
    assert_eq!(dataset_of_file(&file), expected);
}

/// Keys the randomized test draws from: few enough that writes hit existing keys often.
fn random_key(rng: &mut Rng) -> String {
    format!("key:{}", rng.below(120))
}

/// One random write (or read, or expiry step) at time `now`.
fn random_write(shard: &mut Shard, rng: &mut Rng, now: i64) {
    let db = rng.below(shard.dbs.len());
    let key = random_key(rng);
    let member = format!("{}", rng.below(40));
    let score = format!("{}", rng.below(1000));
    let when = format!("{}", now + rng.below(200) as i64);
    let s = shard;
    match rng.below(20) {
        0 | 1 => {
            cmd(s, db, now, st::set, &["set", &key, &member]);
        }
        2 => {
            cmd(s, db, now, keys::del, &["del", &key]);
        }
        3 => {
            cmd(s, db, now, expire::pexpireat, &["pexpireat", &key, &when]);
        }
        4 => {
            cmd(s, db, now, expire::persist, &["persist", &key]);
        }
        5 => {
            cmd(s, db, now, l::lpush, &["lpush", &key, &member]);
        }
        6 => {
            cmd(s, db, now, l::lpop, &["lpop", &key]);
        }
        7 => {
            cmd(s, db, now, h::hset, &["hset", &key, &member, &score]);
        }
        8 => {
            cmd(s, db, now, h::hdel, &["hdel", &key, &member]);
        }
        9 => {
            cmd(s, db, now, s::sadd, &["sadd", &key, &member, "x"]);
        }
        10 => {
            cmd(s, db, now, s::srem, &["srem", &key, &member]);
        }
        11 => {
            cmd(s, db, now, z::zadd, &["zadd", &key, &score, &member]);
        }
        12 => {
            cmd(s, db, now, z::zrem, &["zrem", &key, &member]);
        }
        13 => {
            let to = random_key(rng);
            cmd(s, db, now, keys::rename, &["rename", &key, &to]);
        }
        14 => {
            cmd(s, db, now, st::get, &["get", &key]);
        }
        15 => {
            expire::active_expire_cycle(s, now, std::time::Duration::from_millis(5));
        }
        16 if rng.below(30) == 0 => {
            cmd(s, db, now, keys::flushdb, &["flushdb"]);
        }
        17 if rng.below(20) == 0 => {
            let other = rng.below(s.dbs.len());
            if other != db {
                let (lo, hi) = (db.min(other), db.max(other));
                let (a, b) = s.dbs.split_at_mut(hi);
                a[lo].swap_keyspace(&mut b[0]);
            }
        }
        _ => {
            cmd(s, db, now, st::append, &["append", &key, "+"]);
        }
    }
}

#[test]
fn randomized_writes_during_a_snapshot_leave_it_point_in_time() {
    let mut writes = 0;
    for seed in 1..=12u64 {
        let mut rng = Rng::new(seed);
        let mut shard = Shard::new(3, seed);
        let mut now = 1_000;
        for _ in 0..2_000 {
            random_write(&mut shard, &mut rng, now);
            now += 1;
        }
        let expected = dataset_of(&shard);
        assert!(expected.len() > 100, "the test starts from a real dataset");
        let budget = 16 + rng.below(48);
        let file = snapshot_with(&mut shard, budget, |shard| {
            for _ in 0..rng.below(24) {
                random_write(shard, &mut rng, now);
                now += 1;
                writes += 1;
            }
        });
        assert_eq!(dataset_of_file(&file), expected, "seed {seed}");
    }
    assert!(writes > 8_000, "only {writes} writes interleaved");
}

#[test]
fn abort_and_restart_leave_no_walk_behind() {
    let mut shard = shard_of_every_encoding();
    shard.begin_snapshot();
    let _ = shard.snapshot_slice(1);
    cmd(&mut shard, 0, 0, st::set, &["set", "int", "changed"]);
    shard.abort_snapshot();
    assert!(!shard.snapshot_in_progress());
    assert!(shard.dbs.iter().all(|db| db.snapshot.is_none()));
    let idle = shard.snapshot_slice(100);
    assert_eq!(
        idle,
        SnapshotSlice {
            frame: None,
            done: true
        }
    );
    let expected = dataset_of(&shard);
    let file = snapshot_with(&mut shard, 1 << 20, |_| {});
    assert_eq!(dataset_of_file(&file), expected);
}
