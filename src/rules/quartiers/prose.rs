//! `quartiers.prose`: quartiers named in running sentences.
//!
//! Finds "le quartier de Rochebelle, à Alès", "comme le quartier de Clavières, également situé
//! à Alès", "Le secteur Gare – Mesnil, à Yvetot", "le quartier centre de Lillers" (a quartier
//! named by its position in a town), counted appositions ("deux quartiers prioritaires, le
//! Val-aux-Grès à Bolbec et la Cité Fénelon à Lillebonne, où", "Deux autres quartiers brestois,
//! Kérinou et les Quatre-Moulins, restent") and plural enumerations ("les quartiers des Prés
//! Saint-Jean, de Tamaris et du centre-ville", "les quartiers Bellevue et Kerourien à Brest").
//! The status comes from the sentence ("maintenu en veille active", "ne fait plus partie de la
//! géographie prioritaire"), else `prioritaire`.
//! Does not find: a generic "quartier" ("la maison de quartier du Grand Parc", "les habitants
//! des quartiers", "quartier par quartier"), a street ("avenue de la République"), a commune
//! named as a quartier ("les quartiers de Lens et de Liévin" when the text names those towns).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::{Captures, Regex};

use super::lexicon::{
    COUNT_WORD, Known, NAME, PLACE, clean_name, collapse, count_in, generic_before, is_commune,
    label, lists_something_else, names_a_qpv, plausible_name, qpv_code_of, status_in,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The prose rule.
pub struct Prose;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.prose";

const DE: &str = r"(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d')";

/// "le quartier de Rochebelle, à Alès", "le nouveau quartier prioritaire « Les Prés »", "le
/// quartier de veille active des Tilleuls à Vitré" (the status between the cue and the name).
/// A name in quotes is read whole, whatever its words ("« La Bastide et le Tricot »").
static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:le|du|au|ce)\s+(?:(?i:nouveau|seul)\s+)?(?P<kind>(?i:quartier|secteur))\s+(?:(?:prioritaire|(?:de|en)\s+veille(?:\s+active)?)\s+)?(?:{DE})?(?:«\s*(?P<quoted>[^«»\n]{{2,80}}?)\s*»|«?\s*(?P<name>{name})(?:\s*»)?)(?:\s*,\s*(?:(?:également|aussi)\s+)?(?:situé\s+)?(?:[àÀ]|au)\s+(?P<c1>{PLACE})|\s+(?:[àÀ]|au)\s+(?P<c2>{PLACE}))?",
        name = *NAME
    ))
    .expect("valid regex")
});
/// "ainsi qu'un quartier de veille active, Marnaval.", "un secteur prioritaire, la Noue, où":
/// one quartier named after its status, set off by commas.
static APPOSED_ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:un|le|ce)\s+(?P<kind>(?i:quartier|secteur))\s+(?:prioritaire|(?:de|en)\s+veille(?:\s+active)?|placé\s+en\s+veille(?:\s+active)?)\s*,\s*(?:(?:le|la|les|l')\s*)?«?(?P<name>{name})»?(?:\s*,?\s+[àÀ]\s+(?P<c1>{PLACE}))?\s*(?:[.;,]|$)",
        name = *NAME
    ))
    .expect("valid regex")
});
/// A town's centre as a quartier's name: "centre ancien", "centre-ville", "cœur de ville".
const CENTRE: &str = r"(?i:centre[- ](?:ville|bourg)|centre\s+(?:ancien|historique)|c(?:œ|oe)ur\s+de\s+ville|vieille\s+ville)";
/// A town's centre named as the one quartier of a contract, with its town after "de" if
/// given: "un seul quartier est concerné, le centre ancien de Valréas", "un quartier unique,
/// le « centre ancien »", "le quartier prioritaire du cœur de ville d'Agde". Not a town's
/// centre named in passing ("les commerces du centre-ville de Rodez").
static TOWN_CENTRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?i:un\s+seul|un|le\s+seul)\s+(?P<kind>(?i:quartier))(?:\s+(?i:prioritaire|unique))?[^.;:,\n]{{0,60}},\s*|\b(?i:le|du|au)\s+(?P<kind2>(?i:quartier))\s+prioritaire\s+(?i:du|de\s+la)\s+)(?:(?i:le|la|l')\s*)?«?\s*(?P<name>{CENTRE})(?:\s*»)?(?:\s+(?:de\s+|d'|[àÀ]\s+)(?P<c1>{PLACE}))?"
    ))
    .expect("valid regex")
});
/// The agent of a verb of support ("accompagnés en veille active par les partenaires"): who
/// acts for the quartiers listed, not a list of partners ("signé par les bailleurs" is one).
static AGENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:accompagnée?s?|suivie?s?|soutenue?s?)\s+(?:en\s+veille(?:\s+active)?\s+)?par\s+(?:les|des|leurs|ses|nos)\s+\p{L}+")
        .expect("valid regex")
});
/// "le secteur de la Bergeonnerie en sort et ne sera plus suivi", "ne sont pas retenus cette
/// fois": quartiers the contract leaves out, listed by no one.
static LEFT_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bne\s+(?:sera|seront|est|sont)\s+(?:plus|pas)\s+(?:suivie?s?|retenue?s?|accompagnée?s?)\b")
        .expect("valid regex")
});
/// What follows a list in its sentence when the sentence goes on to another quartier ("..., qui
/// comptent 6 400 habitants, ainsi qu'un quartier de veille active, C"): the list's status is
/// then the one its own words give.
static ANOTHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:quartiers?|secteurs?)\b").expect("valid regex"));
/// A capitalised past participle and its agent ("Prolongé par", "Signée par"): no name.
static PARTICIPLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}+(?:é|ée|és|ées)\s+par\b").expect("valid regex"));
/// A commune named after "au" (`before` ends with it) is one whose name opens with "Le": "au
/// Tampon" is Le Tampon, "au Havre" Le Havre, when the gazetteer knows that name.
fn with_contracted_article(before: &str, place: String) -> String {
    let after_au = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("au"));
    if !after_au {
        return place;
    }
    let named = format!("Le {place}");
    if is_commune(&named) { named } else { place }
}

/// A commune opening a sentence before a match in it: "À Libourne, " (also "A Libourne, " from a
/// page that lost its accents), nothing but spaces after the comma.
static OPENING_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*[àÀA]\s+(?P<c>{PLACE})\s*,\s*$")).expect("valid regex")
});

/// "le quartier centre de Lillers", "le quartier ouest à Lanester".
static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:le|du|au)\s+(?P<name>(?P<kind>(?i:quartier))\s+(?:centre-ville|centre|nord|sud|est|ouest))\s+(?:de\s+|d'|[àÀ]\s+)(?P<c1>{PLACE})"
    ))
    .expect("valid regex")
});
/// One item of a list in prose: a name with its article, a name a town gives by its position
/// ("le centre ancien"), a second name in parentheses ("Jura (Citadelle)") or its commune
/// ("Bellevue (Nantes)", told apart in `items`), and its own commune ("Wihrel à Ostwald", also
/// "Wihrel a Ostwald" from a page that lost its accents).
static LISTED: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?:le|la|les|l')\s*)?«?(?:{name}(?:[ \t]+{QUALIFIER})?|centre-ville|centre\s+ancien|secteur[ \t]+(?:{name}|{DIRECTION})|(?:cité|résidence)\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l'|de\s+|d')?{name}|(?i:quartier)\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l'|de\s+|d')?{name}|{STREET}[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|des[ \t]+|du[ \t]+|de[ \t]+|d')?{name})»?(?:[ \t]*\([ \t]*{name}[ \t]*\))?(?:\s+(?:[àÀ]|a)\s+{PLACE})?",
        name = *NAME
    )
});
/// A position in a town, a quartier's name after "secteur" ("le secteur nord").
const DIRECTION: &str = r"(?:nord|sud)(?:-(?:est|ouest))?\b|(?:est|ouest)\b";
/// The nouns of a way a quartier may be named after ("la route de Beaucaire", "l'avenue de la
/// République"): in an enumeration of quartiers, such an item is one of them.
const STREET: &str = r"(?i:rue|avenue|route|boulevard|chemin|allée|place|quai|cours)";
/// An item named after its street.
static STREET_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{STREET}[ \t]+\S")).expect("valid regex"));
/// A lower-case word that ends a name and tells one part of a quartier from another ("le
/// Centre ancien", "le Bas-Vernet nouveau", "Europe nord", "la Rive droite"); not "est", a verb
/// as often.
const QUALIFIER: &str =
    r"(?:ancien|ancienne|nouveau|nouvelle|nord|sud|ouest|historique|droite|gauche|haute|basse)\b";
/// A name with its article and its quotes, if any: "le Moulin", "« Les Prés »".
static QUOTED_NAME: LazyLock<String> =
    LazyLock::new(|| format!(r"(?:(?:le|la|les|l')\s*)?«?{name}»?", name = *NAME));
