//! The `schema` field of a JSON document, read before the rest of it.
//!
//! A file is checked for its schema before it is read as what it claims to
//! be, so that a result file opened as a session gets "wrong schema" rather
//! than a field-by-field complaint. Reading the tag with a visitor of its own
//! (instead of parsing the whole text into a `serde_json::Value` and reading
//! the document back out of it) keeps `Value`'s deserializer, and a second
//! copy of every session type's deserializer, out of the widget's module.

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A document's `schema`: its text when it is a string, `None` when it is
/// missing or anything else (as `Value::get("schema").and_then(as_str)`).
#[derive(Deserialize)]
pub(crate) struct SchemaTag {
    #[serde(default)]
    pub(crate) schema: StringOrOther,
}

/// A JSON value kept only when it is a string; any other value is skipped.
#[derive(Default)]
pub(crate) struct StringOrOther(Option<String>);

impl SchemaTag {
    /// The schema, when it is a string.
    pub(crate) fn schema(&self) -> Option<&str> {
        self.schema.0.as_deref()
    }
}

impl<'de> Deserialize<'de> for StringOrOther {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringOrOtherVisitor)
    }
}

struct StringOrOtherVisitor;

impl<'de> Visitor<'de> for StringOrOtherVisitor {
    type Value = StringOrOther;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<StringOrOther, E> {
        Ok(StringOrOther(Some(v.to_string())))
    }

    fn visit_bool<E>(self, _: bool) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_unit<E>(self) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_none<E>(self) -> Result<StringOrOther, E> {
        Ok(StringOrOther(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StringOrOther, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(StringOrOther(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StringOrOther, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(StringOrOther(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(json: &str) -> Option<String> {
        serde_json::from_str::<SchemaTag>(json).unwrap().schema().map(str::to_string)
    }

    #[test]
    fn only_a_string_schema_is_a_schema() {
        assert_eq!(schema(r#"{"articles":[{"a":1}],"schema":"stance-session/1"}"#).as_deref(), Some("stance-session/1"));
        for other in [
            r#"{}"#,
            r#"{"schema":null}"#,
            r#"{"schema":3}"#,
            r#"{"schema":-1.5}"#,
            r#"{"schema":[1,{"x":2}]}"#,
            r#"{"schema":{"a":"b"}}"#,
            r#"{"schema":true}"#,
        ] {
            assert_eq!(schema(other), None, "{other}");
        }
    }
}
