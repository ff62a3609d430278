#![deny(warnings, missing_docs)]
//! Models whose field code is chosen by the field's type compile without a
//! warning: recursive, generic (over types, lifetimes and constants),
//! borrowed, with `cfg` and in unions, and with types that only look like
//! `Option`.

use voucherify_model::voucherify_model;

/// Holds itself.
#[voucherify_model]
pub struct Node {
    /// Name.
    pub name: String,
    /// Child.
    pub child: Option<Box<Node>>,
    /// Cleared.
    pub cleared: Option<Option<Vec<Node>>>,
    /// Only in tests.
    #[cfg(test)]
    pub only_in_tests: u8,
    /// Unknown keys.
    #[voucherify(extra)]
    pub extra: voucherify_model::Extra,
}

/// A generic, borrowed page.
#[voucherify_model]
pub struct Page<'a, T> {
    /// Items.
    pub data: Vec<T>,
    /// Cursor.
    pub cursor: &'a str,
    /// First node.
    pub first: Option<Node>,
}

/// Holds its parameter inside a tuple, itself, and a type of its own named
/// `Option`.
#[voucherify_model]
pub struct Odd<T> {
    /// A tuple naming the parameter.
    pub pair: (T, String),
    /// Not `std`'s `Option`: two parameters.
    pub own: my::Option<String, u8>,
    /// Itself, by `Self`.
    pub children: Vec<Self>,
}

/// Generic over a constant.
#[voucherify_model]
pub struct Fixed<const N: usize> {
    /// Names the constant.
    pub sized: my::Sized<N>,
    /// Names none.
    pub name: String,
}

/// Borrows for `'static` only, naming no parameter.
#[voucherify_model]
pub struct Label {
    /// A reference.
    pub name: &'static str,
    /// A lifetime.
    pub note: std::borrow::Cow<'static, str>,
    /// A `dyn` type, `'static` too.
    pub marker: std::marker::PhantomData<dyn Send>,
}

/// Types spelled in ways the attribute must see through, or not; the
/// generated code repeats the field's types, parentheses and all.
pub mod spelled {
    #![allow(unused_parens)]

    use super::my;
    use voucherify_model::voucherify_model;

    /// Spelled oddly.
    #[voucherify_model]
    pub struct Spelled {
        /// A date in parentheses is still a date, written as the API writes it.
        pub at: (voucherify_model::time::OffsetDateTime),
        /// So is an `Option` in parentheses.
        pub note: (Option<String>),
        /// Named `Date` through a qualified path, but a `String`: not a date.
        pub code: <my::Family as my::Types>::Date,
    }
}

/// Types of the user's own.
pub mod my {
    /// Associated types that take the names the attribute looks for.
    pub trait Types {
        /// Not `time::Date`.
        type Date;
    }

    /// Names its types.
    pub struct Family;

    impl Types for Family {
        type Date = String;
    }

    /// Named like `std`'s, with two parameters.
    #[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Debug)]
    pub struct Option<A, B> {
        /// First.
        pub first: A,
        /// Second.
        pub second: B,
    }

    /// Generic over a constant.
    #[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Debug)]
    pub struct Sized<const N: usize> {
        /// A number.
        pub n: i64,
    }
}

/// A union.
#[voucherify_model]
#[serde(tag = "type")]
pub enum Shape {
    /// A tree.
    Tree {
        /// Root.
        root: Node,
        /// Deprecated.
        #[voucherify(deprecated = "use `root`")]
        old: Option<Node>,
    },
    /// Anything else.
    #[voucherify(other)]
    Other(voucherify_model::Map),
}

fn main() {
    let node: Node = voucherify_model::from_str(r#"{"name":"a","child":{"name":"b"}}"#).unwrap();
    assert_eq!(node.clone(), node);
    let page: Page<'_, i64> =
        voucherify_model::from_str(r#"{"data":[1],"cursor":"c","first":{"name":"x"}}"#).unwrap();
    assert_eq!(page.clone(), page);
    let shape: Shape = voucherify_model::from_str(r#"{"type":"tree","root":{"name":"r"}}"#).unwrap();
    assert!(matches!(&shape, Shape::Tree { root, .. } if root.name == "r"));
    assert_eq!(shape.clone(), shape);
    println!("{node:?} {page:?} {shape:?}");
    let odd: Odd<i64> = voucherify_model::from_str(
        r#"{"pair":[1,"a"],"own":{"first":"x","second":2},"children":[{"pair":[2,"b"],"own":{"first":"y","second":3},"children":[]}]}"#,
    )
    .unwrap();
    assert_eq!(odd.clone(), odd);
    assert_eq!(odd.children[0].pair, (2, "b".to_owned()));
    let fixed: Fixed<2> = voucherify_model::from_str(r#"{"sized":{"n":1},"name":"n"}"#).unwrap();
    assert_eq!(fixed.clone(), fixed);
    let text = r#"{"name":"a","note":"b","marker":null}"#;
    let label: Label = voucherify_model::from_str(text).unwrap();
    assert_eq!(voucherify_model::to_string(&label).unwrap(), text);
    println!("{odd:?} {fixed:?} {label:?}");
    let text = r#"{"at":"2022-08-30T06:32:07.380Z","code":"2022-08-30"}"#;
    let spelled: spelled::Spelled = voucherify_model::from_str(text).unwrap();
    assert_eq!(spelled.note, None);
    assert_eq!(spelled.code, "2022-08-30");
    assert_eq!(voucherify_model::to_string(&spelled).unwrap(), text);
    assert_eq!(serde_json::to_string(&spelled).unwrap(), text);
}
