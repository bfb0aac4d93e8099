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
//!   overflowing the stack. A refusal says where: line and column ([`super::json_syntax_error::JsonSyntaxError`]).
//! - Numbers are never converted to floating point: integers are kept as `u64`/`i64`, any other
//!   number as the text it was written as, and written back the same. No float formatting or
//!   parsing code is linked.
//! - Objects keep their keys in the order written; a key given twice keeps its first place and
//!   its last value (as serde_json's map did). [`Value`] equality is order-sensitive.
//! - The compact writer produces the bytes serde_json's `to_string` produced for the same
//!   fields in the same order (same escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
//!   control characters as `\u00xx`, nothing else), so values stored by earlier builds are
//!   rewritten identically.

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

mod parser;
mod writer;

pub use parser::parse;
pub use writer::write_string;
use writer::write_value;

#[cfg(test)]
mod tests;
