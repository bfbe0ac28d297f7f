//! Snapshots that fail, end to end (issue 15): a full disk (a file-size limit, `EFBIG`, and
//! a small tmpfs, `ENOSPC`), a read-only disk and a directory where the file goes.
//!
//! What Redis 7.0 does and these tests expect: a failed SAVE answers `-ERR`, a failed BGSAVE
//! has already answered `+Background saving started` and says `Background saving error` in
//! the log; the temporary file is gone and the previous `dbfilename` is byte for byte as it
//! was. A failed *background* save sets `rdb_last_bgsave_status:err` and, with save points
//! and `stop-writes-on-bgsave-error yes`, writes, PING and an EXEC holding writes get
//! `-MISCONF` while reads go on; any successful save (or a save point's retry once the disk
//! has room) lets them through again. A failed SAVE or SHUTDOWN save refuses nothing, and a
//! SHUTDOWN whose save fails leaves the server running.
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server` instead, which proves the expectations are Redis's. The tmpfs tests
//! mount one (tests run as root); where that is impossible they say so and skip only that
//! test. Waits are bounded polls for a condition, never timings.

mod common;

use common::persist::{info_persistence, shutdown};
use common::*;
use redis::Connection;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The shard counts each test runs with.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// Redis's refusal of a write after a failed background save.
const MISCONF: &str = "-MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.\r\n";

/// The file-size limit of the `EFBIG` tests: far more than a few small keys take, far less
/// than [`fill_big`]'s data.
const FILE_LIMIT: u64 = 256 * 1024;

/// Save points that never fire during a test but make `-MISCONF` possible.
const RULES: &[(&str, &str)] = &[("save", "3600 1"), ("appendonly", "no")];

/// `len` bytes from a generator seeded with `seed`: nothing compresses them.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed
        .wrapping_mul(2862933555777941757)
        .wrapping_add(3037000493);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
}

/// Keys `big:0`.. of incompressible values, about 800 KB in all, in one MSET (one write, so
/// a save point sees all of it or none).
fn fill_big(con: &mut Connection) {
    let pairs: Vec<(String, Vec<u8>)> = (0..200)
        .map(|i| (format!("big:{i}"), noise(i, 4096)))
        .collect();
    let _: () = redis::cmd("MSET").arg(&pairs).query(con).expect("MSET");
}

/// The names of the temporary snapshot files (`temp-*.rdb`) left in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("temp-") && name.ends_with(".rdb"))
        .collect()
}

/// Waits (up to a minute) until no background save runs.
fn wait_bgsave_ended(con: &mut Connection) {
    assert!(
        wait_until(Duration::from_secs(60), || info_persistence(
            con,
            "rdb_bgsave_in_progress"
        ) == "0"),
        "BGSAVE still running after a minute"
    );
}

/// Asserts that the server's log holds a line containing every one of `parts`.
fn assert_logged(server: &Server, parts: &[&str]) {
    let log = server.log();
    assert!(
        log.lines()
            .any(|line| parts.iter().all(|p| line.contains(p))),
        "no log line contains all of {parts:?}; log:\n{log}"
    );
}

/// Waits (up to 30 s) until `count` log lines contain `text`.
fn wait_logged_times(server: &Server, text: &str, count: usize) {
    let found = wait_until(Duration::from_secs(30), || {
        server.log().lines().filter(|l| l.contains(text)).count() >= count
    });
    assert!(
        found,
        "fewer than {count} log lines contain {text:?}; log:\n{}",
        server.log()
    );
}

/// Asserts the raw reply to `words`.
fn expect(conn: &mut RawConn, words: &[&str], reply: &str) {
    assert_eq!(
        show_bytes(&raw(conn, words)),
        show_bytes(reply.as_bytes()),
        "{words:?}"
    );
}

/// Asserts that the snapshot file is `previous` byte for byte and no temporary file is left.
fn assert_previous_kept(dir: &Path, previous: &[u8]) {
    let now = fs::read(dir.join("dump.rdb")).expect("read dump.rdb");
    assert!(
        now == previous,
        "dump.rdb changed after a failed save ({} bytes, was {})",
        now.len(),
        previous.len()
    );
    assert_eq!(
        temp_files(dir),
        Vec::<String>::new(),
        "temporary files left"
    );
}

/// A tmpfs mounted for a test, unmounted when dropped (declare it before the server that
/// uses it, so that the server stops first).
struct Tmpfs {
    path: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`mount`'s syntax: "2m") on `path`, created if needed; `Err`
    /// with `mount`'s words if it cannot (not root, no mount in this sandbox).
    fn mount(path: &Path, size: &str) -> Result<Tmpfs, String> {
        fs::create_dir_all(path).map_err(|e| e.to_string())?;
        run_mount(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            path,
        )?;
        Ok(Tmpfs {
            path: path.to_path_buf(),
        })
    }

    /// Remounts it read-only (`ro`) or writable (`rw`).
    fn remount(&self, mode: &str) {
        run_mount(&["-o", &format!("remount,{mode}")], &self.path)
            .unwrap_or_else(|e| panic!("remount {mode}: {e}"));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let unmounted = Command::new("umount")
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        if !unmounted {
            let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        }
    }
}

/// Runs `mount ARGS PATH`.
fn run_mount(args: &[&str], path: &Path) -> Result<(), String> {
    let out = Command::new("mount")
        .args(args)
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run mount: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Mounts a tmpfs on `data/disk`, or says why the test is skipped.
fn tmpfs_in(data: &DataDir, size: &str, test: &str) -> Option<(Tmpfs, PathBuf)> {
    let disk = data.join("disk");
    match Tmpfs::mount(&disk, size) {
        Ok(tmpfs) => Some((tmpfs, disk)),
        Err(e) => {
            eprintln!("SKIPPED {test}: cannot mount a tmpfs ({e})");
            None
        }
    }
}

#[test]
fn failed_save_and_bgsave_on_a_full_disk_keep_the_previous_file_and_refuse_writes() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("efbig");
        let server = kind.start_limited_in(&data, RULES, FILE_LIMIT);
        let mut con = connect(&server);
        let mut c = server.raw();
        ok(&mut con, &["SET", "small", "kept"]);
        expect(&mut c, &["SAVE"], "+OK\r\n");
        let previous = fs::read(data.join("dump.rdb")).expect("read dump.rdb");
        let lastsave = int(&mut con, &["LASTSAVE"]);
        fill_big(&mut con);

        // SAVE fails with Redis's bare -ERR; a failed SAVE sets no status and refuses nothing.
        expect(&mut c, &["SAVE"], "-ERR\r\n");
        assert_logged(
            &server,
            &["Write error saving DB on disk(", "File too large"],
        );
        assert_previous_kept(data.path(), &previous);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
        expect(&mut c, &["SET", "after-save", "1"], "+OK\r\n");

        // BGSAVE starts, then fails: status err, the log says so, writes and PING refused.
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "err");
        assert_logged(&server, &["Background saving error"]);
        assert_previous_kept(data.path(), &previous);
        assert_ne!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "0"
        );
        expect(&mut c, &["SET", "small", "changed"], MISCONF);
        expect(&mut c, &["DEL", "big:0"], MISCONF);
        expect(&mut c, &["PING"], MISCONF);
        expect(&mut c, &["GET", "small"], "$4\r\nkept\r\n");
        expect(&mut c, &["EXISTS", "big:0", "big:199"], ":2\r\n");
        assert_eq!(int(&mut con, &["LASTSAVE"]), lastsave, "LASTSAVE moved");

        // stop-writes-on-bgsave-error no never refuses; yes refuses again (still err).
        expect(
            &mut c,
            &["CONFIG", "SET", "stop-writes-on-bgsave-error", "no"],
            "+OK\r\n",
        );
        expect(&mut c, &["PING"], "+PONG\r\n");
        let big: Vec<String> = (0..200).map(|i| format!("big:{i}")).collect();
        let mut del = vec!["DEL"];
        del.extend(big.iter().map(String::as_str));
        expect(&mut c, &del, ":200\r\n");
        expect(
            &mut c,
            &["CONFIG", "SET", "stop-writes-on-bgsave-error", "yes"],
            "+OK\r\n",
        );
        expect(&mut c, &["SET", "small", "changed"], MISCONF);

        // The data fits again: a SAVE succeeds and lets writes through.
        expect(&mut c, &["SAVE"], "+OK\r\n");
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
        assert_eq!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "0"
        );
        assert_ne!(fs::read(data.join("dump.rdb")).expect("read"), previous);
        expect(&mut c, &["SET", "small", "changed"], "+OK\r\n");
        expect(&mut c, &["PING"], "+PONG\r\n");
        // Every SAVE and BGSAVE tried counts, failed ones too.
        assert_eq!(info_persistence(&mut con, "rdb_saves"), "4");
    }
}

/// A directory where the snapshot file goes: the final rename fails (for root too).
#[test]
fn misconf_refuses_writes_ping_and_exec_of_writes_but_not_reads() {
    const EXECABORT: &str = "-EXECABORT Transaction discarded because of previous errors.\r\n";
    let exec_misconf = format!(
        "-EXECABORT Transaction discarded because of: {}",
        &MISCONF[1..]
    );
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("misconf-exec");
        let server = kind.start_in(&data, RULES);
        fs::create_dir(data.join("dump.rdb")).expect("mkdir in the snapshot's place");
        let mut con = connect(&server);
        let mut c = server.raw();
        ok(&mut con, &["SET", "k", "v"]);

        expect(&mut c, &["SAVE"], "-ERR\r\n");
        assert_logged(
            &server,
            &[
                "Error moving temp DB file temp-",
                "on the final destination dump.rdb (in server root dir",
                "Is a directory",
            ],
        );
        assert_eq!(temp_files(data.path()), Vec::<String>::new());
        expect(&mut c, &["SET", "k", "v"], "+OK\r\n");

        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "err");
        assert_eq!(temp_files(data.path()), Vec::<String>::new());

        // Inside MULTI a write or PING is refused at once and dooms the transaction.
        expect(&mut c, &["MULTI"], "+OK\r\n");
        expect(&mut c, &["GET", "k"], "+QUEUED\r\n");
        expect(&mut c, &["SET", "k", "x"], MISCONF);
        expect(&mut c, &["PING"], MISCONF);
        expect(&mut c, &["EXEC"], EXECABORT);
        // A transaction of reads runs.
        expect(&mut c, &["MULTI"], "+OK\r\n");
        expect(&mut c, &["GET", "k"], "+QUEUED\r\n");
        expect(&mut c, &["EXEC"], "*1\r\n$1\r\nv\r\n");

        // Writes queued before the refusal began: EXEC is refused as a write and discards.
        let mut admin = server.raw();
        let no = ["CONFIG", "SET", "stop-writes-on-bgsave-error", "no"];
        let yes = ["CONFIG", "SET", "stop-writes-on-bgsave-error", "yes"];
        expect(&mut admin, &no, "+OK\r\n");
        expect(&mut c, &["MULTI"], "+OK\r\n");
        expect(&mut c, &["SET", "k", "queued"], "+QUEUED\r\n");
        expect(&mut admin, &yes, "+OK\r\n");
        expect(&mut c, &["EXEC"], &exec_misconf);
        expect(&mut c, &["EXEC"], "-ERR EXEC without MULTI\r\n");
        expect(&mut c, &["GET", "k"], "$1\r\nv\r\n");

        // No save points, no refusal (Redis's saveparamslen > 0); back with them.
        expect(&mut admin, &["CONFIG", "SET", "save", ""], "+OK\r\n");
        expect(&mut c, &["SET", "k", "w"], "+OK\r\n");
        expect(&mut admin, &["CONFIG", "SET", "save", "3600 1"], "+OK\r\n");
        expect(&mut c, &["SET", "k", "x"], MISCONF);

        // The obstacle gone, a BGSAVE succeeds and writes are accepted again.
        fs::remove_dir(data.join("dump.rdb")).expect("rmdir");
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
        assert_logged(&server, &["Background saving terminated with success"]);
        expect(&mut c, &["SET", "k", "x"], "+OK\r\n");
        expect(&mut c, &["PING"], "+PONG\r\n");
        assert!(data.join("dump.rdb").is_file());
    }
}

/// A tmpfs with no room: the save point fails with ENOSPC, retries after a few seconds, and
/// succeeds by itself once a filler file is deleted, which lifts the refusal.
#[test]
fn save_point_retries_after_a_full_disk_and_lifts_the_refusal_by_itself() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("enospc");
        let Some((_tmpfs, disk)) = tmpfs_in(&data, "2m", "the ENOSPC test") else {
            return;
        };
        let disk_arg = disk.to_string_lossy().into_owned();
        let server = kind.start_in(
            &data,
            &[("save", "1 1"), ("appendonly", "no"), ("dir", &disk_arg)],
        );
        let mut con = connect(&server);
        let mut c = server.raw();
        ok(&mut con, &["SET", "small", "kept"]);
        assert!(
            wait_until(Duration::from_secs(30), || {
                info_persistence(&mut con, "rdb_changes_since_last_save") == "0"
                    && disk.join("dump.rdb").is_file()
            }),
            "the save point never saved the first write"
        );
        let previous = fs::read(disk.join("dump.rdb")).expect("read dump.rdb");
        // Leave about 384 KB free: less than half of what fill_big writes.
        let filler = disk.join("filler");
        fs::write(&filler, vec![0u8; 2048 * 1024 - 384 * 1024]).expect("write the filler");

        fill_big(&mut con);
        assert!(
            wait_until(Duration::from_secs(30), || info_persistence(
                &mut con,
                "rdb_last_bgsave_status"
            ) == "err"),
            "the save point never failed on the full disk"
        );
        wait_bgsave_ended(&mut con);
        assert_logged(&server, &["1 changes in 1 seconds. Saving..."]);
        assert_logged(&server, &["No space left on device"]);
        assert_logged(&server, &["Background saving error"]);
        assert_previous_kept(&disk, &previous);
        expect(&mut c, &["SET", "small", "changed"], MISCONF);
        expect(&mut c, &["PING"], MISCONF);
        expect(&mut c, &["GET", "small"], "$4\r\nkept\r\n");

        // Room again: the save point's retry succeeds with no command, writes come back.
        fs::remove_file(&filler).expect("remove the filler");
        assert!(
            wait_until(Duration::from_secs(60), || info_persistence(
                &mut con,
                "rdb_last_bgsave_status"
            ) == "ok"),
            "the save point never retried successfully"
        );
        wait_bgsave_ended(&mut con);
        expect(&mut c, &["SET", "small", "changed"], "+OK\r\n");
        expect(&mut c, &["PING"], "+PONG\r\n");
        assert_ne!(fs::read(disk.join("dump.rdb")).expect("read"), previous);
        assert_eq!(temp_files(&disk), Vec::<String>::new());
        drop(con);
        drop(server);
    }
}

/// `dir` on a filesystem remounted read-only (root can't write there either): no save can
/// open its temporary file until it is writable again.
#[test]
fn read_only_disk_fails_saves_until_it_is_writable_again() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("readonly");
        let Some((tmpfs, disk)) = tmpfs_in(&data, "8m", "the read-only disk test") else {
            return;
        };
        let disk_arg = disk.to_string_lossy().into_owned();
        let server = kind.start_in(
            &data,
            &[("save", "3600 1"), ("appendonly", "no"), ("dir", &disk_arg)],
        );
        let mut con = connect(&server);
        let mut c = server.raw();
        ok(&mut con, &["SET", "k", "v"]);
        expect(&mut c, &["SAVE"], "+OK\r\n");
        let previous = fs::read(disk.join("dump.rdb")).expect("read dump.rdb");
        ok(&mut con, &["SET", "k", "w"]);

        tmpfs.remount("ro");
        expect(&mut c, &["SAVE"], "-ERR\r\n");
        assert_logged(
            &server,
            &[
                "Failed opening the temp RDB file temp-",
                "for saving: Read-only file system",
            ],
        );
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "err");
        assert_logged(&server, &["Background saving error"]);
        assert_previous_kept(&disk, &previous);
        expect(&mut c, &["SET", "k", "x"], MISCONF);

        tmpfs.remount("rw");
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
        expect(&mut c, &["SET", "k", "x"], "+OK\r\n");
        drop(con);
        drop(server);
    }
}

/// SHUTDOWN and SIGTERM whose save fails (a full disk) leave the server running and
/// serving, writes included (the save was not a background one); FORCE exits anyway.
#[test]
fn shutdown_whose_save_fails_keeps_the_server_running() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("shutdown-efbig");
        let mut server = kind.start_limited_in(&data, RULES, FILE_LIMIT);
        let mut con = connect(&server);
        let mut c = server.raw();
        fill_big(&mut con);

        expect(
            &mut c,
            &["SHUTDOWN"],
            "-ERR Errors trying to SHUTDOWN. Check logs.\r\n",
        );
        assert!(server.is_running(), "the server exited");
        assert_logged(
            &server,
            &["Write error saving DB on disk(", "File too large"],
        );
        assert_logged(&server, &["Error trying to save the DB, can't exit."]);
        assert_eq!(temp_files(data.path()), Vec::<String>::new());
        assert!(!data.join("dump.rdb").exists(), "a dump.rdb appeared");
        expect(&mut c, &["PING"], "+PONG\r\n");
        expect(&mut c, &["SET", "after", "1"], "+OK\r\n");

        server.sigterm();
        wait_logged_times(&server, "Received SIGTERM scheduling shutdown...", 1);
        wait_logged_times(&server, "Error trying to save the DB, can't exit.", 2);
        assert!(server.is_running(), "the server exited after SIGTERM");
        expect(&mut c, &["PING"], "+PONG\r\n");
        assert_eq!(temp_files(data.path()), Vec::<String>::new());

        drop(c);
        drop(con);
        shutdown(&mut server, "FORCE");
        assert_logged(&server, &["Error trying to save the DB. Exit anyway."]);
        assert!(!data.join("dump.rdb").exists(), "a dump.rdb appeared");
    }
}

/// A save started right after one that failed part way (the disk filled while the shards
/// were still sending their data) saves every key: nothing of the failed save's walk is left
/// to disturb it. Checked by loading the file into a fresh server.
#[test]
fn a_save_right_after_a_failed_one_saves_everything() {
    const KEYS: u64 = 2000;
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("after-failure");
        let Some((_tmpfs, disk)) = tmpfs_in(&data, "16m", "the save-after-failure test") else {
            return;
        };
        let disk_arg = disk.to_string_lossy().into_owned();
        let directives = [
            ("save", ""),
            ("appendonly", "no"),
            ("dir", disk_arg.as_str()),
        ];
        let mut server = kind.start_in(&data, &directives);
        let mut con = connect(&server);
        let pairs: Vec<(String, Vec<u8>)> = (0..KEYS)
            .map(|i| (format!("key:{i}"), noise(i, 4096)))
            .collect();
        for chunk in pairs.chunks(100) {
            let _: () = redis::cmd("MSET").arg(chunk).query(&mut con).expect("MSET");
        }
        // About 2 MB free for about 8 MB of data: the save fails long before its end.
        let filler = disk.join("filler");
        fs::write(&filler, vec![0u8; 14 * 1024 * 1024]).expect("write the filler");
        let mut c = server.raw();
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "err");
        assert_logged(&server, &["No space left on device"]);
        fs::remove_file(&filler).expect("remove the filler");
        expect(&mut c, &["BGSAVE"], "+Background saving started\r\n");
        wait_bgsave_ended(&mut con);
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
        drop(c);
        drop(con);
        server.kill9();
        drop(server);

        let loader = kind.with_shards(2).start_in(&data, &directives);
        let mut con = connect(&loader);
        assert_eq!(int(&mut con, &["DBSIZE"]), KEYS as i64, "keys loaded");
        for i in (0..KEYS).step_by(97) {
            let value: Vec<u8> = redis::cmd("GET")
                .arg(format!("key:{i}"))
                .query(&mut con)
                .expect("GET");
            assert!(value == noise(i, 4096), "key:{i} differs");
        }
        drop(con);
        drop(loader);
    }
}
