//! Socket readiness for one shard: every socket the shard serves sits in one edge-triggered
//! epoll set, and the shard's executor sleeps in it, as Redis's event loop sleeps in
//! `epoll_wait`.
//!
//! Why not glommio's own sockets: each of their reads arms a one-shot io_uring poll, and every
//! completed poll makes the kernel interrupt the executor's core (a rescheduling IPI) — one per
//! request with non-pipelined clients, which cost about half again Redis's CPU per request.
//! Here the executor collects the set's events itself (`glommio::net::set_sleep_poller`, in our
//! vendored glommio): once per scheduling pass with a non-blocking `epoll_wait`, and, when it
//! has nothing left to run, by sleeping in a blocking `epoll_wait` instead of `io_uring_enter`.
//! The executor's rings are in the set too, so their completions (timers, files, wake-ups sent
//! by other shards) end that sleep. Sockets are read and written with plain non-blocking
//! syscalls, and no io_uring submission is made per request or per pass.

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

/// Readiness flags and waiting tasks of one registered socket.
#[derive(Debug, Default)]
struct Readiness {
    /// An edge saying "readable" arrived since the last [`Registration::readable`] returned.
    readable: Cell<bool>,
    /// Likewise for "writable".
    writable: Cell<bool>,
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
}

impl Reactor {
    /// A new, empty epoll set.
    pub fn new() -> io::Result<Rc<Reactor>> {
        let epoll = epoll::create(epoll::CreateFlags::CLOEXEC)?;
        Ok(Rc::new(Reactor {
            epoll,
            sources: RefCell::new(ahash::AHashMap::new()),
            next_token: Cell::new(1),
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
        let mut wait = timeout.map(|d| rustix::event::Timespec {
            tv_sec: d.as_secs() as i64,
            tv_nsec: i64::from(d.subsec_nanos()),
        });
        let mut woke = 0;
        loop {
            events.clear();
            match epoll::wait(&self.epoll, spare_capacity(events), wait.as_ref()) {
                Ok(n) => {
                    woke += self.dispatch(events);
                    if n < EVENTS_PER_WAIT {
                        return woke;
                    }
                    // A full batch: take the rest without waiting.
                    wait = Some(rustix::event::Timespec {
                        tv_sec: 0,
                        tv_nsec: 0,
                    });
                }
                Err(_) => return woke,
            }
        }
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
            if hangup || flags.contains(epoll::EventFlags::IN) {
                readiness.readable.set(true);
                if let Some(waker) = readiness.read_waker.borrow_mut().take() {
                    waker.wake();
                    woke += 1;
                }
            }
            if hangup || flags.contains(epoll::EventFlags::OUT) {
                readiness.writable.set(true);
                if let Some(waker) = readiness.write_waker.borrow_mut().take() {
                    waker.wake();
                    woke += 1;
                }
            }
        }
        woke
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
                *r.read_waker.borrow_mut() = Some(cx.waker().clone());
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
                *r.write_waker.borrow_mut() = Some(cx.waker().clone());
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
    stream: TcpStream,
    registration: Registration,
    /// The last read came back short: the receive queue was empty after it.
    drained: bool,
}

impl Socket {
    /// Makes `stream` non-blocking and registers it with `reactor`.
    pub fn new(stream: TcpStream, reactor: &Rc<Reactor>) -> io::Result<Socket> {
        stream.set_nonblocking(true)?;
        let registration = reactor.register(&stream)?;
        Ok(Socket {
            stream,
            registration,
            drained: false,
        })
    }

    /// Reads what has arrived, waiting until something has; `Ok(0)` at end of stream.
    ///
    /// A read that did not fill `buf` emptied the socket's receive queue, so the next call
    /// waits for a new "readable" edge before reading instead of spending a `recv` on
    /// `EAGAIN` (one per request with non-pipelined clients). That is safe because the flag
    /// is cleared before each read: data that arrives during or after the read raises a
    /// new edge (the kernel signals every arrival to an edge-triggered set), so it is never
    /// left unseen.
    pub async fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if std::mem::take(&mut self.drained) {
            self.registration.readable().await;
        }
        loop {
            self.registration.forget_readable();
            match self.stream.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.registration.readable().await
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Ok(n) => {
                    self.drained = n > 0 && n < buf.len();
                    return Ok(n);
                }
                result => return result,
            }
        }
    }

    /// Writes all of `buf`, waiting whenever the socket's send buffer is full.
    pub async fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            match self.stream.write(buf) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => buf = &buf[n..],
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.registration.writable().await
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
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
