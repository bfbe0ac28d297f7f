//! Helpers shared by the end-to-end tests (`mod common;`).
//!
//! - [`Server`] starts a shardis or a real `redis-server` on a free loopback port, waits until
//!   it answers PING, and stops it (by its own pid) when dropped.
//! - [`DataDir`] is a directory that outlives the servers started in it
//!   ([`Server::shardis_in`], [`Server::redis_in`], [`Kind::start_in`]), so persistence tests
//!   can kill a server ([`Server::kill9`]) and start another one on the files it left;
//!   [`Kind::try_start_in`] returns the exit status and log of a server that refuses to start.
//! - [`RawConn`] is a plain TCP connection that sends raw bytes and reads exactly one RESP2/RESP3
//!   reply at a time, returning its raw bytes, so tests can compare replies byte for byte.
//! - [`frame_len`] tells whether a buffer starts with a complete reply; [`parse_resp`] turns a
//!   complete reply into a [`Resp`] value for the few tests that look inside one.
//! - [`each_server`] runs a test against shardis with several shard counts, or against a real
//!   `redis-server` when `SHARDIS_E2E_REDIS` is set; [`connect`], [`cmd`], [`q`] and the small
//!   reply helpers after them drive a server through the `redis` crate, and [`raw`] through a
//!   [`RawConn`].

#![allow(dead_code)]

pub mod persist;

