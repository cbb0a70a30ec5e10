//! `orgs.signatory_list`: the organisations a sentence says signed, listed after or before its
//! signing cue.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::text::sentences;
use super::{push_signatories, trimmed};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.signatory_list";

/// Finds the organisations listed in a sentence around a signing cue.
///
/// After the cue: "le contrat a été signé par la Région, le Département et la CAF", "signé avec
/// Caen la Mer, l'État et leurs partenaires", "une vingtaine de partenaires ont signé le
/// contrat : ...", "se sont engagés aux côtés de l'État et de Rennes Métropole, parmi lesquels
/// ...", "avec ses partenaires : ...". Before it: "L'État, Metz Métropole ... comptent parmi les
/// signataires", "... l'ont également paraphé", "de l'État, de la Région ... ainsi que d'une large
/// communauté d'acteurs signataires". A list after "avec", "aux côtés de", a colon or "parmi
/// lesquels" is explicit (any capitalised name counts); otherwise only names of a known kind do.
///
/// Does not find: a sentence without a signing cue ("L'État, la Région et la CALL mènent cette
/// politique"), persons and their roles ("Jean Dupont, président de la CALL"), collective groups
/// ("les maires des communes concernées").
pub struct SignatoryList;

/// A sentence that speaks of signing.
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i){CONCLUDED}|\b(?:co-?|contre-?)?sign(?:é|ée|és|ées|ent|era|eront|ataire|ataires|ature|atures)\b|\b(?:co-?)?signe\s+(?:son|sa|ses|leur|le|la|les|ce|cette|aujourd'hui|officiellement|avec)\b|\bparaph|\bapposé\s+leurs?\s+signatures?\b|\bse\s+sont\s+(?:tous\s+|également\s+)?engagé|\bpartenaires\b|\bs['’](?:y\s+)?engagent\b|\b(?:acteurs|membres|parties\s+prenantes)\s+(?:du|de\s+ce)\s+(?:nouveau\s+)?contrat(?:\s+de\s+ville)?\s*:"))
        .expect("valid regex")
});

/// A contract concluded with parties, up to the "avec" that opens them: "le contrat a été
/// conclu avec", "a passé son contrat de ville avec", "ce contrat, noué pour six ans avec".
const CONCLUDED: &str = r"\bcontrats?\b[^.;:]{0,80}?\b(?:conclu|passé|noué|contracté)(?:e|s|es)?\b[^.;:]{0,60}?\bavec\b|\b(?:conclu|passé|noué|contracté)(?:e|s|es)?\s+(?:\p{L}+\s+){0,3}?contrats?\b[^.;:]{0,60}?\bavec\b";

/// A sentence opening at the signing table, up to its list: "Autour de la table se trouvaient
/// aussi", "Autour de la table de signature figuraient également", "Autour de la table :".
static AT_THE_TABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*autour\s+de\s+la\s+table(?:\s+de\s+signature)?(?:\s*,)?(?:\s+(?:se\s+trouvaient|figuraient|étaient|siégeaient|prenaient\s+place|on\s+(?:re)?trouvait))?(?:\s+(?:aussi|également|notamment|encore))*\s*:?\s*")
        .expect("valid regex")
});

/// A signing told as done somewhere on the page: "signé", "ont signé", "signature", "paraphé".
static SIGNING_DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:co-?)?sign(?:é|ée|és|ées|ent|èrent|ature|atures)\b|\bparaph(?:é|ée|és|ées)\b",
    )
    .expect("valid regex")
});

/// A sentence opening with the signers of the sentence before: "Parmi eux : ...", "Parmi
/// lesquels, ...".
static AMONG_THEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*parmi\s+(?:eux|elles|lesquels|lesquelles|ceux-ci|ces\s+(?:partenaires|signataires))\s*[:,]")
        .expect("valid regex")
});

/// A sentence opening among the signatories, whatever came before: "Parmi les signataires, la
/// Ville compte aussi sur A, B et C", "Parmi les partenaires signataires figurent A et B",
/// "Au nombre des signataires : A, B". The verb that opens the list ("compte sur", "figurent",
/// "on trouve", "citons") is cut with the clause before it.
static AMONG_SIGNATORIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:parmi|au\s+nombre\s+d)(?:\s+les|\s+ses|\s+leurs|es)\s+(?:(?:autres|nombreux|principaux)\s+)?(?:partenaires\s+)?(?:co-?)?signataires\s*[:,]?\s*(?:[^,;:.]{0,80}?\b(?:sur|avec|figurent|figure|trouve|trouvent|compte|comptent|citons|notons|retrouve|retrouvent)\b\s*:?\s*)?")
        .expect("valid regex")
});

/// A signing to come ("sera signé", "vont cosigner"), for this rule and `orgs.signing_for`.
pub(super) static FUTURE_SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sera|seront|va|vont|devrait|devraient)\s+(?:être\s+)?(?:co-?)?sign")
        .expect("valid regex")
});

/// A word of signing proper (not merely "partenaires").
pub(super) static SIGNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsign|\bparaph|\bengag").expect("valid regex"));

/// The noun "signature", which alone does not make a colon open the list of parties ("La
/// signature aura lieu en mairie : ...").
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^signatures?\b").expect("valid regex"));

/// Signatures announced, whose colon does open the list of the parties to come ("D'autres
/// signatures suivront : la CAF, l'ARS ...").
static SIGNATURES_TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^signatures?\s+(?:(?:de\s+partenaires\s+)?(?:suivront|suivent|viendront|s'ajouteront|sont\s+(?:attendues|prévues|annoncées))|à\s+venir)\b")
        .expect("valid regex")
});

/// A sentence about money given, not a signature.
pub(super) static FUNDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:financ|cofinanc|co-financ|subvention|apport(?:é|ent|e|ant|era)|soutien|crédits|euros\b|€)")
        .expect("valid regex")
});

/// A verb whose subjects signed and whose complements may be co-signers.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:l'|les\s+)?(?:a|ont|avait|avaient)\s+(?:(?:également|aussi|tous|toutes|conjointement|officiellement)\s+)*(?:(?:co-?)?(?:signé|paraphé)|apposé\s+leurs?\s+signatures?)\b(?:\s+(?:le|ce|ces|les|leur|son)\s+(?:nouveaux?\s+)?(?:contrats?|documents?|protocoles?|conventions?)(?:\s+de\s+ville)?)?|\bse\s+sont\s+(?:tous\s+|également\s+)?engagé(?:e)?s\b|\bs['’](?:y\s+)?engagent\b|\b(?:co-?)?signent\b",
    )
    .expect("valid regex")
});

