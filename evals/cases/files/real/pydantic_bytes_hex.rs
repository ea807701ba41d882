// Cut from pydantic/pydantic-core at 383eb95a19433754c0cecf7025b50c26b6d97a36,
// src/serializers/config.rs:318-330 (`BytesMode::bytes_to_string`, the `Hex` arm), with the enum it needs.
// Runs for every `bytes` value serialized with `ser_json_bytes="hex"` (model_dump / model_dump_json).
use std::borrow::Cow;

#[derive(Clone, Copy)]
pub enum BytesMode {
    Utf8,
    Hex,
}

impl BytesMode {
    pub fn bytes_to_string(self, bytes: &[u8]) -> Result<Cow<'_, str>, std::str::Utf8Error> {
        match self {
            Self::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed),
            Self::Hex => Ok(Cow::Owned(
                bytes.iter().fold(String::new(), |acc, b| acc + &format!("{b:02x}")),
            )),
        }
    }
}