/// "deux quartiers prioritaires, A à X et B à Y, où".
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*LISTED;
    Regex::new(&format!(
        r"(?i:\b{count}\s+(?:autres\s+|nouveaux\s+)?(?P<kind>quartiers|secteurs))(?:\s+\p{{Ll}}[\p{{L}}-]*){{0,2}}\s*,\s*(?P<items>{item}(?:(?:\s*,\s*|\s+et\s+){item})+)\s*(?:,|\s+(?:où|qui|restent|sont|seront|ont|vont|bénéficient)\b)",
        count = *COUNT_WORD
    ))
    .expect("valid regex")
});
/// "Il s'agit des quartiers suivants : Bellevue, Pontanézen et Kerourien.", "quatre quartiers,
/// tous à Agen : Montanou, Tapie et Barleté" (the introduction gives the commune, maybe before
/// a short clause: "Trois quartiers, tous situés à Agen, sont retenus : ..."), "Deux
/// quartiers : Beaulieu, à Chartres, et Tallemont, à Mainvilliers" (each group its own); a list
/// may end at a clause about it (", qui regroupent 9 000 habitants", ", soit …").
static COLON_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*LISTED;
    // "A ; B ; C": names a semicolon parts, when no commune goes with them.
    let sep = format!(
        r"(?:[ \t]*,[ \t]*(?:(?:[àÀ]|au)[ \t]+{PLACE}[ \t]*,[ \t]*(?:(?:et|ainsi[ \t]+que)[ \t]+)?)?|[ \t]*,?[ \t]+ainsi[ \t]+que[ \t]+|[ \t]+et[ \t]+(?:enfin[ \t]+)?|[ \t]*;[ \t]*)"
    );
    Regex::new(&format!(
        r"(?P<intro>\b(?P<kind>(?i:quartiers|secteurs)|QPV)\b[^.:;\n]{{0,80}}?(?:,?[ \t]+(?:(?:tous|toutes)[ \t]+)?(?:(?:situés|situées)[ \t]+)?(?:[àÀ]|(?:sur|dans)[ \t]+la[ \t]+(?:commune|ville)[ \t]+(?:de|d'))[ \t]*(?P<c0>{PLACE})(?:[ \t]*,[ \t]+\p{{Ll}}[^.:;,\n]{{0,60}})?)?)[ \t]*:[ \t]*(?P<items>{item}(?:{sep}{item})+)(?:[ \t]*,?[ \t]+(?:[àÀ]|au)[ \t]+(?P<c1>{PLACE})[ \t]*(?:[.,]|\n|$)|[ \t]*(?:\.|\n|$)|[ \t]*,[ \t]+(?:qui|où|soit|représentant|regroupant|rassemblant|totalisant|comptant)[ \t])"
    ))
    .expect("valid regex")
});
/// "Deux quartiers restent en veille : à Kingersheim, le Hirtzbach, et à Rixheim, la cité des
/// Romains.": groups after a colon, each opened by its commune.
static COMMUNE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*LISTED;
    let group =
        format!(r"[àÀ][ \t]+{PLACE}[ \t]*,[ \t]*{item}(?:(?:[ \t]*,[ \t]*|[ \t]+et[ \t]+){item})*");
    Regex::new(&format!(
        r"(?P<intro>\b(?P<kind>(?i:quartiers|secteurs)|QPV)\b[^.:;\n]{{0,120}}?)[ \t]*:[ \t]*(?P<items>{group}(?:(?:[ \t]*[,;][ \t]*(?:et[ \t]+)?|[ \t]+et[ \t]+){group})+)[ \t]*(?:\.|\n|$)"
    ))
    .expect("valid regex")
});
/// "Cinq quartiers prioritaires sont concernés, parmi lesquels Presles, à Cusset, la Cité des
/// Ailes et la Résidence Jean-Jaurès, à Vichy.", "… dix quartiers prioritaires. Parmi eux, A à
/// X, B et C à Y": some of the quartiers, each group with its commune. A list an excerpt cuts
/// ("…, la cité 5 à" at the end of the text or of its paragraph) keeps the names before the
/// cut one.
static AMONG: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*LISTED;
    let sep = format!(
        r"(?:[ \t]*,[ \t]*(?:[àÀ][ \t]+{PLACE}[ \t]*,[ \t]*(?:et[ \t]+)?)?|[ \t]+et[ \t]+)"
    );
    Regex::new(&format!(
        r"(?P<intro>\b(?P<kind>(?i:quartiers|secteurs))\b(?:[^.:;\n]{{0,80}}?,[ \t]*(?i:parmi[ \t]+lesquels|parmi[ \t]+lesquelles|dont|notamment|en[ \t]+particulier)|[^.:;\n]{{0,200}}?\.[ \t]+(?i:parmi[ \t]+(?:eux|elles|ceux-ci|celles-ci|ces[ \t]+quartiers))[ \t]*,))[ \t]+(?P<items>{item}(?:{sep}{item})*)(?:[ \t]*,?[ \t]+[àÀ][ \t]+(?P<c1>{PLACE}))?[ \t]*(?:[.;]|,[ \t]+(?:où|qui)\b|,[ \t]*[^.;,\n]{{0,40}}(?:\n|$)|\n|$)"
    ))
    .expect("valid regex")
});
/// "Six quartiers ont été retenus. Il s'agit de la Cité des Roses à X, du quartier Bellevue à Y
/// et enfin de la résidence des Lilas à Z.": the quartiers a sentence counts, each after "de" in
/// the "il s'agit" sentence that follows it (or the one after).
static IT_IS: LazyLock<Regex> = LazyLock::new(|| {
    let item = format!(r"{DE}\s*(?:quartier[ \t]+)?{listed}", listed = *LISTED);
    Regex::new(&format!(
        r"(?P<intro>\b(?P<kind>(?i:quartiers))\b(?:[^.\n]{{0,160}}\.[ \t]*){{1,2}})(?i:il[ \t]+s'agit)[ \t]+(?P<items>{item}(?:(?:[ \t]*,[ \t]*|[ \t]+et[ \t]+(?:enfin[ \t]+)?){item})+)[ \t]*(?:\.|\n|$)"
    ))
    .expect("valid regex")
});
/// Where an enumeration says its commune: ", à Auxerre", "de la ville de Brest".
const AT_COMMUNE: &str = r"(?:[àÀ]|de\s+la\s+(?:ville|commune)\s+(?:de\s+|d'))";

