//! redis-server's command line (`--name value ...`) turned into config text, and the quoting
//! (Redis's `sdscatrepr`) it and CONFIG REWRITE write strings with.

use super::load::split_words;

/// Redis's `sdscatrepr`: `s` in double quotes, with `\\ \" \n \r \t \a \b` escaped and other
/// unprintable bytes as `\xHH`. Used for command-line values and CONFIG REWRITE strings.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for &b in s.as_bytes() {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            7 => out.push_str("\\a"),
            8 => out.push_str("\\b"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// Turns redis-server's command line after the config file into config text, exactly as
/// redis-server does: `--name` starts a line, every other argument is appended quoted (so
/// `--port abc` becomes the line `port "abc"`), and a bare `--save` means `save ""`.
pub fn command_line_text(args: &[String]) -> String {
    let mut options = String::new();
    // Whether the last `--name` has had its value (a value may itself start with `--`).
    let mut handled_last = true;
    for (j, arg) in args.iter().enumerate() {
        if handled_last && arg.starts_with("--") {
            if !options.is_empty() {
                options.push('\n');
            }
            options.push_str(&arg[2..]);
            options.push(' ');
            if split_words(arg).len() == 1 {
                handled_last = false;
                let next_is_option = args.get(j + 1).is_some_and(|n| n.starts_with("--"));
                if arg.eq_ignore_ascii_case("--save") && (next_is_option || j + 1 == args.len()) {
                    options.push_str("\"\"");
                    handled_last = next_is_option;
                }
            } else {
                handled_last = true;
            }
        } else {
            options.push_str(&quote(arg));
            options.push(' ');
            handled_last = true;
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_becomes_config_lines_as_in_redis_server() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            command_line_text(&args(&["--port", "abc"])),
            "port \"abc\" "
        );
        assert_eq!(
            command_line_text(&args(&["--bind", "a", "b", "--hz", "5"])),
            "bind \"a\" \"b\" \nhz \"5\" "
        );
        assert_eq!(
            command_line_text(&args(&["--save", "--port", "1"])),
            "save \"\"\nport \"1\" "
        );
        assert_eq!(command_line_text(&args(&["--save"])), "save \"\"");
        assert_eq!(command_line_text(&args(&["--port 7000"])), "port 7000 ");
        assert_eq!(
            command_line_text(&args(&["--requirepass", "a \"b\"\n"])),
            "requirepass \"a \\\"b\\\"\\n\" "
        );
        assert_eq!(
            command_line_text(&args(&["--list-max-listpack-size", "-2"])),
            "list-max-listpack-size \"-2\" "
        );
    }
}
