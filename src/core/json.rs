//! A small JSON value, its parser and its writers: what the stored formats, the W3C files, the
//! exercise files, the library and the message tables are read from and written to.
//!
//! Why not serde_json: in the widget's WebAssembly, serde_json, serde's derived visitors and
//! the float formatting they reach weighed more than a hundred kilobytes (twiggy, issue 12).
//! Every format here is read field by field by its own module anyway, with explicit versions.
//!
//! Invariants:
//! - The parser accepts exactly RFC 8259 JSON (no comments, no trailing commas, no byte order
//!   mark) and never panics; nesting deeper than [`MAX_DEPTH`] is refused rather than
//!   overflowing the stack. A refusal says where: line and column ([`JsonSyntaxError`]).
//! - Numbers are never converted to floating point: integers are kept as `u64`/`i64`, any other
//!   number as the text it was written as, and written back the same. No float formatting or
//!   parsing code is linked.
//! - Objects keep their keys in the order written; a key given twice keeps its first place and
//!   its last value (as serde_json's map did). [`Value`] equality is order-sensitive.
//! - The compact writer produces the bytes serde_json's `to_string` produced for the same
//!   fields in the same order (same escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
//!   control characters as `\u00xx`, nothing else), so values stored by earlier builds are
//!   rewritten identically.

use super::json_syntax_error::JsonSyntaxError;

/// How deeply arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// A JSON number: an integer when it is one and fits, else its text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    Unsigned(u64),
    Negative(i64),
    /// A fraction, an exponent, `-0`, or an integer beyond 64 bits: valid JSON number text.
    Other(String),
}

/// A JSON object: its members in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    pub fn new() -> Object {
        Object(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Sets `key`, keeping its place when it is already there.
    pub fn insert(&mut self, key: &str, value: impl Into<Value>) {
        let value = value.into();
        match self.0.iter_mut().find(|(name, _)| name == key) {
            Some((_, old)) => *old = value,
            None => self.0.push((key.to_string(), value)),
        }
    }

    /// [`Object::insert`] for chaining, when building a value to write.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Object {
        self.insert(key, value);
        self
    }

    /// Sets `key` only when `text` is not empty: the stored formats omit empty texts.
    pub fn with_text(self, key: &str, text: &str) -> Object {
        if text.is_empty() {
            self
        } else {
            self.with(key, text)
        }
    }

    /// Sets `key` only when there is a text: the stored formats omit `None`.
    pub fn with_some(self, key: &str, text: Option<&str>) -> Object {
        match text {
            Some(text) => self.with(key, text),
            None => self,
        }
    }

    /// Sets `key` only when `items` is not empty: the stored formats omit empty lists.
    pub fn with_list(self, key: &str, items: Vec<Value>) -> Object {
        if items.is_empty() {
            self
        } else {
            self.with(key, items)
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.0.iter().position(|(name, _)| name == key)?;
        Some(self.0.remove(index).1)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(name, _)| name.as_str())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Readers for the fields of a versioned format, with the rules serde's derived readers had:
/// a missing optional field reads as empty or `None`, a field of the wrong type (also `null`
/// where a text belongs) makes the whole object unreadable. `None` means unreadable.
impl Object {
    /// A text that must be there.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key)?.as_str().map(str::to_string)
    }

    /// A text that is empty when missing.
    pub fn text_or_empty(&self, key: &str) -> Option<String> {
        self.get(key).map_or(Some(String::new()), |value| {
            value.as_str().map(str::to_string)
        })
    }

    /// A text that may be missing or `null`: `Some(None)` then.
    pub fn optional_text(&self, key: &str) -> Option<Option<String>> {
        match self.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => value.as_str().map(|text| Some(text.to_string())),
        }
    }

    /// An unsigned integer that must be there and fit a `usize`.
    pub fn count(&self, key: &str) -> Option<usize> {
        self.get(key)?.as_usize()
    }

    /// A signed integer (milliseconds) that must be there.
    pub fn integer(&self, key: &str) -> Option<i64> {
        self.get(key)?.as_i64()
    }

    /// A list that must be there.
    pub fn list(&self, key: &str) -> Option<&[Value]> {
        self.get(key)?.as_array().map(Vec::as_slice)
    }

    /// A list that is empty when missing.
    pub fn list_or_empty(&self, key: &str) -> Option<&[Value]> {
        self.get(key)
            .map_or(Some(&[]), |value| value.as_array().map(Vec::as_slice))
    }
}