/// The subjects' own contracts as the verb's object ("l'Auxerrois et le Jovinien signent leur
/// contrat de ville"): the subjects are the territories that carry them, not parties listed.
static OWN_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:\p{L}+\s+)?(?:leurs?|son|ses)\s+(?:\p{L}+\s+)?(?:contrats?|protocoles?)\b",
    )
    .expect("valid regex")
});

/// Cues followed by the list: `(regex, explicit)`.
static AFTER: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("valid regex");
    vec![
        // "signé par", "paraphé par", "contresigné par".
        (
            re(r"(?i)\b(?:(?:co-?|contre-?)?sign|paraph)(?:é|ée|és|ées)\b[^.;:]{0,120}?\bpar\b"),
            false,
        ),
        (re(r"(?i)\b(?:co-?)?sign(?:e|é|ée|és|ées|ent|era|eront)\b[^.;:]{0,60}?\bavec\b"), true),
        // "signé le 12 mars, en préfecture, entre l'État, la communauté de communes ...": the
        // parties after "entre", a date or a place between them and the verb.
        (
            re(
                r"(?i)\b(?:co-?)?sign(?:é|ée|és|ées)\b[^.;:]{0,80}?\bentre\s+(?:l['’]|la\s|le\s|les\s|\p{Lu})",
            ),
            true,
        ),
        (re(r"(?i)\bparmi\s+(?:lesquels|lesquelles|eux|elles)\b"), true),
        // "X a apposé sa signature sur le contrat, aux côtés du président de l'agglomération".
        (
            re(
                r"(?i)\b(?:(?:co-?)?sign(?:é|ée|és|ées)|signature|paraphé)\b[^.;:]{0,150}?,\s*aux?\s+côtés?\b",
            ),
            true,
        ),
        // "Avec la signature du contrat, la Ville agit en partenariat avec l'État, la Région…".
        (
            re(
                r"(?i)\b(?:signature|(?:co-?)?sign(?:é|ée|és|ées))\b[^.;:]{0,200}?\ben\s+partenariat\s+avec\b",
            ),
            true,
        ),
        (
            re(
                r"(?i)\b(?:co-?)?signataires\b(?:\s+(?:du|de\s+ce|de\s+la|de\s+cette)\s+[^.;:,]{0,40}?)?\s+(?:sont|étaient|seront)\b",
            ),
            true,
        ),
        // "Signature du contrat de ville entre l'État et Lorient Agglomération" (not "la
        // signature entre en vigueur").
        (re(r"(?i)\bsignatures?\b[^.;:]{0,80}?\bentre\s+(?:l['’]|la\s|le\s|les\s|\p{Lu})"), true),
        // "La signature du contrat par l'État, la Région et la CAF a eu lieu mardi".
        (re(r"(?i)\bsignatures?\s+(?:du|de\s+ce|de\s+ces|des)\s+[^.;:]{0,60}?\bpar\b"), false),
        // "Le contrat, avec pour partenaires l'État, la Région et la CAF, ...".
        (re(r"(?i)\bavec\s+(?:pour|comme)\s+(?:principaux\s+)?partenaires\b"), true),
        // "Les partenaires du contrat de ville sont l'État, la CAF ...": names of a known kind.
        (
            re(
                r"(?i)\bpartenaires\s+(?:du|de\s+ce|de\s+cette)\s+(?:nouveau\s+)?(?:contrat|protocole)\b[^.;:,]{0,40}?\s+(?:sont|étaient|seront)\b",
            ),
            false,
        ),
        // "Parmi les signataires figurent ...", "le contrat compte parmi ses signataires ...".
        (
            re(
                r"(?i)\bparmi\s+(?:les|ses|leurs|ces)\s+(?:\d+\s+|\p{L}+\s+)?(?:co-?)?signataires\b(?:\s+(?:du|de\s+ce|de\s+la|de\s+cette)\s+[^.;:,]{0,50}?)?\s*,?\s+(?:figurent|figure|on\s+(?:retrouve|trouve|compte|note)|se\s+trouvent|se\s+trouve)\b|\b(?:compte|comptent|réunit|rassemble)\s+parmi\s+(?:ses|leurs|les)\s+(?:\p{L}+\s+)?(?:co-?)?signataires\b",
            ),
            true,
        ),
        // "Les acteurs du contrat de ville : l'État, Agglopolys, la Ville".
        (
            re(
                r"(?i)\b(?:acteurs|membres|parties\s+prenantes)\s+(?:du|de\s+ce)\s+(?:nouveau\s+)?contrat(?:\s+de\s+ville)?\s*:",
            ),
            true,
        ),
        // "Le contrat a été conclu avec la CAF, France Travail et la Région", "la Ville a passé
        // son contrat de ville avec l'État": a contract concluded with its parties.
        (re(&format!("(?i){CONCLUDED}")), false),
        // "Il réunit 25 signataires, dont l'État, Agglopolys et la Ville".
        (re(r"(?i)\b(?:co-?)?signataires\s*,?\s+dont\b"), true),
        // "... signés au terme d'un partenariat réunissant la communauté d'agglomération, ...".
        (
            re(
                r"(?i)\b(?:signature|(?:co-?)?sign(?:é|ée|és|ées))\b[^.;:]{0,200}?\b(?:réunissant|associant|rassemblant)\b",
            ),
            true,
        ),
    ]
});

/// "Signataires du contrat, la Région et le Département y engagent ...": the parties follow an
/// opening apposition, up to their verb.
static SIGNATORIES_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:co-?)?signataires\b[^,.;:()]{0,60},").expect("valid regex")
});

/// Where the subjects after [`SIGNATORIES_FIRST`] end: a clitic before their verb, a
/// parenthesis.
static SUBJECTS_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:y|en|se|leur|lui|ne)\s+\p{Ll}|\s(?:s|n)'\p{Ll}|\s*\(").expect("valid regex")
});

