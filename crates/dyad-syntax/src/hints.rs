//! Hints to the CPU and the kernel about the weight tables: the one place where dyad uses
//! `unsafe`. Neither changes a value; both only change how fast the tables are read.
//!
//! Scoring a feature means finding its row in a table of megabytes, and almost every lookup
//! misses the cache.
//!
//! - [`prefetch`]: touching the rows with ordinary loads first overlaps only a few of those
//!   misses, because a load that misses cannot retire and the CPU's reorder window soon
//!   fills; a prefetch retires at once, so dozens of misses are in flight together. Measured
//!   on the tagger and parser: about 1.25x faster (BENCHMARKS.md, Syntax). Stable Rust offers
//!   the prefetch instruction only as an `unsafe` intrinsic.
//! - [`huge_vec`]: with 4 KB pages, the parser's 12 MB of tables span 3,000 pages,
//!   more than the CPU's address-translation cache holds, so random lookups also miss there.
//!   On 2 MB pages they span six. Measured, alternating builds: the parser 1–2% faster, the
//!   three models 1–4% (BENCHMARKS.md, Whole pipeline), for about 10 MB more resident
//!   memory. Linux gives huge pages to a buffer only when asked through `madvise`, which
//!   only `libc` offers.

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

/// An empty buffer with room for `capacity` items, which the kernel is asked to back with
/// huge pages (Linux; elsewhere a plain buffer). The advice is given before the buffer is
/// first written, since pages already touched stay small, so a table is built in its final
/// buffer rather than copied there. Only whole 2 MB blocks can be huge: the buffer gets one
/// block of spare room, so that only the part before its first block boundary stays on small
/// pages. Room the caller never fills costs address space only: untouched pages are never
/// backed by memory. Tables smaller than a block gain nothing and get a plain buffer.
pub(crate) fn huge_vec<T>(capacity: usize) -> Vec<T> {
    const HUGE: usize = 2 << 20;
    let size = std::mem::size_of::<T>().max(1);
    if capacity.saturating_mul(size) < HUGE {
        return Vec::with_capacity(capacity);
    }
    let out: Vec<T> = Vec::with_capacity(capacity.saturating_add(HUGE / size));
    #[cfg(target_os = "linux")]
    {
        let start = out.as_ptr() as usize;
        let end = start + out.capacity() * size;
        let (lo, hi) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
        if hi > lo {
            #[allow(unsafe_code)]
            // SAFETY: `lo..hi` lies inside `out`'s allocation, which this function owns and
            // nothing has read or written yet. MADV_HUGEPAGE changes neither contents nor
            // permissions, only the page size used when the range is first touched. A
            // refusal (huge pages disabled) leaves ordinary pages, so the result is ignored.
            unsafe {
                libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE);
            }
        }
    }
    out
}
