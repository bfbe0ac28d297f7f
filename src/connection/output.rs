//! A connection's output past one buffer's worth. Redis keeps a client's replies in a list of
//! blocks (`clientReplyBlock`), each freed once written; a single output buffer instead grows
//! by doubling, so 500 pipelined 1 MB replies nobody reads made a 512 MB buffer, with the
//! buffers it outgrew on top until the allocator purged them, and every reply a shard sent
//! back was copied into it. So once the buffer holds [`SPILL_AT`] bytes it is handed, as it
//! is, to a list of blocks written before it; a reply of that size built on another shard
//! joins the list without being copied. Small replies never meet this path.

use super::Conn;
use crate::reactor::Socket;
use bytes::Bytes;
use std::collections::VecDeque;

/// Output buffer length from which the buffer joins the blocks (Redis writes at most 64 KB to
/// a client per event before it serves the next).
const SPILL_AT: usize = 64 * 1024;

/// Output set aside in blocks, in order, all of it to be written before the output buffer.
#[derive(Debug, Default)]
pub(super) struct Spilled {
    blocks: VecDeque<Bytes>,
    /// Bytes held in `blocks`.
    len: usize,
}

impl Spilled {
    /// Bytes waiting in blocks.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// True when no block waits.
    pub(super) fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    fn push(&mut self, block: Bytes) {
        if !block.is_empty() {
            self.len += block.len();
            self.blocks.push_back(block);
        }
    }

    /// Writes every block in order, freeing each once it is sent, waiting whenever the
    /// socket's send buffer is full.
    pub(super) async fn write(&mut self, stream: &mut Socket) -> std::io::Result<()> {
        while let Some(block) = self.blocks.front() {
            stream.write_all(block).await?;
            self.len -= block.len();
            self.blocks.pop_front();
        }
        Ok(())
    }
}

impl Conn {
    /// Output may go to blocks: not inside EXEC (which prefixes what its commands wrote to the
    /// buffer), nor for a monitor or a subscriber (whose writes count against their limits).
    fn may_spill(&self) -> bool {
        !self.in_exec && self.monitor.is_none() && self.pubsub.is_none()
    }

    /// Hands the output buffer to the blocks once it holds [`SPILL_AT`] bytes.
    pub(super) fn spill_if_large(&mut self) {
        if self.out.len() >= SPILL_AT && self.may_spill() {
            self.spilled.push(self.out.take_all());
        }
    }

    /// Appends a reply another shard encoded: one of [`SPILL_AT`] bytes or more joins the
    /// blocks as it is (after the buffer), smaller ones are copied into the buffer.
    pub(super) fn emit(&mut self, reply: Bytes) {
        if reply.len() >= SPILL_AT && self.may_spill() {
            if !self.out.is_empty() {
                self.spilled.push(self.out.take_all());
            }
            self.spilled.push(reply);
        } else {
            self.out.raw(&reply);
        }
    }
}
