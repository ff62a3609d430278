#![deny(warnings, missing_docs)]
//! Models whose field code is chosen by the field's type compile without a
//! warning: recursive, generic, borrowed, with `cfg` and in unions.

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
    let shape: Shape = voucherify_model::from_str(r#"{"type":"Tree","root":{"name":"r"}}"#).unwrap();
    assert_eq!(shape.clone(), shape);
    println!("{node:?} {page:?} {shape:?}");
}
