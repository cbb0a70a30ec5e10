//! `orgs.party_sentence`: the organisations of a known kind named anywhere in a sentence about
//! the contract's parties, when no list rule read that sentence.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Item, Mode, items};
use super::lexicon::{self, is_kind_word};
use super::push_signatories;
use super::signatory_list::{FUNDING, MANY_CONTRACTS, OTHER_AGREEMENT, PRESENCE, SIGNED};
use super::text::sentences;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.party_sentence";

/// Finds the parties of a sentence about signing or partnership, wherever they stand in it.
///
/// The list rules read a list at a known place (after "signé par", before "ont signé", after a
/// colon); pages also name parties in the middle of a sentence whose shape no list rule knows
/// ("Le contrat mobilise, sur six ans, l'État, la Région Bretagne et la CAF du Finistère autour
/// de trois piliers"). This fallback takes, from a sentence with a signing or partnership cue,
/// every name of a known kind (État, Région, Département, CAF, France Travail, bailleur...).
///
/// Does not find: names in a sentence without such a cue (a commitment alone: "la Région
/// s'engage à financer"), names of no known kind, bodies merely present ("en présence de la
/// CAF"), funders of a sentence about money, another agreement ("a signé une convention avec
/// l'ARS"), parties of many contracts ("signataire des 21 contrats de ville de la région").
pub struct PartySentence;

/// Linking words an organisation's name may hold in lower case.
const LINKING: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "sur", "sous", "à", "au", "aux",
    "près",
];

/// Words opening a purpose a cue cut off after a name ("la CAF pour | signer"): never the end of
/// a name.
const PURPOSE: &[&str] = &["pour", "afin", "avant", "puis"];

/// `item` without the linking words (or words of `PURPOSE`) a stretch cut before a cue leaves at
/// its end ("l'État et des | partenaires" → "État"); `None` when nothing is left.
fn without_linking_tail(text: &str, mut item: Item) -> Option<Item> {
    loop {
        let name = item.name.trim_end();
        let cut = name.rfind([' ', '\'', '’']).map_or(0, |i| i + 1);
        if !LINKING.contains(&&name[cut..]) && !PURPOSE.contains(&&name[cut..]) {
            return (!name.is_empty()).then_some(item);
        }
        let written = text[item.range.clone()].trim_end();
        let at = written.rfind([' ', '\n', '\t', '\'', '’']).map_or(0, |i| i + 1);
        item.range.end = item.range.start + written[..at].trim_end().len();
        item.name = name[..cut].trim_end().to_owned();
        if item.name.is_empty() || item.range.is_empty() {
            return None;
        }
    }
}

/// Whether `name` reads as a name: no lower-case word but linking words and the words of kind
/// patterns ("Caisse d'allocations familiales du Nord", "Conseil départemental de l'Ain"), so
/// that a piece running on into a clause ("Tarn Habitat l'ont également signé", "Signature du
/// contrat de ville") is no party. An upper-case name of more than three words is a heading
/// ("SIGNATURE DU CONTRAT DE VILLE DE LUNEL").
pub(super) fn proper(name: &str) -> bool {
    if !name.chars().any(char::is_lowercase) && name.split_whitespace().count() > 3 {
        return false;
    }
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().all(|w| {
        !w.chars().next().is_some_and(char::is_lowercase) || LINKING.contains(w) || is_kind_word(w)
    })
}

/// Whether `name` opens with a body of `kinds.tsv` of no institutional kind named in words
/// ("Mission locale du Niortais", "Maison de l'emploi"): a partner of the lexicon, not any name
/// of no known kind. A body known by one word ("l'ANRU", "l'Anah", "l'université") is more
/// often a funder, a programme or a researcher's employer mentioned than a party.
fn listed_body(name: &str) -> bool {
    lexicon::kind(name) == Some("other") && lexicon::opening_words(name) > 1
}

/// Whether the lower-case intercommunality `name` is written with its full name: "communauté de
/// communes du Pays de Lunel", "communauté d'agglomération Castres-Mazamet" (not "communauté
/// urbaine", "agglomération de Lunel").
fn full_name(name: &str) -> bool {
    static FULL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^communauté\s+(?:de\s+communes|d['’]agglomération|urbaine)\s+(?:(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?\p{Lu}")
            .expect("valid regex")
    });
    FULL.is_match(name)
}