use redis::{Connection, FromRedisValue, RedisResult, Value};
use std::fs;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long a server may take to answer its first PING (generous: a loaded 2-core machine
/// starting several 4-shard servers at once is slow).
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long [`RawConn`] waits for a reply before giving up.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Picks a free port on 127.0.0.1 from a block of ports of this test process's own. shardis
/// binds with SO_REUSEPORT (every shard listens on the port), so two servers started at
/// once by different test binaries on the same kernel-chosen port would *both* bind it and
/// share its connections; ports from a per-process block (checked free by binding) make that
/// collision practically impossible.
pub fn free_port() -> u16 {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let block = 10_000 + (std::process::id() as usize % 300) * 100;
    for _ in 0..100 {
        let port = (block + NEXT.fetch_add(1, Ordering::Relaxed) % 100) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local_addr").port()
}

/// A server process started for a test, stopped when dropped.
#[derive(Debug)]
pub struct Server {
    child: Child,
    port: u16,
    /// The directory the server runs in.
    dir: PathBuf,
    /// Where its stdout and stderr go.
    log_path: PathBuf,
    /// Whether `dir` is this server's own scratch directory, removed on drop (a [`DataDir`]
    /// is not: it outlives the server).
    owns_dir: bool,
    name: &'static str,
}

/// Why a server did not start: its exit status and everything it logged.
#[derive(Debug)]
pub struct StartFailure {
    /// How the process ended.
    pub status: ExitStatus,
    /// Its stdout and stderr.
    pub log: String,
}

/// A directory for a server's data files that outlives the servers started in it, removed
/// (with everything in it) when dropped.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    /// How many servers have been started here: each gets a log file of its own.
    starts: AtomicUsize,
}

impl DataDir {
    /// A new empty directory under the system temp dir; `name` makes it recognisable.
    pub fn new(name: &str) -> DataDir {
        DataDir {
            path: scratch_dir(&format!("data-{name}"), 0),
            starts: AtomicUsize::new(0),
        }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path of `name` inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// A log file name not used by an earlier server in this directory.
    fn next_log(&self) -> PathBuf {
        let n = self.starts.fetch_add(1, Ordering::Relaxed);
        self.path.join(format!("server-{n}.log"))
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Which server a test runs against: shardis with a number of shards, or a real
/// `redis-server` (which has no shards, so a shard count means nothing to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The shardis binary built by cargo, with this many shards.
    Shardis(usize),
    /// A real `redis-server`.
    Redis,
}

impl Kind {
    /// shardis once for each of `shard_counts`, or, when the environment variable
    /// `SHARDIS_E2E_REDIS` is set, a real `redis-server` once instead (as [`each_server`]).
    pub fn each(shard_counts: &[usize]) -> Vec<Kind> {
        if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
            vec![Kind::Redis]
        } else {
            shard_counts.iter().map(|&n| Kind::Shardis(n)).collect()
        }
    }

    /// The same kind of server with `shards` shards (a real redis stays itself).
    pub fn with_shards(self, shards: usize) -> Kind {
        match self {
            Kind::Shardis(_) => Kind::Shardis(shards),
            Kind::Redis => Kind::Redis,
        }
    }

    /// Whether this is a real `redis-server`.
    pub fn is_redis(self) -> bool {
        self == Kind::Redis
    }

    /// Starts this server in `data` with exactly `directives` (nothing implied about
    /// persistence) and waits until it answers PING; panics, with its log, if it does not.
    pub fn start_in(self, data: &DataDir, directives: &[(&str, &str)]) -> Server {
        match self {
            Kind::Shardis(shards) => Server::shardis_in(data, shards, directives),
            Kind::Redis => Server::redis_in(data, directives),
        }
    }

    /// Starts this server in `data` with `directives`: `Ok` once it answers PING, `Err` with
    /// its exit status and log if the process exits first.
    pub fn try_start_in(
        self,
        data: &DataDir,
        directives: &[(&str, &str)],
    ) -> Result<Server, StartFailure> {
        match self {
            Kind::Shardis(shards) => Server::try_shardis_in(data, shards, directives),
            Kind::Redis => Server::try_redis_in(data, directives),
        }
    }
}

impl Kind {
    /// Starts this server in `data` with `directives` under a file-size limit of
    /// `max_file_bytes` (`RLIMIT_FSIZE`) with `SIGXFSZ` ignored, so that a write past the
    /// limit fails with `EFBIG` ("File too large") as a full disk fails with `ENOSPC`: a disk
    /// error any user can make, no root or small filesystem needed. `Ok` once it answers PING.
    pub fn try_start_limited_in(
        self,
        data: &DataDir,
        directives: &[(&str, &str)],
        max_file_bytes: u64,
    ) -> Result<Server, StartFailure> {
        let port = free_port();
        let (name, mut cmd) = match self {
            Kind::Shardis(shards) => ("shardis", Server::shardis_command(port, shards)),
            Kind::Redis => ("redis-server", Server::redis_command(port)),
        };
        cmd.arg("--dir")
            .arg(data.path())
            .args(directive_args(directives));
        limit_file_size(&mut cmd, max_file_bytes);
        Server::try_spawn(
            name,
            cmd,
            port,
            data.path().to_path_buf(),
            data.next_log(),
            false,
        )
    }

    /// [`Kind::try_start_limited_in`], panicking with the log if the server does not start.
    pub fn start_limited_in(
        self,
        data: &DataDir,
        directives: &[(&str, &str)],
        max_file_bytes: u64,
    ) -> Server {
        self.try_start_limited_in(data, directives, max_file_bytes)
            .unwrap_or_else(|f| {
                panic!(
                    "server exited during startup ({}); log:\n{}",
                    f.status, f.log
                )
            })
    }
}

/// Makes `cmd`'s process start with `RLIMIT_FSIZE` at `max_file_bytes` and `SIGXFSZ`
/// ignored (a disposition `exec` keeps), so writes past the limit fail with `EFBIG`. Only
/// the soft limit is set, so [`Server::lift_file_size_limit`] can lift it without privilege.
fn limit_file_size(cmd: &mut Command, max_file_bytes: u64) {
    use std::os::unix::process::CommandExt;
    let limit = libc::rlimit {
        rlim_cur: max_file_bytes as libc::rlim_t,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: the closure runs in the child between fork and exec, where only
    // async-signal-safe functions may be called: `setrlimit` and `signal` are (POSIX lists
    // both), it allocates nothing and touches no lock, and `limit` is a plain value copied
    // into the closure.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
}

/// `--name value` for each directive, the way shardis and redis-server take them.
fn directive_args(directives: &[(&str, &str)]) -> Vec<String> {
    directives
        .iter()
        .flat_map(|(name, value)| [format!("--{name}"), value.to_string()])
        .collect()
}

impl Server {
    /// Starts the shardis binary built by cargo with `shards` shards and `extra_args` appended
    /// to its command line, and waits until it answers PING.
    pub fn shardis(shards: usize, extra_args: &[&str]) -> Server {
        let port = free_port();
        let dir = scratch_dir("shardis", port);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shardis"));
        let shards = shards.to_string();
        let port_arg = port.to_string();
        cmd.args([
            "--bind",
            "127.0.0.1",
            "--port",
            &port_arg,
            "--shards",
            &shards,
            // As `Server::redis`: no save points unless a test asks (Redis's default has some).
            "--save",
            "",
        ])
        .args(extra_args);
        Server::spawn("shardis", cmd, port, dir)
    }

    /// The command line of shardis on `port` with `shards` shards.
    fn shardis_command(port: u16, shards: usize) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shardis"));
        cmd.args(["--bind", "127.0.0.1", "--port", &port.to_string()])
            .args(["--shards", &shards.to_string()]);
        cmd
    }

    /// The command line of a real `redis-server` on `port`.
    fn redis_command(port: u16) -> Command {
        let mut cmd = Command::new("redis-server");
        cmd.args(["--bind", "127.0.0.1", "--port", &port.to_string()]);
        cmd
    }

    /// Starts shardis with `shards` shards in `data` (`dir` set to it) with exactly
    /// `directives`, and waits until it answers PING. The directory outlives the server.
    pub fn shardis_in(data: &DataDir, shards: usize, directives: &[(&str, &str)]) -> Server {
        Server::try_shardis_in(data, shards, directives).unwrap_or_else(|f| {
            panic!(
                "shardis exited during startup ({}); log:\n{}",
                f.status, f.log
            )
        })
    }

    /// [`Server::shardis_in`], returning the exit status and log if the process exits
    /// before it answers PING.
    pub fn try_shardis_in(
        data: &DataDir,
        shards: usize,
        directives: &[(&str, &str)],
    ) -> Result<Server, StartFailure> {
        let port = free_port();
        let mut cmd = Server::shardis_command(port, shards);
        cmd.arg("--dir")
            .arg(data.path())
            .args(directive_args(directives));
        Server::try_spawn(
            "shardis",
            cmd,
            port,
            data.path().to_path_buf(),
            data.next_log(),
            false,
        )
    }

    /// Starts a real `redis-server` in `data` (`dir` set to it) with exactly `directives` —
    /// unlike [`Server::redis`], persistence is as they say — and waits until it answers PING.
    pub fn redis_in(data: &DataDir, directives: &[(&str, &str)]) -> Server {
        Server::try_redis_in(data, directives).unwrap_or_else(|f| {
            panic!(
                "redis-server exited during startup ({}); log:\n{}",
                f.status, f.log
            )
        })
    }

    /// [`Server::redis_in`], returning the exit status and log if the process exits before
    /// it answers PING.
    pub fn try_redis_in(
        data: &DataDir,
        directives: &[(&str, &str)],
    ) -> Result<Server, StartFailure> {
        let port = free_port();
        let mut cmd = Server::redis_command(port);
        cmd.arg("--dir")
            .arg(data.path())
            .args(directive_args(directives));
        Server::try_spawn(
            "redis-server",
            cmd,
            port,
            data.path().to_path_buf(),
            data.next_log(),
            false,
        )
    }

    /// Starts a real `redis-server` in a fresh temporary directory, with persistence off and
    /// `extra_args` appended, and waits until it answers PING.
    pub fn redis(extra_args: &[&str]) -> Server {
        let port = free_port();
        let dir = scratch_dir("redis", port);
        let mut cmd = Command::new("redis-server");
        let port_arg = port.to_string();
        cmd.args(["--bind", "127.0.0.1", "--port", &port_arg])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(&dir)
            .args(extra_args);
        Server::spawn("redis-server", cmd, port, dir)
    }

    fn spawn(name: &'static str, cmd: Command, port: u16, dir: PathBuf) -> Server {
        let log_path = dir.join("server.log");
        Server::try_spawn(name, cmd, port, dir, log_path, true).unwrap_or_else(|f| {
            panic!(
                "{name} exited during startup ({}); log:\n{}",
                f.status, f.log
            )
        })
    }

    /// Starts `cmd` in `dir` with its output in `log_path` and waits until it answers PING;
    /// `Err` if it exits first. `owns_dir`: remove `dir` when the server is dropped.
    fn try_spawn(
        name: &'static str,
        mut cmd: Command,
        port: u16,
        dir: PathBuf,
        log_path: PathBuf,
        owns_dir: bool,
    ) -> Result<Server, StartFailure> {
        let log = fs::File::create(&log_path).expect("create the server log");
        let log2 = log.try_clone().expect("clone log file");
        cmd.current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(log2));
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        let mut server = Server {
            child,
            port,
            dir,
            log_path,
            owns_dir,
            name,
        };
        match server.wait_ready() {
            Ok(()) => Ok(server),
            Err(status) => Err(StartFailure {
                status,
                log: server.log(),
            }),
        }
    }

    /// Waits until a PING over TCP answers +PONG (a `-LOADING` reply is retried); `Err` with
    /// the exit status if the process exits first; panics (with the server's log) after
    /// [`START_TIMEOUT`].
    fn wait_ready(&mut self) -> Result<(), ExitStatus> {
        let deadline = Instant::now() + START_TIMEOUT;
        let mut last_error = String::new();
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(status);
            }
            match ping(&self.addr()) {
                Ok(()) => return Ok(()),
                Err(e) => last_error = e.to_string(),
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{} on port {} did not answer PING within {:?} (last error: {last_error}); log:\n{}",
            self.name,
            self.port,
            START_TIMEOUT,
            self.log()
        );
    }

    /// Starts shardis with `shards` shards and `directives` (name, value) on its command line,
    /// as `--name value`, the way redis-server takes them.
    pub fn shardis_with(shards: usize, directives: &[(&str, &str)]) -> Server {
        let args: Vec<String> = directives
            .iter()
            .flat_map(|(name, value)| [format!("--{name}"), value.to_string()])
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Server::shardis(shards, &args)
    }

    /// Starts a real `redis-server` with `directives` (name, value) on its command line.
    pub fn redis_with(directives: &[(&str, &str)]) -> Server {
        let args: Vec<String> = directives
            .iter()
            .flat_map(|(name, value)| [format!("--{name}"), value.to_string()])
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Server::redis(&args)
    }

    /// Whether this is a real `redis-server` (for the few checks of deliberate differences).
    pub fn is_redis(&self) -> bool {
        self.name == "redis-server"
    }

    /// The TCP port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A `redis` crate client for this server.
    pub fn client(&self) -> redis::Client {
        redis::Client::open(format!("redis://127.0.0.1:{}/", self.port)).expect("redis client")
    }

    /// A fresh raw connection to this server.
    pub fn raw(&self) -> RawConn {
        RawConn::connect(&self.addr())
    }

    /// What the server has written to stdout and stderr so far.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// Kills the process with SIGKILL (our own child, by its pid) and waits for it: a crash,
    /// with no chance to save or flush anything.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends SIGTERM to the process (our own child, by its pid), as an operator stopping it.
    pub fn sigterm(&mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM {} failed", self.pid());
    }

    /// Waits up to `limit` for the process to exit by itself; its status if it did.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let mut status = None;
        wait_until(limit, || {
            status = self.child.try_wait().ok().flatten();
            status.is_some()
        });
        status
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The scratch directory the server runs in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Lifts the file-size limit a server was started with ([`Kind::start_limited_in`]):
    /// its writes have room again, as a disk that was freed.
    pub fn lift_file_size_limit(&self) {
        let unlimited = libc::rlimit {
            rlim_cur: libc::RLIM_INFINITY,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: `prlimit` reads `unlimited` (a valid `rlimit` living across the call) and
        // writes nothing, since the old-limit pointer is null; the pid is our own child's.
        let rc = unsafe {
            libc::prlimit(
                self.pid() as libc::pid_t,
                libc::RLIMIT_FSIZE,
                &unlimited,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(rc, 0, "prlimit: {}", io::Error::last_os_error());
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Only our own child, by its pid.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.owns_dir {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Sends one PING and checks for +PONG (or NOAUTH: a server with a password is up too).
fn ping(addr: &str) -> io::Result<()> {
    let mut conn = RawConn::try_connect(addr)?;
    conn.stream.set_read_timeout(Some(Duration::from_secs(1)))?;
    conn.send(b"*1\r\n$4\r\nPING\r\n")?;
    let reply = conn.try_read_reply()?;
    if reply == b"+PONG\r\n" || reply.starts_with(b"-NOAUTH ") {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "PING answered {}",
            String::from_utf8_lossy(&reply)
        )))
    }
}

/// A new empty directory under the system temp dir, unique to this process and call.
fn scratch_dir(name: &str, port: u16) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "shardis-test-{name}-{}-{port}-{n}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// A raw TCP connection that reads whole RESP replies.
#[derive(Debug)]
pub struct RawConn {
    stream: TcpStream,
    /// Bytes received but not yet returned as part of a reply.
    buf: Vec<u8>,
}

impl RawConn {
    /// Connects to `addr`, panicking on failure.
    pub fn connect(addr: &str) -> RawConn {
        RawConn::try_connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"))
    }

    /// Connects to `addr` with a read timeout of [`READ_TIMEOUT`].
    pub fn try_connect(addr: &str) -> io::Result<RawConn> {
        let stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(READ_TIMEOUT))?;
        stream.set_nodelay(true)?;
        Ok(RawConn {
            stream,
            buf: Vec::new(),
        })
    }

    /// Writes `bytes` as they are.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes)
    }

    /// Reads exactly one complete reply and returns its raw bytes; panics on error.
    pub fn read_reply(&mut self) -> Vec<u8> {
        self.try_read_reply()
            .unwrap_or_else(|e| panic!("reading a reply: {e}"))
    }

    /// Reads exactly one complete reply and returns its raw bytes. Bytes after it stay
    /// buffered for the next call. An EOF before a whole reply is `UnexpectedEof`.
    pub fn try_read_reply(&mut self) -> io::Result<Vec<u8>> {
        loop {
            match frame_len(&self.buf) {
                Ok(Some(n)) => return Ok(self.buf.drain(..n).collect()),
                Ok(None) => {}
                Err(e) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{e} in {:?}", String::from_utf8_lossy(&self.buf)),
                    ))
                }
            }
            if self.fill()? == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "connection closed with {} unparsed bytes {:?}",
                        self.buf.len(),
                        String::from_utf8_lossy(&self.buf)
                    ),
                ));
            }
        }
    }

    /// Reads one complete reply if it arrives within `wait`: `Ok(None)` when it does not
    /// (what arrived of it stays buffered).
    pub fn read_reply_within(&mut self, wait: Duration) -> io::Result<Option<Vec<u8>>> {
        self.stream.set_read_timeout(Some(wait))?;
        let result = match self.try_read_reply() {
            Ok(reply) => Ok(Some(reply)),
            Err(e)
                if e.kind() == io::ErrorKind::WouldBlock || e.kind() == io::ErrorKind::TimedOut =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        };
        self.stream.set_read_timeout(Some(READ_TIMEOUT))?;
        result
    }

    /// Encodes `args` as a multibulk command, sends it, and reads one reply; panics on error.
    pub fn cmd(&mut self, args: &[&[u8]]) -> Vec<u8> {
        self.try_cmd(args)
            .unwrap_or_else(|e| panic!("command {:?}: {e}", show_args(args)))
    }

    /// Encodes `args` as a multibulk command, sends it, and reads one reply.
    pub fn try_cmd(&mut self, args: &[&[u8]]) -> io::Result<Vec<u8>> {
        self.send(&encode_command(args))?;
        self.try_read_reply()
    }

    /// Reads every reply that arrives until the server stays silent for `quiet` or closes
    /// the connection. Returns the replies and whether the connection was closed. Bytes
    /// that do not form a whole reply when the connection closes are returned as a last,
    /// incomplete element.
    pub fn read_until_quiet(&mut self, quiet: Duration) -> io::Result<(Vec<Vec<u8>>, bool)> {
        let mut replies = Vec::new();
        self.stream.set_read_timeout(Some(quiet))?;
        let result = loop {
            match frame_len(&self.buf) {
                Ok(Some(n)) => {
                    replies.push(self.buf.drain(..n).collect());
                    continue;
                }
                Ok(None) => {}
                Err(e) => break Err(io::Error::new(io::ErrorKind::InvalidData, e)),
            }
            match self.fill() {
                Ok(0) => {
                    if !self.buf.is_empty() {
                        replies.push(std::mem::take(&mut self.buf));
                    }
                    break Ok((replies, true));
                }
                Ok(_) => {}
                Err(e)
                    if e.kind() == io::ErrorKind::WouldBlock
                        || e.kind() == io::ErrorKind::TimedOut =>
                {
                    break Ok((replies, false));
                }
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => {
                    break Ok((replies, true));
                }
                Err(e) => break Err(e),
            }
        };
        self.stream.set_read_timeout(Some(READ_TIMEOUT))?;
        result
    }

    /// Whether the server has closed the connection (EOF within `wait`). Unread data counts
    /// as "not closed" and stays buffered.
    pub fn is_closed(&mut self, wait: Duration) -> bool {
        let _ = self.stream.set_read_timeout(Some(wait));
        let closed = match self.fill() {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => e.kind() == io::ErrorKind::ConnectionReset,
        };
        let _ = self.stream.set_read_timeout(Some(READ_TIMEOUT));
        closed
    }

    /// Closes the write half, telling the server no more requests follow.
    pub fn shutdown_write(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Write);
    }

    /// Reads once from the socket into the buffer; returns the number of bytes read.
    fn fill(&mut self) -> io::Result<usize> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

