//! The cue patterns the `people` rules share, built once from `rules/people/cues.tsv`: what
//! introduces signatories, people present, quoted people and contacts.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{alternation, cues, escape};

fn alt(kind: &str) -> String {
    alternation(cues(kind))
}

/// "signé par", "a été signé le 24 juin à Metz, par", "Signé en mai dernier par", "signé lundi
/// entre A et B", "la signature, par A et B, du contrat": a signing participle, then "par" or
/// "entre" in the same clause; a list cue ("les signataires sont").
pub(super) static SIGN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{}|{BARE_PARTICIPLE})\b(?:[^.;!?«»\n]|\n[ \t]*[^\s]){{0,100}}?\b(?:par|entre)\b|\bsignature\s*,\s*par\b|\b{}",
        alt("sign_participle"),
        alt("sign_list")
    ))
    .expect("valid regex")
});

/// A signing participle that lost its accent after "été" that lost it too, as a conversion
/// without accents writes it ("a ete signe par", "ont ete paraphes"): after the auxiliary, the
/// bare form is no noun ("un signe", "son paraphe") nor a present tense.
const BARE_PARTICIPLE: &str = r"ete\s+(?:co-?|contre-?)?(?:sign|paraph)ee?s?";

/// An active signing verb: "a signé", "ont également paraphé", "signent", "ont apposé leur
/// signature", "ont officialisé" (a weak verb: see [`is_weak_signing`]), "ont conclu" (a verb
/// that needs a contract as its object: see [`is_object_signing`]).
pub(super) static SIGN_ACTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}\s+(?:{}\s+)*{}\b|\b{}\b|\b(?:{})\b",
        alt("sign_aux"),
        alt("adverb"),
        alt("sign_participle"),
        alt("sign_present"),
        phrases(&["sign_phrase", "sign_weak", "sign_object"]),
    ))
    .expect("valid regex")
});

/// The phrases of `kinds` as one alternation, with adverbs allowed between their words ("ont
/// officiellement apposé leur signature"). The phrases are factored into a tree of words, so
/// that the adverb gap is written once where phrases branch rather than once between every two
/// words of every phrase: phrases that start alike share their first words ("ont
/// (?:procédé|tenu)"), words followed by the same continuations share them ("(?:venu|venue)
/// signer"). No phrase is a word-for-word start of another and no adverb is a phrase word (see
/// the tests), so at most one phrase matches at a position and the order of the branches does
/// not change what is found.
fn phrases(kinds: &[&str]) -> String {
    let gap = format!(r"\s+(?:{}\s+)*", alt("adverb"));
    let mut tree = Words::default();
    for phrase in kinds.iter().flat_map(|k| cues(k)) {
        tree.insert(phrase.split(' '));
    }
    tree.branches(&gap)
}

/// The phrases that go on after some words: whether they may stop there, and by next word.
#[derive(Default)]
struct Words {
    stop: bool,
    next: BTreeMap<&'static str, Words>,
}

impl Words {
    fn insert(&mut self, mut words: impl Iterator<Item = &'static str>) {
        match words.next() {
            Some(word) => self.next.entry(word).or_default().insert(words),
            None => self.stop = true,
        }
    }

    /// The next words and what follows each, the words with the same continuation grouped
    /// (longest first, as in [`alternation`]: "entérinent" before "entérine").
    fn branches(&self, gap: &str) -> String {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for (word, rest) in &self.next {
            let rest = rest.continuation(gap);
            match groups.iter_mut().find(|(r, _)| *r == rest) {
                Some((_, words)) => words.push(escape(word)),
                None => groups.push((rest, vec![escape(word)])),
            }
        }
        let alts: Vec<String> = groups
            .into_iter()
            .map(|(rest, mut words)| {
                words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                (rest, words)
            })
            .map(|(rest, words)| match words.as_slice() {
                [word] => format!("{word}{rest}"),
                _ => format!("(?:{}){rest}", words.join("|")),
            })
            .collect();
        format!("(?:{})", alts.join("|"))
    }

