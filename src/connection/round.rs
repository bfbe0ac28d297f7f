//! The round: a read's requests grouped per shard (one message per remote shard, local
//! work in place) and their replies written back in request order, merged where a command
//! spans shards (`Slot`). A keyed command goes into the round as a `Job::Run`; every other
//! piece of shard work as a typed call (`Round::push_call`).

use super::*;

/// Where a request's reply will come from once the round has run.
pub(super) enum Slot {
    /// Already encoded.
    Ready(Bytes),
    /// The outcome of one job.
    One { shard: usize, idx: usize },
    /// Replies of several jobs merged; for KeyOrder, `order` names each key's part. A merged
    /// error counts as a failure of command `stat`.
    Merged {
        parts: Vec<(usize, usize)>,
        merge: Merge,
        order: Vec<usize>,
        stat: StatId,
    },
    /// RANDOMKEY: one of the shards' answers.
    Random {
        parts: Vec<(usize, usize)>,
        resp3: bool,
    },
    /// CLIENT LIST / CLIENT INFO lines from every shard.
    ClientList {
        parts: Vec<(usize, usize)>,
        resp3: bool,
    },
    /// CLIENT KILL counts from every shard (`old_style`: +OK / no such client).
    ClientKill {
        parts: Vec<(usize, usize)>,
        old_style: bool,
    },
    /// INFO: every shard's statistics, added up and rendered; INFO itself is counted once
    /// rendered (as Redis counts a command after it ran, INFO does not see its own call).
    Info {
        parts: Vec<(usize, usize)>,
        sections: crate::info::Sections,
        resp3: bool,
        args: Vec<Bytes>,
        started: crate::stats::Stamp,
        stat: StatId,
    },
    /// Every shard acknowledged (CONFIG RESETSTAT, SLOWLOG RESET): `+OK`; the command is
    /// counted then, so RESETSTAT counts itself and SLOWLOG RESET logs itself, as in Redis.
    Ack {
        parts: Vec<(usize, usize)>,
        then: Deferred,
    },
    /// SLOWLOG GET: every shard's newest entries, merged newest first.
    SlowlogGet {
        parts: Vec<(usize, usize)>,
        count: usize,
        then: Deferred,
    },
    /// SLOWLOG LEN: the shards' lengths added up (at most slowlog-max-len).
    SlowlogLen {
        parts: Vec<(usize, usize)>,
        then: Deferred,
    },
}

/// A connection command counted when its reply is assembled rather than when it is queued.
pub(super) struct Deferred {
    pub(super) stat: StatId,
    pub(super) args: Vec<Bytes>,
    pub(super) started: crate::stats::Stamp,
}

/// The jobs and reply slots of the requests gathered so far.
pub(super) struct Round {
    pub(super) jobs: Vec<Vec<Job>>,
    pub(super) slots: Vec<Slot>,
}

