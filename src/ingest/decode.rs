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
    if let Some(decoded) = mostly_utf8(bytes) {
        return Ok(decoded);
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

/// UTF-8 with a few invalid bytes (a truncated download, one stray legacy byte) is read as UTF-8,
/// each invalid sequence replaced by U+FFFD, with a warning: reading it as windows-1252 would
/// garble every accented letter of the document ("Ã©tÃ©"). The bytes count as mostly UTF-8 when
/// they hold at least as many well-formed multi-byte characters as invalid sequences.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if invalid == 0 || valid_multibyte < invalid {
        return None;
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let warning = Warning {
        kind: "ingest.invalid_utf8".into(),
        message: format!(
            "{invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the rest of the file is UTF-8)"
        ),
        span: None,
    };
    Some(Decoded { text, encoding: "UTF-8".into(), warnings: vec![warning] })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn decoded(bytes: &[u8], text: &str, encoding: &str) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, encoding));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        decoded("Préfète".as_bytes(), "Préfète", "UTF-8");
        decoded(b"\xEF\xBB\xBFPr\xC3\xA9fet", "Préfet", "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Cité".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        decoded(&bytes, "Cité", "UTF-16LE");
    }

    #[test]
    fn windows_1252_is_detected() {
        // ’ 0x92, – 0x96, € 0x80, œ 0x9C, … 0x85, NBSP 0xA0, é 0xE9.
        let bytes = b"L\x92\xE9tat consacre 12\xA0000 \x80 aux quartiers \x96 c\x9Cur de ville\x85 Pr\xE9fecture de l\x92Aude, sign\xE9 le 10 juillet.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(
            d.text.contains("L’état consacre 12\u{A0}000 € aux quartiers – cœur de ville…"),
            "{}",
            d.text
        );
    }

    #[test]
    fn one_invalid_byte_in_utf8_stays_utf8_with_a_warning() {
        let mut bytes = "L'été, la préfète a signé le contrat à Créteil.".as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("préfète") && d.text.contains('\u{FFFD}'), "{}", d.text);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].kind, "ingest.invalid_utf8");
    }

    #[test]
    fn binary_and_garbage_are_refused() {
        assert!(matches!(decode(b"%PDF-1.4\n\0\0binary"), Err(IngestError::Binary(_))));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(IngestError::Binary(_))));
        let controls: Vec<u8> = (0..400u32).map(|i| (i % 8) as u8 + 1).collect();
        assert!(matches!(decode(&controls), Err(IngestError::Binary(_))));
    }
}
