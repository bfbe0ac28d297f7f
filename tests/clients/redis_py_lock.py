"""redis-py's Lock and register_script against a server on 127.0.0.1:<port> (argv[1]).

Run by tests/clients.rs. Prints "ok" when every step behaved as it does against Redis.
"""

import sys

import redis


def main() -> None:
    port = int(sys.argv[1])
    r = redis.Redis(host="127.0.0.1", port=port)
    key = "lock:{resource}"
    lock = r.lock(key, timeout=5)
    assert lock.acquire(blocking=False), "acquire"
    assert lock.owned(), "owned after acquire"
    other = r.lock(key, timeout=5)
    assert not other.acquire(blocking=False), "a second holder was let in"
    assert lock.extend(10), "extend"
    assert 5000 < r.pttl(key) <= 15000, "extend added to the time left"
    assert lock.reacquire(), "reacquire"
    assert 0 < r.pttl(key) <= 5000, "reacquire reset the time left"
    lock.release()
    assert not lock.owned(), "owned after release"
    assert other.acquire(blocking=False), "acquire after release"
    # Someone else's token in the key: the release script refuses it.
    r.set(key, "someone-else")
    try:
        other.release()
        raise AssertionError("released a lock held by someone else")
    except redis.exceptions.LockNotOwnedError:
        pass
    r.delete(key)

    incr = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])")
    assert incr(keys=["counter"], args=[5]) == 5
    r.script_flush()
    # After SCRIPT FLUSH the EVALSHA fails with NOSCRIPT and redis-py loads it again.
    assert incr(keys=["counter"], args=[5]) == 10
    # Keys on other shards, not declared.
    total = r.register_script(
        "local s = 0 for i = 1, 8 do s = s + (tonumber(redis.call('GET', 'n' .. i)) or 0) end return s"
    )
    for i in range(1, 9):
        r.set(f"n{i}", i)
    assert total() == 36
    print("ok")


if __name__ == "__main__":
    main()
