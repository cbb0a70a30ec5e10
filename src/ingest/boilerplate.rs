//! Drops web boilerplate lines (cookie notices, breadcrumbs, "Précédent", menu leftovers).
//!
//! The patterns live in `rules/boilerplate.txt` so users can extend them (see [`crate::data`]).

use std::sync::LazyLock;

use crate::rules::text::Regex;

/// The patterns, each on the fast engines of [`Regex`]: one `RegexSet` of them ran the slow
/// engine on every line holding a non-ASCII letter (their Unicode `\b`), while each pattern
/// is anchored at the line's start and most fail within a few bytes.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    patterns()
        .iter()
        .map(|p| Regex::new(p).expect("rules/boilerplate.txt holds valid regexes"))
        .collect()
});

/// The patterns of `rules/boilerplate.txt`: one regex a line, `#` comments and blank lines skipped.
pub fn patterns() -> Vec<String> {
    crate::data::lines("boilerplate.txt")
}

/// True when the whole line is boilerplate.
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && PATTERNS.iter().any(|p| p.is_match(t))
}

/// Lines of the head of a web copy shorter than this, in a run of [`MENU_RUN`] or more, are a
/// menu left over from the page ("Accueil", "Mairie", "Agenda"...).
const MENU_LINE: usize = 25;
const MENU_RUN: usize = 4;
/// The head of a document ends at its first line this long.
const LONG_LINE: usize = 80;

static PAGE_NUMBER: LazyLock<crate::rules::text::Regex> = LazyLock::new(|| {
    crate::rules::text::Regex::new(
        r"(?i)(^|\s{3,})(page\s*)?\d{1,3}\s*(/|sur)\s*\d{1,3}$|^[-–—]\s*\d{1,3}\s*[-–—]$",
    )
    .expect("valid regex")
});

/// Removes boilerplate lines, keeping every other line as it is:
/// - lines matching a pattern of `rules/boilerplate.txt`;
/// - a run of short menu lines at the head of the document (before its first long line);
/// - in PDF conversions (form feeds present): form feeds, page-number lines ("1/2", "- 86 -")
///   and the page header/footer lines repeated on every page, except a contract's title on the
///   first page.
pub fn strip(text: &str) -> String {
    let paged = text.contains('\u{0C}');
    let text: std::borrow::Cow<str> =
        if paged { text.replace('\u{0C}', "").into() } else { text.into() };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut drop: Vec<bool> = lines.iter().map(|l| is_boilerplate(l)).collect();
    mark_head_menu(&lines, &mut drop);
    if paged {
        mark_page_furniture(&lines, &mut drop);
    }
    lines.iter().zip(drop).filter(|(_, d)| !d).map(|(l, _)| *l).collect()
}

fn mark_head_menu(lines: &[&str], drop: &mut [bool]) {
    let head = (0..lines.len())
        .find(|&i| !drop[i] && lines[i].trim().chars().count() >= LONG_LINE)
        .unwrap_or(lines.len());
    let short = |l: &str| {
        let t = l.trim();
        !t.is_empty()
            && t.chars().count() <= MENU_LINE
            && !t.ends_with(['.', ':', ';', ','])
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    let mut i = 0;
    while i < head {
        if !short(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < head && (short(lines[i]) || drop[i] && !lines[i].trim().is_empty()) {
            i += 1;
        }
        if i - start >= MENU_RUN && !introduced(lines, drop, start) && !headed(lines[start]) {
            drop[start..i].iter_mut().for_each(|d| *d = true);
        }
    }
}

/// Whether the short lines from `start` are the items of a list that the line before them
/// introduces with a colon ("Signataires :", "Les partenaires du contrat :"): a list of the
/// text, not a menu.
fn introduced(lines: &[&str], drop: &[bool], start: usize) -> bool {
    (0..start)
        .rev()
        .find(|&j| !drop[j] && !lines[j].trim().is_empty())
        .is_some_and(|j| lines[j].trim_end().ends_with(':'))
}

/// Whether a run of short lines opens with a heading that names a list of the text ("Les
/// signataires", "Partenaires signataires", "Quartiers concernés"): its items follow, one a
/// line, without the colon [`introduced`] looks for. A bare "Partenaires" is a menu item too.
fn headed(first: &str) -> bool {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:les\s+)?(?:signataires|parties\s+signataires|partenaires\s+(?:signataires|du\s+contrat)|quartiers\s+(?:prioritaires|concernés|retenus))(?:\s+du\s+contrat(?:\s+de\s+ville)?)?\s*$",
        )
        .expect("valid regex")
    });
    HEADING.is_match(first)
}