/// Encodes a command as a RESP multibulk request.
pub fn encode_command(args: &[&[u8]]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", args.len()).into_bytes();
    for arg in args {
        out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        out.extend_from_slice(arg);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Shows command arguments readably: `SET "a" "b\x00"`.
pub fn show_args(args: &[&[u8]]) -> String {
    args.iter()
        .map(|a| format!("\"{}\"", a.escape_ascii()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shows raw reply bytes as an escaped string.
pub fn show_bytes(bytes: &[u8]) -> String {
    format!("\"{}\"", bytes.escape_ascii())
}

/// The length of the complete reply at the start of `buf`: `Ok(Some(len))` when a whole
/// reply is buffered, `Ok(None)` when more bytes are needed, `Err` when the bytes are not RESP.
/// Understands every RESP2 and RESP3 type, nested aggregates, and attributes (`|`), which
/// are counted together with the reply they annotate.
pub fn frame_len(buf: &[u8]) -> Result<Option<usize>, String> {
    let mut pos = 0;
    match skip_frame(buf, &mut pos) {
        Ok(true) => Ok(Some(pos)),
        Ok(false) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Advances `pos` past one frame; `Ok(false)` if the buffer ends first.
fn skip_frame(buf: &[u8], pos: &mut usize) -> Result<bool, String> {
    let Some(line) = read_line(buf, *pos) else {
        return Ok(false);
    };
    if line.is_empty() {
        return Err("empty line where a reply was expected".into());
    }
    let kind = line[0];
    let rest = &line[1..];
    let after_line = *pos + line.len() + 2;
    match kind {
        b'+' | b'-' | b':' | b'_' | b',' | b'#' | b'(' => {
            *pos = after_line;
            Ok(true)
        }
        b'$' | b'=' | b'!' => {
            let n = parse_len(rest)?;
            if n < 0 {
                *pos = after_line;
                return Ok(true);
            }
            let end = after_line + n as usize + 2;
            if buf.len() < end {
                return Ok(false);
            }
            if &buf[end - 2..end] != b"\r\n" {
                return Err(format!("bulk of length {n} not followed by CRLF"));
            }
            *pos = end;
            Ok(true)
        }
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let n = parse_len(rest)?;
            *pos = after_line;
            if n < 0 {
                return Ok(true);
            }
            let count = if matches!(kind, b'%' | b'|') {
                2 * n
            } else {
                n
            };
            for _ in 0..count {
                if !skip_frame(buf, pos)? {
                    return Ok(false);
                }
            }
            if kind == b'|' {
                // An attribute annotates the reply that follows it.
                return skip_frame(buf, pos);
            }
            Ok(true)
        }
        other => Err(format!("unknown RESP type byte {:?}", other as char)),
    }
}

/// The line starting at `pos`, without its CRLF, if a whole line is buffered.
fn read_line(buf: &[u8], pos: usize) -> Option<&[u8]> {
    let rest = buf.get(pos..)?;
    let i = rest.windows(2).position(|w| w == b"\r\n")?;
    Some(&rest[..i])
}

fn parse_len(s: &[u8]) -> Result<i64, String> {
    std::str::from_utf8(s)
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .ok_or_else(|| format!("bad length {:?}", String::from_utf8_lossy(s)))
}

/// A parsed RESP2/RESP3 reply.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Resp {
    /// `+...`
    Simple(Vec<u8>),
    /// `-...`
    Error(Vec<u8>),
    /// `:n`
    Integer(i64),
    /// `$n` (also `=` verbatim strings and `!` blob errors, kept with their type byte).
    Bulk(u8, Vec<u8>),
    /// `$-1`, `*-1`, `_`.
    Null,
    /// `,`, `#`, `(` : type byte and the line as it is.
    Line(u8, Vec<u8>),
    /// `*`, `~`, `>` : type byte and elements.
    Array(u8, Vec<Resp>),
    /// `%`, `|` : type byte and key/value pairs.
    Map(u8, Vec<(Resp, Resp)>),
}

impl Resp {
    /// The bytes of a simple or bulk string.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Resp::Simple(b) | Resp::Bulk(_, b) => Some(b),
            _ => None,
        }
    }
}

/// Parses one complete reply; panics if `bytes` is not exactly one reply.
pub fn parse_resp(bytes: &[u8]) -> Resp {
    let mut pos = 0;
    let value = parse_at(bytes, &mut pos)
        .unwrap_or_else(|e| panic!("cannot parse {}: {e}", show_bytes(bytes)));
    assert_eq!(pos, bytes.len(), "trailing bytes after reply");
    value
}

fn parse_at(buf: &[u8], pos: &mut usize) -> Result<Resp, String> {
    let line = read_line(buf, *pos).ok_or("incomplete")?.to_vec();
    if line.is_empty() {
        return Err("empty line where a reply was expected".into());
    }
    *pos += line.len() + 2;
    let (kind, rest) = (line[0], &line[1..]);
    Ok(match kind {
        b'+' => Resp::Simple(rest.to_vec()),
        b'-' => Resp::Error(rest.to_vec()),
        b':' => Resp::Integer(parse_len(rest)?),
        b'_' => Resp::Null,
        b',' | b'#' | b'(' => Resp::Line(kind, rest.to_vec()),
        b'$' | b'=' | b'!' => {
            let n = parse_len(rest)?;
            if n < 0 {
                return Ok(Resp::Null);
            }
            let end = *pos + n as usize;
            let data = buf.get(*pos..end).ok_or("incomplete")?.to_vec();
            *pos = end + 2;
            Resp::Bulk(kind, data)
        }
        b'*' | b'~' | b'>' => {
            let n = parse_len(rest)?;
            if n < 0 {
                return Ok(Resp::Null);
            }
            let items = (0..n)
                .map(|_| parse_at(buf, pos))
                .collect::<Result<_, _>>()?;
            Resp::Array(kind, items)
        }
        b'%' | b'|' => {
            let n = parse_len(rest)?;
            let mut pairs = Vec::new();
            for _ in 0..n {
                let k = parse_at(buf, pos)?;
                let v = parse_at(buf, pos)?;
                pairs.push((k, v));
            }
            Resp::Map(kind, pairs)
        }
        other => return Err(format!("unknown RESP type byte {:?}", other as char)),
    })
}

/// Runs `test` against shardis once for each shard count in `shard_counts` (a fresh server
/// each time), or, when the environment variable `SHARDIS_E2E_REDIS` is set, once against a
/// real `redis-server` instead, which checks the tests themselves.
pub fn each_server(shard_counts: &[usize], test: impl Fn(&Server)) {
    if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
        eprintln!("running against redis-server");
        test(&Server::redis(&[]));
        return;
    }
    for &shards in shard_counts {
        eprintln!("running against shardis with {shards} shard(s)");
        test(&Server::shardis(shards, &[]));
    }
}

/// [`each_server`] with configuration directives (name, value): in a config file for
/// shardis, on the command line for `redis-server`.
pub fn each_server_with(
    shard_counts: &[usize],
    directives: &[(&str, &str)],
    test: impl Fn(&Server),
) {
    if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
        eprintln!("running against redis-server");
        test(&Server::redis_with(directives));
        return;
    }
    for &shards in shard_counts {
        eprintln!("running against shardis with {shards} shard(s)");
        test(&Server::shardis_with(shards, directives));
    }
}

/// A new RESP2 `redis` crate connection to `server`.
pub fn connect(server: &Server) -> Connection {
    let con = server.client().get_connection().expect("connect");
    // A stalled server fails the test instead of hanging the suite.
    con.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("read timeout");
    con
}

/// A command from words.
pub fn cmd(words: &[&str]) -> redis::Cmd {
    let mut c = redis::Cmd::new();
    for w in words {
        c.arg(*w);
    }
    c
}

/// Runs a command that must succeed and converts its reply.
pub fn q<T: FromRedisValue>(con: &mut Connection, words: &[&str]) -> T {
    cmd(words)
        .query(con)
        .unwrap_or_else(|e| panic!("{words:?} failed: {e}"))
}

/// Runs a command that must answer `+OK`.
pub fn ok(con: &mut Connection, words: &[&str]) {
    assert_eq!(q::<Value>(con, words), Value::Okay, "{words:?}");
}

/// Runs a command that must answer nil (a null bulk string or a null array).
pub fn nil(con: &mut Connection, words: &[&str]) {
    assert_eq!(q::<Value>(con, words), Value::Nil, "{words:?}");
}

/// A bulk string reply (panics on anything else).
pub fn bulk(con: &mut Connection, words: &[&str]) -> String {
    match q::<Value>(con, words) {
        Value::BulkString(b) => String::from_utf8(b).expect("utf-8 reply"),
        other => panic!("{words:?}: expected a bulk string, got {other:?}"),
    }
}

/// An integer reply (panics on anything else).
pub fn int(con: &mut Connection, words: &[&str]) -> i64 {
    match q::<Value>(con, words) {
        Value::Int(n) => n,
        other => panic!("{words:?}: expected an integer, got {other:?}"),
    }
}

/// The error line (`CODE detail`) a result carries; panics if it succeeded.
pub fn err_text<T: std::fmt::Debug>(result: RedisResult<T>) -> String {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => format!("{} {}", e.code().unwrap_or("?"), e.detail().unwrap_or("")),
    }
}

