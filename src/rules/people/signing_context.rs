//! `people.signing_context`: the officials a paragraph about a signing names, whatever the
//! shape of its sentences.
//!
//! Finds a person named with a role whose holder signs for a party (`signing_role` cues of
//! `rules/people/cues.tsv`: préfet, maire, président, ministre, recteur…) in a paragraph that
//! speaks of the signing ("Le préfet A a fait le déplacement, où il a signé le contrat en
//! compagnie de B, maire de X", "le contrat a reçu la signature de A, président du
//! Département", "« Nous signons aujourd'hui… », a dit A, maire de X"): involvement `present`,
//! which the sentence rules (`people.signed_by`, `people.signed_subject`…) outrank with
//! `signatory` when they read the sentence.
//!
//! On a page about a signing, a paragraph about its ceremony ("La cérémonie s'est tenue en
//! mairie. A, préfet du Var, a rappelé ...", "Autour de la table : la préfète, A, …") counts as
//! speaking of the signing.
//! In a photo caption ("De gauche à droite : A, préfet du Var, B, maire de X") of a page about
//! a signing, every person named is `present`, whatever the paragraph.
//!
//! Does not find: a negated signing ("nous ne voulons pas signer un contrat de plus"), a signing
//! to come ("A et B signeront le contrat jeudi", "le contrat sera soumis à la signature"), a person
//! without a role or with another role ("adjointe au maire", "chargée de mission"), a role held
//! no more ("ancien maire"), a paragraph that does not speak of signing ("A, maire de X, a
//! inauguré l'école"), a person told doing something before the signing ("A, ministre, avait
//! promis des crédits").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::emit;
use super::grammar::Parsed;
use super::lexicon::{self, ROLE, alternation, cues};
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

/// The signing-context rule.
pub struct SigningContext;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.signing_context";

/// A word of signing (not "signal", "significatif", "signifie").
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?|contre-?)?sign(?:e|é|ée|és|ées|er|ent|ons|ez|era|eront|erons|ature|atures|ataire|ataires)\b|\bparaph(?:e|é|ée|és|ées|er|ent)\b")
        .expect("valid regex")
});

/// A role word whose holder signs for a party.
static SIGNING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{}$", alternation(cues("signing_role")))).expect("valid regex")
});

/// A role that holds a signing role after another one: "député-maire de Vierzon", "sénatrice
/// Maire de Lunel", "sénateur et maire", "conseiller départemental, président de
/// l'agglomération". Not "adjointe au maire", "chargé de mission auprès du préfet".
static LATER_SIGNING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    let signing = alternation(cues("signing_role"));
    Regex::new(&format!(
        r"(?i)^{role}(?:\s*-\s*|\s+)(?:et\s+)?{signing}\b|(?:,|\bet)\s+{signing}\b",
        role = *ROLE
    ))
    .expect("valid regex")
});

/// The head of a body that signs contracts as a party: "directeur de la CAF de l'Oise",
/// "directrice de France Travail", "directeur académique". Not the head of a school, a
/// service or an association ("directeur de l'école", "directrice du centre social").
static PARTNER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:directeur|directrice)(?:\s+(?:général|générale|départemental|départementale|territorial|territoriale|régional|régionale|adjoint|adjointe))?\s+(?:académique\b|(?:de\s+la|de\s+l'|du|de)\s*(?:CAF\b|Caf\b|caisse\s+(?:d'allocations|primaire|des\s+dépôts)|CPAM\b|France\s+Travail\b|Pôle\s+emploi\b|ARS\b|agence\s+régionale\s+de\s+santé|Banque\s+des\s+territoires|mission\s+locale|Éducation\s+nationale|Education\s+nationale))")
        .expect("valid regex")
});

/// Whether a role's holder signs for a party: the role opens with a signing role, holds one
/// after another role, or heads a partner body.
fn signs(role: &str) -> bool {
    // The role word the role opens with (the longest: "maire adjoint", not "maire").
    lexicon::role_opening(role).is_some_and(|w| SIGNING_ROLE.is_match(w.as_str()))
        || LATER_SIGNING_ROLE.is_match(role)
        || PARTNER_HEAD.is_match(role)
}

/// A negation right before a word of signing ("nous ne voulons pas signer", "sans signer").
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:pas|jamais|plus|sans|ni)\s+(?:\p{L}+\s+)?$").expect("valid regex")
});

/// A signing still to come, before its word of signing: an auxiliary of the future or of
/// an obligation a few words before ("sera soumis à la signature", "doivent encore signer",
/// "vont prochainement apposer leur signature"), a submission ("soumis à la signature", "en vue
/// de la signature"). Not a past auxiliary ("a signé", "ont apposé leur signature").
static TO_COME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:sera|seront|serait|seraient|va|vont|doit|doivent|devra|devront|devrait|devraient|pourra|pourront|prochaine|prochaines)\b(?:\s+[\p{L}']+){0,3}|\bsoumise?s?\s+à|\ben\s+vue\s+d)\s+(?:la\s+|leurs?\s+|sa\s+|son\s+|l')?$")
        .expect("valid regex")
});