/// "les quartiers des Prés Saint-Jean, de Tamaris et du centre-ville, à Alès", "aux quartiers de
/// A et de B".
static PLURAL_DE: LazyLock<Regex> = LazyLock::new(|| {
    let item = format!(r"{DE}\s*(?:{name}|centre-ville|centre\s+ancien)", name = *NAME);
    Regex::new(&format!(
        r"\b(?i:les|aux)\s+(?P<kind>(?i:quartiers|secteurs))(?:\s+prioritaires)?\s+(?P<items>{item}(?:\s*,\s*{item})*\s+et\s+{item})(?:\s*,?\s+{AT_COMMUNE}\s*(?P<c1>{PLACE}))?"
    ))
    .expect("valid regex")
});
/// A verb whose object is the parts of one quartier ("Le quartier Aurillac Sud, qui regroupe
/// les secteurs de A et de B"): those sectors are not quartiers of their own.
static MADE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:regroupe|regroupant|comprend|comprenant|englobe|englobant|réunit|réunissant|inclut|incluant|composé|formé)\s+$")
        .expect("valid regex")
});
/// A name of an enumeration in prose, maybe with its article ("le Moulin Neuf", "l'Ilot"), or
/// a quartier a town names by a common noun ("le quartier de la gare", "le quartier du port").
static ENUMERATED: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?:(?:le|la|les|l')\s*)?(?:{}|centre-ville|centre\s+ancien|{NOUN_OF}{NOUN})", *NAME)
});
/// "quartier de la gare": the common noun after [`NOUN_OF`] is the quartier's name ([`BY_NOUN`]
/// keeps it alone).
const NOUN_OF: &str = r"quartier\s+(?:de\s+la\s+|de\s+l'|du\s+)";
const NOUN: &str = r"\p{Ll}[\p{L}-]+";
/// Two names or more: "A, B et C", "A et B ainsi que C", and a list that goes on after its
/// first "et" when a name holds one ("A, B et C, D et E": "Briand et Césaire, le Port et F").
static ENUMERATION: LazyLock<String> = LazyLock::new(|| {
    let name = &*ENUMERATED;
    format!(
        r"{name}(?:\s*,\s*{name})*\s+(?:et|ainsi\s+que)\s+{name}(?:(?:\s*,\s*{name})+\s+(?:et|ainsi\s+que)\s+{name})*(?:\s+ainsi\s+que\s+{name})?"
    )
});
/// "les quartiers Bellevue et Kerourien à Brest", "dans les quartiers A et B de la ville de X",
/// "aux quartiers prioritaires A, B et C", "aux quartiers Pasteur, le Moulin Neuf et l'Ilot",
/// "les habitants des quartiers A et B", "les QPV A et B".
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:les|aux|des)\s+(?P<kind>(?i:quartiers)|QPV)(?:\s+prioritaires)?\s+(?P<items>{items})(?:\s*,?\s+{AT_COMMUNE}\s*(?P<c1>{PLACE}))?",
        items = *ENUMERATION
    ))
    .expect("valid regex")
});
/// "Les quartiers prioritaires de Montargis sont A, B et C", "les quartiers retenus sont A et
/// B": the quartiers as the subject of "sont" (after a colon, [`COLON_LIST`] reads them).
static COPULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:les)\s+(?P<kind>(?i:quartiers)|QPV)(?:\s+prioritaires)?(?:\s+(?:de\s+|d')(?P<c1>{PLACE})|\s+(?:de\s+la\s+(?:ville|commune)|du\s+territoire|de\s+l'agglomération))?(?:\s+(?:concernés|retenus|ciblés|visés|éligibles))?(?:\s+par\s+(?:le|ce)\s+contrat)?\s+(?:sont|seront)\s+(?P<items>{items})",
        items = *ENUMERATION
    ))
    .expect("valid regex")
});
/// "trois quartiers (A, B et C)", "les quartiers prioritaires (A, B, C)": the names in
/// parentheses right after the word.
static PAREN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = &*ENUMERATED;
    Regex::new(&format!(
        r"\b(?P<kind>(?i:quartiers)|QPV)(?:\s+prioritaires)?[ \t]*\([ \t]*(?P<items>{name}(?:[ \t]*,[ \t]*{name})*(?:[ \t]*,[ \t]*|[ \t]+et[ \t]+){name})[ \t]*\)"
    ))
    .expect("valid regex")
});
/// "Bellevue et Malakoff, deux quartiers de Nantes", "A, B et C, les trois quartiers
/// prioritaires de la ville de X".
static COUNTED_OF: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*QUOTED_NAME;
    Regex::new(&format!(
        r"(?P<items>{item}(?:\s*,\s*{item})*\s+et\s+{item})\s*,\s+(?:(?i:les|ses)\s+)?(?i:{count})\s+(?P<kind>(?i:quartiers))(?:\s+\p{{Ll}}[\p{{L}}-]*){{0,2}}\s+(?:de\s+la\s+(?:ville|commune)\s+(?:de\s+|d')|de\s+|d'|[àÀ]\s+)(?P<c1>{PLACE})",
        count = *COUNT_WORD
    ))
    .expect("valid regex")
});
/// "Bellevue, Malakoff et la Halvêque sont les trois quartiers prioritaires retenus": the names
/// as the subject of "sont" before the count of quartiers, maybe with their commune after it.
static COUNTED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*QUOTED_NAME;
    Regex::new(&format!(
        r"(?P<items>{item}(?:\s*,\s*{item})*\s+et\s+{item})\s+(?:sont|seront|constituent|forment)\s+(?:(?i:les|ses)\s+)?(?i:{count})\s+(?P<kind>(?i:quartiers))(?:\s+\p{{Ll}}[\p{{L}}-]{{2,}}){{0,2}}(?:\s+(?:de\s+la\s+(?:ville|commune)\s+(?:de\s+|d')|de\s+|d'|[àÀ]\s+)(?P<c1>{PLACE}))?",
        count = *COUNT_WORD
    ))
    .expect("valid regex")
});
/// "Bellevue, quartier prioritaire de Nantes", "les Sablons, un quartier de Vichy".
static NAMED_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:le|la|les|l')\s*)?«?(?P<name>{name})»?\s*,\s+(?:(?i:un|le|seul)\s+)?(?P<kind>(?i:quartier))\s+(?:prioritaire\s+)?(?:de\s+la\s+(?:ville|commune)\s+(?:de\s+|d')|de\s+|d'|[àÀ]\s+)(?P<c1>{PLACE})",
        name = *NAME
    ))
    .expect("valid regex")
});
/// "Un seul quartier prioritaire est concerné : la Madeleine, à Joigny, qui compte", "un unique
/// quartier : le centre ancien et le Vergeiras, au Luc" (one name, as the count says).
static ONE_AFTER_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<intro>(?:\b(?i:seul|unique)[ \t]+)?\b(?P<kind>(?i:quartier|secteur))\b[^.:;\n]{{0,80}}):[ \t]*(?:(?:le|la|les|l')\s*)?«?(?P<name>(?:{CENTRE}[ \t]+et[ \t]+(?:(?:le|la|les)[ \t]+|l'))?{name}|{CENTRE})»?(?:\s*,?\s+(?:[àÀ]|(?i:au))\s+(?P<c1>{PLACE}))?[ \t]*(?:[,.;]|\n|$)",
        name = *NAME
    ))
    .expect("valid regex")
});
/// "Kérinou et Saint-Martin sortent de la géographie prioritaire", "Le Plessis reste suivi en
/// veille active", "La cité des Lilas, à Vénissieux, est retenue comme quartier de veille",
/// "Le Bourg, qui relevait du CUCS, fera l'objet d'une veille active": names whose verb gives
/// their status (the commune and a relative clause may stand between them and the verb).
static STATUS_VERB: LazyLock<Regex> = LazyLock::new(|| {
    let item = format!(
        r"(?:(?:le|la|les|l')\s*)?«?(?:(?:(?i:la|les|le)\s+)?(?:cités?|secteur)\s+{DE}?)?{name}»?",
        name = *NAME
    );
    Regex::new(&format!(
        r"(?:^|[.;:]\s+|\n)(?P<items>{item}(?:\s*,\s*{item})*(?:\s+et\s+{item})?)(?:\s*,?\s+(?:(?:également|aussi)\s+)?[àÀ]\s+(?P<c1>{PLACE}))?(?:\s*,\s+qui\s+[^,.;:\n]{{1,80}})?\s*,?\s+(?P<kind>(?:(?:sort|sortent|reste|restent|demeure|demeurent|est|sont)\s+(?:(?:désormais|toujours|encore|également|aussi|néanmoins|cependant)\s+)?(?:de\s+la\s+(?:géographie|liste)\b|(?:(?:maintenue?s?|suivie?s?|placée?s?|classée?s?|inscrite?s?|retenue?s?)\s+)?(?:au\s+titre\s+de\s+la\s+|en\s+|comme\s+(?:un\s+)?quartiers?\s+(?:de|en)\s+)veille)|(?:fera|feront|fait|font)\s+l['’]objet\s+d['’]une\s+veille))"
    ))
    .expect("valid regex")
});
/// "les quartiers de Nantes (Bellevue, Malakoff et Dervallières)": the names in parentheses after
/// the commune. A list the excerpt cuts before its closing parenthesis loses its last, cut name
/// (`cut`).
static PAREN_OF: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*QUOTED_NAME;
    Regex::new(&format!(
        r"\b(?P<kind>(?i:quartiers))(?:[ \t]+(?i:prioritaires))?[ \t]+(?:de[ \t]+|d')(?P<c1>{PLACE})[ \t]*\([ \t]*(?P<items>{item}(?:[ \t]*,[ \t]*{item})+(?:[ \t]+et[ \t]+{item})?)[ \t]*(?:\)|(?P<cut>[^)\n]*(?:\n|$)))"
    ))
    .expect("valid regex")
});
/// "Bellevue, Malakoff, Les Dervallières… Dans ces quartiers, le contrat": names opening
/// a paragraph (or a sentence, where line breaks were lost) that the next sentence calls "ces
/// quartiers".
static THESE: LazyLock<Regex> = LazyLock::new(|| {
    let item = &*QUOTED_NAME;
    Regex::new(&format!(
        r"(?:(?m:^)|[.!?…][ \t]+)[ \t]*(?P<items>{item}(?:[ \t]*,[ \t]*{item}){{2,}}(?:[ \t]+et[ \t]+{item})?)[ \t]*(?:…|\.\.\.|\.)[ \t]+(?:(?i:dans|pour|sur)[ \t]+)?(?i:ces)[ \t]+(?P<kind>(?i:quartiers))"
    ))
    .expect("valid regex")
});
/// What the introduction of a single quartier after a colon says.
static ONE_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:prioritaire|concerné|retenu|seul|unique|veille)").expect("valid regex")
});
static ITEM_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[,;]\s*(?:et\s+|ainsi\s+que\s+)?|\s+et\s+(?:enfin\s+)?|\s+ainsi\s+que\s+")
        .expect("valid regex")
});
/// "quartier de la gare" → "gare" (the item's article is gone by then).
static BY_NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{NOUN_OF}(?P<n>{NOUN})$")).expect("valid regex"));
/// "le quartier des Prés-Hauts" in an enumeration ("la Fontaine et le quartier des Prés-Hauts"):
/// the quartier is its name (the item's article is gone by then).
static QUARTIER_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:quartier)\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l'|de\s+|d')?(?P<n>\p{Lu}.*)$")
        .expect("valid regex")
});
/// A piece of an enumeration that is only a commune: ", à Cusset," closes the group before it.
static GROUP_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[àÀ]|(?P<au>au))\s+(?P<c>{PLACE})$")).expect("valid regex")
});
static ITEM_DE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d')").expect("valid regex")
});
static ITEM_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<n>.+?)\s+(?:[àÀ]|a)\s+(?P<c>{PLACE})$")).expect("valid regex")
});

/// A name followed by a parenthesis: "Jura (Citadelle)", "Bellevue (Nantes)".
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>[^()]+?)[ \t]*\([ \t]*(?P<p>[^()]+?)[ \t]*\)$").expect("valid regex")
});
/// The article of a name: "le centre ancien".
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?:le|la|les)[ \t]+|l')").expect("valid regex"));

/// The last name of an enumeration followed by its commune: "Kerourien de Brest".
static TRAILING_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<n>.+?)\s+(?:de\s+|d')(?P<c>{PLACE})$")).expect("valid regex")
});
/// Where something stands, just before "quartier": "se trouve dans le quartier de X", "installé
/// au cœur du quartier X" name the place of a building or a district around a quartier, not a
/// quartier of the contract.
static LOCATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:situé|située|situés|situées|se\s+trouve|se\s+trouvent|se\s+situe|se\s+situent|installé|installée|installés|installées|implanté|implantée|implantés|implantées)\s+(?:dans\s+les?|au\s+cœur\s+des?|au\s+cœur\s+du|au\s+sein\s+des?|au\s+sein\s+du)\s+$")
        .expect("valid regex")
});
/// A sentence that compares with other places.
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:comme|à\s+l'instar|contrairement|par\s+rapport|que\s+(?:dans\s+)?les\s+quartiers|ailleurs)\b")
        .expect("valid regex")
});

