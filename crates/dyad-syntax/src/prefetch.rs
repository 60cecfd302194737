//! A cache prefetch hint: the one place where dyad uses `unsafe`.
//!
//! Scoring a feature means finding its row in a table of megabytes, and almost every lookup
//! misses the cache. Touching the rows with ordinary loads first overlaps only a few of those
//! misses, because a load that misses cannot retire and the CPU's reorder window soon fills; a
//! prefetch retires at once, so dozens of misses are in flight together. Measured on the
//! tagger and parser: about 1.25x faster (BENCHMARKS.md, Syntax). Stable Rust offers the
//! prefetch instruction only as an `unsafe` intrinsic, hence this wrapper.

/// Asks the CPU to start loading the cache line that holds `x`. Only a hint: it never faults,
/// changes no value, and compiles to nothing on targets other than x86-64.
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    // SAFETY: `_mm_prefetch` needs only SSE, which every x86-64 CPU has. A prefetch is not a
    // memory access in Rust's sense: it cannot fault or change anything, and `x` is a live
    // reference in any case.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