/// A future form of "signer" ("signera", "signeront", "parapheront").
static FUTURE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:sign|paraph)er(?:a|ai|as|ont|ons|ez|ait|aient)$").expect("valid regex")
});

/// Whether `paragraph` speaks of a signing that took place: a word of signing that no
/// negation precedes and that is no signing to come ("signeront le 4 avril", "sera soumis à la
/// signature du préfet").
fn speaks_of_signing(paragraph: &str) -> bool {
    SIGNING.find_iter(paragraph).any(|m| {
        let lo = paragraph.floor_char_boundary(m.start().saturating_sub(60));
        let before = &paragraph[lo..m.start()];
        !NEGATED.is_match(before)
            && !TO_COME_BEFORE.is_match(before)
            && !FUTURE_FORM.is_match(m.as_str())
    })
}

/// The ceremony a page about a signing reports ("La cérémonie s'est tenue en mairie", "Autour
/// de la table : la préfète, A, le président, B"): its paragraph speaks of the signing without
/// the word.
static CEREMONY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcérémonies?\b|\bautour\s+de\s+la\s+table\b").expect("valid regex")
});

/// A photo caption's opening ("De gauche à droite :", "(de g. à dr.)", "Sur la photo,"): the
/// people it names stand at the event the page reports.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:de\s+gauche\s+à\s+droite|de\s+g\.?\s*à\s+d(?:r)?\.?|sur\s+(?:la|cette)\s+photo|au\s+premier\s+rang)\s*[:,)]")
        .expect("valid regex")
});

/// Whether the mention at `at` stands in a photo caption: a caption's opening earlier in its
/// sentence.
/// A pluperfect or a past conditional right after a person, their verb: what they did is told
/// as done before the signing ("A, ministre de la Ville, avait promis des crédits", "A avait
/// annoncé sa venue", "A aurait souhaité"), not what they did at it.
static EARLIER_DEED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*,?[ \t]*(?:avait|avaient|aurait|auraient)\s+(?:(?:déjà|alors|lui-même|elle-même|pourtant)\s+)?\p{Ll}+(?:é|ée|és|ées|is|ise|it|ite|u|ue|us)\b")
        .expect("valid regex")
});

fn in_caption(p: &Parsed, at: usize) -> bool {
    let sentence = p.sentence(at);
    CAPTION.is_match(&p.text[sentence.start.min(at)..at])
}

