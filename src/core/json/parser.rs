//! Reading JSON text into a [`Value`]: exactly RFC 8259, never panicking, with
//! [`super::MAX_DEPTH`] as the limit of nesting and the line and column of any refusal (see
//! the invariants in the parent module).

use super::{Number, Object, Value, MAX_DEPTH};
use crate::core::json_syntax_error::JsonSyntaxError;

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
