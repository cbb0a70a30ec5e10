//! The cue patterns the `people` rules share, built once from `rules/people/cues.tsv`: what
//! introduces signatories, people present, quoted people and contacts.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{alternation, cues};

fn alt(kind: &str) -> String {
    alternation(cues(kind))
}

/// "signé par", "a été signé le 24 juin à Metz, par", "Signé en mai dernier par": a signing
/// participle, then "par" in the same clause.
pub(super) static SIGN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}\b(?:[^.;!?«»\n]|\n[ \t]*[^\s]){{0,100}}?\bpar\b|\b{}",
        alt("sign_participle"),
        alt("sign_list")
    ))
    .expect("valid regex")
});

/// An active signing verb: "a signé", "ont également paraphé", "signent".
pub(super) static SIGN_ACTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}\s+(?:{}\s+)*{}\b|\b{}\b",
        alt("sign_aux"),
        alt("adverb"),
        alt("sign_participle"),
        alt("sign_present")
    ))
    .expect("valid regex")
});

/// "en présence de", "aux côtés du", "accompagnée par".
pub(super) static PRESENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}(?:\s+(?:de|du|des|par)\b|\s+d')", alt("presence")))
        .expect("valid regex")
});

/// A verb whose subject attended: "représentait", "a assisté à la signature".
pub(super) static PRESENCE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    // An adverb may stand after the first word: "étaient également présents".
    let adverbs = format!(r"\s+(?:{}\s+)*", alt("adverb"));
    let forms: Vec<String> = cues("presence_verb")
        .map(|c| {
            let parts: Vec<String> = c.split(' ').map(regex::escape).collect();
            match parts.split_first() {
                Some((first, rest)) if !rest.is_empty() => {
                    format!("{first}{adverbs}{}", rest.join(r"\s+"))
                }
                _ => parts.join(""),
            }
        })
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", forms.join("|"))).expect("valid regex")
});

/// A word that attributes what follows to a person: "selon A", "d'après A".
pub(super) static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}(?:\s+|$)", alt("attribution"))).expect("valid regex")
});

/// A speech verb right after a closing quote: "», a déclaré", "» résume".
pub(super) static SPEECH_AFTER_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)»[ \t]*,?\s*{}\b", alt("speech"))).expect("valid regex")
});

/// A speech verb before an opening quote: "a déclaré : «".
pub(super) static SPEECH_BEFORE_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}\s*:?\s*«", alt("speech"))).expect("valid regex")
});

/// A contact label at the start of a line: "Contact presse :", "Contact :", "Relations presse".
pub(super) static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?im)^[ \t#>*_•-]*{}[ \t]*(?::|$)", alt("contact"))).expect("valid regex")
});

/// An e-mail address or a French phone number.
pub(super) static COORDINATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+33\s?|\b0)[1-9](?:[ .-]?\d\d){4}\b")
        .expect("valid regex")
});

/// Words that make a paragraph about a signing ("signature", "paraphé", "cérémonie").
pub(super) static SIGNING_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{}", alt("context"))).expect("valid regex"));

/// Where a list introduced by a cue stops: a quotation, a relative clause, a verb with its
/// auxiliary ("a rappelé"), another cue.
pub(super) static LIST_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[«»]|\b(?:qui|a|ont|avait|avaient)\s+\p{Ll}").expect("valid regex")
});

/// The end of the list a cue at `from` introduces, within `sentence_end`: the first quotation,
/// relative clause or cue of another kind (`others`).
pub(super) fn list_end(text: &str, from: usize, sentence_end: usize, others: &[&Regex]) -> usize {
    let scope = &text[from..sentence_end];
    let mut end = sentence_end;
    for re in std::iter::once(&*LIST_CUT).chain(others.iter().copied()) {
        if let Some(m) = re.find(scope) {
            end = end.min(from + m.start());
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_match() {
        assert!(
            SIGN_BY.is_match("Le contrat a été signé le lundi 24 juin à l'Arsenal, à Metz, par")
        );
        assert!(SIGN_BY.is_match("Signé en mai dernier par"));
        assert!(!SIGN_BY.is_match("Signé le 16 octobre. Le préfet par ailleurs"));
        assert!(SIGN_ACTIVE.is_match("ont également signé"));
        assert!(!SIGN_ACTIVE.is_match("a été signé"));
        assert!(PRESENCE.is_match("en présence d'Anne"));
        assert!(PRESENCE.is_match("aux côtés du préfet"));
        assert!(SPEECH_AFTER_QUOTE.is_match("», résume"));
        assert!(PRESENCE_VERB.is_match("Étaient également présents"));
        assert!(PRESENCE.is_match("était représentée par le secrétaire général"));
        assert!(SPEECH_AFTER_QUOTE.is_match("» a exposé"));
        assert!(CONTACT_LABEL.is_match("Contact presse\n"));
        assert!(CONTACT_LABEL.is_match("Contact : Annick"));
        assert!(!CONTACT_LABEL.is_match("Le contact avec les habitants"));
        assert!(COORDINATES.is_match("02 31 39 40 00"));
        assert!(COORDINATES.is_match("e.marchand@caen.fr"));
    }
}