impl IntoIterator for Object {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Value {
    /// The member `key` of an object; `None` for a missing key or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Unsigned(value)) => Some(*value),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(Number::Unsigned(value)) => i64::try_from(*value).ok(),
            Value::Number(Number::Negative(value)) => Some(*value),
            _ => None,
        }
    }

    /// A count or a position: an unsigned integer that fits this machine's `usize`.
    pub fn as_usize(&self) -> Option<usize> {
        self.as_u64().and_then(|value| usize::try_from(value).ok())
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Object> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Compact JSON, as serde_json's `to_string` wrote it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None);
        out
    }

    /// JSON indented by two spaces, for files a person may open.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::String(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Value {
        Value::String(text.clone())
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl From<u64> for Value {
    fn from(value: u64) -> Value {
        Value::Number(Number::Unsigned(value))
    }
}

impl From<usize> for Value {
    fn from(value: usize) -> Value {
        Value::from(value as u64)
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Value {
        match u64::try_from(value) {
            Ok(value) => Value::from(value),
            Err(_) => Value::Number(Number::Negative(value)),
        }
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Value {
        Value::Object(object)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    /// `None` is `null`.
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

/// Parses one JSON text (white space around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, JsonSyntaxError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = parser
        .value(0)
        .and_then(|value| {
            parser.skip_space();
            if parser.at < parser.bytes.len() {
                Err(parser.at)
            } else {
                Ok(value)
            }
        })
        .map_err(|at| JsonSyntaxError::at_byte(text, at))?;
    Ok(value)
}

/// A parse in progress; every error is the byte offset where the text stopped being JSON.
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), usize> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.at)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, usize> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.at),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, usize> {
        for &byte in word.as_bytes() {
            self.expect(byte)?;
        }
        Ok(value)
    }

    fn array(&mut self, depth: usize) -> Result<Value, usize> {
        if depth > MAX_DEPTH {
            return Err(self.at);
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.at),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, usize> {
        if depth > MAX_DEPTH {
            return Err(self.at);
        }
        self.at += 1;
        let mut object = Object::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.at);
            }
            let key = self.string()?;
            self.skip_space();
            self.expect(b':')?;
            let value = self.value(depth)?;
            object.insert(&key, value);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(object));
                }
                _ => return Err(self.at),
            }
        }
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, usize> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character at once.
            let start = self.at;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.at += 1;
            }
            // The input is a `str` and the run stops only at ASCII bytes: whole characters.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| start)?);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.at),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                // A control character, or the end of the text.
                _ => return Err(self.at),
            }
        }
    }

    /// The character of `\uXXXX` (the `\u` read), a surrogate pair taking a second escape.
    fn unicode_escape(&mut self) -> Result<char, usize> {
        let start = self.at;
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(start);
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(start);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(start),
            _ => first,
        };
        char::from_u32(code).ok_or(start)
    }

    fn hex4(&mut self) -> Result<u32, usize> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|byte| (byte as char).to_digit(16))
                .ok_or(self.at)?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, usize> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.at),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
            integer = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
            integer = false;
        }
        // ASCII only, so always a str.
        let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| start)?;
        let number = match (integer, negative) {
            (true, false) => text.parse().map(Number::Unsigned).ok(),
            (true, true) => text
                .parse()
                .ok()
                .filter(|&value: &i64| value != 0)
                .map(Number::Negative),
            _ => None,
        };
        Ok(Value::Number(
            number.unwrap_or_else(|| Number::Other(text.to_string())),
        ))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), usize> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.at);
        }
        self.digits();
        Ok(())
    }
}

/// Writes `value`; `indent` is `None` for compact output, else the current depth.
fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
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

#[cfg(test)]
mod tests;
