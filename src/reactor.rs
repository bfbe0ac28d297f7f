//! Socket readiness for one shard: every socket the shard serves sits in one edge-triggered
//! epoll set, and the shard's executor sleeps in it, as Redis's event loop sleeps in
//! `epoll_wait`.
//!
//! Why not glommio's own sockets: each of their reads arms a one-shot io_uring poll, and every
//! completed poll makes the kernel interrupt the executor's core (a rescheduling IPI) — one per
//! request with non-pipelined clients, which cost about half again Redis's CPU per request.
//! Here the executor collects the set's events itself (`glommio::net::set_sleep_poller`, in our
//! vendored glommio): once per scheduling pass with a non-blocking `epoll_wait` while tasks are
//! runnable, and, when it has nothing left to run, by sleeping in a blocking `epoll_wait`
//! instead of `io_uring_enter`. The executor's rings are in the set too, so their completions
//! (timers, files, wake-ups sent by other shards) end that sleep. Sockets are read and
//! written with plain non-blocking syscalls, and no io_uring submission is made per request or
//! per pass.
//!
//! Replies wait in their socket's outbox and go out together right before the next
//! `epoll_wait`, as Redis writes its replies in `beforeSleep`: the clients served in one pass
//! get their replies at about the same moment, so their next requests tend to arrive together
//! and one `epoll_wait` collects them.

use rustix::buffer::spare_capacity;
use rustix::event::epoll;
use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::os::fd::{AsFd, OwnedFd};
use std::rc::Rc;
use std::task::{Poll, Waker};
use std::time::Duration;

/// Events collected per `epoll_wait`.
const EVENTS_PER_WAIT: usize = 256;

/// The token of the executor's rings in the set (sockets' tokens start at 1).
const RING_TOKEN: u64 = 0;

/// An `epoll_wait` timeout that only looks.
const NO_WAIT: rustix::event::Timespec = rustix::event::Timespec {
    tv_sec: 0,
    tv_nsec: 0,
};