impl Rule for Prose {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        let by_line = doc.format == crate::record::Format::Html;
        let is_qpv = |name: &str| names_a_qpv(doc, name);
        let code_of = |name: &str| qpv_code_of(doc, name);
        let patterns = [
            &*POSITION,
            &*SINGLE,
            &*APPOSED_ONE,
            &*TOWN_CENTRE,
            &*APPOSITION,
            &*COLON_LIST,
            &*IT_IS,
            &*COMMUNE_FIRST,
            &*AMONG,
            &*PLURAL_DE,
            &*PLURAL,
            &*COPULA,
            &*PAREN_LIST,
            &*COUNTED_OF,
            &*COUNTED_SUBJECT,
            &*NAMED_OF,
            &*ONE_AFTER_COLON,
            &*STATUS_VERB,
            &*PAREN_OF,
            &*THESE,
        ];
        // What an earlier pattern read: a later one reading the same name with the same
        // communes in an overlapping stretch ("le quartier des X" inside an enumeration) adds
        // nothing.
        let mut read: Vec<(String, Vec<String>, std::ops::Range<usize>)> = Vec::new();
        for re in patterns {
            let one_after_colon = std::ptr::eq(re, &*ONE_AFTER_COLON);
            // "parmi lesquels A et B": some of the quartiers, not the count's list.
            let partial = std::ptr::eq(re, &*AMONG);
            for caps in re.captures_iter(text) {
                let kind =
                    caps.name("kind").or_else(|| caps.name("kind2")).or_else(|| caps.name("kind3"));
                let (Some(all), Some(kind)) = (caps.get(0), kind) else { continue };
                // "A (X) ; B (Y)": items with their communes, the parenthesised rule's.
                if std::ptr::eq(re, &*COLON_LIST)
                    && caps
                        .name("items")
                        .is_some_and(|i| i.as_str().contains(';') && i.as_str().contains('('))
                {
                    continue;
                }
                if one_after_colon
                    && !caps.name("intro").is_some_and(|i| ONE_INTRO.is_match(i.as_str()))
                {
                    continue;
                }
                if kind.as_str().eq_ignore_ascii_case("secteurs")
                    && MADE_OF.is_match(
                        &text
                            [text.floor_char_boundary(all.start().saturating_sub(40))..all.start()],
                    )
                {
                    continue;
                }
                if generic_before(&text[..kind.start()])
                    || LOCATED.is_match(
                        &text[text.floor_char_boundary(kind.start().saturating_sub(60))
                            ..kind.start()],
                    )
                    || caps.name("intro").is_some_and(|i| {
                        let start = sentence(text, i.range(), by_line).start;
                        lists_something_else(&AGENT.replace_all(&text[start..i.end()], ""))
                    })
                {
                    continue;
                }
                let mut shared: Vec<String> = ["c0", "c1", "c2"]
                    .iter()
                    .filter_map(|n| caps.name(n))
                    .map(|m| with_contracted_article(&text[..m.start()], collapse(m.as_str())))
                    .collect();
                let sentence = sentence(text, all.range(), by_line);
                // "À Libourne, les quartiers de l'Epinette et de la Bastide": the commune that
                // opens the sentence.
                if shared.is_empty()
                    && let Some(c) = OPENING_AT.captures(&text[sentence.start..all.start()])
                    && let Some(place) = c.name("c")
                    && is_commune(place.as_str())
                {
                    shared.push(collapse(place.as_str()));
                }
                let s = &text[sentence.clone()];
                let comparison = COMPARISON.is_match(s);
                let count =
                    if caps.name("items").is_some() && !partial { count_in(s) } else { None };
                let qpvs = Qpvs { is_qpv: &is_qpv, code_of: &code_of, count };
                let mut items = items(&caps, &shared, &known, comparison, &qpvs);
                if caps.name("cut").is_some() {
                    items.pop();
                }
                // "le quartier des Vallades, Rebenas, Clos Saint-Michel et Capucins": the parts
                // of one official name, listed after the first.
                let mut item_end = all.end();
                if std::ptr::eq(re, &*SINGLE)
                    && let [(name, _)] = items.as_mut_slice()
                    && let Some(n) = caps.name("name")
                    && let Some(whole) = official_run(&text[n.start()..], &is_qpv)
                {
                    *name = clean_name(whole);
                    item_end = item_end.max(n.start() + whole.len());
                }
                // "Pour le quartier\nProlongé par l'État, le contrat ...": a heading ending with
                // "le quartier" run into a sentence opening with a participle, once line breaks
                // are lost.
                if caps.name("name").is_some_and(|n| PARTICIPLE.is_match(&text[n.start()..])) {
                    continue;
                }
                // The commune before the parentheses must be one ("les quartiers de Nantes"), and
                // so must the place after "quartier prioritaire de" ("X, seul quartier
                // prioritaire de l'Orne" compares a town with a département's quartiers).
                if (std::ptr::eq(re, &*PAREN_OF) || std::ptr::eq(re, &*NAMED_OF))
                    && !shared.iter().all(|c| is_commune(c))
                {
                    continue;
                }
                if items.is_empty() {
                    continue;
                }
                let end = all.end().min(sentence.end);
                if LEFT_OUT.is_match(&text[end..sentence.end]) {
                    continue;
                }
                let own = ANOTHER
                    .is_match(&text[end..sentence.end])
                    .then(|| status_in(&text[sentence.start..end]))
                    .flatten();
                let list = List {
                    status: own.or_else(|| status_in(s)).unwrap_or(QuartierStatus::Prioritaire),
                    label: label(s),
                    count,
                    at: sentence,
                };
                let range = all.range();
                let items: Vec<Item> = items
                    .into_iter()
                    .filter(|(name, communes)| {
                        let seen = read.iter().any(|(n, c, r)| {
                            n == name && c == communes && r.start < range.end && range.start < r.end
                        });
                        read.push((name.clone(), communes.clone(), range.clone()));
                        !seen
                    })
                    .map(|(name, communes)| Item {
                        range: all.start()..item_end,
                        name,
                        communes,
                        status: None,
                    })
                    .collect();
                emit(doc, out, self.id(), &list, items);
            }
        }
    }
}

/// The `(name, communes)` of a match: one name, or an enumeration split on commas and "et",
/// each with its own "à Commune" or the shared one. A name the document gives as a town is not
/// a quartier, nor an enumeration of communes the document names elsewhere or compares with
/// (`comparison`: "comme les quartiers de Roubaix et de Tourcoing"). A name of the official
/// list in the document's communes (`is_qpv`) is a name whatever its words ("Médiathèque", a
/// long "A - B - C - D"), and two names joined by "et" that make one such name together ("la
/// Diagonale du Haut et Moyen-Vernet" for "Diagonale du Haut - Moyen-Vernet") are one.
fn items(
    caps: &Captures,
    shared: &[String],
    known: &Known,
    comparison: bool,
    qpvs: &Qpvs,
) -> Vec<(String, Vec<String>)> {
    let is_qpv = qpvs.is_qpv;
    let pieces: Vec<&str> =
        match (caps.name("name").or_else(|| caps.name("quoted")), caps.name("items")) {
            (Some(n), _) => vec![n.as_str()],
            (None, Some(items)) => {
                let pieces = joined_qpvs(items.as_str(), is_qpv);
                match qpvs.count {
                    Some(count) => parts_counted_once(items.as_str(), pieces, count, qpvs.code_of),
                    None => pieces,
                }
            }
            (None, None) => return vec![],
        };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut shared = shared.to_vec();
    let n = pieces.len();
    let mut pieces = pieces;
    // "les quartiers Bellevue et Kerourien de Brest": the last name holds the commune.
    if let Some(last) = pieces.last_mut()
        && shared.is_empty()
        && n > 1
        && let Some(c) = TRAILING_OF.captures(last)
        && let (Some(head), Some(cm)) = (c.name("n"), c.name("c"))
        && known.contains(cm.as_str())
        && is_commune(cm.as_str())
    {
        shared = vec![collapse(cm.as_str())];
        *last = head.as_str();
    }
    // "A, à X, B et C, à Y": a commune alone closes the group of names before it; "à X, A, et
    // à Y, B": when the enumeration opens with one, it opens the group after it.
    let opening = pieces.first().is_some_and(|p| GROUP_AT.is_match(p.trim()));
    let mut group_start = 0;
    for piece in pieces {
        if let Some(caps) = GROUP_AT.captures(piece.trim())
            && let Some(c) = caps.name("c")
        {
            // "au Cannet": the commune "Le Cannet".
            let au = if caps.name("au").is_some() { "au " } else { "" };
            let commune = with_contracted_article(au, collapse(c.as_str()));
            if opening {
                shared = vec![commune];
                group_start = out.len();
                continue;
            }
            for (_, communes) in &mut out[group_start..] {
                if communes.is_empty() || *communes == shared {
                    *communes = vec![commune.clone()];
                }
            }
            group_start = out.len();
            continue;
        }
        let piece = ITEM_DE.find(piece).map_or(piece, |m| &piece[m.end()..]);
        let (name, mut communes) = match ITEM_AT.captures(piece) {
            Some(c) => {
                let commune = c.name("c").map(|m| vec![collapse(m.as_str())]).unwrap_or_default();
                // "C et D à Z": the names before D that no commune followed are at Z too.
                for (_, before) in &mut out[group_start..] {
                    if before.is_empty() {
                        before.clone_from(&commune);
                    }
                }
                group_start = out.len() + 1;
                (c.name("n").map_or("", |m| m.as_str()), commune)
            }
            None => (piece, shared.clone()),
        };
        // "Bellevue (Nantes)": a commune in parentheses; "Jura (Citadelle)": a second name.
        let mut name = name.trim();
        if let Some(c) = ALIAS.captures(name)
            && let (Some(head), Some(inner)) = (c.name("n"), c.name("p"))
            && is_commune(inner.as_str())
        {
            if communes.is_empty() {
                communes = vec![collapse(inner.as_str())];
            }
            name = head.as_str();
        }
        let with_article = name;
        // "le centre ancien": a name a town gives by its position, without its article.
        let name = match ARTICLE.find(name) {
            Some(m) if name[m.end()..].starts_with(char::is_lowercase) => &name[m.end()..],
            _ => name,
        };
        let name = BY_NOUN.captures(name).and_then(|c| c.name("n")).map_or(name, |m| m.as_str());
        // "le quartier des Lilas" is the Lilas; "le quartier Nord" stays whole when the official
        // list writes it so ("Le Quartier Nord").
        let name = match QUARTIER_OF.captures(name).and_then(|c| c.name("n")) {
            Some(m) if !is_qpv(name) && !is_qpv(with_article) => m.as_str(),
            _ => name,
        };
        let mut name = clean_name(name);
        if let Some(first) = name.chars().next().filter(|c| c.is_lowercase()) {
            // "centre-ville", "quartier centre": a name all the same.
            name = first.to_uppercase().chain(name.chars().skip(1)).collect();
        }
        // A whole official name, or parts of one QPV's name joined ("A et la B").
        let parts = crate::gazetteer::qpv::parts(&name);
        let bare = |p: &str| ARTICLE.find(p).map_or(p, |m| &p[m.end()..]).trim().to_owned();
        let one_qpv = parts.len() > 1 && {
            let codes: Vec<_> = parts.iter().map(|p| (qpvs.code_of)(&bare(p))).collect();
            codes[0].is_some() && codes.iter().all(|c| *c == codes[0])
        };
        let official = is_qpv(&name) || one_qpv;
        let street = STREET_NAMED.is_match(&name);
        if !official && (!(street || plausible_name(&name)) || name.split_whitespace().count() > 6)
        {
            return vec![];
        }
        if communes.is_empty() && known.is_town(&name) {
            return vec![];
        }
        out.push((name, communes));
    }
    // Streets alone are an itinerary, not quartiers; beside names, each is one named after
    // its street.
    if out.iter().all(|(name, _)| STREET_NAMED.is_match(name)) {
        return vec![];
    }
    // "Comme les quartiers de Roubaix et de Tourcoing": towns, not quartiers.
    let towns = out.iter().all(|(name, communes)| {
        communes.is_empty() && is_commune(name) && (known.contains(name) || comparison)
    });
    if out.len() > 1 && towns {
        return vec![];
    }
    out
}