impl Rule for SigningContext {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        let signing_page = speaks_of_signing(p.text);
        for m in p.mentions {
            // A caption of a page about a signing shows who attended, with a role or not.
            if signing_page
                && m.role.as_ref().is_none_or(|r| !r.past)
                && in_caption(&p, m.full.start)
            {
                emit(doc, m, Involvement::Present, self.id(), out);
                continue;
            }
            let Some(role) = m.role.as_ref().filter(|r| !r.past) else { continue };
            let paragraph = &p.text[p.paragraph(m.full.start)];
            let about =
                speaks_of_signing(paragraph) || signing_page && CEREMONY.is_match(paragraph);
            if !signs(&role.text) || !about || EARLIER_DEED.is_match(&p.text[m.full.end..]) {
                continue;
            }
            emit(doc, m, Involvement::Present, self.id(), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    #[test]
    fn an_official_told_doing_something_earlier() {
        for text in [
            "Le contrat a été signé hier. Le préfet a rappelé que la ministre de la Ville, Anne \
             Brun, avait promis en mars des crédits.",
            "Le contrat a été signé hier. Paul Roche, président du Département, aurait souhaité \
             des moyens plus importants.",
        ] {
            none(&SigningContext, text);
        }
        finds(
            &SigningContext,
            "Le contrat a été signé hier. Anne Brun, ministre de la Ville, a salué l'accord.",
            &["Anne Brun"],
            Involvement::Present,
        );
    }

    #[test]
    fn officials_in_a_paragraph_about_a_signing() {
        finds(
            &SigningContext,
            "Paul Roche, préfet du Var, est venu à Hyères où il a signé le contrat en compagnie \
             de Anne Brun, maire de Hyères, et de Marc Viel, président de l'agglomération.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "Le contrat a reçu hier la signature de Anne Brun, présidente du Département.",
            &["Anne Brun"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "« Nous signons un engagement pour six ans », a déclaré Marc Viel, maire de Lunel.",
            &["Marc Viel"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "Le contrat est signé devant Anne Brun représentant la Région.",
            &["Anne Brun"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "La signature a rassemblé les partenaires. Luc Viel, directeur de la CAF du Gard, y \
             a vu un outil utile ; Lise Roux, directrice de l'école Jaurès, aussi.",
            &["Luc Viel"],
            Involvement::Present,
        );
        // The table of a meeting on a page that tells no signing.
        none(
            &SigningContext,
            "La Ville a réuni ses partenaires en mairie. Autour de la table : la préfète du Gers, \
             Anne Brun, et le maire d'Auch, Paul Roche.",
        );
        // The table of a signing the page told in an earlier paragraph.
        finds(
            &SigningContext,
            "Le contrat a été signé jeudi.\n\nLa Ville a réuni ses partenaires en mairie. Autour \
             de la table : la préfète du Gers, Anne Brun, et le maire d'Auch, Paul Roche.",
            &["Anne Brun", "Paul Roche"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "Le contrat a été paraphé par la préfète du Gard, Anne Brun.",
            &["Anne Brun"],
            Involvement::Present,
        );
    }

    #[test]
    fn a_signing_role_held_after_another_role() {
        for text in [
            "Marc Viel, député-maire de Lunel, recevait la ministre venue signer le contrat.",
            "Marc Viel, député Maire de Lunel, recevait la ministre venue signer le contrat.",
            "Le contrat est signé, se félicite Marc Viel, sénateur et maire de Lunel.",
            "Le contrat est signé, note Marc Viel, conseiller départemental, président de \
             l'agglomération.",
        ] {
            finds(&SigningContext, text, &["Marc Viel"], Involvement::Present);
        }
        finds(
            &SigningContext,
            "Le Premier ministre, Marc Viel, a signé hier les premiers contrats de ville.",
            &["Marc Viel"],
            Involvement::Present,
        );
        assert!(signs("député-maire de Lunel"));
        assert!(!signs("député du Gard"));
        assert!(!signs("adjointe au maire de Lunel"));
        assert!(signs("directeur de la CAF de l'Oise"));
        assert!(signs("directrice territoriale de France Travail"));
        assert!(!signs("directeur de l'école Jean-Moulin"));
        assert!(!signs("directrice du centre social"));
        assert!(!signs("chargée de mission auprès du préfet"));
    }

    #[test]
    fn officials_at_the_ceremony_of_a_signing_page() {
        finds(
            &SigningContext,
            "Le contrat de ville est signé.\n\nLa cérémonie a eu lieu en mairie. Paul Roche, \
             préfet du Var, a rappelé les enjeux.",
            &["Paul Roche"],
            Involvement::Present,
        );
        // A ceremony on a page that speaks of no signing.
        none(
            &SigningContext,
            "La cérémonie des vœux a eu lieu en mairie. Paul Roche, préfet du Var, a parlé.",
        );
    }

    #[test]
    fn people_in_a_caption_of_a_signing_page() {
        finds(
            &SigningContext,
            "Signature du contrat de ville\n\nDe gauche à droite : Paul Roche, sous-préfet, Anne \
             Brun, maire de Hyères, et Marc Viel.\n\nLe document vaut pour six ans.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            Involvement::Present,
        );
        finds(
            &SigningContext,
            "Le contrat a été signé hier.\n\nSur la photo, Anne Brun et Marc Viel, au centre.",
            &["Anne Brun", "Marc Viel"],
            Involvement::Present,
        );
        // A page about no signing, or a person named after the caption's sentence.
        none(
            &SigningContext,
            "Inauguration de l'école\n\nDe gauche à droite : Anne Brun, Marc Viel.",
        );
        none(
            &SigningContext,
            "Le contrat a été signé.\n\nDe gauche à droite : les élus. Anne Brun a salué le travail.",
        );
    }

    #[test]
    fn others_stay_out() {
        // No word of signing in the paragraph.
        none(&SigningContext, "Anne Brun, maire de Hyères, a inauguré l'école.");
        none(&SigningContext, "Un signal fort, estime Anne Brun, maire de Hyères.");
        // A negated signing.
        none(
            &SigningContext,
            "« Nous ne voulons pas signer pour rien », a dit Anne Brun, présidente du Département.",
        );
        // Not a role that signs for a party, or a role held no more.
        none(
            &SigningContext,
            "Le contrat est signé, se réjouit Anne Brun, adjointe au maire de Hyères.",
        );
        none(&SigningContext, "Le contrat est signé, note Anne Brun, chargée de mission.");
        none(&SigningContext, "Le contrat est signé, note Anne Brun, ancienne maire de Lunel.");
        // A signing to come.
        none(
            &SigningContext,
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, signeront le contrat jeudi.",
        );
        none(
            &SigningContext,
            "Le contrat sera soumis à la signature du préfet en mai, a dit Anne Brun, présidente \
             de l'agglomération.",
        );
        none(
            &SigningContext,
            "Anne Brun, maire de Hyères, et les partenaires vont bientôt apposer leur signature.",
        );
        // Another paragraph.
        none(
            &SigningContext,
            "Le contrat est signé.\n\nAnne Brun, maire de Hyères, a inauguré l'école.",
        );
    }
}
