//! Real client libraries against shardis: redis-py's `Lock` (acquire, extend, reacquire,
//! release, all Lua scripts) and `register_script` (EVALSHA, reloading after SCRIPT FLUSH),
//! driven by `tests/clients/redis_py_lock.py`. Needs python3 with redis-py (`.ci/run`
//! installs it); with `SHARDIS_E2E_REDIS=1` the same script runs against redis-server.

mod common;

use common::*;
use std::process::Command;

#[test]
fn redis_py_lock_and_register_script() {
    each_server(&[1, 3], |server| {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/clients/redis_py_lock.py"
        );
        let output = Command::new("python3")
            .arg(script)
            .arg(server.port().to_string())
            .output()
            .expect("run python3");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stdout.trim() == "ok",
            "redis-py failed:\n{stdout}\n{stderr}"
        );
        let mut con = connect(server);
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}