/// What the items of a list are checked against: the official list of quartiers in the
/// document's communes, and the count the list's sentence announces.
struct Qpvs<'a> {
    /// Whether a name is the whole name of a QPV.
    is_qpv: &'a dyn Fn(&str) -> bool,
    /// The one QPV a name (or a part of its name) designates.
    code_of: &'a dyn Fn(&str) -> Option<&'static str>,
    count: Option<usize>,
}

/// A name at the start of `from` and the names listed after it ("Vallades, Rebenas, Clos
/// Saint-Michel et Capucins"), as written, when together they are the whole name of one QPV of
/// the official list ("Vallades - Rebenas - Clos Saint Michel - Capucins").
fn official_run<'a>(from: &'a str, is_qpv: &dyn Fn(&str) -> bool) -> Option<&'a str> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^{name}(?:\s*,\s*{name})*\s+et\s+{name}", name = *NAME))
            .expect("valid regex")
    });
    let run = RUN.find(from)?.as_str();
    let parts: Vec<&str> = ITEM_SEP.split(run).map(str::trim).collect();
    (parts.len() > 1 && is_qpv(&parts.join(" - "))).then_some(run)
}

/// The pieces of an enumeration with the parts of one QPV written one after the other made one
/// ("Les trois quartiers : la Croix Saint-Lambert et la Ville Oger, le Plateau et Waron", the
/// first two of the QPV "Croix Saint-Lambert - Ville Oger"), when the list has more pieces than
/// its sentence counts quartiers and joining them gives that count; else the pieces as they
/// are.
fn parts_counted_once<'a>(
    items: &'a str,
    pieces: Vec<&'a str>,
    count: usize,
    code_of: &dyn Fn(&str) -> Option<&'static str>,
) -> Vec<&'a str> {
    // ", à Cannes,": a commune closing a group is no name.
    let commune = |p: &str| GROUP_AT.is_match(p.trim());
    if pieces.iter().filter(|p| !commune(p)).count() <= count {
        return pieces;
    }
    let bare = |s: &'a str| ARTICLE.find(s).map_or(s, |m| &s[m.end()..]);
    let offset = |p: &str| p.as_ptr() as usize - items.as_ptr() as usize;
    let mut groups: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
    for piece in &pieces {
        let (start, code) = (offset(piece), code_of(bare(piece).trim()));
        let end = start + piece.len();
        match groups.last_mut() {
            Some(last)
                if code.is_some() && last.2 == code && !items[last.1..start].contains(';') =>
            {
                last.1 = end;
            }
            _ => groups.push((start, end, code)),
        }
    }
    if groups.iter().filter(|&&(start, end, _)| !commune(&items[start..end])).count() != count {
        return pieces;
    }
    groups.into_iter().map(|(start, end, _)| &items[start..end]).collect()
}

/// The pieces of an enumeration, split on commas and "et"; two pieces joined by "et" stay one
/// when together, and neither alone, they are a name of the official list ([`items`]).
fn joined_qpvs<'a>(items: &'a str, is_qpv: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for sep in ITEM_SEP.find_iter(items) {
        bounds.push((start, sep.start()));
        start = sep.end();
    }
    bounds.push((start, items.len()));
    let bare = |s: &'a str| ARTICLE.find(s).map_or(s, |m| &s[m.end()..]);
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < bounds.len() {
        let (a, b) = bounds[i];
        // "le Chemin-Bas et le Clos": each with its article, two names.
        if let Some(&(c, d)) = bounds.get(i + 1)
            && items[b..c].trim() == "et"
            && ARTICLE.find(&items[c..d]).is_none()
            && !is_qpv(bare(&items[a..b]))
            && !is_qpv(bare(&items[c..d]))
            && is_qpv(&format!("{} - {}", bare(&items[a..b]), bare(&items[c..d])))
        {
            out.push(&items[a..d]);
            i += 2;
            continue;
        }
        out.push(&items[a..b]);
        i += 1;
    }
    out
}