/// Cues preceded by the list.
static BEFORE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("valid regex");
    vec![
        re(
            r"(?i)\b(?:(?:en|y)\s+)?(?:figurent|figure|comptent|compte|sont|(?-i:est)|seront|sera|étaient|était|figuraient|figurait|(?:font|fait|faisaient|faisait)\s+(?:(?:également|aussi|tous)\s+)?partie)\s+(?:(?:également|aussi|tous)\s+)?(?:(?:les|des)\s+(?:principaux\s+|premiers\s+|autres\s+)?(?:co-?)?signataires?|(?:parmi\s+les\s+(?:\d+\s+|\p{L}+\s+)?|au\s+nombre\s+des\s+)?(?:co-?)?signataires?|(?:parmi\s+les|au\s+nombre\s+des)\s+partenaires)\b",
        ),
        // "La CAF, signataire du contrat de ville, finance ...": the name before the apposition.
        re(
            r"(?i),\s*(?:(?:elle|lui)-même\s+|également\s+|aussi\s+)?(?:co-?)?signataires?\s+(?:du|de\s+ce|de\s+cette|de\s+la|des)\s+(?:\p{L}+\s+)?(?:contrats?|conventions?|protocoles?)\b",
        ),
        re(
            r"(?i)\bainsi\s+que\s+(?:d'|de\s+|par\s+)?(?:une|un|des|les|d'autres|autres|de\s+nombreux|nombreux)\b[^.;:]{0,60}?\bsignataires\b",
        ),
    ]
});

/// "est partenaire", "sont parties prenantes", "sont également engagés": the subjects before it
/// take part in the contract when no complement follows or the complement is the contract
/// ([`OF_CONTRACT`]: "du contrat", "dans ce contrat").
static PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:est|sont|sera|seront|était|étaient)\s+(?:(?:également|aussi|pleinement)\s+)?(?:(?:un|une|l'un|l'une)\s+(?:des\s+)?)?(?:partenaires?|parties?\s+prenantes?|engagée?s?)(?:\s+(?:majeurs?|majeures?|principaux|principales?|privilégiés?|essentiels?|financeurs?|institutionnels?))?\b")
        .expect("valid regex")
});

/// The contract as the complement of [`PARTNER`].
static OF_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:du|de\s+ce|de\s+ces|des|de\s+la|de\s+l['’]|de\s+leurs?|de\s+son|dans\s+(?:ce|le|la|les|leur|son|cette))\s+(?:\p{L}+\s+)?(?:contrats?|protocoles?|politique\s+de\s+la\s+ville)\b")
        .expect("valid regex")
});

/// An explicit opening: the parties co-signing with the subject.
static EXPLICIT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:avec|aux\s+côtés|au\s+côté|outre|entre|parmi)\b").expect("valid regex")
});

impl Rule for SignatoryList {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut signed_before = false;
        let mut signing_page: Option<bool> = None;
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            // "Il a été signé par 25 partenaires. Parmi eux : l'État, la Ville ...": the list
            // of the sentence before's signers.
            if signed_before && let Some(m) = AMONG_THEM.find(s) {
                let seg = trimmed(text, sentence.start + m.end()..sentence.end);
                push_signatories(doc, items(text, seg, Mode::Explicit), ID, &mut Vec::new(), out);
            }
            // "Parmi les signataires, la Ville compte aussi sur A et B.": named as signatories.
            let mut seen = Vec::new();
            if let Some(m) = AMONG_SIGNATORIES.find(s) {
                let seg = trimmed(text, sentence.start + m.end()..sentence.end);
                push_signatories(doc, items(text, seg, Mode::Loose), ID, &mut seen, out);
            }
            // "Suivaient les représentants de la CAF et de X.", "Les directeurs de la CAF et
            // de X ont complété la liste.": bodies joining the signers of the sentence before.
            if signed_before && !SIGNED.is_match(s) {
                for (seg, mode) in joined(s) {
                    let seg = trimmed(text, sentence.start + seg.start..sentence.start + seg.end);
                    push_signatories(doc, items(text, seg, mode), ID, &mut Vec::new(), out);
                }
            }
            // "Autour de la table se trouvaient aussi A, B et C." on a page about a signing.
            if let Some(m) = AT_THE_TABLE.find(s)
                && *signing_page.get_or_insert_with(|| SIGNING_DONE.is_match(text))
            {
                let seg = trimmed(text, sentence.start + m.end()..sentence.end);
                push_signatories(doc, items(text, seg, Mode::Explicit), ID, &mut seen, out);
            }
            signed_before = SIGNED.is_match(s) && !FUTURE_SIGNING.is_match(s);
            let Some(signing) = SIGNING.find(s).or_else(|| PARTNER.find(s)) else { continue };
            // "Les partenaires financeurs : ... ont apporté 12 millions": funding, not signing.
            if (!SIGNED.is_match(s) && FUNDING.is_match(s)) || OTHER_AGREEMENT.is_match(s) {
                continue;
            }
            for (seg, explicit) in segments(s, signing.start()) {
                let seg = trimmed(text, sentence.start + seg.start..sentence.start + seg.end);
                let explicit = explicit || EXPLICIT_START.is_match(&text[seg.clone()]);
                let mode = if explicit { Mode::Explicit } else { Mode::Loose };
                push_signatories(doc, items(text, seg, mode), ID, &mut seen, out);
            }
        }
    }
}