fn mark_page_furniture(lines: &[&str], drop: &mut [bool]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines {
        let t = l.trim();
        if t.chars().count() >= 8 {
            *seen.entry(t).or_default() += 1;
        }
    }
    // A contract's title repeated at the head of every page ("Contrat de ville de X
    // 2015-2020") is furniture on the later pages but the document's title on the first.
    let title = lines.iter().map(|l| l.trim()).find(|t| !t.is_empty()).filter(|t| {
        static CONTRACT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\bcontrats?\b").expect("valid regex"));
        CONTRACT.is_match(t)
    });
    let mut title_kept = false;
    for (l, d) in lines.iter().zip(drop.iter_mut()) {
        let t = l.trim();
        if Some(t) == title && !title_kept {
            title_kept = true;
            continue;
        }
        if PAGE_NUMBER.is_match(t) || seen.get(t).is_some_and(|&n| n > 1) {
            *d = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_are_sorted() {
        let p = patterns();
        assert!(regex::RegexSet::new(&p).is_ok());
        let mut sorted = p.clone();
        sorted.sort();
        assert_eq!(p, sorted, "rules/boilerplate.txt is sorted");
    }

    #[track_caller]
    fn dropped(line: &str) {
        assert!(is_boilerplate(line), "should be dropped: {line}");
    }

    #[track_caller]
    fn kept(line: &str) {
        assert!(!is_boilerplate(line), "should be kept: {line}");
    }

    #[test]
    fn web_furniture_lines_are_dropped() {
        dropped("Vous êtes ici");
        dropped("Vous êtes ici : Accueil / Solidarités");
        dropped("Précédent");
        dropped("Re pour sous menu");
        dropped(
            "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de Cookies.",
        );
        dropped("Ce site utilise des cookies pour faciliter votre navigation. OK");
        dropped("Aller au contenu principal");
        dropped("Partager : Facebook | X | LinkedIn");
        dropped("Il vous reste 62 % de cet article à lire. Je m'abonne - 1 € le premier mois.");
        dropped("Déjà abonné ? Se connecter");
        kept("Il vous reste un an pour signer le contrat, a rappelé le préfet.");
        dropped("Imprimer   Partager");
        dropped("Retour à la liste des communiqués");
        dropped("< Retour aux résultats");
        dropped("Solidarité > Politique de la ville");
        dropped("Accueil > Actualités > Société");
        dropped("Lecture : 3 min");
    }

    #[test]
    fn content_lines_are_kept() {
        kept(
            "Le contrat de ville de Valenciennes Métropole concerne 36 000 habitants de 14 quartiers.",
        );
        kept("Partenaires signataires : l'État, la Région, le Département.");
        kept("Précédemment en CUCS, le quartier reste en veille active.");
        kept("Quartiers prioritaires");
        kept("Date de signature : 30 juin 2015");
        kept("Les quartiers > 5 000 habitants sont prioritaires.");
    }

    #[test]
    fn a_menu_at_the_head_is_dropped_but_a_list_after_prose_stays() {
        let text = "Accueil\nMairie\nVivre à Alès\nAgenda\nRechercher\n\nUn contrat de ville a été signé en mai dernier avec la préfète et de nombreux partenaires.\nBellevue\nKerourien\nRecouvrance\nKeredern\n";
        let out = strip(text);
        assert!(out.starts_with("\nUn contrat"), "{out}");
        assert!(out.ends_with("Bellevue\nKerourien\nRecouvrance\nKeredern\n"));
    }

    #[test]
    fn short_lines_a_colon_introduces_are_a_list_not_a_menu() {
        let text = "Signature du contrat\nLes signataires :\nPréfecture\nAgglomération\nVille\nBailleur\nCaf\n\nLe texte fixe les priorités de six quartiers jusqu'en 2030 pour tous les partenaires.\n";
        assert_eq!(strip(text), text);
        let after_menu = "Accueil\nMairie\nVivre ici\nAgenda\nRecherche\nPour nous écrire, utilisez le formulaire de contact en bas de la page, merci.\n";
        assert!(strip(after_menu).starts_with("Pour nous"));
    }

    #[test]
    fn short_lines_under_a_list_heading_are_a_list_not_a_menu() {
        let text = "Les signataires
L'État
La Région
Le Département
La Caf

Le texte fixe les priorités de six quartiers jusqu'en 2030 pour tous les partenaires.
";
        assert_eq!(strip(text), text);
        // A menu item that only starts like one is no heading.
        let menu = "Partenaires
Accueil
Agenda
Contact

Le texte fixe les priorités de six quartiers jusqu'en 2030 pour tous les partenaires.
";
        assert!(strip(menu).starts_with("\nLe texte"), "{}", strip(menu));
    }

    #[test]
    fn a_quotation_closed_in_prose_is_no_breadcrumb() {
        kept("Le contrat « Quartiers 2030 » est conclu entre les parte");
        kept("le plan « Banlieues » sera revu");
        dropped("Actualités » Solidarité » Quartiers");
    }

    #[test]
    fn page_furniture_of_a_pdf_conversion_is_dropped() {
        let text = "PRÉFET DU NORD\nLiberté • Égalité • Fraternité\n\nLe préfet a signé le contrat.\nPréfecture du Nord – 12 rue Jean Sans Peur – 59000 LILLE        1/2\n\u{0C}PRÉFET DU NORD\nLiberté • Égalité • Fraternité\n\nLes quartiers sont au nombre de 14.\n";
        let out = strip(text);
        assert_eq!(out, "\nLe préfet a signé le contrat.\n\nLes quartiers sont au nombre de 14.\n");
    }

    #[test]
    fn a_contract_title_repeated_on_every_page_stays_once() {
        let text = "Contrat de ville de Tulle 2015-2020\nLe préfet a signé.\n- 3 -\n\u{0C}Contrat de \
                    ville de Tulle 2015-2020\nLes quartiers sont deux.\n";
        assert_eq!(
            strip(text),
            "Contrat de ville de Tulle 2015-2020\nLe préfet a signé.\nLes quartiers sont deux.\n"
        );
    }
}
