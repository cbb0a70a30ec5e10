//! Lists of small fixed-size records that may grow with the batch (the sources of one merged
//! contract: hundreds of thousands in a large batch), kept mostly on disk.
//!
//! Each list holds in memory only its latest records (at least every record of its latest
//! document) and writes older ones in blocks to a [`Spool`] file shared by the lists; reading a
//! list reads its blocks back one at a time. Without a spool file every record stays in memory
//! (tests and small merges).

use std::borrow::Cow;
use std::fs::File;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A record a [`Store`] can hold: a fixed number of bytes, and the document it comes from
/// (records come in document order).
pub(crate) trait Rec: Copy {
    const SIZE: usize;
    fn doc(&self) -> u32;
    fn put(&self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

/// The file the blocks of the lists go to, and how much of it is written.
#[derive(Debug)]
pub(crate) struct Spool {
    file: File,
    end: AtomicU64,
}

impl Spool {
    pub(crate) fn new(file: File) -> Spool {
        Spool { file, end: AtomicU64::new(0) }
    }

    /// Forgets every block written (the lists that pointed at them are gone).
    pub(crate) fn clear(&self) -> std::io::Result<()> {
        self.end.store(0, Ordering::Relaxed);
        self.file.set_len(0)
    }

    fn append(&self, bytes: &[u8]) -> std::io::Result<u64> {
        // One list store writes at a time (a group is merged on one thread).
        let at = self.end.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        write_all_at(&self.file, bytes, at)?;
        Ok(at)
    }
}

#[cfg(unix)]
fn write_all_at(f: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, bytes, at)
}

#[cfg(unix)]
fn read_exact_at(f: &File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, bytes, at)
}