/// The stretches of sentence `s` that list parties, each with whether it is explicit; `signing`
/// is where the first signing word starts.
fn segments(s: &str, signing: usize) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    for (i, (re, explicit)) in AFTER.iter().enumerate() {
        let mut found = re.find(s);
        // "Signé en mars, le contrat est cosigné par ...": the "par" of another verb, then a
        // signing word of its own further on.
        while let Some(m) = found.filter(|m| i == 0 && par_of_another_verb(m.as_str())) {
            let next = m.start() + m.as_str().find(char::is_whitespace).unwrap_or(m.len());
            found = re.find_at(s, next);
        }
        if let Some(m) = found {
            // A headline or a caption ("Signature du contrat par ...") ends with its line: the
            // next line may repeat it.
            let end = if SIGNATURE.is_match(m.as_str()) {
                s[m.end()..].find('\n').map_or(s.len(), |at| m.end() + at)
            } else {
                s.len()
            };
            out.push((m.end()..end, *explicit));
        }
    }
    if let Some(m) = SIGNATORIES_FIRST.find(s) {
        let end = SUBJECTS_END.find(&s[m.end()..]).map_or(s.len(), |e| m.end() + e.start());
        out.push((m.end()..end, true));
    }
    if let Some(colon) = s[signing..].find(':').map(|c| signing + c)
        && opens_list(s, signing, colon)
    {
        // The list ends where another colon opens something else ("... ci-après : Article 1 :
        // Sont couverts ...", a text whose line breaks were lost).
        let end = s[colon + 1..].find(':').map_or(s.len(), |c| colon + 1 + c);
        out.push((colon + 1..end, true));
    }
    if let Some(m) = VERB.find_iter(s).last().filter(|m| !OWN_CONTRACT.is_match(&s[m.end()..])) {
        out.push((0..m.start(), false));
        out.push((after_object(s, m)..s.len(), false));
    }
    for re in BEFORE.iter() {
        if let Some(m) = re.find_iter(s).last()
            && !MANY_CONTRACTS.is_match(&s[m.end()..])
        {
            out.push((0..m.start(), false));
        }
    }
    // "La CAF est partenaire du contrat", "le Département est partenaire" (a headline), not "la
    // Ville est partenaire de l'association".
    if let Some(m) = PARTNER.find_iter(s).last() {
        let rest = &s[m.end()..];
        // "se sont engagés": a reflexive verb, which the signing cues read.
        let reflexive = s[..m.start()].trim_end().rsplit(char::is_whitespace).next() == Some("se");
        // "engagés" takes the contract as its complement ("dans ce contrat"), not another.
        let engaged = m.as_str().contains("engag");
        if !reflexive
            && !MANY_CONTRACTS.is_match(rest)
            && (!(engaged || COMPLEMENT.is_match(rest)) || OF_CONTRACT.is_match(rest))
        {
            out.push((0..m.start(), false));
        }
    }
    // A presence clause opening the sentence ("En présence du préfet, la Ville et l'agglomération
    // ont signé ..."): the parties follow it.
    if let Some(m) = PRESENCE.find(s).filter(|m| s[..m.start()].trim().is_empty())
        && let Some(comma) = s[m.end()..].find(',').map(|c| m.end() + c + 1)
    {
        for (r, _) in &mut out {
            r.start = r.start.max(comma);
        }
        out.retain(|(r, _)| r.start < r.end);
        return out;
    }
    // Those present at the signing are not its parties: "signé par X, en présence de Y".
    if let Some(m) = PRESENCE.find(s) {
        for (r, _) in &mut out {
            if r.start <= m.start() {
                r.end = r.end.min(m.start());
            }
        }
        // Unless the sentence names no other party: "le contrat a été signé en présence de
        // Niort Agglo, de l'État et des partenaires" (not "de représentants de la Région").
        if out.iter().all(|(r, _)| s[r.clone()].trim().is_empty())
            && !PRESENT_PEOPLE.is_match(&s[m.end()..])
        {
            out.push((m.end()..s.len(), true));
        }
    }
    // "C'est à l'Hôtel de Région que ...": the place, not a party.
    if let Some(m) = CLEFT.find(s) {
        for (r, _) in &mut out {
            r.start = r.start.max(m.end());
        }
    }
    out.retain(|(r, _)| !r.is_empty());
    out
}

/// A verb saying its subjects joined the signers told just before: "complètent le tour de
/// table", "ont complété la liste", "se sont joints à eux", "les ont rejoints", "ont fait de
/// même".
static JOINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:complètent|complétaient|complétait|complète|(?:ont|avaient|a|avait)\s+(?:\p{L}+\s+)?complété)\s+(?:le\s+tour\s+de\s+table|la\s+liste(?:\s+des\s+signataires)?)|(?:se\s+sont|s['’]étaient)\s+(?:\p{L}+\s+)?joint(?:e|s|es)?\s+à\s+(?:eux|elles)|(?:les|l['’])\s*(?:ont|avaient|a|avait)\s+(?:\p{L}+\s+)?rejoint(?:e|s|es)?|(?:ont|avaient)\s+(?:\p{L}+\s+)?fait\s+de\s+même|en\s+(?:ont|avaient)\s+fait\s+autant)\b")
        .expect("valid regex")
});

/// A sentence opening with a verb of following whose inverted subjects joined the signers told
/// just before: "Suivaient les représentants de ...", "Puis venaient ...", "Venaient ensuite
/// ...", "Ont suivi ...", or with a verb of adding ("S'y ajoutent les communes ...", "S'y
/// joignaient la CAF et ...", "S'y sont associés ...", "Viennent s'y ajouter ...", "Se joignent
/// à eux ...").
static JOINED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(?:(?:puis|ensuite|enfin)\s*,?\s+)?(?:(?:suivaient|suivent|venaient|viennent|(?:ont|avaient)\s+suivi)(?:\s+(?:ensuite|enfin|alors|aussi|également))?\s*,?\s+(?:(?:les|des)\s+(?:représentant(?:e)?s|directeurs|directrices|dirigeants|responsables)\s+(?:de|du|des|d')|(?:l['’]|la\s+|le\s+|les\s+)?(?-i:\p{{Lu}}))|{ADDING}\s*,?\s+(?:l['’]|la\s+|le\s+|les\s+|des\s+|(?-i:\p{{Lu}})))"))
        .expect("valid regex")
});

/// The verb of [`JOINED_BEFORE`], up to its list.
static VERB_OF_FOLLOWING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(?:(?:puis|ensuite|enfin)\s*,?\s+)?(?:{ADDING}|(?:suivaient|suivent|venaient|viennent|(?:ont|avaient)\s+suivi)(?:\s+(?:ensuite|enfin|alors|aussi|également))?)\s*,?\s*"))
        .expect("valid regex")
});

/// An inverted verb of adding to the signers just told: "s'y ajoutent", "s'y joignaient", "s'y
/// sont associés", "viennent s'y ajouter", "se joignent à eux", "s'ajoutent à cette liste".
const ADDING: &str = r"(?:(?:viennent|venaient)\s+)?(?:s['’]y\s+(?:(?:sont|étaient)\s+(?:(?:ensuite|aussi|également|enfin)\s+)?)?|s['’]|se\s+(?:(?:sont|étaient)\s+(?:(?:ensuite|aussi|également|enfin)\s+)?)?)(?:ajout|joi[gn]|associ|adjoi)\p{L}*(?:\s+(?:à\s+(?:eux|elles|cette\s+liste|ces\s+signataires)|ensuite|enfin|aussi|également|encore))*";

/// The stretches of sentence `s` naming bodies that joined the signers of the sentence
/// before ([`JOINED_AFTER`], [`JOINED_BEFORE`]), each with how it is read: after a verb of
/// adding ("S'y ajoutent ...") the sentence is a list of parties, explicit; after a verb of
/// following or before a verb of joining, only bodies of a known kind count.
fn joined(s: &str) -> Vec<(Range<usize>, Mode)> {
    static ADDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s*(?:(?:puis|ensuite|enfin)\s*,?\s+)?{ADDING}"))
            .expect("valid regex")
    });
    let mut out = Vec::new();
    if let Some(m) = JOINED_BEFORE.find(s) {
        // The match ends inside the list's first words: the list starts after the verb.
        let verb = VERB_OF_FOLLOWING.find(s).map_or(m.end(), |v| v.end());
        let mode = if ADDED.is_match(s) { Mode::Explicit } else { Mode::Loose };
        out.push((verb..s.len(), mode));
    }
    if let Some(m) = JOINED_AFTER.find(s) {
        out.push((0..m.start(), Mode::Loose));
    }
    out
}

