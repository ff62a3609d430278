//! What `Extra` promises about memory: while it holds no entry and no
//! record of a `null`, it holds no allocation. Counted by an allocator that
//! tracks, per thread, how many blocks are live, so that tests running on
//! other threads do not disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use serde_json::json;
use voucherify_model::{CustomersCreateResponseBody, Extra};
use voucherify_tests::Account;

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to `System` unchanged; the count is a
// `const`-initialised thread local without a destructor, which reading and
// writing never allocates. `try_with` leaves the count alone on a thread
// whose locals are already torn down.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|live| live.set(live.get() + 1));
        // SAFETY: the caller's contract for `alloc` is `System::alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|live| live.set(live.get() - 1));
        // SAFETY: `ptr` came from `alloc` above, that is from `System`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The blocks this thread allocated and has not freed.
fn live() -> isize {
    LIVE.with(Cell::get)
}

/// The blocks that `make`'s result holds: those still live once it is
/// made, which it must therefore own.
fn held<T>(make: impl FnOnce() -> T) -> (T, isize) {
    let before = live();
    let value = make();
    (value, live() - before)
}

#[test]
fn a_model_that_saw_nothing_unknown_allocates_nothing_for_it() {
    let text = r#"{"object":"customer","summary":{"redemptions":{"total_redeemed":1}}}"#;
    // Through the direct path, and through serde's.
    let (direct, blocks) = held(|| voucherify_model::from_str::<CustomersCreateResponseBody>(text));
    assert!(direct.is_ok());
    assert_eq!(blocks, 0);
    let (serde, blocks) = held(|| serde_json::from_str::<CustomersCreateResponseBody>(text));
    assert_eq!(serde.unwrap(), direct.unwrap());
    assert_eq!(blocks, 0);
}

#[test]
fn a_null_or_an_unknown_key_takes_one_allocation_until_forgotten() {
    for text in [r#"{"name":null}"#, r#"{"tier":1}"#] {
        let (customer, blocks) =
            held(|| voucherify_model::from_str::<CustomersCreateResponseBody>(text).unwrap());
        let mut customer = customer;
        assert!(blocks >= 1, "{text}");
        let before = live();
        customer.extra.forget_nulls();
        customer.extra.clear();
        assert_eq!(live() - before, -blocks, "{text}");
        assert_eq!(voucherify_model::to_string(&customer).unwrap(), "{}");
    }
}

#[test]
fn an_emptied_extra_gives_its_allocation_back() {
    let before = live();
    let mut extra = Extra::new();
    assert_eq!(live(), before);
    extra.insert("a".into(), json!(1));
    assert!(live() > before);
    extra.remove("a");
    assert_eq!(live(), before, "remove");
    extra.insert("a".into(), json!(1));
    extra.retain(|_, _| false);
    assert_eq!(live(), before, "retain");
    extra.insert("a".into(), json!(1));
    extra.clear();
    assert_eq!(live(), before, "clear");
    drop(extra);
    assert_eq!(live(), before);
}

/// Reads `text` as a `T` and writes it back on both paths, checking that
/// each write gives `text` and leaves nothing allocated but that text.
fn writes_only_its_text<T: voucherify_model::Model>(text: &str) {
    let value: T = voucherify_model::from_str(text).unwrap();
    let (direct, blocks) = held(|| voucherify_model::to_string(&value).unwrap());
    assert_eq!((direct.as_str(), blocks), (text, 1), "direct");
    let (serde, blocks) = held(|| serde_json::to_string(&value).unwrap());
    assert_eq!((serde.as_str(), blocks), (text, 1), "serde");
}

#[test]
fn writing_holds_nothing_but_the_text() {
    // A model whose `extra` is a `Map`, which keeps no record of nulls,
    // and one whose `extra` is an `Extra` holding one.
    writes_only_its_text::<Account>(r#"{"id":"a","pin":null,"k":1}"#);
    writes_only_its_text::<CustomersCreateResponseBody>(r#"{"id":"c","name":null,"k":1}"#);
}