    /// What follows a word: nothing where all its phrases stop, else the gap and the next words
    /// (optional where a phrase may also stop there).
    fn continuation(&self, gap: &str) -> String {
        if self.next.is_empty() {
            String::new()
        } else if self.stop {
            format!("(?:{gap}{})?", self.branches(gap))
        } else {
            format!("{gap}{}", self.branches(gap))
        }
    }
}

/// Whether a match of [`SIGN_ACTIVE`] is a weak signing verb ("ont officialisé", "ont scellé"),
/// which names a signing only in a sentence about a contract.
pub(super) fn is_weak_signing(verb: &str) -> bool {
    static WEAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^(?:{})", phrases(&["sign_weak"]))).expect("valid regex")
    });
    WEAK.is_match(verb)
}

/// Whether a match of [`SIGN_ACTIVE`] is a verb that names a signing only when a contract is
/// its object ("ont conclu le contrat", not "a conclu la réunion"): see [`CONTRACT_OBJECT`].
pub(super) fn is_object_signing(verb: &str) -> bool {
    static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^(?:{})$", phrases(&["sign_object"]))).expect("valid regex")
    });
    OBJECT.is_match(verb)
}

/// The object of a verb that signs when it is a contract, right after the verb: "le premier
/// contrat", "leur engagement", "le 3 juillet dernier le protocole", "officiellement la
/// convention". An adverb or a date may come first; a determiner and at most two words stand
/// before the contract word.
pub(super) static CONTRACT_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let date = r"(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:\d{1,2}(?:er)?\s+\p{L}+(?:\s+\d{4})?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:dernier|matin|après-midi|soir))?|ce\s+(?:matin|midi|soir|jour)|hier(?:\s+(?:matin|soir))?";
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:{}|{date})\s*,?\s+)*(?:le|la|les|leur|leurs|ce|cet|cette|ces|un|une|son|sa|ses|l')\s*(?:[\p{{L}}-]+\s+){{0,2}}?(?:contrat|convention|engagement|protocole|accord|pacte|charte|avenant|partenariat)",
        alt("adverb")
    ))
    .expect("valid regex")
});

/// A signing to come anywhere in a text: "sera signé", "doivent être officiellement paraphés".
pub(super) static FUTURE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}\s+(?:(?:{})\s+)*(?:sign|paraph|contresign|cosign)",
        alt("sign_future"),
        alt("adverb")
    ))
    .expect("valid regex")
});

/// A verb whose subject is the signing and whose object the people at it: "La signature a
/// réuni A, B", "la cérémonie rassemblait".
pub(super) static GATHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b", phrases(&["gather"]))).expect("valid regex")
});

/// A presence cue closing the gap between a subject and the people who accompany it: "A,
/// préfet, accompagné de B, sous-préfet, a signé".
pub(super) static PRESENCE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*,?\s*{}(?:\s+(?:de|du|des|par)\s+|\s+d')(?:(?:le|la|M\.|Mme|Madame|Monsieur)\s+|l')?$",
        alt("presence")
    ))
    .expect("valid regex")
});

/// What joins a signing verb to the people who sign with its subject: "a signé le contrat
/// avec", ", de même que", "tout comme", "conjointement avec".
pub(super) static COSIGNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^.;!?«»\n]{0,120}?(?:,\s*|\s)(?:(?:conjointement\s+)?avec|de\s+même\s+que|tout\s+comme|ainsi\s+que|en\s+même\s+temps\s+que)\s",
    )
    .expect("valid regex")
});

/// The words that make a sentence about a contract, for the weak signing verbs.
pub(super) static ABOUT_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:contrat|convention|engagement|partenariat|protocole|accord|pacte|charte|sign)",
    )
    .expect("valid regex")
});

/// An auxiliary right before a signing participle that puts the signing in the future: "sera
/// signé par", "doit être signé", "devrait être officiellement signé".
pub(super) static FUTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}\s+(?:(?:{})\s+)*$", alt("sign_future"), alt("adverb")))
        .expect("valid regex")
});

