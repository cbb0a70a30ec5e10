//! Work done once per text and shared by the rules of a family: an analysis several rules need
//! (the people family's name mentions and sentence breaks, the figures family's numbers, the
//! territories family's intercommunality names) is
//! computed by the first rule that asks and kept here for the others (issue 12); so are the
//! communes the text names, asked by the quartiers family and by the link stage.
//!
//! [`Analysis`] lives in the [`NormText`](crate::ingest::normalise::NormText) the rules read, so
//! every `Doc` over that text shares it and a new text (a window of a long document) starts
//! empty. Rules stay stateless and never read each other's output: an analysis is a function of
//! the text alone, the same whichever rule computes it first.

pub(crate) mod words;

use std::ops::Range;
use std::sync::OnceLock;

use crate::gazetteer::qpv::NamedCommunes;
use crate::rules::figures::{Headed, Number};
use crate::rules::people::Mention;

/// The lazily filled analyses of one normalised text.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The people family's name mentions and sentence breaks, read as plain text (0) and as HTML
    /// (1).
    pub(crate) people: [OnceLock<(Vec<Mention>, Vec<usize>)>; 2],
    /// The figures family's numbers of the whole text.
    pub(crate) numbers: OnceLock<Vec<Number>>,
    /// The figures family's numbers with a head noun, of the whole text.
    pub(crate) headed: OnceLock<Vec<Headed>>,
    /// The territories family's capitalised names of the whole text (its name pattern's
    /// matches), read by its grammar and its document-level fallback.
    pub(crate) capitalised: OnceLock<Vec<Range<usize>>>,
    /// The territories family's intercommunality names of the whole text, with their kind.
    pub(crate) epci_mentions: OnceLock<Vec<(Range<usize>, &'static str)>>,
    /// The communes the text names, for telling QPV homonyms apart (the quartiers' gazetteer
    /// rule, their resolve step and the QPV-code link).
    pub(crate) named_communes: OnceLock<NamedCommunes>,
}

impl Clone for Analysis {
    /// A copy starts empty: it is only a cache.
    fn clone(&self) -> Analysis {
        Analysis::default()
    }
}