/// Asserts that `words` fails with exactly `expected`.
pub fn assert_err(con: &mut Connection, words: &[&str], expected: &str) {
    assert_eq!(
        err_text(cmd(words).query::<Value>(con)),
        expected,
        "{words:?}"
    );
}

/// Asserts that the TTL of `key` lies in `range` seconds.
pub fn assert_ttl(con: &mut Connection, key: &str, range: RangeInclusive<i64>) {
    let ttl = int(con, &["TTL", key]);
    assert!(
        range.contains(&ttl),
        "TTL {key} = {ttl}, expected {range:?}"
    );
}

/// The encoding OBJECT ENCODING reports for `key`.
pub fn encoding(con: &mut Connection, key: &str) -> String {
    q(con, &["OBJECT", "ENCODING", key])
}

/// The error a command gets on a key of another type.
pub const WRONGTYPE: &str = "WRONGTYPE Operation against a key holding the wrong kind of value";
/// The error for an argument that must be an integer.
pub const NOT_INTEGER: &str = "ERR value is not an integer or out of range";
/// The generic syntax error.
pub const SYNTAX: &str = "ERR syntax error";

/// Sends a command of words on a raw connection and returns the raw reply.
pub fn raw(conn: &mut RawConn, words: &[&str]) -> Vec<u8> {
    let args: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    conn.cmd(&args)
}

