//! Finding, many bytes at a time, the bytes of a string that need care:
//! the reader's end of a plain run (a quote, a backslash, a control or a
//! non-ASCII byte) and the writer's next byte to escape. SSE2 takes sixteen
//! bytes at once on x86-64; elsewhere, and for the tail, eight bytes are
//! tested as one word.

/// How many bytes at the start of `bytes` a string's text runs on for:
/// up to the first `"`, `\`, or control character, or to the end. Also
/// says whether any of those bytes is not ASCII, so that only text with
/// such bytes needs a UTF-8 check, made once on the whole run.
#[inline(always)]
pub(super) fn string_run(bytes: &[u8]) -> (usize, bool) {
    let mut run = 0;
    // The high bits of the bytes passed, gathered.
    let mut high = 0;
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    for block in bytes.as_chunks::<16>().0 {
        let (specials, non_ascii) = sse2::masks(block);
        if specials != 0 {
            let len = specials.trailing_zeros();
            // Only the bytes before the first special count.
            let before = non_ascii & ((1 << len) - 1);
            return (run + len as usize, high | before != 0);
        }
        high |= non_ascii;
        run += 16;
    }
    let mut high = u64::from(high);
    while let Some((chunk, _)) = bytes[run..].split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // Non-ASCII bytes are not flagged by `specials` before its first
        // true flag, which is all that counts here.
        let specials = swar::specials(word);
        if specials != 0 {
            let len = swar::first_flagged(specials);
            // The bits of the bytes before the first special: `len` is at
            // most 7, so the shift stays inside the word.
            let before = word & swar::HIGH & ((1u64 << (8 * len)) - 1);
            return (run + len, high | before != 0);
        }
        high |= word & swar::HIGH;
        run += 8;
    }
    while let Some(&byte) = bytes.get(run) {
        if NEEDS_ESCAPE[usize::from(byte)] {
            break;
        }
        high |= u64::from(byte & 0x80);
        run += 1;
    }
    (run, high != 0)
}

/// Sixteen bytes tested at once with SSE2, which every x86-64 processor
/// has.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// One bit per byte, the lowest for the first: set for `"`, `\` and
    /// control characters.
    #[inline]
    pub(super) fn flags(block: &[u8; 16]) -> u32 {
        masks(block).0
    }

    /// Two masks of one bit per byte, the lowest for the first: one for
    /// `"`, `\` and control characters, one for non-ASCII bytes.
    #[inline]
    pub(super) fn masks(block: &[u8; 16]) -> (u32, u32) {
        // SAFETY: the module is compiled only where SSE2 is on.
        unsafe { masks_sse2(block) }
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn masks_sse2(block: &[u8; 16]) -> (u32, u32) {
        // SAFETY: both are sixteen bytes, and any bytes are a valid `__m128i`.
        let block = unsafe { core::mem::transmute::<[u8; 16], __m128i>(*block) };
        let quote = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'\\' as i8));
        // A byte that its minimum with 0x1f leaves unchanged is under 0x20.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1f)), block);
        let specials = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control));
        // The mask holds sixteen bits: the casts lose nothing.
        let non_ascii = _mm_movemask_epi8(block);
        (specials as u32, non_ascii as u32)
    }
}

/// Eight bytes tested at once, as one `u64` read little-endian.
mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The high bit of each byte that is zero; a borrow may flag bytes
    /// after a zero byte too, but never one before the first.
    #[inline]
    fn zero_bytes(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & HIGH
    }

    /// Flags `"`, `\` and bytes under 0x20 (among ASCII bytes); the lowest
    /// flag is always a true one.
    #[inline]
    pub(super) fn specials(word: u64) -> u64 {
        zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
    }

    /// The index of the lowest flagged byte.
    #[inline]
    pub(super) fn first_flagged(flags: u64) -> usize {
        (flags.trailing_zeros() / 8) as usize
    }
}

/// A block of bytes checked at once for anything serde_json escapes.
pub(super) trait Block {
    fn is_plain(&self) -> bool;
}

impl Block for [u8; 8] {
    #[inline]
    fn is_plain(&self) -> bool {
        swar::specials(u64::from_le_bytes(*self)) == 0
    }
}

impl Block for [u8; 16] {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    #[inline]
    fn is_plain(&self) -> bool {
        sse2::flags(self) == 0
    }

    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    #[inline]
    fn is_plain(&self) -> bool {
        is_plain_by_words(self)
    }
}

/// Sixteen bytes checked as two words, where SSE2 is not there.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline]
fn is_plain_by_words(block: &[u8; 16]) -> bool {
    let (words, []) = block.as_chunks::<8>() else {
        unreachable!("sixteen bytes are two whole words");
    };
    words
        .iter()
        .all(|word| swar::specials(u64::from_le_bytes(*word)) == 0)
}