/// "en présence de", "en présence notamment de", "aux côtés du", "accompagnée par", "présidée
/// par", "à ses côtés". On a page that lost its accents, "en presence de" and a participle
/// before "par" ("etait represente par", "accompagnee par"); not before "de", where the bare
/// form is a present tense ("il accompagne des jeunes", "elle represente des habitants").
pub(super) static PRESENCE: LazyLock<Regex> = LazyLock::new(|| {
    let (phrases, participles): (Vec<String>, Vec<String>) = cues("presence")
        .filter(|c| c.contains(['é', 'ô']))
        .map(|c| c.replace('é', "e").replace('ô', "o"))
        .partition(|c| c.contains(' '));
    Regex::new(&format!(
        r"(?i)\b(?:{}|{})(?:\s+(?:{})\b)*(?:\s+(?:de|du|des|par)\b|\s+d')|\b{}(?:\s+(?:{})\b)*\s+par\b|\b{}\b",
        alt("presence"),
        alternation(phrases.iter().map(String::as_str)),
        alt("adverb"),
        alternation(participles.iter().map(String::as_str)),
        alt("adverb"),
        alt("presence_side")
    ))
    .expect("valid regex")
});

/// A verb whose subject attended: "représentait", "a assisté à la signature".
pub(super) static PRESENCE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b", presence_forms())).expect("valid regex")
});