/// The end of "le(s) contrat(s) de ville de", maybe after a first territory and "et de": the
/// name that follows is a contract's territory.
static CONTRACT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcontrats?\s+de\s+ville\s+(?:\d{4}\s*[-–]\s*\d{4}\s+)?(?:de|du|des|d['’])\s*(?:la\s+|l['’])?(?:[^,;.:]{0,60}?\s+et\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?)?$")
        .expect("valid regex")
});

/// A sentence about the contract's parties.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?)?sign(?:é|ée|és|ées|ee|ees|ent|ant|er|era|eront|ataires?|atures?)\b|\b(?:les|des|aux|autres|ses|leurs|deux|trois)\s+parties\b(?:\s+prenantes\b)?|\brepr[ée]sent[ée](?:e|s|es)?\s+par\b[^,;:()]*|\bparaph|\bs['’](?:y\s+)?(?:sont|est)\s+(?:également\s+|aussi\s+|ensuite\s+)?(?:joint|associé|rallié)(?:e|s|es)?\b|\bpartenaires?\b|\bpartenariat\b|\bs['’](?:y\s+)?engagent\b|\bse\s+sont\s+(?:tous\s+|également\s+)?engagé|\bmobilis(?:e|ent|ant|é|ée|és|ées)\b|\bréuni(?:t|ssent|ssant|s)\b|\bassoci(?:e|ent|ant|é|ée|és|ées)\b")
        .expect("valid regex")
});

/// Where the bodies present at a signing are listed after a verb of presence ("autour de la
/// table se trouvaient l'État, ...", "étaient représentés la Région et ...", "se sont
/// retrouvés"), or after the contract a fronted complement names ("étaient réunis pour la
/// signature du contrat de ville l'État, ..."): no name runs across such a cut. It only cuts: the
/// sentence still needs a cue of `CUE`.
static PRESENT_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:se\s+trouv(?:ait|aient|ent|e)(?:\s+(?:réuni|rassemblé|représenté)(?:e|s|es)?)?|(?:étai(?:t|ent)|sont|seront|furent)\s+(?:(?:tous|également|aussi|donc)\s+)?(?:réuni|rassemblé|représenté|présent|convié|invité|venu|assis)(?:e|s|es)?|étai(?:t|ent)\s+là|(?:se\s+sont|s['’]étaient)\s+(?:(?:tous|également|donc)\s+)?(?:retrouvé|réuni|rassemblé)(?:e|s|es)?|autour\s+de\s+la\s+(?:même\s+)?table|(?:ont|avaient)\s+pris\s+place|siégeai(?:t|ent))\b|\bcontrats?\s+de\s+ville(?:\s+\d{4}\s*[-–]\s*\d{4})?\s+(?:l['’]\s*|la\s+|le\s+|les\s+)")
        .expect("valid regex")
});

/// A sentence naming the contract (or its signing).
static ABOUT_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcontrats?\b|\bprotocoles?\b|\bconventions?\s+cadre\b|\bsign|\bparaph")
        .expect("valid regex")
});

/// A signing denied or still to come: "qui ne sont pas signataires", "n'ont pas souhaité
/// s'engager", "signeront l'avenant", "rejoindra les signataires à l'automne": the bodies of
/// such a sentence are not (yet) parties.
static NOT_SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bn(?:e\s+|['’]\s*|\s+)(?:\p{L}+\s+){0,2}?(?:pas|plus|jamais)\s+(?:encore\s+)?(?:\p{L}+\s+){0,3}?(?:s['’ ])?(?:(?:co-?)?sign|engag|paraph|partenaires?\b)|\b(?:(?:co-?)?signeront|(?:co-?)?signera|rejoindr(?:a|ont)\s+(?:les\s+|ses\s+)?(?:signataires|partenaires)|(?:sera|seront)\s+(?:\p{L}+\s+)?(?:co-?)?sign(?:é|ée|és|ées)|sans\s+(?:le\s+|la\s+)?sign)")
        .expect("valid regex")
});

