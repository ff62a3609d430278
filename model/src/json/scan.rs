//! Finding, many bytes at a time, the bytes of a string that need care:
//! the reader's end of a plain run (a quote, a backslash, a control or a
//! non-ASCII byte) and the writer's next byte to escape. SSE2 takes sixteen
//! bytes at once on x86-64; elsewhere, and for the tail, eight bytes are
//! tested as one word.

/// How many bytes at the start of `bytes` need no attention inside a
/// string: not `"`, `\`, a control character or a non-ASCII byte.
#[inline(always)]
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while let Some((block, _)) = bytes[run..].split_first_chunk::<16>() {
        let flags = sse2::flags(block, true);
        if flags != 0 {
            return run + flags.trailing_zeros() as usize;
        }
        run += 16;
    }
    while let Some((chunk, _)) = bytes[run..].split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        let flags = swar::specials(word) | (word & swar::HIGH);
        if flags != 0 {
            return run + swar::first_flagged(flags);
        }
        run += 8;
    }
    while let Some(&byte) = bytes.get(run) {
        if byte == b'"' || byte == b'\\' || !(0x20..0x80).contains(&byte) {
            break;
        }
        run += 1;
    }
    run
}

/// Sixteen bytes tested at once with SSE2, which every x86-64 processor
/// has.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// One bit per byte, the lowest for the first: set for `"`, `\` and
    /// control characters, and with `high` for non-ASCII bytes too.
    #[inline]
    pub(super) fn flags(block: &[u8; 16], high: bool) -> u32 {
        // SAFETY: the module is compiled only where SSE2 is on.
        unsafe { flags_sse2(block, high) }
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn flags_sse2(block: &[u8; 16], high: bool) -> u32 {
        // SAFETY: both are sixteen bytes, and any bytes are a valid `__m128i`.
        let block = unsafe { core::mem::transmute::<[u8; 16], __m128i>(*block) };
        let quote = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'\\' as i8));
        // A byte that its minimum with 0x1f leaves unchanged is under 0x20.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1f)), block);
        let specials = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control));
        // The mask holds sixteen bits: the casts lose nothing.
        let non_ascii = if high { _mm_movemask_epi8(block) } else { 0 };
        (specials | non_ascii) as u32
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
        sse2::flags(self, false) == 0
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

/// How many bytes at the start of `bytes` serde_json writes as they are:
/// all but `"`, `\\` and control characters.
#[inline]
pub(super) fn escape_free_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some((chunk, _)) = bytes[run..].split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // Non-ASCII bytes are written as they are; `specials` flags them
        // only when they come after a flagged byte.
        let flags = swar::specials(word);
        if flags != 0 {
            return run + swar::first_flagged(flags);
        }
        run += 8;
    }
    if run == bytes.len() {
        return run;
    }
    if let Some(last) = bytes.last_chunk::<8>() {
        // The last eight bytes, overlapping some already passed, in which
        // nothing is flagged.
        let start = bytes.len() - 8;
        let word = u64::from_le_bytes(*last);
        let flags = swar::specials(word);
        return if flags == 0 {
            bytes.len()
        } else {
            start + swar::first_flagged(flags)
        };
    }
    while let Some(&byte) = bytes.get(run) {
        if NEEDS_ESCAPE[usize::from(byte)] {
            break;
        }
        run += 1;
    }
    run
}

/// The bytes serde_json escapes in a string.
pub(super) static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a block, with plain bytes around,
    /// checked by both ways of checking a block and by the table.
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
                }
            }
        }
    }
}
