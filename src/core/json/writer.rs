//! Writing a [`Value`] as JSON text, compact or indented, with serde_json's escapes (see the
//! invariants in the parent module).

use super::{Number, Value};

/// Writes `value`; `indent` is `None` for compact output, else the current depth.
pub(super) fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(Number::Unsigned(value)) => out.push_str(&value.to_string()),
        Value::Number(Number::Negative(value)) => out.push_str(&value.to_string()),
        Value::Number(Number::Other(text)) => out.push_str(text),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            write_members(out, indent, '[', ']', items.iter().map(|item| (None, item)))
        }
        Value::Object(object) => write_members(
            out,
            indent,
            '{',
            '}',
            object.iter().map(|(key, value)| (Some(key), value)),
        ),
    }
}

fn write_members<'a>(
    out: &mut String,
    indent: Option<usize>,
    open: char,
    close: char,
    members: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Value)>,
) {
    out.push(open);
    let empty = members.len() == 0;
    let inner = indent.map(|depth| depth + 1);
    for (index, (key, value)) in members.enumerate() {
        if index > 0 {
            out.push(',');
        }
        new_line(out, inner);
        if let Some(key) = key {
            write_string(out, key);
            out.push(':');
            if indent.is_some() {
                out.push(' ');
            }
        }
        write_value(out, value, inner);
    }
    if !empty {
        new_line(out, indent);
    }
    out.push(close);
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// `text` as a JSON string literal.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    while let Some(index) = rest.find(|ch: char| ch < ' ' || ch == '"' || ch == '\\') {
        out.push_str(&rest[..index]);
        let byte = rest.as_bytes()[index];
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 15)] as char);
            }
        }
        rest = &rest[index + 1..];
    }
    out.push_str(rest);
    out.push('"');
}