/// The presence verbs as one alternation, an adverb allowed after the first word ("étaient
/// également présents"). The forms that follow each other in the list with the same first word
/// share it and its adverb gap, in their order ("a\s+GAP(?:assisté|fait\s+le\s+déplacement|…)"):
/// no form goes on with an adverb (see the tests), so the gap ends where the rest of a form
/// starts whichever form it is, and the shared gap finds what the gap of each form found.
/// Written once per first word instead of once per form, the pattern is about a third as long,
/// and a third as costly to parse and compile (it was the second costliest pattern of a
/// one-document run, issue 12).
fn presence_forms() -> String {
    let gap = format!(r"\s+(?:{}\s+)*", alt("adverb"));
    // The first word of each group and the rests of its forms (none for a one-word form).
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for form in cues("presence_verb") {
        let parts: Vec<String> = form.split(' ').map(escape).collect();
        match parts.split_first() {
            Some((first, rest)) if !rest.is_empty() => {
                let rest = rest.join(r"\s+");
                match groups.last_mut() {
                    Some((f, rests)) if f == first && !rests.is_empty() => rests.push(rest),
                    _ => groups.push((first.clone(), vec![rest])),
                }
            }
            _ => groups.push((parts.join(""), Vec::new())),
        }
    }
    let alts: Vec<String> = groups
        .into_iter()
        .map(|(first, rests)| match rests.as_slice() {
            [] => first,
            [rest] => format!("{first}{gap}{rest}"),
            _ => format!("{first}{gap}(?:{})", rests.join("|")),
        })
        .collect();
    alts.join("|")
}

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
    // A cue may run past its sentence's end (its words parted by a blank line): no list then.
    let Some(scope) = text.get(from..sentence_end) else {
        return from;
    };
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
        assert!(SIGN_BY.is_match("Le document a ete paraphe par"));
        assert!(SIGN_BY.is_match("les contrats ont ete signes hier par"));
        assert!(!SIGN_BY.is_match("un signe fort envoyé par"));
        assert!(!SIGN_BY.is_match("Signé le 16 octobre. Le préfet par ailleurs"));
        assert!(SIGN_ACTIVE.is_match("ont également signé"));
        assert!(!SIGN_ACTIVE.is_match("a été signé"));
        assert!(PRESENCE.is_match("en présence d'Anne"));
        assert!(PRESENCE.is_match("aux côtés du préfet"));
        assert!(SPEECH_AFTER_QUOTE.is_match("», résume"));
        assert!(PRESENCE_VERB.is_match("Étaient également présents"));
        assert!(PRESENCE.is_match("était représentée par le secrétaire général"));
        // A page that lost its accents.
        for text in [
            "etait represente par sa vice-presidente",
            "accompagnee ce jour par le maire",
            "la seance etait presidee par le prefet",
            "en presence du prefet",
            "aux cotes de la maire",
        ] {
            assert!(PRESENCE.is_match(text), "{text}");
        }
        for text in ["elle represente des habitants", "il accompagne de jeunes elus"] {
            assert!(!PRESENCE.is_match(text), "{text}");
        }
        assert!(SPEECH_AFTER_QUOTE.is_match("» a exposé"));
        assert!(CONTACT_LABEL.is_match("Contact presse\n"));
        assert!(CONTACT_LABEL.is_match("Contact : Annick"));
        assert!(!CONTACT_LABEL.is_match("Le contact avec les habitants"));
        assert!(COORDINATES.is_match("02 31 39 40 00"));
        assert!(COORDINATES.is_match("e.marchand@caen.fr"));
    }

    /// What makes the shared gap of [`presence_forms`] match like one gap per form: the word
    /// after the gap is never an adverb's first word, nor a start of one, nor starts with one
    /// (an initial "é" read as "e", as [`escape`] writes it).
    #[test]
    fn presence_data_factors() {
        let fold = |w: &str| {
            let w = w.to_lowercase();
            w.strip_prefix('é').map_or(w.clone(), |rest| format!("e{rest}"))
        };
        let adverbs: Vec<String> =
            cues("adverb").filter_map(|a| a.split(' ').next()).map(fold).collect();
        for form in cues("presence_verb") {
            let Some(next) = form.split(' ').nth(1).map(fold) else { continue };
            for a in &adverbs {
                assert!(!a.starts_with(&next) && !next.starts_with(a.as_str()), "{a} / {form}");
            }
        }
    }

    /// The construction [`presence_forms`] replaced: every form in full, with its own gap.
    fn plain_presence_forms() -> String {
        let adverbs = format!(r"\s+(?:{}\s+)*", alt("adverb"));
        let forms: Vec<String> = cues("presence_verb")
            .map(|c| {
                let parts: Vec<String> = c.split(' ').map(escape).collect();
                match parts.split_first() {
                    Some((first, rest)) if !rest.is_empty() => {
                        format!("{first}{adverbs}{}", rest.join(r"\s+"))
                    }
                    _ => parts.join(""),
                }
            })
            .collect();
        forms.join("|")
    }

    #[test]
    fn presence_forms_match_as_before() {
        let new = Regex::new(&format!(r"(?i)\b(?:{})\b", presence_forms())).expect("valid regex");
        let old =
            Regex::new(&format!(r"(?i)\b(?:{})\b", plain_presence_forms())).expect("valid regex");
        assert!(new.as_str().len() * 2 < old.as_str().len());
        let adverbs = ["également", "aussi ensemble", "Tous  les deux", "ce jour", "hier"];
        let mut texts = Vec::new();
        for (n, form) in cues("presence_verb").enumerate() {
            let words: Vec<&str> = form.split(' ').collect();
            let adverb = adverbs[n % adverbs.len()];
            let spaced = match words.split_first() {
                Some((first, rest)) if !rest.is_empty() => {
                    format!("{first} {adverb} {}", rest.join(" "))
                }
                _ => form.to_string(),
            };
            let mut chars = form.chars();
            let capital: String =
                chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            let short = words[..words.len().saturating_sub(1)].join(" ");
            let deaccented = form.replace('é', "e");
            for f in [form.to_string(), spaced, capital, deaccented, short] {
                texts.push(format!("Les deux adjointes {f} hier soir au contrat de ville."));
                texts.push(format!("{f}nt les élus, puis {f}\n{f}. Élus et {f}é {f}-là"));
            }
            texts.push(format!("Enfin {} avec nous.", words.join("\n  ")));
        }
        let all = texts.concat();
        texts.push(all);
        for text in &texts {
            for part in std::iter::once(text.as_str()).chain(text.lines()) {
                let a: Vec<_> = new.find_iter(part).map(|m| m.range()).collect();
                let b: Vec<_> = old.find_iter(part).map(|m| m.range()).collect();
                assert_eq!(a, b, "{part:?}");
            }
        }
    }

    /// The phrase sets [`phrases`] is built from.
    const PHRASE_SETS: [&[&str]; 4] = [
        &["sign_phrase", "sign_weak", "sign_object"],
        &["sign_weak"],
        &["sign_object"],
        &["gather"],
    ];

    /// What makes the factored alternation of [`phrases`] match like the plain one: no phrase is
    /// a word-for-word start of another, no adverb is a phrase word.
    #[test]
    fn phrase_data_factors() {
        let adverbs: Vec<&str> = cues("adverb").collect();
        for kinds in PHRASE_SETS {
            let forms: Vec<Vec<&str>> =
                kinds.iter().flat_map(|k| cues(k)).map(|c| c.split(' ').collect()).collect();
            for (i, a) in forms.iter().enumerate() {
                for (j, b) in forms.iter().enumerate() {
                    assert!(i == j || !b.starts_with(a), "{a:?} starts {b:?}");
                }
                for word in a {
                    assert!(!adverbs.contains(word), "adverb {word:?} in {a:?}");
                }
            }
        }
    }

    /// The plain construction [`phrases`] replaced: every phrase in full, longest first.
    fn plain_phrases(kinds: &[&str]) -> String {
        let gap = format!(r"\s+(?:{}\s+)*", alt("adverb"));
        let mut forms: Vec<&str> = kinds.iter().flat_map(|k| cues(k)).collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        forms
            .iter()
            .map(|c| c.split(' ').map(escape).collect::<Vec<_>>().join(&gap))
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Sentences in our own words around every phrase: as listed, with adverbs between its words,
    /// capitalised, cut short, glued to a longer word, and all of them in one text.
    fn phrase_sentences(kinds: &[&str]) -> Vec<String> {
        let adverbs = ["également", "officiellement ensemble", "Tous  les deux", "ce jour"];
        let mut texts = Vec::new();
        for (n, phrase) in kinds.iter().flat_map(|k| cues(k)).enumerate() {
            let words: Vec<&str> = phrase.split(' ').collect();
            let adverb = adverbs[n % adverbs.len()];
            let spaced = words.join(&format!(" {adverb} "));
            let mut chars = phrase.chars();
            let capital: String =
                chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            let short = words[..words.len() - 1].join(" ");
            for form in [phrase.to_string(), spaced, capital, phrase.replace('é', "e"), short] {
                texts.push(format!("Le maire et la préfète {form} le contrat de ville ce matin."));
                texts.push(format!("{form}nt les partenaires, puis {form}\n{form}."));
            }
            texts.push(format!("Hier, {} le pacte.", words.join("\n  ")));
        }
        let all = texts.concat();
        texts.push(all);
        texts
    }

    #[test]
    fn phrases_match_as_before() {
        for kinds in PHRASE_SETS {
            for shape in [r"(?i)\b(?:{})\b", r"(?i)^(?:{})", r"(?i)^(?:{})$"] {
                let new = Regex::new(&shape.replace("{}", &phrases(kinds))).expect("valid regex");
                let old =
                    Regex::new(&shape.replace("{}", &plain_phrases(kinds))).expect("valid regex");
                assert!(new.as_str().len() < old.as_str().len());
                let spans = |re: &Regex, text: &str| {
                    re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>()
                };
                for text in phrase_sentences(kinds) {
                    for part in std::iter::once(text.as_str()).chain(text.lines()) {
                        assert_eq!(spans(&new, part), spans(&old, part), "{shape} on {part:?}");
                    }
                }
            }
        }
    }
}