/// Whether the "par" ending `cue` ("signé ... par") is governed by another verb than the
/// signing one: "Signé en juillet, le contrat est issu d'une concertation lancée par la
/// Métropole" (a verb of its own, or another participle right before "par").
fn par_of_another_verb(cue: &str) -> bool {
    static OTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s(?:est|sont|était|étaient|sera|seront)\s|\s(?P<participle>\p{L}+(?:é|ée|és|ées))\s+par$")
            .expect("valid regex")
    });
    let gap = cue.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
    OTHER
        .captures(&format!(" {gap}"))
        .is_some_and(|c| c.name("participle").is_none_or(|p| !SIGNED.is_match(p.as_str())))
}

/// Signatories of a set of contracts ("signataire des 29 contrats de ville de la région", "de
/// tous les contrats du département"), not of this one.
pub(super) static MANY_CONTRACTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:des\s+\d+|de\s+tous\s+les|de\s+l['’]ensemble\s+des|des\s+\p{L}+\s+\d+)\s+(?:\p{L}+\s+)?contrats\b")
        .expect("valid regex")
});

/// A cleft sentence opening with the place of the signing.
static CLEFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*c['’]est\s+(?:à|au|aux|dans|en|sur)\b[^,;:]{0,80}?\squ(?:e\s|['’])")
        .expect("valid regex")
});

/// What a colon after "partenaires" may follow without opening a list of them: a clause with
/// its own verb and object ("les partenaires se fixent trois priorités : ...").
static NOT_A_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:se|s['’])|\b(?:priorités?|objectifs?|axes?|enjeux|orientations?|piliers?|thèmes?|thématiques?|ambitions?|défis?|actions?|mesures?|chantiers?)\b")
        .expect("valid regex")
});

/// Those present for the signing, announced before a colon.
static PRESENT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bprésents?\s+(?:pour|à|lors\s+de)\s+(?:la|cette)\s+signature\s*$")
        .expect("valid regex")
});

/// Whether the colon at `colon` opens the list of parties of the sentence `s` whose first
/// signing word is at `signing`: always after a word of signing proper ("ont signé le contrat :
/// ..."); after a mere "partenaires", only when a short complement stands between them
/// ("Partenaires du contrat : ...", "les partenaires suivants : ...").
fn opens_list(s: &str, signing: usize, colon: usize) -> bool {
    let before = &s[signing..colon];
    // "accompagnés par les partenaires : à Lunel, le Mas Rouge, et à Sète, l'Île": places, each
    // with its quartier, not parties.
    if PLACE_FIRST.is_match(&s[colon + 1..]) {
        return false;
    }
    // A colon far from the noun "signataires" belongs to another clause ("Forte de ses 18
    // signataires, la Ville poursuivra ses efforts ... avec les acteurs de terrain : ..."); a
    // verb ("signé par la Région, ..., ainsi que par les bailleurs : ...") may carry a long list.
    if let Some(last) = SIGNING.find_iter(before).last()
        && last.as_str().to_lowercase().contains("signataire")
        && before[last.end()..].split_whitespace().count() > 12
    {
        return false;
    }
    if SIGNED.find_iter(before).any(|m| {
        let at = &before[m.start()..];
        !SIGNATURE.is_match(at) || SIGNATURES_TO_COME.is_match(at)
    }) {
        return true;
    }
    // "Étaient présents pour la signature : le sous-préfet, ...": the officials present.
    if PRESENT_AT.is_match(&s[..colon]) {
        return true;
    }
    if SIGNING.find(before).is_some_and(|m| SIGNATURE.is_match(&before[m.start()..])) {
        return false;
    }
    let gap = SIGNING.find(before).map_or(before, |m| &before[m.end()..]);
    gap.split_whitespace().count() <= 4 && !NOT_A_LIST.is_match(gap)
}

/// A list opening with a place ("à Lunel, ...", "dans la commune de ..."): where things are,
/// not who signed.
static PLACE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:à|À|dans|Dans|au|Au|aux|Aux)\s+(?:l['’]|la\s+|le\s+)?\p{Lu}")
        .expect("valid regex")
});

/// The object of a signing verb naming the contracts signed ("a signé successivement les
/// contrats de ville 2024-2030 de l'Albigeois et de Castres-Mazamet"): its complements are the
/// territories, not parties.
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^,;:]{0,40}?\b(?:le|les|ce|ces|leur|leurs|son|ses)\s+(?:nouveaux?\s+|deux\s+|trois\s+|quatre\s+)?(?:contrats?|protocoles?)(?:\s+de\s+ville)?(?:\s+\d{4}\s*[-–]\s*\d{4})?(?:\s*«[^»]{0,60}»)?\s+(?:de\s+l['’]|de\s+la\s|du\s|des\s|de\s|d['’])")
        .expect("valid regex")
});

/// Where the parties may start after a contract object: at the next opening of parties.
static PARTIES_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:avec|aux\s+côtés|au\s+côté|entre|par)\b").expect("valid regex")
});

/// The complement of a contract named by the verb's match ("a signé le contrat de ville | de
/// l'Albigeois").
static COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s+\d{4}\s*[-–]\s*\d{4})?(?:\s*«[^»]{0,60}»)?\s+(?:de\s+l['’]|de\s+la\s|du\s|des\s|de\s|d['’])")
        .expect("valid regex")
});

/// A verb's match ending with the contract it signed.
static CONTRACT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:contrats?|protocoles?)(?:\s+de\s+ville)?$").expect("valid regex")
});

/// Where the list after the signing verb `verb` starts: past the contracts signed, when the
/// verb's object names them.
fn after_object(s: &str, verb: crate::rules::text::Match) -> usize {
    let at = verb.end();
    let found = OBJECT.find(&s[at..]).or_else(|| {
        CONTRACT_END.is_match(verb.as_str()).then(|| COMPLEMENT.find(&s[at..])).flatten()
    });
    let Some(m) = found else { return at };
    let rest = at + m.end();
    PARTIES_AGAIN.find(&s[rest..]).map_or(s.len(), |p| rest + p.start())
}