#[cfg(not(unix))]
fn write_all_at(mut f: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    f.seek(SeekFrom::Start(at))?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn read_exact_at(mut f: &File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(bytes)
}

/// A list in a [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct List(u32);

/// Records a list keeps in memory before older ones may go to the spool (12 KiB of sources).
const BLOCK: usize = 512;

/// Numbered lists of records of type `R`.
#[derive(Debug)]
pub(crate) struct Store<R> {
    spool: Option<Arc<Spool>>,
    lists: Vec<ListData<R>>,
}

impl<R> Default for Store<R> {
    fn default() -> Store<R> {
        Store { spool: None, lists: Vec::new() }
    }
}

#[derive(Debug)]
struct ListData<R> {
    /// Byte offset and record count of each block written to the spool, in order.
    blocks: Vec<(u64, u32)>,
    /// The records after those blocks.
    tail: Vec<R>,
}

impl<R: Rec> Store<R> {
    /// A store writing its older records to `spool` (`None`: all in memory).
    pub(crate) fn new(spool: Option<Arc<Spool>>) -> Store<R> {
        Store { spool, lists: Vec::new() }
    }

    /// A new empty list.
    pub(crate) fn list(&mut self) -> List {
        self.lists.push(ListData { blocks: Vec::new(), tail: Vec::new() });
        List(u32::try_from(self.lists.len() - 1).expect("fewer than 2^32 lists"))
    }

    /// A new list holding `r`.
    pub(crate) fn one(&mut self, r: R) -> std::io::Result<List> {
        let l = self.list();
        self.push(l, r)?;
        Ok(l)
    }

    /// Adds `r` at the end of `l`.
    pub(crate) fn push(&mut self, l: List, r: R) -> std::io::Result<()> {
        let data = &mut self.lists[l.0 as usize];
        if let Some(spool) = &self.spool
            && data.tail.len() >= BLOCK
            && data.tail.last().is_some_and(|last| last.doc() != r.doc())
        {
            let mut bytes = Vec::with_capacity(data.tail.len() * R::SIZE);
            for t in &data.tail {
                t.put(&mut bytes);
            }
            let at = spool.append(&bytes)?;
            data.blocks.push((at, u32::try_from(data.tail.len()).expect("a block")));
            data.tail.clear();
        }
        data.tail.push(r);
        Ok(())
    }

    /// The last records of `l`: every one of its latest document at least.
    pub(crate) fn tail(&self, l: List) -> &[R] {
        &self.lists[l.0 as usize].tail
    }

    /// The records of `l` in order, a block at a time.
    pub(crate) fn blocks(&self, l: List) -> impl Iterator<Item = std::io::Result<Cow<'_, [R]>>> {
        let data = &self.lists[l.0 as usize];
        let written = data.blocks.iter().map(|&(at, n)| self.read(at, n).map(Cow::Owned));
        written.chain(std::iter::once(Ok(Cow::Borrowed(data.tail.as_slice()))))
    }

    /// The `n` records written at byte `at` of the spool.
    fn read(&self, at: u64, n: u32) -> std::io::Result<Vec<R>> {
        let spool = self.spool.as_ref().ok_or_else(|| std::io::Error::other("no spool"))?;
        let mut bytes = vec![0; n as usize * R::SIZE];
        read_exact_at(&spool.file, &mut bytes, at)?;
        Ok(bytes.chunks_exact(R::SIZE).map(R::get).collect())
    }

    /// Block `i` of `l` (the blocks of [`Store::blocks`]), owned: the store may change while it
    /// is read. `None` past the last.
    pub(crate) fn block(&self, l: List, i: usize) -> Option<std::io::Result<Vec<R>>> {
        let data = &self.lists[l.0 as usize];
        match i.cmp(&data.blocks.len()) {
            std::cmp::Ordering::Less => {
                let (at, n) = data.blocks[i];
                Some(self.read(at, n))
            }
            std::cmp::Ordering::Equal => Some(Ok(data.tail.clone())),
            std::cmp::Ordering::Greater => None,
        }
    }

    /// Calls `f` on each record of `l` in order.
    pub(crate) fn each(&self, l: List, mut f: impl FnMut(&R)) -> std::io::Result<()> {
        for block in self.blocks(l) {
            block?.iter().for_each(&mut f);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    struct Pair(u32, u32);

    impl Rec for Pair {
        const SIZE: usize = 8;
        fn doc(&self) -> u32 {
            self.0
        }
        fn put(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.0.to_le_bytes());
            out.extend_from_slice(&self.1.to_le_bytes());
        }
        fn get(b: &[u8]) -> Pair {
            let n = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes"));
            Pair(n(0), n(4))
        }
    }

    #[test]
    fn spooled_lists_read_back_in_order_and_keep_their_latest_document_in_memory() {
        let file = tempfile::tempfile().unwrap();
        let mut spooled: Store<Pair> = Store::new(Some(Arc::new(Spool::new(file))));
        let mut memory: Store<Pair> = Store::new(None);
        let (a, b) = (spooled.list(), spooled.list());
        let (ma, mb) = (memory.list(), memory.list());
        for doc in 0..2000u32 {
            for k in 0..doc % 3 {
                spooled.push(a, Pair(doc, k)).unwrap();
                memory.push(ma, Pair(doc, k)).unwrap();
            }
            spooled.push(b, Pair(doc, 7)).unwrap();
            memory.push(mb, Pair(doc, 7)).unwrap();
            let latest = spooled.tail(a).iter().filter(|p| p.0 == doc).count();
            assert_eq!(latest, (doc % 3) as usize, "every record of the latest document");
        }
        assert!(spooled.lists[0].blocks.len() > 1, "blocks were written");
        assert!(spooled.tail(a).len() <= BLOCK + 2);
        let all = |s: &Store<Pair>, l| {
            let mut v = Vec::new();
            s.each(l, |p| v.push(*p)).unwrap();
            v
        };
        assert_eq!(all(&spooled, a), all(&memory, ma));
        assert_eq!(all(&spooled, b), all(&memory, mb));
        assert_eq!(all(&spooled, b).len(), 2000);
    }
}