/// The sentence around `range`: from the previous sentence end or blank line (any line break
/// when `by_line`, for HTML blocks) to the next.
fn sentence(text: &str, range: Range<usize>, by_line: bool) -> Range<usize> {
    let breaks: &[&str] =
        if by_line { &[". ", "\n", "! ", "? "] } else { &[". ", ".\n", "\n\n", "! ", "? "] };
    let before = &text[..range.start];
    let start =
        breaks.iter().filter_map(|p| before.rfind(p).map(|i| i + p.len())).max().unwrap_or(0);
    let after = &text[range.end..];
    let ends: &[&str] = if by_line { &[". ", "\n"] } else { &[". ", ".\n", "\n\n"] };
    let end = ends
        .iter()
        .filter_map(|p| after.find(p).map(|i| range.end + i + usize::from(p.starts_with('.'))))
        .min()
        .unwrap_or(text.len());
    start..end.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{brief, finds, none};

    #[test]
    fn a_single_quartier_with_its_commune() {
        finds(
            &Prose,
            "Le quartier de la Madeleine, à Évreux, ne fait plus partie de la géographie prioritaire.",
            &["Madeleine @ Évreux : veille"],
        );
        finds(
            &Prose,
            "Il sera, comme le quartier de Navarre, également situé à Évreux, suivi en veille active.",
            &["Navarre @ Évreux : veille"],
        );
        finds(
            &Prose,
            "Le secteur Gare – Mesnil, à Yvetot, est maintenu en veille active.",
            &["Gare – Mesnil @ Yvetot : veille"],
        );
        finds(
            &Prose,
            "Les actions visent le nouveau quartier prioritaire « Les Prés », à Vannes.",
            &["Les Prés @ Vannes : prioritaire"],
        );
        // "au" before a commune whose name opens with "Le".
        finds(
            &Prose,
            "Le quartier de Caucriauville, au Havre, reste suivi en veille active.",
            &["Caucriauville @ Le Havre : veille"],
        );
        none(&Prose, "Le nouveau quartier sera livré en 2026.");
        // The status stands between the cue and the name.
        finds(
            &Prose,
            "Le contrat suit le quartier de veille active des Tilleuls à Janzé.",
            &["Tilleuls @ Janzé : veille"],
        );
        finds(
            &Prose,
            "Le contrat suit aussi le secteur en veille de la Croix Blanche, à Vitré.",
            &["Croix Blanche @ Vitré : veille"],
        );
        finds(
            &Prose,
            "Le quartier centre de Bapaume va bénéficier d'aides.",
            &["Quartier centre @ Bapaume : prioritaire"],
        );
        finds(
            &Prose,
            "Deux secteurs sont retenus, dont le quartier ouest à Lanester.",
            &["Quartier ouest @ Lanester : prioritaire"],
        );
    }

    #[test]
    fn a_quoted_name_is_read_whole() {
        finds(
            &Prose,
            "Le quartier prioritaire « Les Forges et le Moulin », à Millau, compte 1 800 habitants.",
            &["Les Forges et le Moulin @ Millau : prioritaire"],
        );
    }

    #[test]
    fn a_side_of_a_river_ends_a_name() {
        finds(
            &Prose,
            "Le contrat vise les deux quartiers prioritaires de la ville : la Rive gauche et Les Forges.",
            &["Rive gauche @  : prioritaire", "Les Forges @  : prioritaire"],
        );
    }

    #[test]
    fn a_town_centre_as_the_one_quartier() {
        finds(
            &Prose,
            "Une seule zone change : un seul quartier est retenu, le centre ancien de Pézenas (1 500 habitants).",
            &["Centre ancien @ Pézenas : prioritaire"],
        );
        finds(
            &Prose,
            "L'État n'a gardé qu'un quartier unique, le « centre-ville », où vit un habitant sur cinq.",
            &["Centre-ville @  : prioritaire"],
        );
        finds(
            &Prose,
            "Les moyens iront au quartier prioritaire du cœur de ville d'Oloron, rénové depuis 2019.",
            &["Cœur de ville @ Oloron : prioritaire"],
        );
        // A town's centre named in passing is no quartier.
        none(&Prose, "Les commerces du centre-ville de Rodez ont rouvert lundi.");
        none(&Prose, "Dans un quartier, le centre social a fermé ses portes.");
    }

    #[test]
    fn appositions_and_enumerations() {
        finds(
            &Prose,
            "Ce contrat porte sur deux quartiers prioritaires, le Val Fourré à Mantes et la Cité Fénelon – Les Aulnes à Limay, où vivent 3 900 habitants.",
            &[
                "Val Fourré @ Mantes : prioritaire",
                "Cité Fénelon – Les Aulnes @ Limay : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Deux autres quartiers quimpérois, Kermoysan et les Hauts-de-l'Odet, restent suivis au titre de la veille active.",
            &["Kermoysan @  : veille", "Hauts-de-l'Odet @  : veille"],
        );
        finds(
            &Prose,
            "Les quartiers des Fontaines, de Bel-Air et du centre-ville vont bénéficier d'un soutien.",
            &[
                "Fontaines @  : prioritaire",
                "Bel-Air @  : prioritaire",
                "Centre-ville @  : prioritaire",
            ],
        );
        // A page without accents: "a" for "à".
        finds(
            &Prose,
            "Deux autres secteurs bretons, Kermoysan a Quimper et Kerourien a Brest, seront suivis en veille active.",
            &["Kermoysan @ Quimper : veille", "Kerourien @ Brest : veille"],
        );
        // "les secteurs de A et de B", as "les quartiers de A et de B".
        finds(
            &Prose,
            "Les secteurs de Montcalm et de la Poste, anciennement en CUCS, sont inscrits en veille active.",
            &["Montcalm @  : veille", "Poste @  : veille"],
        );
        none(&Prose, "Les secteurs de l'emploi et de la santé sont mobilisés.");
        // The sectors one quartier is made of are not quartiers of their own.
        finds(
            &Prose,
            "Le quartier prioritaire Brivelle Sud, qui regroupe les secteurs de Montcalm et de la Poste, compte 1 900 habitants.",
            &["Brivelle Sud @  : prioritaire"],
        );
        // An item named with its noun: "le quartier des X" (which the single-quartier shape
        // also reads; the family keeps one).
        let t = "Deux secteurs, la Fontaine et le quartier des Prés-Hauts, sont placés en veille active.";
        let got = brief(&crate::rules::quartiers::testing::family(t).quartiers);
        assert_eq!(got, ["fontaine @  : veille", "prés-hauts @  : veille"], "{t}");
        finds(
            &Prose,
            "Le contrat cible les quartiers Bellevue et Kerourien à Brest.",
            &["Bellevue @ Brest : prioritaire", "Kerourien @ Brest : prioritaire"],
        );
        finds(
            &Prose,
            "Le contrat s'appliquera aux quartiers prioritaires Bien-Assis, Fontbouillant et Pierre-Leroux.",
            &[
                "Bien-Assis @  : prioritaire",
                "Fontbouillant @  : prioritaire",
                "Pierre-Leroux @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Ce contrat s'appliquera aux quartiers Pasteur, Verdun, le Moulin Neuf et l'Ilot Gambetta.",
            &[
                "Pasteur @  : prioritaire",
                "Verdun @  : prioritaire",
                "Moulin Neuf @  : prioritaire",
                "Ilot Gambetta @  : prioritaire",
            ],
        );
        none(
            &Prose,
            "Le préfet s'adresse aux quartiers de Brest et de Quimper, comme à ceux de Lens.",
        );
        finds(
            &Prose,
            "Les habitants des quartiers Pasteur et Verdun ainsi que le Moulin Neuf en bénéficieront.",
            &[
                "Pasteur @  : prioritaire",
                "Verdun @  : prioritaire",
                "Moulin Neuf @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Le contrat cible les QPV Pasteur et Verdun.",
            &["Pasteur @  : prioritaire", "Verdun @  : prioritaire"],
        );
        // An article before a word in lower case opens no name.
        none(&Prose, "Le contrat s'adresse aux quartiers les plus pauvres et la jeunesse.");
    }

    #[test]
    fn an_enumeration_goes_on_after_a_name_holding_et() {
        finds(
            &Prose,
            "Il portera sur les quartiers Bel Air, Hugo et Zola, la Source et le quartier du port.",
            &[
                "Bel Air @  : prioritaire",
                "Hugo @  : prioritaire",
                "Zola @  : prioritaire",
                "Source @  : prioritaire",
                "Port @  : prioritaire",
            ],
        );
        // The list ends at its last "et": a sentence that goes on is not read as names.
        finds(
            &Prose,
            "Il portera sur les quartiers Bel Air et Zola, la Source ayant déjà son projet.",
            &["Bel Air @  : prioritaire", "Zola @  : prioritaire"],
        );
        // "le quartier de la" takes a noun only: a capitalised name after it is no common noun.
        finds(
            &Prose,
            "Il portera sur les quartiers Bel Air et le quartier de la gare.",
            &["Bel Air @  : prioritaire", "Gare @  : prioritaire"],
        );
        none(&Prose, "Il visitera le quartier de la gare et celui du port.");
    }

    #[test]
    fn quartiers_as_the_subject_of_sont() {
        finds(
            &Prose,
            "Les quartiers prioritaires de Montargis sont Pasteur, Verdun et le Moulin Neuf.",
            &[
                "Pasteur @ Montargis : prioritaire",
                "Verdun @ Montargis : prioritaire",
                "Moulin Neuf @ Montargis : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Les quartiers retenus sont Pasteur et la Chaussée.",
            &["Pasteur @  : prioritaire", "Chaussée @  : prioritaire"],
        );
        // Not an enumeration of names.
        none(&Prose, "Les quartiers de la ville sont nombreux et variés.");
        none(&Prose, "Les quartiers prioritaires sont au cœur du contrat et de ses actions.");
    }

    #[test]
    fn names_in_parentheses_after_the_word() {
        finds(
            &Prose,
            "Le contrat concerne trois quartiers (Pasteur, Verdun et le Moulin Neuf).",
            &[
                "Pasteur @  : prioritaire",
                "Verdun @  : prioritaire",
                "Moulin Neuf @  : prioritaire",
            ],
        );
        // One abbreviation, a figure: no list.
        none(&Prose, "Les quartiers prioritaires (QPV) de la ville comptent 6 000 habitants.");
        none(&Prose, "Les quartiers prioritaires (6 000 habitants, 12 %) sont concernés.");
    }

    #[test]
    fn a_colon_list_closed_by_a_clause_about_it() {
        finds(
            &Prose,
            "Trois quartiers figurent dans la géographie prioritaire : le Pré-Haut, la \
             Roseraie-Nord et le Bois-Joli, qui regroupent près de 9 000 habitants.",
            &[
                "Pré-Haut @  : prioritaire",
                "Roseraie-Nord @  : prioritaire",
                "Bois-Joli @  : prioritaire",
            ],
        );
        // Any other clause after a comma still cuts no list.
        none(
            &Prose,
            "Trois quartiers figurent dans la géographie : le Pré-Haut, la Roseraie-Nord et le \
             Bois-Joli, malgré les travaux engagés.",
        );
    }

    #[test]
    fn comma_lists_after_a_colon() {
        finds(
            &Prose,
            "Il s'agit des quartiers suivants : Bellevue, Pontanézen et Kerourien.",
            &[
                "Bellevue @  : prioritaire",
                "Pontanézen @  : prioritaire",
                "Kerourien @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Trois quartiers en veille active : Le Lac à Pau, Ousse à Lons et Saragosse à Pau.",
            &["Le Lac @ Pau : veille", "Ousse @ Lons : veille", "Saragosse @ Pau : veille"],
        );
        finds(
            &Prose,
            "Trois quartiers prioritaires sont concernés : Fontbouillant, Bien-Assis et Pierre-Leroux – Ville-Gozet, à Montluçon.",
            &[
                "Fontbouillant @ Montluçon : prioritaire",
                "Bien-Assis @ Montluçon : prioritaire",
                "Pierre-Leroux – Ville-Gozet @ Montluçon : prioritaire",
            ],
        );
        finds(
            &Prose,
            "On compte trois QPV nouveaux : Le Pré à Lunel, Gare (Nord) et Les Pins (Ouest) à Sète.",
            &[
                "Le Pré @ Lunel : prioritaire",
                "Gare (Nord) @ Sète : prioritaire",
                "Les Pins (Ouest) @ Sète : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Trois quartiers en veille : Bellevue (Nantes), Les Forges et Le Bourg à Rezé.",
            &[
                "Bellevue @ Nantes : veille",
                "Les Forges @ Rezé : veille",
                "Le Bourg @ Rezé : veille",
            ],
        );
        finds(
            &Prose,
            "Deux secteurs s'ajoutent cette année : le centre ancien et Les Tanneurs.",
            &["Centre ancien @  : prioritaire", "Les Tanneurs @  : prioritaire"],
        );
        none(&Prose, "Les partenaires présents dans les quartiers : l'État, la Région et la CAF.");
        none(&Prose, "Les QPV : une politique, des moyens et des résultats.");
        none(
            &Prose,
            "Le contrat a été signé par les bailleurs\nprésents dans les quartiers : Rouen Habitat, Habitat 76 et Logéal.",
        );
    }

    #[test]
    fn the_introduction_or_each_group_gives_the_commune() {
        // "ainsi que" before a group, "au" before a commune whose name opens with "Le"; two
        // parts of one official name listed apart, as many as the count, stay two.
        finds(
            &Prose,
            "Le contrat cible trois quartiers prioritaires : Ranguin et la Frayère, à Cannes, \
             ainsi que les Oliviers, au Cannet.",
            &[
                "Ranguin @ Cannes : prioritaire",
                "Frayère @ Cannes : prioritaire",
                "Oliviers @ Le Cannet : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Le contrat concerne trois quartiers, tous à Vierzon : La Gare, Le Bourg et Les Forges.",
            &[
                "La Gare @ Vierzon : prioritaire",
                "Le Bourg @ Vierzon : prioritaire",
                "Les Forges @ Vierzon : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Trois quartiers, tous situés à Vierzon, ont été choisis : La Gare, Le Bourg et Les Forges.",
            &[
                "La Gare @ Vierzon : prioritaire",
                "Le Bourg @ Vierzon : prioritaire",
                "Les Forges @ Vierzon : prioritaire",
            ],
        );
        // A clause in capitals after the commune is no short clause: the commune is not read.
        finds(
            &Prose,
            "Trois quartiers, tous situés à Vierzon, Bourges et Aubigny : La Gare, Le Bourg et Les Forges.",
            &[
                "La Gare @  : prioritaire",
                "Le Bourg @  : prioritaire",
                "Les Forges @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Les quartiers prioritaires situés à Dole : Les Mesnils Pasteur et la Bedugue.",
            &["Les Mesnils Pasteur @ Dole : prioritaire", "Bedugue @ Dole : prioritaire"],
        );
        finds(
            &Prose,
            "Deux quartiers prioritaires : Les Bruyères, à Sotteville, et la Piscine, à Petit-Quevilly.",
            &["Les Bruyères @ Sotteville : prioritaire", "Piscine @ Petit-Quevilly : prioritaire"],
        );
        finds(
            &Prose,
            "Trois quartiers en veille active : Le Lac, Ousse, à Lons, et Saragosse, à Pau.",
            &["Le Lac @ Lons : veille", "Ousse @ Lons : veille", "Saragosse @ Pau : veille"],
        );
    }

    #[test]
    fn some_of_the_quartiers_named_after_parmi_lesquels() {
        let out = crate::rules::quartiers::testing::run_as(
            &Prose,
            "Six quartiers prioritaires sont retenus, parmi lesquels Les Chênes, à Moulins, le Plateau et la Madeleine, à Yzeure.",
            crate::record::Format::Text,
        );
        assert_eq!(
            crate::rules::quartiers::testing::brief(&out.quartiers),
            [
                "les chênes @ moulins : prioritaire",
                "plateau @ yzeure : prioritaire",
                "madeleine @ yzeure : prioritaire"
            ]
        );
        assert!(out.warnings.is_empty(), "a partial list announces no count");
        // In the next sentence, cut by the end of the excerpt.
        finds(
            &Prose,
            "Le contrat porte sur douze quartiers prioritaires répartis dans huit communes. Parmi eux, le Vert-Bois à Douai, la cité 9 et le centre-ville à Sin-le-Noble, la cité Lemay à Waziers, le Pont de",
            &[
                "Vert-Bois @ Douai : prioritaire",
                "cité 9 @ Sin-le-Noble : prioritaire",
                "centre-ville @ Sin-le-Noble : prioritaire",
                "cité Lemay @ Waziers : prioritaire",
            ],
        );
        none(&Prose, "Les quartiers ont été visités. Parmi eux, certains ont changé.");
        finds(
            &Prose,
            "Le contrat couvre neuf quartiers, dont Bellevue et Malakoff, où vivent 12 000 habitants.",
            &["Bellevue @  : prioritaire", "Malakoff @  : prioritaire"],
        );
        none(&Prose, "Cinq quartiers, dont trois seulement à Vichy, sont concernés.");
        none(&Prose, "Les quartiers, notamment les plus fragiles, sont concernés.");
    }

    #[test]
    fn enumerations_with_their_commune() {
        finds(
            &Prose,
            "Le contrat porte sur les quartiers des Rosoirs, de Sainte-Geneviève et de Saint-Siméon, à Auxerre, où vivent 6 900 habitants.",
            &[
                "Rosoirs @ Auxerre : prioritaire",
                "Sainte-Geneviève @ Auxerre : prioritaire",
                "Saint-Siméon @ Auxerre : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Les actions se concentrent dans les quartiers Bellevue et Malakoff de la ville de Nantes.",
            &["Bellevue @ Nantes : prioritaire", "Malakoff @ Nantes : prioritaire"],
        );
        finds(
            &Prose,
            "Les Provinces et la Rocade, deux quartiers prioritaires de Blois, sont concernés.",
            &["Les Provinces @ Blois : prioritaire", "Rocade @ Blois : prioritaire"],
        );
        finds(
            &Prose,
            "Il a visité Kervénanec, quartier prioritaire de Lorient, avec le préfet.",
            &["Kervénanec @ Lorient : prioritaire"],
        );
        // A département after the noun: the name is a town compared with the others.
        none(&Prose, "La Madeleine, à Laigle, seul quartier prioritaire de l'Orne hors Alençon.");
        // The names as the subject of "sont" before the count.
        finds(
            &Prose,
            "Bellevue, Malakoff et la Halvêque sont les trois quartiers prioritaires retenus.",
            &[
                "Bellevue @  : prioritaire",
                "Malakoff @  : prioritaire",
                "Halvêque @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Bellevue et Malakoff sont les deux quartiers prioritaires de Nantes.",
            &["Bellevue @ Nantes : prioritaire", "Malakoff @ Nantes : prioritaire"],
        );
        none(&Prose, "Poissy, Achères et Conflans sont les trois communes membres.");
    }

    #[test]
    fn one_quartier_after_a_colon() {
        finds(
            &Prose,
            "Un seul quartier prioritaire est concerné : la Madeleine, à Joigny, qui compte 1 450 habitants.",
            &["Madeleine @ Joigny : prioritaire"],
        );
        finds(
            &Prose,
            "La communauté porte le contrat, bien qu'il ne concerne qu'un seul quartier : Les Grèzes – Bonnefon, à Rodez, et ses 900 habitants.",
            &["Les Grèzes – Bonnefon @ Rodez : prioritaire"],
        );
        none(&Prose, "Contact du quartier : Jean Dupont, 03 20 00 00 00.");
        // A town's centre and a named part, one quartier as the count says.
        finds(
            &Prose,
            "Le contrat concerne un unique quartier prioritaire : le centre ancien et les \
             Oliviers, au Cannet, où vivent 1 500 habitants.",
            &["Centre ancien et les Oliviers @ Le Cannet : prioritaire"],
        );
        finds(
            &Prose,
            "Un seul quartier prioritaire est concerné : le centre-ville, à Joigny.",
            &["Centre-ville @ Joigny : prioritaire"],
        );
    }

    #[test]
    fn names_whose_verb_gives_the_status() {
        finds(
            &Prose,
            "Quartiers sortants\n\nKérinou et Saint-Martin sortent de la géographie prioritaire mais restent suivis en veille active.",
            &["Kérinou @  : veille", "Saint-Martin @  : veille"],
        );
        finds(
            &Prose,
            "Le contrat est signé. Le Bourg à Donges reste suivi au titre de la veille active.",
            &["Le Bourg @ Donges : veille"],
        );
        // The commune set off by commas, a relative clause, "comme quartier de veille", "fera
        // l'objet d'une veille".
        finds(
            &Prose,
            "Le contrat couvre deux quartiers. La cité des Lilas, à Vénissieux, est retenue comme quartier de veille.",
            &["cité des Lilas @ Vénissieux : veille"],
        );
        finds(
            &Prose,
            "Deux quartiers entrent dans la liste. Les Tanneurs, qui relevaient de l'ancien dispositif, feront l'objet d'une veille active.",
            &["Les Tanneurs @  : veille"],
        );
        finds(
            &Prose,
            "Le centre ancien sort du dispositif. La Briqueterie, également à Vierzon, reste suivie comme quartier de veille active.",
            &["La Briqueterie @ Vierzon : veille"],
        );
        none(&Prose, "Ils restent suivis en veille active.");
        none(&Prose, "Le comité, qui se réunit chaque année, fera l'objet d'une veille.");
        finds(
            &Prose,
            "Trois quartiers sont retenus. Le secteur du Bastion, qui faisait partie de l'ancien dispositif, reste en veille active.",
            &["Bastion @  : veille"],
        );
        none(
            &Prose,
            "Lens et Liévin restent suivis en veille active, comme le rappelle la ville de Lens et la ville de Liévin.",
        );
    }

    #[test]
    fn names_in_parentheses_after_the_commune() {
        finds(
            &Prose,
            "Plusieurs quartiers de Nantes (Bellevue, Malakoff et Dervallières) sont concernés.",
            &[
                "Bellevue @ Nantes : prioritaire",
                "Malakoff @ Nantes : prioritaire",
                "Dervallières @ Nantes : prioritaire",
            ],
        );
        // Cut by the end of the excerpt: the last name is not whole.
        finds(
            &Prose,
            "Des quartiers de Nantes (Bellevue, Malakoff, Le Breil, Port Bo",
            &[
                "Bellevue @ Nantes : prioritaire",
                "Malakoff @ Nantes : prioritaire",
                "Le Breil @ Nantes : prioritaire",
            ],
        );
        none(&Prose, "Les quartiers de Solidarité (Emploi, Santé, Culture) ouvrent.");
    }

    #[test]
    fn names_the_next_sentence_calls_these_quartiers() {
        finds(
            &Prose,
            "Bellevue, Malakoff, Les Dervallières… Dans ces quartiers prioritaires, le contrat agit.",
            &[
                "Bellevue @  : prioritaire",
                "Malakoff @  : prioritaire",
                "Les Dervallières @  : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Le texte a été adopté hier. Bellevue, Malakoff, Les Dervallières… Dans ces quartiers prioritaires, le contrat agit.",
            &[
                "Bellevue @  : prioritaire",
                "Malakoff @  : prioritaire",
                "Les Dervallières @  : prioritaire",
            ],
        );
        none(&Prose, "Bellevue, Malakoff. Dans ces quartiers, le contrat agit.");
        // A heading run into the next sentence, once line breaks are lost.
        none(&Prose, "Un projet pour le quartier Signé par la Région, le contrat court six ans.");
        none(&Prose, "Il parle. Emploi, Santé, Culture. Ces thèmes concernent les quartiers.");
        none(&Prose, "Emploi, Santé, Culture. Ces thèmes concernent les quartiers.");
    }

    #[test]
    fn towns_compared_are_not_quartiers() {
        none(
            &Prose,
            "Comme les quartiers de Roubaix et de Tourcoing, ceux de Lens souffrent du chômage.",
        );
    }

    #[test]
    fn generic_quartiers_are_not_names() {
        none(&Prose, "Le conseil citoyen se réunit à la maison de quartier du Grand Parc.");
        none(&Prose, "La maison du quartier Saint-Michel ouvre ses portes.");
        none(&Prose, "Les habitants des quartiers prioritaires habitent avenue de la République.");
        none(&Prose, "Face aux enjeux des quartiers de Le Quesnoy, la ville de Le Quesnoy agit.");
        none(&Prose, "Nous voulons des résultats, quartier par quartier.");
        none(&Prose, "Le centre social, installé dans le quartier Saint-Michel, ouvre ses portes.");
        none(&Prose, "L'école, qui se situe dans le quartier de Bellevue à Brest, rouvre.");
        none(
            &Prose,
            "La ville de Lens et la ville de Liévin : les quartiers de Lens et de Liévin sont concernés.",
        );
    }

    #[test]
    fn a_name_may_end_with_a_lower_case_qualifier() {
        finds(
            &Prose,
            "Le contrat retient trois quartiers, tous situés sur la commune de Vannes : le Centre ancien, Kercado et le Ménimur nord.",
            &[
                "Centre ancien @ Vannes : prioritaire",
                "Kercado @ Vannes : prioritaire",
                "Ménimur nord @ Vannes : prioritaire",
            ],
        );
        none(&Prose, "Le contrat retient deux quartiers : Kercado et Ménimur renouvelé.");
    }

    #[test]
    fn an_item_named_after_its_street_in_an_enumeration_of_quartiers() {
        finds(
            &Prose,
            "Le contrat retient quatre quartiers à Alès : les Cévennes, la route d'Uzès, Rochebelle et l'avenue de Croupillac.",
            &[
                "Cévennes @ Alès : prioritaire",
                "Route d'Uzès @ Alès : prioritaire",
                "Rochebelle @ Alès : prioritaire",
                "Avenue de Croupillac @ Alès : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Ce contrat s'appliquera aux quartiers Tamaris, Rue Jean Moulin, le Grand Mas et les Prés Saint-Jean, à Alès.",
            &[
                "Tamaris @ Alès : prioritaire",
                "Rue Jean Moulin @ Alès : prioritaire",
                "Grand Mas @ Alès : prioritaire",
                "Prés Saint-Jean @ Alès : prioritaire",
            ],
        );
        // Streets alone are no list of quartiers.
        none(&Prose, "Les quartiers traversés : la rue d'Uzès et l'avenue de Croupillac.");
        // "prioritaires" before the names, and the commune opening the sentence.
        finds(
            &Prose,
            "A Coutras, les quartiers prioritaires de l'Orangerie et de la Gare regroupent 900 habitants.",
            &["Orangerie @ Coutras : prioritaire", "Gare @ Coutras : prioritaire"],
        );
        finds(
            &Prose,
            "Pour Coutras, les quartiers prioritaires de l'Orangerie et de la Gare sont retenus.",
            &["Orangerie @  : prioritaire", "Gare @  : prioritaire"],
        );
    }

    #[test]
    fn names_after_a_colon_may_be_parted_by_semicolons() {
        finds(
            &Prose,
            "Le contrat s'applique aux trois quartiers situés sur la commune de Lorient, fixés par le décret de décembre : Bois du Château ; Kervénanec ; Polygone.",
            &[
                "Bois du Château @ Lorient : prioritaire",
                "Kervénanec @ Lorient : prioritaire",
                "Polygone @ Lorient : prioritaire",
            ],
        );
        none(&Prose, "Les quartiers : une priorité ; un engagement ; une méthode.");
    }

    #[test]
    fn a_name_of_the_official_list_is_a_name_whatever_its_words() {
        // "Médiathèque" is a QPV of Montauban, and also a building's name.
        finds(
            &Prose,
            "La géographie prioritaire retient à Montauban trois quartiers : Bellevue, Médiathèque et Chambord.",
            &[
                "Bellevue @  : prioritaire",
                "Médiathèque @  : prioritaire",
                "Chambord @  : prioritaire",
            ],
        );
        none(
            &Prose,
            "Les quartiers disposent de trois lieux : Médiathèque, Ludothèque et Piscine.",
        );
        // Two names joined by "et" that make one official name together are one.
        finds(
            &Prose,
            "Trois quartiers, tous à Perpignan : la Gare, la Diagonale du Haut et Moyen-Vernet, le Champ de Mars.",
            &[
                "Gare @ Perpignan : prioritaire",
                "Diagonale du Haut et Moyen-Vernet @ Perpignan : prioritaire",
                "Champ de Mars @ Perpignan : prioritaire",
            ],
        );
        finds(
            &Prose,
            "Deux quartiers, tous à Perpignan : la Gare et le Champ de Mars.",
            &["Gare @ Perpignan : prioritaire", "Champ de Mars @ Perpignan : prioritaire"],
        );
        // Each with its own article, they are two names, though of one official name.
        finds(
            &Prose,
            "Trois quartiers, tous à Perpignan : la Gare, la Diagonale du Haut et le Moyen-Vernet.",
            &[
                "Gare @ Perpignan : prioritaire",
                "Diagonale du Haut @ Perpignan : prioritaire",
                "Moyen-Vernet @ Perpignan : prioritaire",
            ],
        );
    }

    #[test]
    fn one_quartier_named_by_its_official_parts() {
        // The official list names "Vallades - Rebenas - Clos Saint Michel - Capucins".
        finds(
            &Prose,
            "À L'Isle-sur-la-Sorgue, le quartier des Vallades, Rebenas, Clos Saint-Michel et \
             Capucins entre dans la géographie prioritaire.",
            &[
                "Vallades, Rebenas, Clos Saint-Michel et Capucins @ L'Isle-sur-la-Sorgue : prioritaire",
            ],
        );
        // Names that make no official name together: the first alone.
        finds(
            &Prose,
            "À Vitré, le quartier des Lilas, Roses et Tulipes entre dans la géographie prioritaire.",
            &["Lilas @ Vitré : prioritaire"],
        );
    }

    #[test]
    fn the_quartiers_counted_before_an_il_s_agit_sentence() {
        finds(
            &Prose,
            "Trois quartiers ont été retenus. Ils comptent 5 000 habitants. Il s'agit de la cité \
             des Roses à Denain, du quartier Bellevue à Wallers et enfin de la résidence des \
             Lilas à Haveluy.",
            &[
                "Bellevue @ Wallers : prioritaire",
                "Cité des Roses @ Denain : prioritaire",
                "Résidence des Lilas @ Haveluy : prioritaire",
            ],
        );
        // Without quartiers counted before it, "il s'agit de" lists something else.
        none(
            &Prose,
            "Le contrat est signé. Il s'agit de la Région Hauts-de-France, du Département du Nord \
             et de la CAF du Nord.",
        );
    }

    #[test]
    fn a_sector_named_by_its_position_is_an_item() {
        finds(
            &Prose,
            "Trois quartiers bergeracois sont concernés : Rive Gauche, le centre-ville et le secteur nord.",
            &[
                "Rive Gauche @  : prioritaire",
                "Centre-ville @  : prioritaire",
                "Secteur nord @  : prioritaire",
            ],
        );
        // "et enfin" before the last item; a sector's own name without "secteur".
        finds(
            &Prose,
            "Les quartiers retenus à Nîmes : Pissevin, la route de Beaucaire et enfin le secteur Némausus.",
            &[
                // The sector alone, read before resolution.
                "Némausus @  : prioritaire",
                "Pissevin @ Nîmes : prioritaire",
                "Route de Beaucaire @ Nîmes : prioritaire",
                "Némausus @ Nîmes : prioritaire",
            ],
        );
        // A sector of activity is no place.
        none(
            &Prose,
            "Deux secteurs sont concernés : le secteur associatif et le secteur marchand.",
        );
    }

    #[test]
    fn a_list_keeps_its_own_status_when_its_sentence_goes_on_to_another_quartier() {
        finds(
            &Prose,
            "Il concerne deux quartiers prioritaires, Kercado et Ménimur, qui comptent 5 000 habitants, ainsi qu'un quartier de veille active, Frébault.",
            &["Frébault @  : veille", "Kercado @  : prioritaire", "Ménimur @  : prioritaire"],
        );
        finds(
            &Prose,
            "Deux quartiers prioritaires, Kercado et Ménimur, restent suivis en veille active.",
            &["Kercado @  : veille", "Ménimur @  : veille"],
        );
        none(&Prose, "Un quartier prioritaire, selon le préfet, doit être accompagné.");
    }

    #[test]
    fn groups_after_a_colon_may_open_with_their_commune() {
        finds(
            &Prose,
            "Deux quartiers restent accompagnés en veille active par les partenaires : à Lanester, le Plessis, et à Hennebont, la cité des Forges.",
            &["Plessis @ Lanester : veille", "Cité des Forges @ Hennebont : veille"],
        );
        none(
            &Prose,
            "Les partenaires signataires des quartiers : à Lanester, le maire, et à Hennebont, le préfet.",
        );
    }

    #[test]
    fn a_quartier_the_contract_leaves_out_is_not_listed() {
        none(
            &Prose,
            "Le secteur de la Bergerie en sort et ne sera plus suivi au titre du contrat.",
        );
        none(&Prose, "Les quartiers du Stade et du Plateau ne sont pas retenus cette fois.");
        finds(
            &Prose,
            "Le secteur de la Bergerie reste suivi au titre du contrat.",
            &["Bergerie @  : prioritaire"],
        );
    }
}