/// Milliseconds since the Unix epoch, by the local clock.
pub fn unix_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as i64
}

/// Polls `done` every 20 ms until it holds or `limit` passes; returns whether it held.
pub fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Redis Cluster's CRC16 (XMODEM), computed here independently of the server, to pick keys
/// that land in chosen slots or on chosen shards.
pub fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &b in bytes {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// Splits a script line into words, with the quoting of tests/differential.rs's scripts:
/// double quotes and the escapes `\r \n \t \\ \" \xHH`.
pub fn split_words(line: &str) -> Result<Vec<Vec<u8>>, String> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' || bytes[i] == b'\t' {
            i += 1;
            continue;
        }
        let mut word = Vec::new();
        if bytes[i] == b'"' {
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Err("unterminated quote".into()),
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(b'\\') => {
                        let (byte, used) = unescape(&bytes[i + 1..])?;
                        word.push(byte);
                        i += 1 + used;
                    }
                    Some(&b) => {
                        word.push(b);
                        i += 1;
                    }
                }
            }
            if i < bytes.len() && bytes[i] != b' ' && bytes[i] != b'\t' {
                return Err("closing quote must end the word".into());
            }
        } else {
            while i < bytes.len() && bytes[i] != b' ' && bytes[i] != b'\t' {
                word.push(bytes[i]);
                i += 1;
            }
        }
        words.push(word);
    }
    Ok(words)
}

/// Decodes the escape after a backslash; returns the byte and how many bytes it used.
fn unescape(s: &[u8]) -> Result<(u8, usize), String> {
    match s.first() {
        Some(b'r') => Ok((b'\r', 1)),
        Some(b'n') => Ok((b'\n', 1)),
        Some(b't') => Ok((b'\t', 1)),
        Some(b'\\') => Ok((b'\\', 1)),
        Some(b'"') => Ok((b'"', 1)),
        Some(b'x') => {
            let hex = s
                .get(1..3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or("bad \\x escape")?;
            Ok((hex, 3))
        }
        _ => Err("unknown escape".into()),
    }
}