/// Another document than the contract right after a cue: "signataire de la charte", "partenaires
/// de la convention".
static OTHER_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:de\s+la|du|des|de\s+l['’]|d['’]une?|de\s+cette|de\s+ce)\s*(?:\p{L}+\s+)?(?:chartes?|conventions?|accords?|pactes?)\b")
        .expect("valid regex")
});

impl Rule for PartySentence {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            // "étaient réunis" is a presence, a cue only at the contract's signing ("étaient
            // réunis pour la fête de quartier ..." is not).
            let about_contract = ABOUT_CONTRACT.is_match(s);
            let cues: Vec<_> = CUE
                .find_iter(s)
                .filter(|m| about_contract || !m.as_str().to_lowercase().ends_with("réunis"))
                .map(|m| m.range())
                .collect();
            // "signataire des 21 contrats de ville de la région", "signataire de la charte": a
            // party of many contracts or of another document.
            let of_many = cues.iter().any(|c| {
                MANY_CONTRACTS.is_match(&s[c.end..]) || OTHER_DOCUMENT.is_match(&s[c.end..])
            });
            if cues.is_empty()
                || of_many
                || (!SIGNED.is_match(s) && FUNDING.is_match(s))
                || OTHER_AGREEMENT.is_match(s)
                || NOT_SIGNING.is_match(s)
            {
                continue;
            }
            // The parties stand before a cue ("la CAF s'engage") or after it ("le contrat
            // associe la CAF"): the stretches between cues apart, so that no cue opens a name.
            let end = PRESENCE.find(s).map_or(s.len(), |m| m.start());
            let mut cuts = cues.clone();
            cuts.extend(PRESENT_CUT.find_iter(s).map(|m| m.range()));
            // A colon after a cue closes what stands before it: the parties, then the goals
            // they set ("en signant, l'État et la CAF s'accordent sur trois axes : emploi,
            // santé et logement"), or a lead-in, then the parties ("deux partenaires : l'État et
            // la CAF"). One before any cue opens the sentence ("Politique de la ville : ...").
            let first_cue = cues[0].end;
            cuts.extend(
                s.match_indices(':').filter(|(i, _)| *i >= first_cue).map(|(i, c)| i..i + c.len()),
            );
            cuts.sort_by_key(|c| c.start);
            let starts = std::iter::once(0).chain(cuts.iter().map(|c| c.end));
            let ends = cuts.iter().map(|c| c.start.min(end)).chain(std::iter::once(end));
            let found: Vec<_> = starts
                .zip(ends)
                .filter(|(a, b)| a < b)
                .flat_map(|(a, b)| items(text, sentence.start + a..sentence.start + b, Mode::Loose))
                .filter_map(|i| without_linking_tail(text, i))
                .filter(|i| i.kind.is_some_and(|k| k != "other" || listed_body(&i.name)))
                .filter(|i| proper(&i.name))
                // "la communauté urbaine", "l'agglomération de Lunel": the carrier described in
                // prose, not a party listed; its full name is ("la communauté de communes du
                // Pays de Lunel").
                .filter(|i| {
                    i.kind != Some("epci")
                        || !i.name.starts_with(char::is_lowercase)
                        || full_name(&i.name)
                })
                // "signé les contrats de ville de Metz Métropole et de la communauté
                // d'agglomération de Forbach": the contracts signed, not their parties.
                .filter(|i| !CONTRACT_OF.is_match(&text[sentence.start..i.range.start]))
                .collect();
            push_signatories(doc, found, ID, &mut Vec::new(), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&PartySentence, text), expected, "{text:?}");
    }

    #[test]
    fn bodies_present_at_the_signing() {
        check(
            "Autour de la table se trouvaient l'État, la Région Grand Est, le Département de la Marne et la CAF pour signer le contrat de ville.",
            &["État", "Région Grand Est", "Département de la Marne", "CAF"],
        );
        check(
            "Étaient réunis pour la signature du contrat de ville l'État, la Ville de Reims et la CAF de la Marne.",
            &["État", "Ville de Reims", "CAF de la Marne"],
        );
        check(
            "Lors de la signature du contrat de ville, étaient représentés l'État, la Région et Reims Habitat.",
            &["État", "Région", "Reims Habitat"],
        );
        check(
            "À la signature du contrat, se trouvaient réunis l'État, la Métropole et la CAF.",
            &["État", "Métropole", "CAF"],
        );
        check(
            "L'État, la Ville de Reims et la CAF de la Marne se sont retrouvés lundi afin de signer le contrat de ville.",
            &["État", "Ville de Reims", "CAF de la Marne"],
        );
        check(
            "Pour parapher le contrat de ville, siégeaient le Département de l'Aube et Troyes Champagne Métropole.",
            &["Département de l'Aube", "Troyes Champagne Métropole"],
        );
        // present at something else than the signing
        check(
            "Autour de la table se trouvaient les habitants et le club de foot pour la fête.",
            &[],
        );
        check("Étaient réunis pour la fête de quartier la Ville de Reims et la CAF.", &[]);
        check("Se sont retrouvés au gymnase la Région et la CAF pour un tournoi.", &[]);
    }

    #[test]
    fn parties_of_a_gerund_of_signing() {
        check(
            "En signant, l'État, la Région Occitanie et le Département de l'Aude se sont engagés à agir ensemble.",
            &["État", "Région Occitanie", "Département de l'Aude"],
        );
        check(
            "En cosignant ce contrat, la CAF du Gers et Pôle emploi s'engagent à mobiliser leurs moyens.",
            &["CAF du Gers", "Pôle emploi"],
        );
        check(
            "La CAF du Gard et la Ville de Nîmes, en signant le contrat de ville, ont lancé la démarche.",
            &["CAF du Gard", "Ville de Nîmes"],
        );
        check(
            "En signant, l'État, le Département du Finistère et la Ville de Brest se sont engagés sur trois axes : emploi, santé et logement.",
            &["État", "Département du Finistère", "Ville de Brest"],
        );
        check(
            "Le contrat de ville associe deux partenaires : la Région Bretagne et la CAF du Finistère.",
            &["Région Bretagne", "CAF du Finistère"],
        );
        // a gerund of another act than the signing
        check("En soutenant les associations, la Région et la CAF aident les quartiers.", &[]);
    }

    #[test]
    fn parties_anywhere_in_a_sentence_about_partners() {
        check(
            "Le contrat mobilise, sur six ans, l'État, la Région Bretagne et la CAF du Finistère autour de trois piliers.",
            &["État", "Région Bretagne", "CAF du Finistère"],
        );
        check(
            "Pour la première fois, France Travail et la Caisse d'allocations familiales de l'Ain s'engagent dans le contrat.",
            &["France Travail", "Caisse d'allocations familiales de l'Ain"],
        );
        check(
            "Le nouveau partenariat associe le Conseil départemental du Gard et Habitat du Gard.",
            &["Conseil départemental du Gard", "Habitat du Gard"],
        );
        // An intercommunality in lower case, with its full name.
        check(
            "Signé lundi en sous-préfecture, le partenariat réunit l'État, la communauté de communes du Pays de Lunel et la CAF.",
            &["État", "communauté de communes du Pays de Lunel", "CAF"],
        );
        check(
            "Le contrat mobilise la communauté d'agglomération Castres-Mazamet et la Région.",
            &["communauté d'agglomération Castres-Mazamet", "Région"],
        );
    }

    #[test]
    fn parties_named_as_such_or_through_their_representative() {
        // The noun "parties", before or after the list, with a colon or a verb between.
        check(
            "Les autres parties au contrat étaient là : la Région Occitanie, la CAF de l'Hérault et Pôle emploi.",
            &["Région Occitanie", "CAF de l'Hérault", "Pôle emploi"],
        );
        check(
            "La CPAM du Var, Var Habitat et la Banque des territoires comptent aussi parmi les parties.",
            &["CPAM du Var", "Var Habitat", "Banque des territoires"],
        );
        check(
            "France Travail et la Caisse des dépôts figurent également au nombre des parties prenantes.",
            &["France Travail", "Caisse des dépôts"],
        );
        // Represented by someone, accents kept or lost in the crawl.
        check(
            "Le Conseil départemental de l'Orne était représenté par son vice-président.",
            &["Conseil départemental de l'Orne"],
        );
        check("La Region Normandie etait representee par une elue.", &["Region Normandie"]);
        check(
            "La Ville de Vire, représentée par son maire, et la CAF du Calvados sont signataires.",
            &["Ville de Vire", "CAF du Calvados"],
        );
        // An intention to sign, the infinitive, the plural noun.
        check(
            "La CAF de la Manche et Manche Habitat avaient prévu de signer.",
            &["CAF de la Manche", "Manche Habitat"],
        );
        check(
            "Viennent ensuite les signatures de la CAF du Cher et de France Travail.",
            &["CAF du Cher", "France Travail"],
        );
        // Bodies joining the others.
        check(
            "S'y sont joints la CAF de la Sarthe, la CPAM de la Sarthe et Sarthe Habitat.",
            &["CAF de la Sarthe", "CPAM de la Sarthe", "Sarthe Habitat"],
        );
        check(
            "La Région Pays de la Loire et France Travail se sont également associés à la démarche.",
            &["Région Pays de la Loire", "France Travail"],
        );
        check(
            "Le Département de la Sarthe s'est rallié aux autres.",
            &["Département de la Sarthe"],
        );
        // A partner of the lexicon of no institutional kind.
        check(
            "La Mission locale du Bocage et l'ARS rejoignent les signataires.",
            &["Mission locale du Bocage", "ARS"],
        );
    }

    #[test]
    fn parties_in_other_senses_are_no_cue() {
        // "parties" as a participle or a part of a building, no signing word otherwise.
        check("Les familles de la CAF du Cher sont parties en vacances.", &[]);
        check("La Région Occitanie rénove les parties communes des immeubles.", &[]);
        // Represented in a count, not a party.
        check("Le Cantal est représenté par trois quartiers dans la liste de l'ANRU.", &[]);
        // Joined in another sense: no party.
        check("La rue de la Gare a été jointe au quartier de la CAF.", &[]);
        // A body of no known kind stays out.
        check("Les Jardins du Bocage rejoignent les signataires.", &[]);
        check("Le contrat associe aussi l'ANRU.", &[]);
        check("Une chercheuse associée à l'université de Caen a suivi le diagnostic.", &[]);
        // "Côté État" opens the list of the State's signers, it is no name.
        check("Côté État, les signatures sont au nombre de trois.", &["État"]);
    }

    #[test]
    fn no_cue_no_known_kind_no_clause() {
        // No signing or partnership cue.
        check("L'État et la Région Bretagne financent la rénovation de l'école.", &[]);
        // Names of no known kind.
        check("Le contrat associe Les Amis du Port et Terre de Liens.", &[]);
        // Merely present, or another agreement.
        check("Le contrat est signé en présence de la CAF du Finistère.", &[]);
        check("La Ville a signé une convention avec l'Agence régionale de santé.", &[]);
        // A piece running on into a clause, an upper-case heading, the carrier in prose.
        check("Enfin, la Région Bretagne l'a également signé.", &[]);
        check("SIGNATURE DU CONTRAT DE VILLE DE LA RÉGION DE LUNEL\nLe contrat est signé.", &[]);
        check("Le contrat est porté par la communauté urbaine, signataire.", &[]);
        check("L'agglomération de Lunel s'engage dans le partenariat.", &[]);
        check(
            "La Région a signé les contrats de ville de Lunel et de la communauté de communes du Pays de Sète.",
            &["Région"],
        );
        check("Le contrat réunit l'État et des partenaires nombreux.", &["État"]);
        // A sentence opening with a preposition: a place in the territory, not a party.
        check(
            "Sur les 40 communes de la communauté urbaine, qui réunit 90 000 habitants, une seule a des quartiers.",
            &[],
        );
    }

    #[test]
    fn no_signing_denied_or_to_come() {
        check(
            "La mission locale et France Travail, qui ne sont pas signataires, suivront les jeunes.",
            &[],
        );
        check("La CCI et la CMA n'ont pas voulu s'engager par leur signature.", &[]);
        check("La CAF et Habitat du Gard signeront l'avenant en septembre.", &[]);
        check("La Région, qui n'a pas encore voté, rejoindra les signataires en octobre.", &[]);
        // A negation that is not about signing leaves the parties.
        check(
            "Ce n'est pas un plan de plus : l'État, la Région et la CAF du Gard ont signé le contrat.",
            &["État", "Région", "CAF du Gard"],
        );
    }
}