impl Round {
    pub(super) fn new(nshards: usize) -> Self {
        Round {
            jobs: (0..nshards).map(|_| Vec::new()).collect(),
            slots: Vec::new(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub(super) fn push_job(&mut self, shard: usize, job: Job) -> (usize, usize) {
        self.jobs[shard].push(job);
        (shard, self.jobs[shard].len() - 1)
    }

    /// Queues a typed call (`hop`) on `shard` in this round; its answer is read back with
    /// `hop::answer` from the slot's part.
    pub(super) fn push_call<T: Send + 'static>(
        &mut self,
        shard: usize,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> (usize, usize) {
        self.push_job(shard, Job::Call(Call::new(Touch::Nothing, f)))
    }
}

impl Conn {
    /// After this connection's commands ran in place: when they recorded something for the
    /// AOF (the stream moved on from `before`), its replies must wait for that much of the
    /// stream to be in the file, even if another connection's flush takes it first.
    pub(super) fn note_recorded(&mut self, before: Option<u64>) {
        if let Some(before) = before {
            if let Some(after) = self.ctx.aof_position().filter(|&after| after > before) {
                self.aof_needed = self.aof_needed.max(after);
            }
        }
    }

    /// Queues a command on every shard: the first part counts the call, the others their time.
    pub(super) fn queue_everywhere(
        &mut self,
        handler: Handler,
        stat: StatId,
        args: &[Bytes],
    ) -> Vec<(usize, usize)> {
        let (db, resp3) = (self.db as u8, self.resp3());
        (0..self.ctx.nshards)
            .map(|s| {
                let tally = if s == 0 {
                    Tally::Lead(stat)
                } else {
                    Tally::Part(stat)
                };
                self.round.push_job(
                    s,
                    Job::Run {
                        handler,
                        db,
                        resp3,
                        args: args.to_vec(),
                        tally,
                        origin: self.origin.clone(),
                        whole_args: None,
                    },
                )
            })
            .collect()
    }

    /// The shard of every key of `args` when they all share one.
    pub(super) fn single_shard(&self, cmd: &Command, args: &[Bytes]) -> Option<usize> {
        let n = self.ctx.nshards;
        let mut positions = cmd.key_positions(args.len());
        let first = key_shard(&args[positions.next()?], n);
        positions
            .all(|p| key_shard(&args[p], n) == first)
            .then_some(first)
    }

    /// Queues a whole command on one shard; on this shard with nothing pending, runs it now.
    pub(super) fn queue_one(
        &mut self,
        shard: usize,
        handler: Handler,
        args: Vec<Bytes>,
        tally: Tally,
    ) {
        if shard == self.ctx.id && self.round.is_empty() && (self.tx != 0 || self.ctx.unlocked()) {
            let now = self.now;
            // A transaction's local writes are its part here, kept for its commit.
            let part = self.tx != 0 && self.ctx.aof.borrow().is_some();
            if part {
                self.ctx.aof_before_part();
            }
            let before = self.ctx.aof_position();
            self.ctx.run_command(
                handler,
                self.db,
                now,
                &args,
                &mut self.out,
                tally,
                &self.origin,
            );
            if part {
                self.ctx.aof_keep_part(self.tx);
            }
            self.note_recorded(before);
            // Inside EXEC, blocked clients are served once the whole transaction ran, as
            // Redis serves them after the EXEC command: never on a state it passes through.
            if !self.in_exec {
                self.ctx.wake_blocked(now);
            }
            self.ctx.publish_events();
            return;
        }
        let job = Job::Run {
            handler,
            db: self.db as u8,
            resp3: self.resp3(),
            args,
            tally,
            origin: self.origin.clone(),
            whole_args: None,
        };
        let (shard, idx) = self.round.push_job(shard, job);
        self.round.slots.push(Slot::One { shard, idx });
    }

    /// Splits a multi-key command into one command per shard holding some of its keys.
    pub(super) fn queue_spread(
        &mut self,
        cmd: &Command,
        stat: StatId,
        handler: Handler,
        merge: Merge,
        args: Vec<Bytes>,
    ) {
        let n = self.ctx.nshards;
        let step = cmd.meta.step.max(1) as usize;
        let mut per_shard: Vec<Option<Vec<Bytes>>> = vec![None; n];
        let mut order = Vec::new();
        let mut shard_order: Vec<usize> = Vec::new();
        for p in cmd.key_positions(args.len()) {
            let s = key_shard(&args[p], n);
            let part = per_shard[s].get_or_insert_with(|| {
                shard_order.push(s);
                vec![args[0].clone()]
            });
            part.extend(args[p..(p + step).min(args.len())].iter().cloned());
            order.push(s);
        }
        let (db, resp3) = (self.db as u8, self.resp3());
        let mut parts = Vec::new();
        let mut part_of_shard = vec![usize::MAX; n];
        // The first part counts the call and logs the whole command if it was slow.
        let mut whole_args = Some(args);
        for s in shard_order {
            if let Some(part_args) = per_shard[s].take() {
                let tally = if parts.is_empty() {
                    Tally::Lead(stat)
                } else {
                    Tally::Part(stat)
                };
                part_of_shard[s] = parts.len();
                parts.push(self.round.push_job(
                    s,
                    Job::Run {
                        handler,
                        db,
                        resp3,
                        args: part_args,
                        tally,
                        origin: self.origin.clone(),
                        whole_args: whole_args.take(),
                    },
                ));
            }
        }
        let order = order.into_iter().map(|s| part_of_shard[s]).collect();
        self.round.slots.push(Slot::Merged {
            parts,
            merge,
            order,
            stat,
        });
    }

    pub(super) fn push_scratch(&mut self) {
        let bytes = self.scratch.take();
        if bytes.first() == Some(&b'-') {
            self.last_scratch = bytes.clone();
        }
        if self.round.is_empty() {
            self.out.raw(&bytes);
        } else {
            self.round.slots.push(Slot::Ready(bytes));
        }
    }

    /// Runs the queued jobs (one message per remote shard, local ones in place) and writes
    /// every pending reply in request order.
    pub(super) async fn flush_round(&mut self) {
        if self.round.is_empty() {
            return;
        }
        let nshards = self.ctx.nshards;
        let mut round = std::mem::replace(&mut self.round, Round::new(nshards));
        // Local work runs in place, unless another transaction holds keys here: then it goes
        // through the shard's lock check like any batch (and may wait for them).
        let in_place = self.tx != 0 || self.ctx.unlocked();
        let mut waiting = Vec::new();
        for (shard, jobs) in round.jobs.iter_mut().enumerate() {
            if (shard != self.ctx.id || !in_place) && !jobs.is_empty() {
                let jobs = std::mem::take(jobs);
                waiting.push((shard, self.ctx.dispatch(shard, jobs, self.tx).await));
            }
        }
        let mut results: Vec<Vec<Option<Outcome>>> = (0..nshards).map(|_| Vec::new()).collect();
        let local = std::mem::take(&mut round.jobs[self.ctx.id]);
        if !local.is_empty() {
            // A transaction's local writes are its part here, kept for its commit.
            let part = self.tx != 0 && self.ctx.aof.borrow().is_some();
            if part {
                self.ctx.aof_before_part();
            }
            let before = self.ctx.aof_position();
            results[self.ctx.id] = self.ctx.run_jobs(local).into_iter().map(Some).collect();
            if part {
                self.ctx.aof_keep_part(self.tx);
            }
            self.note_recorded(before);
        }
        for (shard, pending) in waiting {
            if let Ok(rx) = pending {
                if let Ok(outcomes) = rx.await {
                    results[shard] = outcomes.into_iter().map(Some).collect();
                }
            }
        }
        let mut take = |(s, i): (usize, usize)| {
            results
                .get_mut(s)
                .and_then(|r| r.get_mut(i))
                .and_then(Option::take)
        };
        // A subscriber that published to itself gets its messages before the PUBLISH reply,
        // as Redis delivers them while PUBLISH runs.
        self.take_pending_messages();
        for slot in round.slots {
            match slot {
                Slot::Ready(bytes) => self.out.raw(&bytes),
                Slot::One { shard, idx } => match take((shard, idx)) {
                    Some(Outcome::Reply(bytes)) => self.emit(bytes),
                    _ => self.out.error(SHARD_GONE),
                },
                Slot::Merged {
                    parts,
                    merge,
                    order,
                    stat,
                } => {
                    let replies: Vec<Bytes> = parts
                        .into_iter()
                        .map(|p| match take(p) {
                            Some(Outcome::Reply(b)) => b,
                            other => hop::answer::<Bytes>(other)
                                .unwrap_or(Bytes::from_static(b"-ERR shard unavailable\r\n")),
                        })
                        .collect();
                    if let Some(err) = replies.iter().find(|r| r.first() == Some(&b'-')) {
                        self.ctx.stats.borrow_mut().record_failed(stat, err);
                    }
                    merge_replies(&mut self.out, merge, &replies, &order);
                }
                Slot::Info {
                    parts,
                    sections,
                    resp3,
                    args,
                    started,
                    stat,
                } => {
                    let mut total: Option<Snapshot> = None;
                    for p in parts {
                        if let Ok(snap) = hop::answer::<Snapshot>(take(p)) {
                            match total.as_mut() {
                                Some(t) => t.add(&snap),
                                None => total = Some(snap),
                            }
                        }
                    }
                    let config = self.ctx.config();
                    let env = crate::info::Env {
                        config: &config,
                        nshards,
                    };
                    let text = match total {
                        Some(snap) => crate::info::render(&sections, &snap, &env),
                        None => String::new(),
                    };
                    let was = self.out.resp3();
                    self.out.set_resp3(resp3);
                    self.out.verbatim(text.as_bytes());
                    self.out.set_resp3(was);
                    let usec = crate::stats::elapsed_us(started);
                    self.ctx
                        .account(Tally::Whole(stat), usec, &args, false, &[], &self.origin);
                }
                Slot::Ack { parts, then } => {
                    for p in parts {
                        take(p);
                    }
                    self.out.ok();
                    self.account_deferred(then);
                }
                Slot::SlowlogGet { parts, count, then } => {
                    let mut entries: Vec<SlowEntry> = parts
                        .into_iter()
                        .filter_map(|p| hop::answer::<Vec<SlowEntry>>(take(p)).ok())
                        .flatten()
                        .collect();
                    entries.sort_by_key(|e| std::cmp::Reverse(e.id));
                    let max_len = self.ctx.config().slowlog_max_len as usize;
                    entries.truncate(count.min(max_len));
                    write_slowlog(&mut self.out, &entries);
                    self.account_deferred(then);
                }
                Slot::SlowlogLen { parts, then } => {
                    let total: usize = parts
                        .into_iter()
                        .map(|p| hop::answer::<usize>(take(p)).unwrap_or(0))
                        .sum();
                    let max_len = self.ctx.config().slowlog_max_len as usize;
                    self.out.int(total.min(max_len) as i64);
                    self.account_deferred(then);
                }
                Slot::Random { parts, resp3 } => {
                    let keys: Vec<Bytes> = parts
                        .into_iter()
                        .filter_map(|p| match take(p) {
                            Some(Outcome::Reply(b)) if b[0] == b'$' && &b[..] != b"$-1\r\n" => {
                                Some(b)
                            }
                            _ => None,
                        })
                        .collect();
                    if keys.is_empty() {
                        self.out.set_resp3(resp3);
                        self.out.null();
                    } else {
                        let pick = self.rng.below(keys.len());
                        self.out.raw(&keys[pick]);
                    }
                }
                Slot::ClientList { parts, resp3 } => {
                    let mut lines: Vec<(u64, String)> = parts
                        .into_iter()
                        .filter_map(|p| hop::answer::<Vec<(u64, String)>>(take(p)).ok())
                        .flatten()
                        .collect();
                    lines.sort();
                    let text: String = lines.into_iter().map(|(_, l)| l + "\n").collect();
                    let was = self.out.resp3();
                    self.out.set_resp3(resp3);
                    self.out.verbatim(text.as_bytes());
                    self.out.set_resp3(was);
                }
                Slot::ClientKill { parts, old_style } => {
                    let killed: usize = parts
                        .into_iter()
                        .map(|p| hop::answer::<usize>(take(p)).unwrap_or(0))
                        .sum();
                    if !old_style {
                        self.out.int(killed as i64);
                    } else if killed == 0 {
                        self.out.error(NO_SUCH_CLIENT);
                        if let Some((stat, _)) = command_table::lookup(b"client")
                            .and_then(|c| c.stat_of(&[Bytes::new(), Bytes::from_static(b"kill")]))
                        {
                            let reply = error_bytes(NO_SUCH_CLIENT);
                            self.ctx.stats.borrow_mut().record_failed(stat, &reply);
                        }
                    } else {
                        self.out.ok();
                    }
                }
            }
        }
    }
}

/// Combines the replies of a command's parts into the reply the client sees.
pub(super) fn merge_replies(out: &mut Reply, merge: Merge, replies: &[Bytes], order: &[usize]) {
    if let Some(err) = replies.iter().find(|r| r.first() == Some(&b'-')) {
        return out.raw(err);
    }
    match merge {
        Merge::SumInt => {
            let total: i64 = replies.iter().filter_map(|r| reply_parse::integer(r)).sum();
            out.int(total);
        }
        Merge::AllOk => out.ok(),
        Merge::Concat => {
            let parts: Vec<Vec<&[u8]>> = replies
                .iter()
                .map(|r| reply_parse::array_elements(r).unwrap_or_default())
                .collect();
            let n: usize = parts.iter().map(Vec::len).sum();
            out.array(n);
            for p in parts.iter().flatten() {
                out.raw(p);
            }
        }
        Merge::KeyOrder => {
            let mut parts: Vec<std::vec::IntoIter<&[u8]>> = replies
                .iter()
                .map(|r| {
                    reply_parse::array_elements(r)
                        .unwrap_or_default()
                        .into_iter()
                })
                .collect();
            out.array(order.len());
            for &part in order {
                match parts.get_mut(part).and_then(Iterator::next) {
                    Some(element) => out.raw(element),
                    None => out.null(),
                }
            }
        }
    }
}

/// A SCAN reply: the global cursor and the raw array of keys.
pub(super) fn scan_reply(cursor: u64, keys: &[u8]) -> Bytes {
    let mut out = Reply::new(false);
    out.array(2);
    out.bulk(cursor.to_string().as_bytes());
    out.raw(keys);
    out.take()
}

#[cfg(test)]
mod tests {
    //! The round against fake shards (`test_shards`): shard 0 is real and runs its part in
    //! place, the others record what they receive and answer with replies naming themselves.

    use crate::config::Config;
    use crate::connection::Conn;
    use crate::test_shards::{key_on, run_shards, Peer};
    use std::time::Duration;

    const FAKE: Peer = Peer::Fake {
        delay: Duration::ZERO,
    };

    fn bulk(text: &str) -> String {
        format!("${}\r\n{text}\r\n", text.len())
    }

    #[test]
    fn a_pipeline_is_one_message_per_shard_and_replies_keep_request_order() {
        let (out, received) = run_shards(Config::default(), &[FAKE], |ctx, received| async move {
            let (here, there) = (key_on("k", 0, 2), key_on("k", 1, 2));
            let mut conn = Conn::for_test(ctx, 1);
            let out = conn
                .exchange(&[
                    &["SET", &here, "a"],
                    &["GET", &there],
                    &["GET", &here],
                    &["SET", &there, "b"],
                    &["PING"],
                    &["GET", &there],
                ])
                .await;
            let seen = received.lock().map(|r| r.clone()).unwrap_or_default();
            (out, seen)
        });
        let there = key_on("k", 1, 2);
        let expected = [
            "+OK\r\n".to_string(),
            format!("+s1:GET {there}\r\n"),
            bulk("a"),
            format!("+s1:SET {there} b\r\n"),
            "+PONG\r\n".to_string(),
            format!("+s1:GET {there}\r\n"),
        ]
        .concat();
        assert_eq!(out, expected);
        // Shard 1's three commands went in one message, in request order.
        let jobs = vec![
            format!("GET {there}"),
            format!("SET {there} b"),
            format!("GET {there}"),
        ];
        assert_eq!(received, vec![(1, jobs)]);
    }

    #[test]
    fn a_command_over_several_shards_is_split_and_its_replies_merged() {
        let (out, received) = run_shards(Config::default(), &[FAKE], |ctx, received| async move {
            let (a, b, c) = (key_on("a", 1, 2), key_on("b", 0, 2), key_on("c", 1, 2));
            let mut conn = Conn::for_test(ctx, 1);
            conn.exchange(&[&["SET", &b, "here"]]).await;
            let out = conn
                .exchange(&[&["MGET", &a, &b, &c], &["DEL", &a, &b, &c, &b]])
                .await;
            let seen = received.lock().map(|r| r.clone()).unwrap_or_default();
            (out, seen)
        });
        let (a, b, c) = (key_on("a", 1, 2), key_on("b", 0, 2), key_on("c", 1, 2));
        // MGET's values come back in the order of its keys; DEL's counts are added (shard 0
        // deleted its key once, the fake counts its two keys).
        let expected = format!(
            "*3\r\n{}{}{}:3\r\n",
            bulk(&format!("{a}@s1")),
            bulk("here"),
            bulk(&format!("{c}@s1"))
        );
        assert_eq!(out, expected);
        // Each command is atomic across shards: its keys there are locked first, its part
        // runs with the release in the same message.
        let lock = format!("lock {a} {c} whole=false");
        let expected = vec![
            (1, vec![lock.clone()]),
            (1, vec![format!("MGET {a} {c}"), "unlock".to_string()]),
            (1, vec![lock]),
            (1, vec![format!("DEL {a} {c}"), "unlock".to_string()]),
        ];
        assert_eq!(received, expected);
        let _ = b;
    }

    #[test]
    fn a_slow_shard_does_not_reorder_the_replies() {
        let slow = Peer::Fake {
            delay: Duration::from_millis(30),
        };
        let out = run_shards(Config::default(), &[slow, FAKE], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            let (s1, s2, s0) = (key_on("k", 1, 3), key_on("k", 2, 3), key_on("k", 0, 3));
            conn.exchange(&[&["GET", &s1], &["GET", &s2], &["GET", &s0], &["GET", &s1]])
                .await
        });
        let (s1, s2) = (key_on("k", 1, 3), key_on("k", 2, 3));
        let expected = format!("+s1:GET {s1}\r\n+s2:GET {s2}\r\n$-1\r\n+s1:GET {s1}\r\n");
        assert_eq!(out, expected);
    }

    #[test]
    fn a_gone_shard_fails_its_commands_and_the_others_are_served() {
        let out = run_shards(Config::default(), &[Peer::Gone], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            let (here, there) = (key_on("k", 0, 2), key_on("k", 1, 2));
            let first = conn
                .exchange(&[&["GET", &there], &["SET", &here, "v"]])
                .await;
            let second = conn
                .exchange(&[&["GET", &here], &["MGET", &here, &there]])
                .await;
            (first, second)
        });
        assert_eq!(out.0, "-ERR shard unavailable\r\n+OK\r\n");
        assert_eq!(out.1, format!("{}-ERR shard unavailable\r\n", bulk("v")));
    }

    #[test]
    fn connection_commands_answer_in_their_place_among_shard_work() {
        let out = run_shards(Config::default(), &[FAKE], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            let there = key_on("k", 1, 2);
            conn.exchange(&[
                &["GET", &there],
                &["ECHO", "between"],
                &["SELECT", "2"],
                &["GET", &there],
            ])
            .await
        });
        let there = key_on("k", 1, 2);
        let expected = format!(
            "+s1:GET {there}\r\n{}+OK\r\n+s1:GET {there}\r\n",
            bulk("between")
        );
        assert_eq!(out, expected);
    }
}