/// An agreement other than the contract, signed in passing ("la Ville a signé une convention
/// avec l'EPARECA").
pub(super) static OTHER_AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsign(?:é|ée|ent|era|eront)\s+(?:une|des|deux|trois)\s+(?:conventions?|chartes?|accords?|partenariats?)\b")
        .expect("valid regex")
});

/// Where the people and bodies merely present at the signing start.
pub(super) static PRESENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\ben\s+(?:présence|la\s+présence)\b").expect("valid regex"));

/// People, not parties, after "en présence de": "de représentants de", "des élus de".
static PRESENT_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:de\s+|d')(?:(?:ses|leurs|nombreux|plusieurs)\s+)?(?:représentants?|élus?|maires|présidents?|habitants|membres|acteurs)\b|^\s+des\s+(?:représentants|élus|maires|présidents|habitants|membres|acteurs)\b")
        .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let mut found = signatories(&SignatoryList, text);
        found.sort();
        let mut expected = expected.to_vec();
        expected.sort_unstable();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn a_contract_concluded_with_its_parties() {
        check(
            "Le contrat de ville a été conclu avec la CAF de l'Aube, France Travail et la Région Grand Est.",
            &["CAF de l'Aube", "France Travail", "Région Grand Est"],
        );
        check(
            "La Ville de Troyes a passé son contrat de ville avec l'État et le Département de l'Aube.",
            &["État", "Département de l'Aube"],
        );
        check(
            "Ce contrat, noué pour six ans avec Troyes Habitat et la CPAM de l'Aube, vise trois quartiers.",
            &["Troyes Habitat", "CPAM de l'Aube"],
        );
        // Time spent with people, a meeting concluded: no contract.
        check("Le temps passé avec la CAF de l'Aube a été utile.", &[]);
        check("La réunion s'est conclue avec la Région Grand Est sur un accord.", &[]);
    }

    #[test]
    fn bodies_named_among_the_signatories() {
        check(
            "Parmi ses signataires, la commune s'appuie sur Logirem, la Mission locale ou encore la CMA.",
            &["Logirem", "Mission locale", "CMA"],
        );
        check(
            "Parmi les partenaires signataires figurent la CAF du Nord et la Région.",
            &["CAF du Nord", "Région"],
        );
        check("Au nombre des signataires : l'État, la Métropole.", &["État", "Métropole"]);
        // Not among the signatories.
        check("Parmi les habitants, la CAF du Nord a recruté trois médiateurs.", &[]);
    }

    #[test]
    fn bodies_joining_the_signers_before() {
        check(
            "Le contrat a été signé hier en mairie. Suivaient les représentants de la CAF du Gard, de Gard Habitat et de la Région.",
            &["CAF du Gard", "Gard Habitat", "Région"],
        );
        check(
            "Le contrat a été signé hier en mairie. Les directeurs de la CAF du Gard et de Gard Habitat, le bailleur historique du quartier, ont ensuite complété la liste.",
            &["CAF du Gard", "Gard Habitat"],
        );
        check(
            "Paul Roche a paraphé le document. La Région Occitanie et Alès Agglomération l'ont rejoint en fin de matinée.",
            &["Région Occitanie", "Alès Agglomération"],
        );
        check(
            "Le document a été signé par l'État et la Ville. Les deux bailleurs, Gard Habitat et Un Toit pour Tous, complètent le tour de table.",
            &["État", "Ville", "Gard Habitat", "Un Toit pour Tous"],
        );
        check(
            "Neuf partenaires ont paraphé le contrat jeudi, la Ville de Dole en tête. S'y ajoutent les deux autres communes (Tavaux et Damparis), le Département, la Région et enfin les bailleurs sociaux des deux quartiers.",
            &["Ville de Dole", "Tavaux", "Damparis", "Département", "Région", "bailleurs sociaux"],
        );
        check(
            "Le contrat a été paraphé en mairie. S'y sont ensuite joints la CAF du Jura et la Région.",
            &["CAF du Jura", "Région"],
        );
        check(
            "Le contrat a été signé ce matin. Viennent s'y ajouter le Département du Jura et Grand Dole.",
            &["Département du Jura", "Grand Dole"],
        );
        check(
            "Le maire a signé le document. Se joignent à eux la CAF du Jura, puis l'ARS.",
            &["CAF du Jura", "ARS"],
        );
        // No signing told just before, or a signing to come.
        check("Suivaient les représentants de la CAF du Gard et de la Région.", &[]);
        check("S'y ajoutent la CAF du Jura et la Région.", &[]);
        check(
            "Le contrat a été signé hier. S'y ajoutent des ateliers pour les habitants, ouverts à tous.",
            &[],
        );
        check(
            "Le contrat sera signé en juin. Les directeurs de la CAF du Gard et de Gard Habitat complètent la liste.",
            &[],
        );
        check(
            "Le maire a signé hier. Suivaient des débats sur la sécurité, avec la Région en retrait.",
            &[],
        );
    }

    #[test]
    fn a_list_after_signe_par() {
        check(
            "Outre l'État, le contrat a été signé par la Région Centre, le Département du Loiret, la caisse d'allocations familiales, Pôle emploi, ainsi que par les bailleurs sociaux présents dans les quartiers : Valloire Habitat et Les Résidences de l'Orléanais.",
            &[
                "Région Centre",
                "Département du Loiret",
                "caisse d'allocations familiales",
                "Pôle emploi",
                "Valloire Habitat",
                "Résidences de l'Orléanais",
            ],
        );
        check(
            "Le futur contrat sera cosigné par l'État, la CAF de la Manche et l'OPH de Cherbourg.",
            &["État", "CAF de la Manche", "OPH de Cherbourg"],
        );
    }

    #[test]
    fn a_colon_list_ends_at_the_next_colon() {
        check(
            "Les signataires du contrat adhèrent aux principes suivants : Article 1 : Sont couverts les secteurs suivants : • Les Prés à Vierzon • Bel Air à Bourges",
            &[],
        );
        check(
            "Ont signé le contrat : la Région, le Département et la CAF. Article 2 : la durée.",
            &["Région", "Département", "CAF"],
        );
    }

    #[test]
    fn a_par_of_another_verb() {
        check(
            "Signé lundi devant les élus, le contrat est le fruit d'un travail conduit par la Métropole et l'État.",
            &[],
        );
        check(
            "Signé en juin, ce document prolonge une démarche lancée par la Ville et la Région.",
            &[],
        );
        check(
            "Le contrat, signé hier à la préfecture par l'État et la CAF de l'Ain, entre en vigueur.",
            &["État", "CAF de l'Ain"],
        );
    }

    #[test]
    fn a_colon_of_another_clause() {
        check(
            "Forte de ses vingt signataires, la Ville mènera ses actions en faveur d'un territoire plus équilibré, en lien étroit avec ses relais : la CAF, la CPAM et France Travail.",
            &[],
        );
    }

    #[test]
    fn a_list_after_a_colon_or_parmi_lesquels() {
        check(
            "Aux côtés de l'État et de Cœur de Flandre, une vingtaine de partenaires ont signé le contrat : la Région, la CAF du Nord ainsi que les bailleurs sociaux Vilogia et Partenord Habitat.",
            &["Région", "CAF du Nord", "Vilogia", "Partenord Habitat", "État", "Cœur de Flandre"],
        );
        check(
            "Au total, 20 organismes se sont engagés aux côtés de l'État et de Vienne Condrieu Agglomération, parmi lesquels la Région, France Travail et les bailleurs Advivo et Alliade Habitat.",
            &[
                "État",
                "Vienne Condrieu Agglomération",
                "Région",
                "France Travail",
                "Advivo",
                "Alliade Habitat",
            ],
        );
        check(
            "Ces contrats traduisent la politique que mène l'État avec ses partenaires : les villes, le Département, la Région et les bailleurs sociaux.",
            &["Département", "Région", "bailleurs sociaux"],
        );
    }

    #[test]
    fn a_list_before_the_cue() {
        check(
            "L'État, la Région, le Département de l'Oise, la CAF de l'Oise et les bailleurs sociaux Clésence et Oise Habitat figurent parmi les signataires.",
            &[
                "État",
                "Région",
                "Département de l'Oise",
                "CAF de l'Oise",
                "Clésence",
                "Oise Habitat",
            ],
        );
        check(
            "Outre l'État et Quimper Bretagne Occidentale, la Région Bretagne et les bailleurs Finistère Habitat et Douarnenez Habitat l'ont également paraphé.",
            &[
                "État",
                "Quimper Bretagne Occidentale",
                "Région Bretagne",
                "Finistère Habitat",
                "Douarnenez Habitat",
            ],
        );
        check(
            "Les aides viendront de l'État, de la Région, du Département ainsi que d'une large communauté d'acteurs signataires du contrat : Education nationale, Bailleurs publics, Procureur de la République.",
            &[
                "Education nationale",
                "Bailleurs publics",
                "Procureur de la République",
                "État",
                "Région",
                "Département",
            ],
        );
    }

    #[test]
    fn among_the_partners_and_signatories_first() {
        check("La CAF du Gard figure parmi les partenaires majeurs du contrat.", &["CAF du Gard"]);
        check(
            "Signataires du contrat, la Région Occitanie et le Département du Gard y engagent leurs crédits.",
            &["Région Occitanie", "Département du Gard"],
        );
        // A mere "partenaires" without "parmi": no list.
        check("Les habitants sont partenaires du projet.", &[]);
        check("Les signataires sont nombreux, dit-on.", &[]);
    }

    #[test]
    fn signing_with_a_party_or_an_unnamed_official() {
        check(
            "Le contrat a été signé en mai avec Madame la Préfète de l'Aisne et de nombreux partenaires.",
            &["Préfète de l'Aisne"],
        );
        check(
            "Jeudi 4 avril, la Ville de Mondeville a signé avec Caen la Mer, l'État et leurs partenaires le nouveau contrat.",
            &["Caen la Mer", "État", "Ville de Mondeville"],
        );
        check(
            "Paul Martin, maire de Vire, a paraphé le document aux côtés de Marc Leroy, président de l'agglomération, et du préfet de la Manche.",
            &["préfet de la Manche"],
        );
        check(
            "Le 3 mai, Anne Roux, préfète de l'Orne, a apposé sa signature sur le contrat de ville d'Alençon, aux côtés du président de la communauté urbaine et des maires des communes.",
            &["président de la communauté urbaine"],
        );
        check(
            "Le préfet a apposé sa signature au bas du contrat, aux côtés de la présidente de l'agglomération (CAPV) et des trois maires de l'agglomération.",
            &["présidente de l'agglomération"],
        );
        check(
            "Mardi, la Région a apposé sa signature au bas des contrats de ville de Vire Normandie et de la communauté de communes du Pays de Honfleur.",
            &[],
        );
        // An unnamed official before "et" and a named person: the office is a party.
        check(
            "Le contrat a été signé hier par le sous-préfet de Lure et par M. Paul Roux, président de l'agglomération.",
            &["sous-préfet de Lure"],
        );
        check(
            "Le contrat a été signé par Madame la Préfète du Jura et Anne Brun, maire de Dole.",
            &["Préfète du Jura"],
        );
        // The person in apposition holds the office.
        check(
            "Le contrat a été signé par le sous-préfet de Lure, Paul Roux, et par la CAF.",
            &["CAF"],
        );
    }

    #[test]
    fn other_signing_participles_before_par() {
        check(
            "Lundi, le contrat a été paraphé par le préfet, le président de l'agglomération et le maire de Dole.",
            &["préfet", "président de l'agglomération", "maire de Dole"],
        );
        check(
            "Le document, contresigné par la CAF et la CPAM, entre en vigueur.",
            &["CAF", "CPAM"],
        );
        // A council's approval is no signing.
        check("Le protocole a été approuvé par la Région et le Département.", &[]);
        // "par" of another verb.
        check("Le contrat a été paraphé hier ; il est financé par la Région.", &[]);
    }

    #[test]
    fn persons_roles_and_groups_are_not_organisations() {
        check(
            "Ont signé : la Ville de Lunel par la voix de Paul Roux, Premier adjoint au Maire de Lunel, et la CAF.",
            &["Ville de Lunel", "CAF"],
        );
        check(
            "Le document a été signé par Anne Morel, préfète du Finistère, et Yves Le Gall, président de Brest métropole, en présence de Jean Kerlo, vice-président du conseil départemental.",
            &[],
        );
        check(
            "Le contrat a été signé par le préfet du Morbihan, Arnaud Keller, ainsi que par les maires de Lorient et de Lanester.",
            &[],
        );
        check("Les bailleurs ont signé une charte.", &[]);
        check(
            "Le contrat a été signé par l'État et la CAF du Var, en présence de représentants de la Région, du Département et de Toulon Habitat.",
            &["État", "CAF du Var"],
        );
        check(
            "L'État, la Région, le Département, les communes et la CALL mènent ensemble cette politique.",
            &[],
        );
        check("Contact presse : service de presse de la préfecture, signé le 3 juin.", &[]);
        check(
            "Le contrat a été signé en présence de représentants de la Région et du Département.",
            &[],
        );
        check("Le contrat a été signé en présence des élus de la Région.", &[]);
    }

    #[test]
    fn partners_of_a_signing() {
        check(
            "Avec la signature du contrat, la Ville agira en partenariat avec l'État, la Région Occitanie et les bailleurs.",
            &["État", "Région Occitanie", "bailleurs"],
        );
        check("La signature aura lieu en mairie : Lunel Agglo y invite la presse.", &[]);
        check("La Ville agit en partenariat avec l'État et la Région.", &[]);
    }

    #[test]
    fn the_signing_as_a_noun_or_in_the_present() {
        check(
            "Contrat de ville : l'État, la Région et Lorient Agglomération signent pour six ans",
            &["État", "Région", "Lorient Agglomération"],
        );
        check(
            "Signature du contrat de ville entre l'État et Lorient Agglomération",
            &["État", "Lorient Agglomération"],
        );
        check(
            "La signature du contrat par l'État, la Région Bretagne et la CAF du Morbihan a eu lieu mardi.",
            &["État", "Région Bretagne", "CAF du Morbihan"],
        );
        check(
            "Outre l'État et l'agglomération, la Ville de Lanester, la CAF et la CPAM s'y engagent.",
            &["État", "Ville de Lanester", "CAF", "CPAM"],
        );
        check("Dès sa signature, le contrat entre en vigueur.", &[]);
        check(
            "Signature du contrat de ville par Marc Leroy, président de Rives Agglo (photo DR)\nSignature du contrat de ville par Marc Leroy, président de Rives Agglo",
            &[],
        );
        check("Les habitants signent une pétition pour le parc.", &[]);
        check("Le Grand Autunois et le Pays de Gex signent leur contrat de ville.", &[]);
    }

    #[test]
    fn a_party_said_to_be_a_partner() {
        check("La CAF du Gard est partenaire du contrat de ville.", &["CAF du Gard"]);
        check("Signature de trois contrats : le Département est partenaire", &["Département"]);
        check("La Ville est partenaire de l'association Cités Unies.", &[]);
        check("La Région est partenaire des 21 contrats de ville du territoire régional.", &[]);
        check(
            "Pôle emploi, la CAF de l'Ain et la Région sont également engagés dans ce contrat.",
            &["Pôle emploi", "CAF de l'Ain", "Région"],
        );
        check("La Région et la CAF de l'Ain sont engagées dans la lutte contre la pauvreté.", &[]);
        // "le vice-rectorat", the rectorat of an overseas territory, names one institution.
        check(
            "Le Département, la CAF et le vice-rectorat figurent parmi les parties signataires.",
            &["Département", "CAF", "vice-rectorat"],
        );
        // A clitic before the verb is no part of the last name.
        check(
            "Outre l'État, la Région et le bailleur Habitat Lorrain y ont apposé leur signature.",
            &["État", "Région", "Habitat Lorrain"],
        );
    }

    #[test]
    fn signatures_to_come() {
        check(
            "L'État et Cœur de Loire ont signé mardi ; d'autres signatures suivront : la CAF, l'ARS, la CCI et l'office public de l'habitat de la Nièvre.",
            &[
                "État",
                "Cœur de Loire",
                "CAF",
                "ARS",
                "CCI",
                "office public de l'habitat de la Nièvre",
            ],
        );
        check("La signature aura lieu en mairie : la presse est invitée.", &[]);
    }

    #[test]
    fn the_bodies_at_the_signing_table() {
        check(
            "Le contrat a été signé mardi. Autour de la table se trouvaient aussi la \
             CAF du Gers, France Travail et Gers Habitat.",
            &["CAF du Gers", "France Travail", "Gers Habitat"],
        );
        check(
            "Le contrat a été paraphé jeudi.\n\nAutour de la table : l'État, la Région Occitanie.",
            &["État", "Région Occitanie"],
        );
        // A table of a meeting on a page that tells no signing.
        check(
            "Autour de la table se trouvaient aussi la CAF du Gers et France Travail, pour un \
             premier bilan.",
            &[],
        );
    }

    #[test]
    fn more_cues_of_partners() {
        check(
            "Le contrat, avec pour partenaires l'État, la Région et Val de Loire Habitat, a été signé mardi.",
            &["État", "Région", "Val de Loire Habitat"],
        );
        check(
            "Les partenaires du contrat de ville sont l'État, la Région Bretagne, la CAF et les associations de quartier.",
            &["État", "Région Bretagne", "CAF"],
        );
        check(
            "Parmi les signataires du nouveau contrat figurent la CAF de l'Indre, la Direction académique et Châteauroux Métropole.",
            &["CAF de l'Indre", "Direction académique", "Châteauroux Métropole"],
        );
        check(
            "Le contrat compte parmi ses signataires les villes de Vierzon et de Bourges, la CCI du Cher et le Département.",
            &["Vierzon", "Bourges", "CCI du Cher", "Département"],
        );
        check(
            "Les trois contrats ont été signés au terme d'une concertation réunissant la Communauté de communes du Val, Rives Agglo et l'ensemble des partenaires.",
            &["Communauté de communes du Val", "Rives Agglo"],
        );
        // not a list of parties
        check("Les partenaires du contrat sont invités à une réunion de bilan.", &[]);
        check("La fête a été organisée, réunissant les habitants et les associations.", &[]);
    }

    #[test]
    fn parties_present_at_a_signing_without_signers() {
        check(
            "Mardi, le contrat a été signé en présence de Lunel Agglo, de l'État et de tous les partenaires.",
            &["Lunel Agglo", "État"],
        );
    }

    #[test]
    fn part_of_the_signatories_and_lists_of_places() {
        check(
            "Hérault Habitat, la CAF de l'Hérault et la Caisse des dépôts font partie des signataires.",
            &["Hérault Habitat", "CAF de l'Hérault", "Caisse des dépôts"],
        );
        check(
            "La CAF de l'Hérault, Pôle emploi et Hérault Habitat font également partie des \
             signataires.",
            &["CAF de l'Hérault", "Pôle emploi", "Hérault Habitat"],
        );
        // A colon opening places and their quartiers, not parties.
        check(
            "Deux quartiers restent suivis en veille par les partenaires : à Lunel, le Mas Rouge, et à Sète, l'Île de Thau.",
            &[],
        );
        check(
            "Le contrat est signé avec ses partenaires : la Région Occitanie et Hérault Habitat.",
            &["Région Occitanie", "Hérault Habitat"],
        );
    }
}