/// How many of the sixteen bytes of `block`, from its start, serde_json
/// writes as they are: all but `"`, `\\` and control characters.
#[inline]
pub(super) fn escape_free_prefix(block: &[u8; 16]) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // Bit 16 stops the count at sixteen when nothing is flagged.
        (sse2::flags(block) | 1 << 16).trailing_zeros() as usize
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        escape_free_prefix_by_words(block)
    }
}

/// [`escape_free_prefix`] word by word, where SSE2 is not there; compiled
/// everywhere, so that the tests check it on every target.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline]
fn escape_free_prefix_by_words(block: &[u8; 16]) -> usize {
    let (words, []) = block.as_chunks::<8>() else {
        unreachable!("sixteen bytes are two whole words");
    };
    let mut run = 0;
    for word in words {
        // Non-ASCII bytes are written as they are; `specials` flags them
        // only when they come after a flagged byte.
        let flags = swar::specials(u64::from_le_bytes(*word));
        if flags != 0 {
            return run + swar::first_flagged(flags);
        }
        run += 8;
    }
    run
}

/// The bytes serde_json escapes in a string.
pub(super) static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = ESCAPE[byte] != 0;
        byte += 1;
    }
    table
};

/// How serde_json escapes each byte: `0` for not at all, `u` for `\u00XX`,
/// and otherwise the letter after the backslash.
pub(super) static ESCAPE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// `string_run` as a byte-by-byte loop says it.
    fn string_run_slowly(bytes: &[u8]) -> (usize, bool) {
        let run = bytes
            .iter()
            .position(|&byte| NEEDS_ESCAPE[usize::from(byte)])
            .unwrap_or(bytes.len());
        (run, bytes[..run].iter().any(|&byte| byte >= 0x80))
    }

    /// Every byte value at every place of texts of every length up to
    /// three blocks, among ASCII or non-ASCII bytes, with a second mark
    /// after the first, so that both the end of the run and the bytes
    /// counted as before it are checked.
    #[test]
    fn string_runs_end_at_the_first_special_byte() {
        for filler in [b'a', 0xc3, 0x80, 0xff] {
            for len in 0..48 {
                for at in 0..len {
                    for byte in 0..=255u8 {
                        let mut text = vec![filler; len];
                        text[at] = byte;
                        assert_eq!(
                            string_run(&text),
                            string_run_slowly(&text),
                            "{byte:#x} at {at} of {len} among {filler:#x}"
                        );
                        if at + 1 < len {
                            text[at + 1] = b'"';
                            assert_eq!(string_run(&text), string_run_slowly(&text));
                        }
                    }
                }
            }
        }
    }

    /// Two non-ASCII bytes at any two places, the second just before a
    /// quote: the text before the quote holds non-ASCII bytes whether they
    /// fall in the same block or word, in two, or at the same place of two.
    #[test]
    fn string_runs_see_non_ascii_bytes_in_every_block_before_the_end() {
        for len in 0..48 {
            for first in 0..len {
                for second in first + 1..len {
                    let mut text = vec![b'a'; len];
                    text[first] = 0x80;
                    text[second] = 0xc3;
                    if second + 1 < len {
                        text[second + 1] = b'"';
                    }
                    assert_eq!(
                        string_run(&text),
                        string_run_slowly(&text),
                        "at {first} and {second} of {len}"
                    );
                }
            }
        }
    }

    /// Every byte value at every place of a block, with plain bytes around,
    /// checked by both ways of checking a block and of finding its plain
    /// prefix, by the check of its first eight bytes, and by the table.
    #[test]
    fn blocks_are_checked_byte_by_byte() {
        for filler in [b'a', 0x80, b' '] {
            for at in 0..16 {
                for byte in 0..=255u8 {
                    let mut block = [filler; 16];
                    block[at] = byte;
                    let plain = !NEEDS_ESCAPE[usize::from(byte)];
                    assert_eq!(block.is_plain(), plain, "{byte:#x} at {at}");
                    assert_eq!(is_plain_by_words(&block), plain, "{byte:#x} at {at}");
                    let (word, _) = block.split_first_chunk::<8>().unwrap();
                    assert_eq!(word.is_plain(), plain || at >= 8, "{byte:#x} at {at}");
                    let prefix = block
                        .iter()
                        .position(|&byte| NEEDS_ESCAPE[usize::from(byte)])
                        .unwrap_or(16);
                    assert_eq!(escape_free_prefix(&block), prefix, "{byte:#x} at {at}");
                    assert_eq!(
                        escape_free_prefix_by_words(&block),
                        prefix,
                        "{byte:#x} at {at}"
                    );
                }
            }
        }
    }
}
