//! Socket readiness for one shard: every socket the shard serves sits in one edge-triggered
//! epoll set, and one poller task turns its events into task wake-ups.
//!
//! Why not glommio's own sockets: each of their reads arms a one-shot io_uring poll, and every
//! completed poll makes the kernel interrupt the executor's core (a rescheduling IPI) — one per
//! request with non-pipelined clients, which cost about half again Redis's CPU per request.
//! Here the executor holds a single io_uring poll, on the epoll set itself
//! (`glommio::net::wait_readable`, the one function our vendored glommio adds). While the shard
//! is busy, readiness of its sockets piles up in the epoll set at no cost and is collected by one
//! `epoll_wait` per scheduling pass, as Redis's event loop does; sockets are read and written
//! with plain non-blocking syscalls.

use rustix::buffer::spare_capacity;
use rustix::event::epoll;
use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::rc::Rc;
use std::task::{Poll, Waker};

/// Events collected per `epoll_wait`.
const EVENTS_PER_WAIT: usize = 256;

/// A timer this short fires on the executor's next scheduling pass.
const NEXT_PASS: std::time::Duration = std::time::Duration::from_micros(1);

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

    /// The poller: parks in the executor's io_uring until the epoll set has events, wakes the
    /// tasks they concern, and goes back to wait. Runs for the life of the shard.
    pub async fn run(self: Rc<Self>) {
        let mut events: Vec<epoll::Event> = Vec::with_capacity(EVENTS_PER_WAIT);
        let no_wait = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        loop {
            // Parks in the executor's io_uring until the set has events: an io_uring
            // submission, and an interrupt if the executor was asleep.
            if glommio::net::wait_readable(self.epoll.as_raw_fd())
                .await
                .is_err()
            {
                glommio::timer::sleep(std::time::Duration::from_millis(1)).await;
            }
            // While events keep coming, collect them once per scheduling pass with a plain
            // `epoll_wait`, as Redis's event loop does, instead of arming the io_uring poll
            // again each time: the timer lets the tasks just woken run first and fires on the
            // executor's next pass. Only a pass that finds nothing goes back to park.
            while self.collect(&mut events, &no_wait) > 0 {
                glommio::timer::sleep(NEXT_PASS).await;
            }
        }
    }

    /// Drains the set without waiting and wakes the tasks concerned; how many events came.
    fn collect(&self, events: &mut Vec<epoll::Event>, no_wait: &rustix::event::Timespec) -> usize {
        let mut total = 0;
        loop {
            events.clear();
            match epoll::wait(&self.epoll, spare_capacity(events), Some(no_wait)) {
                Ok(n) => {
                    self.dispatch(events);
                    total += n;
                    if n < EVENTS_PER_WAIT {
                        return total;
                    }
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(_) => return total,
            }
        }
    }

    fn dispatch(&self, events: &[epoll::Event]) {
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
                }
            }
            if hangup || flags.contains(epoll::EventFlags::OUT) {
                readiness.writable.set(true);
                if let Some(waker) = readiness.write_waker.borrow_mut().take() {
                    waker.wake();
                }
            }
        }
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
