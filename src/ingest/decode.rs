//! Bytes to text: BOM, UTF-8, then legacy encodings (windows-1252, ISO-8859-1/-15) detected
//! with `chardetng`; binary content is refused.

use encoding_rs::Encoding;

use super::IngestError;
use crate::record::Warning;

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: String,
    pub warnings: Vec<Warning>,
}

/// Decodes raw bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(IngestError::Encoding(format!("invalid {} after its BOM", enc.name())));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name().into(),
            warnings: vec![],
        });
    }
    if let Some(why) = binary_reason(bytes) {
        return Err(IngestError::Binary(why));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: "UTF-8".into(), warnings: vec![] });
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(Some(b"fr"), true);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors || enc == encoding_rs::UTF_8 {
        return Err(IngestError::Encoding("neither UTF-8 nor a known legacy encoding".into()));
    }
    Ok(Decoded { text: text.into_owned(), encoding: enc.name().into(), warnings: vec![] })
}

/// Why the bytes look binary, if they do: NUL bytes, or many control bytes.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("NUL bytes".into());
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    (controls * 20 > head.len())
        .then(|| format!("{controls} control bytes in the first {}", head.len()))
}