/// Writes as much of `buf` as the socket's send buffer takes now; how much that was (short of
/// all of it only when the buffer filled).
fn send_now(stream: &TcpStream, buf: &[u8]) -> io::Result<usize> {
    let mut sent = 0;
    let mut stream = stream;
    while sent < buf.len() {
        match stream.write(&buf[sent..]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => sent += n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(sent)
}

/// Readiness flags and waiting tasks of one registered socket. A socket is served by one
/// task for its whole life, so its waker is kept once and woken by reference at each edge
/// (cloning and dropping one per wait cost about 50 ns per request); a task woken while it
/// waits for something else polls that again and goes back to waiting.
#[derive(Debug, Default)]
struct Readiness {
    /// An edge saying "readable" arrived since the last [`Registration::readable`] returned.
    readable: Cell<bool>,
    /// Likewise for "writable".
    writable: Cell<bool>,
    /// The peer closed its side (or the socket failed): once set, stays set. A read that
    /// returns data may leave the end of stream behind it, announced by an edge that came
    /// before the read, so reads no longer assume a short read emptied the queue.
    hung_up: Cell<bool>,
    read_waker: RefCell<Option<Waker>>,
    write_waker: RefCell<Option<Waker>>,
}

/// One shard's epoll set and the sockets registered in it.
#[derive(Debug)]
pub struct Reactor {
    epoll: OwnedFd,
    /// Registered sockets by token (tokens are never reused, so a late event for a closed
    /// socket finds nothing instead of a newer socket on the same fd number).
    sources: RefCell<ahash::AHashMap<u64, Rc<Readiness>>>,
    next_token: Cell<u64>,
    /// Outboxes holding replies to send before the next `epoll_wait`.
    outboxes: RefCell<Vec<Rc<Outbox>>>,
}

/// Replies queued on one socket and not sent yet.
#[derive(Debug)]
struct Outbox {
    stream: Rc<TcpStream>,
    bytes: RefCell<Vec<u8>>,
    /// How much of `bytes` went out already.
    sent: Cell<usize>,
    /// On the reactor's list of outboxes to send.
    listed: Cell<bool>,
    /// The reactor's send stopped short (a full send buffer, or an error): the socket's next
    /// read sends the rest first, waiting as long as it takes.
    stalled: Cell<bool>,
    /// The socket's readiness, whose reader a stall wakes.
    readiness: Rc<Readiness>,
}

/// An outbox larger than this after it emptied gives its buffer back.
const OUTBOX_KEEP: usize = 64 * 1024;

impl Outbox {
    /// Sends what is queued: `Ok(true)` when all of it went, `Ok(false)` when the send buffer
    /// filled first.
    fn send(&self) -> io::Result<bool> {
        let mut bytes = self.bytes.borrow_mut();
        let sent = self.sent.get() + send_now(&self.stream, &bytes[self.sent.get()..])?;
        if sent < bytes.len() {
            self.sent.set(sent);
            return Ok(false);
        }
        bytes.clear();
        if bytes.capacity() > OUTBOX_KEEP {
            *bytes = Vec::new();
        }
        self.sent.set(0);
        Ok(true)
    }

    fn is_empty(&self) -> bool {
        self.sent.get() == self.bytes.borrow().len()
    }
}

impl Reactor {
    /// A new, empty epoll set.
    pub fn new() -> io::Result<Rc<Reactor>> {
        let epoll = epoll::create(epoll::CreateFlags::CLOEXEC)?;
        Ok(Rc::new(Reactor {
            epoll,
            sources: RefCell::new(ahash::AHashMap::new()),
            next_token: Cell::new(1),
            outboxes: RefCell::new(Vec::new()),
        }))
    }

    /// Adds a non-blocking socket; it stays in the set until the socket is closed.
    pub fn register(self: &Rc<Self>, fd: impl AsFd) -> io::Result<Registration> {
        let token = self.next_token.get();
        self.next_token.set(token + 1);
        let readiness = Rc::new(Readiness::default());
        epoll::add(
            &self.epoll,
            fd,
            epoll::EventData::new_u64(token),
            epoll::EventFlags::IN
                | epoll::EventFlags::OUT
                | epoll::EventFlags::RDHUP
                | epoll::EventFlags::ET,
        )?;
        self.sources.borrow_mut().insert(token, readiness.clone());
        Ok(Registration {
            reactor: self.clone(),
            token,
            readiness,
        })
    }

    /// Makes the executor of this thread sleep in this epoll set, as Redis's event loop
    /// sleeps in `epoll_wait`, and collect its events once per scheduling pass without
    /// blocking (`glommio::net::set_sleep_poller`). The executor's rings join the set, so
    /// its own completions (timers, files, wake-ups from other shards) end the sleep too.
    pub fn install(self: &Rc<Self>) -> io::Result<()> {
        let reactor = self.clone();
        let mut events: Vec<epoll::Event> = Vec::with_capacity(EVENTS_PER_WAIT);
        let ring_fds = glommio::net::set_sleep_poller(Box::new(move |timeout| {
            reactor.collect(&mut events, timeout)
        }));
        for fd in ring_fds {
            // SAFETY: `fd` is one of this executor's io_uring fds, which stay open for as
            // long as the executor runs this thread; it is only borrowed for the
            // `epoll_ctl` call. (The set keeps watching the ring, not the fd number.)
            let ring = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
            epoll::add(
                &self.epoll,
                ring,
                epoll::EventData::new_u64(RING_TOKEN),
                epoll::EventFlags::IN,
            )?;
        }
        Ok(())
    }

    /// Collects the set's events, waiting up to `timeout` (`None`: until one comes) for the
    /// first, and wakes the tasks they concern; how many it woke. Interrupted (a ring
    /// completion posted through task work), it returns and the executor looks at its rings.
    fn collect(&self, events: &mut Vec<epoll::Event>, timeout: Option<Duration>) -> usize {
        let mut woke = self.send_outboxes();
        let mut wait = match woke {
            0 => timeout.map(|d| rustix::event::Timespec {
                tv_sec: d.as_secs() as i64,
                tv_nsec: i64::from(d.subsec_nanos()),
            }),
            // A stalled outbox woke its task: look, but don't sleep.
            _ => Some(NO_WAIT),
        };
        loop {
            events.clear();
            match epoll::wait(&self.epoll, spare_capacity(events), wait.as_ref()) {
                Ok(n) => {
                    woke += self.dispatch(events);
                    if n < EVENTS_PER_WAIT {
                        return woke;
                    }
                    // A full batch: take the rest without waiting.
                    wait = Some(NO_WAIT);
                }
                Err(_) => return woke,
            }
        }
    }

    /// Sends every listed outbox; one that stops short is left to its socket's task, which it
    /// wakes. How many tasks it woke.
    fn send_outboxes(&self) -> usize {
        let mut listed = std::mem::take(&mut *self.outboxes.borrow_mut());
        let mut woke = 0;
        for outbox in listed.drain(..) {
            outbox.listed.set(false);
            if outbox.stalled.get() || matches!(outbox.send(), Ok(true)) {
                continue;
            }
            outbox.stalled.set(true);
            woke += wake(&outbox.readiness.read_waker);
        }
        // Keep the list's buffer for the next pass.
        let mut current = self.outboxes.borrow_mut();
        if current.is_empty() {
            *current = listed;
        }
        woke
    }

    /// Marks the sockets of `events` ready and wakes their tasks; how many it woke.
    fn dispatch(&self, events: &[epoll::Event]) -> usize {
        let mut woke = 0;
        let sources = self.sources.borrow();
        for event in events {
            let Some(readiness) = sources.get(&event.data.u64()) else {
                continue;
            };
            let flags = event.flags;
            let hangup = flags.intersects(
                epoll::EventFlags::ERR | epoll::EventFlags::HUP | epoll::EventFlags::RDHUP,
            );
            if hangup {
                readiness.hung_up.set(true);
            }
            if hangup || flags.contains(epoll::EventFlags::IN) {
                readiness.readable.set(true);
                woke += wake(&readiness.read_waker);
            }
            if hangup || flags.contains(epoll::EventFlags::OUT) {
                readiness.writable.set(true);
                woke += wake(&readiness.write_waker);
            }
        }
        woke
    }
}

/// Wakes the task kept in `slot`, if any, leaving it there; how many it woke.
fn wake(slot: &RefCell<Option<Waker>>) -> usize {
    match slot.borrow().as_ref() {
        Some(waker) => {
            waker.wake_by_ref();
            1
        }
        None => 0,
    }
}

/// Keeps the waker of `cx` in `slot` unless it already holds one that wakes the same task.
fn keep_waker(slot: &RefCell<Option<Waker>>, cx: &std::task::Context<'_>) {
    let mut kept = slot.borrow_mut();
    if !kept.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
        *kept = Some(cx.waker().clone());
    }
}

/// A socket's place in the epoll set; dropping it forgets the socket's readiness (closing the
/// socket removes it from the epoll set itself).
#[derive(Debug)]
pub struct Registration {
    reactor: Rc<Reactor>,
    token: u64,
    readiness: Rc<Readiness>,
}

impl Registration {
    /// Waits for a "readable" edge newer than the last one this returned (or than the last
    /// [`Registration::forget_readable`]). The caller tries its read first and waits only
    /// after `WouldBlock` or a read that emptied the queue, so no data is ever left unseen.
    pub async fn readable(&self) {
        let r = &self.readiness;
        poll_fn(|cx| {
            if r.readable.replace(false) {
                Poll::Ready(())
            } else {
                keep_waker(&r.read_waker, cx);
                Poll::Pending
            }
        })
        .await
    }

    /// [`Registration::readable`], or `false` as soon as `outbox` stalls.
    async fn readable_unless_stalled(&self, outbox: &Outbox) -> bool {
        let r = &self.readiness;
        poll_fn(|cx| {
            if outbox.stalled.get() {
                Poll::Ready(false)
            } else if r.readable.replace(false) {
                Poll::Ready(true)
            } else {
                keep_waker(&r.read_waker, cx);
                Poll::Pending
            }
        })
        .await
    }

    /// Drops the "readable" edge seen so far: called right before a read, which consumes
    /// whatever that edge announced.
    fn forget_readable(&self) {
        self.readiness.readable.set(false);
    }

    /// Waits for a "writable" edge newer than the last one this returned.
    pub async fn writable(&self) {
        let r = &self.readiness;
        poll_fn(|cx| {
            if r.writable.replace(false) {
                Poll::Ready(())
            } else {
                keep_waker(&r.write_waker, cx);
                Poll::Pending
            }
        })
        .await
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.reactor.sources.borrow_mut().remove(&self.token);
    }
}

/// A client's TCP connection, non-blocking, served through the shard's reactor.
#[derive(Debug)]
pub struct Socket {
    stream: Rc<TcpStream>,
    registration: Registration,
    outbox: Rc<Outbox>,
    /// The last read came back short: the receive queue was empty after it.
    drained: bool,
}

impl Socket {
    /// Makes `stream` non-blocking and registers it with `reactor`.
    pub fn new(stream: TcpStream, reactor: &Rc<Reactor>) -> io::Result<Socket> {
        stream.set_nonblocking(true)?;
        let registration = reactor.register(&stream)?;
        let stream = Rc::new(stream);
        let outbox = Rc::new(Outbox {
            stream: stream.clone(),
            bytes: RefCell::new(Vec::new()),
            sent: Cell::new(0),
            listed: Cell::new(false),
            stalled: Cell::new(false),
            readiness: registration.readiness.clone(),
        });
        Ok(Socket {
            stream,
            registration,
            outbox,
            drained: false,
        })
    }

    /// Reads what has arrived, waiting until something has; `Ok(0)` at end of stream. Queued
    /// replies the reactor could not send in full are sent first: a client that does not read
    /// its replies is not read from either.
    ///
    /// A read that did not fill `buf` emptied the socket's receive queue (unless the peer has
    /// hung up: the end of stream stays behind the data it follows), so the next call
    /// waits for a new "readable" edge before reading instead of spending a `recv` on
    /// `EAGAIN` (one per request with non-pipelined clients). That is safe because the flag
    /// is cleared before each read: data that arrives during or after the read raises a
    /// new edge (the kernel signals every arrival to an edge-triggered set), so it is never
    /// left unseen.
    pub async fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.outbox.stalled.get() {
                self.flush().await?;
            }
            if self.drained {
                if !self
                    .registration
                    .readable_unless_stalled(&self.outbox)
                    .await
                {
                    continue;
                }
                self.drained = false;
            }
            self.registration.forget_readable();
            match (&*self.stream).read(buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => self.drained = true,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Ok(n) => {
                    // Data and the end of stream may arrive together (one edge): the read
                    // returns the data, and the next read must still find the end.
                    self.drained =
                        n > 0 && n < buf.len() && !self.registration.readiness.hung_up.get();
                    return Ok(n);
                }
                result => return result,
            }
        }
    }

    /// Queues `bytes` to be sent right before the reactor next polls (it sends every queued
    /// reply of the pass then).
    pub fn queue(&mut self, bytes: &[u8]) {
        self.outbox.bytes.borrow_mut().extend_from_slice(bytes);
        if !self.outbox.listed.get() && !self.outbox.stalled.get() {
            self.outbox.listed.set(true);
            self.registration
                .reactor
                .outboxes
                .borrow_mut()
                .push(self.outbox.clone());
        }
    }

    /// Sends everything queued now, waiting whenever the socket's send buffer is full.
    pub async fn flush(&mut self) -> io::Result<()> {
        while !self.outbox.send()? {
            self.outbox.stalled.set(true);
            self.registration.writable().await;
        }
        self.outbox.stalled.set(false);
        Ok(())
    }

    /// Sends what was queued as far as the send buffer takes it, without waiting.
    pub fn send_queued(&mut self) {
        let _ = self.outbox.send();
    }

    /// Writes all of `buf` now, after what was queued, waiting whenever the socket's send
    /// buffer is full.
    pub async fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        if !self.outbox.is_empty() {
            self.flush().await?;
        }
        loop {
            buf = &buf[send_now(&self.stream, buf)?..];
            if buf.is_empty() {
                return Ok(());
            }
            self.registration.writable().await;
        }
    }

    /// The bytes the outbox holds allocated.
    pub fn queued_capacity(&self) -> usize {
        self.outbox.bytes.borrow().capacity()
    }

    /// Closes both directions (the peer sees end of stream even if a copy of the fd lives on).
    pub fn shutdown(&self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

/// A listening socket on the shared port (every shard binds it with SO_REUSEPORT and the
/// kernel spreads connections), accepting through the reactor.
#[derive(Debug)]
pub struct Listener {
    listener: std::net::TcpListener,
    registration: Registration,
}

impl Listener {
    /// Serves `listener` (bound with SO_REUSEPORT, listening) through `reactor`.
    pub fn new(listener: std::net::TcpListener, reactor: &Rc<Reactor>) -> io::Result<Listener> {
        listener.set_nonblocking(true)?;
        let registration = reactor.register(&listener)?;
        Ok(Listener {
            listener,
            registration,
        })
    }

    /// The next connection, waiting until one arrives.
    pub async fn accept(&self) -> io::Result<TcpStream> {
        loop {
            match self.listener.accept() {
                Ok((stream, _)) => return Ok(stream),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.registration.readable().await
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}
