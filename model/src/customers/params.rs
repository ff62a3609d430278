//! Query parameters of `GET v1/customers`, rendered as a query string.

use std::fmt;

use time::OffsetDateTime;

use crate::format::date_time;
use crate::CustomersListResponseBody;

/// The query of `GET v1/customers`: filters, sorting and the page wanted.
///
/// Build one with `Default` and struct update syntax, and render it with
/// [`query`](Self::query), which percent-encodes every value and writes
/// timestamps as the API does (`2023-12-22T10:13:06.487Z`). Fields left
/// `None` are left out, and the API's defaults apply (10 customers a page,
/// newest first).
///
/// ```
/// use voucherify_model::{ListCustomersOrder, ListCustomersParams};
/// use voucherify_model::time::{Date, Month};
///
/// let params = ListCustomersParams {
///     limit: Some(100),
///     city: Some("São Paulo".to_owned()),
///     created_at_after: Some(Date::from_calendar_date(2024, Month::January, 1)?.midnight().assume_utc()),
///     order: Some(ListCustomersOrder::CreatedAt),
///     ..Default::default()
/// };
/// assert_eq!(
///     params.query()?,
///     "limit=100&city=S%C3%A3o%20Paulo&created_at%5Bafter%5D=2024-01-01T00%3A00%3A00.000Z&order=created_at",
/// );
///
/// let too_many = ListCustomersParams { limit: Some(500), ..Default::default() };
/// assert_eq!(too_many.query().unwrap_err().to_string(), "`limit` is 500, but must be from 1 to 100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Paging through every customer
///
/// `page` stops at 99; past that, the API recommends its cursor,
/// `starting_after`: the `created_at` of the last customer seen.
/// [`next_page`](Self::next_page) gives the query for the page after a
/// response, or `None` after the last one. With an HTTP client of your
/// choice in `fetch`:
///
/// ```
/// use voucherify_model::{CustomersListResponseBody, ListCustomersParams};
///
/// # fn fetch(query: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
/// #     // Two pages of one customer each, the newest first.
/// #     Ok(if query.contains("starting_after") {
/// #         br#"{"object":"list","customers":[{"id":"cust_1","created_at":"2024-01-01T00:00:00.000Z"}],"has_more":false}"#.to_vec()
/// #     } else {
/// #         br#"{"object":"list","customers":[{"id":"cust_2","created_at":"2024-02-01T00:00:00.000Z"}],"has_more":true}"#.to_vec()
/// #     })
/// # }
/// let mut params = ListCustomersParams { limit: Some(100), ..Default::default() };
/// let mut ids = Vec::new();
/// loop {
///     // GET https://api.voucherify.io/v1/customers?{query}
///     let body = fetch(&params.query()?)?;
///     let page: CustomersListResponseBody = voucherify_model::from_slice(&body)?;
///     ids.extend(page.customers.iter().flatten().filter_map(|c| c.id.clone()));
///     match params.next_page(&page) {
///         Some(next) => params = next,
///         None => break,
///     }
/// }
/// assert_eq!(ids, ["cust_2", "cust_1"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ListCustomersParams {
    /// Customers per page, from 1 to 100 (the API's default is 10).
    pub limit: Option<u32>,
    /// Which page to return, from 1 to 99; past that, page with
    /// `starting_after`.
    pub page: Option<u32>,
    /// Only the customers with exactly this email address.
    pub email: Option<String>,
    /// Only the customers located in this city.
    pub city: Option<String>,
    /// Only the customers with this name.
    pub name: Option<String>,
    /// Only the customers in this segment, such as `seg_DNAOhUtJffvX0f57ajLMFBYR`.
    /// Other filters that contradict the segment's own may give surprising
    /// results.
    pub segment_id: Option<String>,
    /// Only the customers created before this instant (`created_at[before]`).
    pub created_at_before: Option<OffsetDateTime>,
    /// Only the customers created after this instant (`created_at[after]`).
    pub created_at_after: Option<OffsetDateTime>,
    /// Only the customers last updated before this instant (`updated_at[before]`).
    pub updated_at_before: Option<OffsetDateTime>,
    /// Only the customers last updated after this instant (`updated_at[after]`).
    pub updated_at_after: Option<OffsetDateTime>,
    /// How to sort the customers.
    pub order: Option<ListCustomersOrder>,
    /// The cursor: a `created_at` instant to continue from. Without `order`
    /// the customers created before it come, newest first; with `order` set
    /// to `created_at` or `updated_at`, those after it, oldest first.
    pub starting_after: Option<OffsetDateTime>,
}

/// The filters by email and name are personal: `Debug` shows whether they
/// are set, not what they hold.
impl fmt::Debug for ListCustomersParams {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        let hidden = |value: &Option<String>| value.as_ref().map(|_| "<redacted>");
        formatter
            .debug_struct("ListCustomersParams")
            .field("limit", &self.limit)
            .field("page", &self.page)
            .field("email", &hidden(&self.email))
            .field("city", &self.city)
            .field("name", &hidden(&self.name))
            .field("segment_id", &self.segment_id)
            .field("created_at_before", &self.created_at_before)
            .field("created_at_after", &self.created_at_after)
            .field("updated_at_before", &self.updated_at_before)
            .field("updated_at_after", &self.updated_at_after)
            .field("order", &self.order)
            .field("starting_after", &self.starting_after)
            .finish()
    }
}

/// The sort orders of `GET v1/customers`; `Desc` variants are written with
/// a leading `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListCustomersOrder {
    /// `created_at`: oldest first.
    CreatedAt,
    /// `-created_at`: newest first.
    CreatedAtDesc,
    /// `updated_at`: least recently updated first.
    UpdatedAt,
    /// `-updated_at`: most recently updated first.
    UpdatedAtDesc,
    /// `source_id`: by the integrator's identifier, ascending.
    SourceId,
    /// `-source_id`: by the integrator's identifier, descending.
    SourceIdDesc,
}

impl ListCustomersOrder {
    /// The value as the API spells it, such as `-created_at`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CreatedAt => "created_at",
            Self::CreatedAtDesc => "-created_at",
            Self::UpdatedAt => "updated_at",
            Self::UpdatedAtDesc => "-updated_at",
            Self::SourceId => "source_id",
            Self::SourceIdDesc => "-source_id",
        }
    }
}

/// Why a [`ListCustomersParams`] cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamsError {
    /// A number outside the range the API takes.
    OutOfRange {
        /// The parameter, such as `limit`.
        name: &'static str,
        /// The value given.
        value: u32,
        /// The smallest value taken.
        min: u32,
        /// The largest value taken.
        max: u32,
    },
    /// A timestamp whose UTC year is outside 0000 to 9999, which has no
    /// RFC 3339 form.
    Timestamp {
        /// The parameter, such as `starting_after`.
        name: &'static str,
    },
}

impl fmt::Display for ParamsError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange {
                name,
                value,
                min,
                max,
            } => write!(
                formatter,
                "`{name}` is {value}, but must be from {min} to {max}"
            ),
            Self::Timestamp { name } => write!(
                formatter,
                "`{name}` has no RFC 3339 form: its UTC year is outside 0000 to 9999"
            ),
        }
    }
}

impl std::error::Error for ParamsError {}

impl ListCustomersParams {
    /// The query string, without the leading `?`: `name=value` pairs in
    /// the order of the fields, joined by `&`, names and values
    /// percent-encoded (brackets too: `created_at%5Bbefore%5D`). Empty when
    /// every field is `None`.
    ///
    /// Fails when `limit` is outside 1 to 100, `page` outside 1 to 99, or a
    /// timestamp cannot be written.
    pub fn query(&self) -> Result<String, ParamsError> {
        let mut query = Query::default();
        if let Some(limit) = self.limit {
            query.number("limit", limit, 1, 100)?;
        }
        if let Some(page) = self.page {
            query.number("page", page, 1, 99)?;
        }
        let texts = [
            ("email", &self.email),
            ("city", &self.city),
            ("name", &self.name),
            ("segment_id", &self.segment_id),
        ];
        for (name, value) in texts {
            if let Some(value) = value {
                query.pair(name, value);
            }
        }
        let instants = [
            ("created_at[before]", self.created_at_before),
            ("created_at[after]", self.created_at_after),
            ("updated_at[before]", self.updated_at_before),
            ("updated_at[after]", self.updated_at_after),
        ];
        for (name, value) in instants {
            if let Some(value) = value {
                query.instant(name, value)?;
            }
        }
        if let Some(order) = self.order {
            query.pair("order", order.as_str());
        }
        if let Some(starting_after) = self.starting_after {
            query.instant("starting_after", starting_after)?;
        }
        Ok(query.text)
    }

    /// The parameters for the page after `page`, the response to these:
    /// the same filters, with `starting_after` set to the `created_at` of
    /// the last customer on `page`, and no `page` number. `None` when
    /// `has_more` is not `true`, or when no customer on `page` has a
    /// `created_at` to continue from.
    ///
    /// A customer read without `created_at` (the models read one, see the
    /// crate's tolerance rule) is not a cursor: the last customer that has
    /// one is, so the customers after it on `page` come again at the start
    /// of the next page rather than the rest of the list being lost.
    ///
    /// The cursor follows creation time, so with `order` set to
    /// `updated_at`, `source_id` or their descending forms, page with
    /// `page` instead.
    pub fn next_page(&self, page: &CustomersListResponseBody) -> Option<Self> {
        if page.has_more != Some(true) {
            return None;
        }
        let cursor = page
            .customers
            .as_ref()?
            .iter()
            .rev()
            .find_map(|customer| customer.created_at)?;
        Some(Self {
            page: None,
            starting_after: Some(cursor),
            ..self.clone()
        })
    }
}

/// A query string being built.
#[derive(Default)]
struct Query {
    text: String,
}

impl Query {
    fn pair(&mut self, name: &str, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        percent_encode(&mut self.text, name);
        self.text.push('=');
        percent_encode(&mut self.text, value);
    }

    fn number(
        &mut self,
        name: &'static str,
        value: u32,
        min: u32,
        max: u32,
    ) -> Result<(), ParamsError> {
        if !(min..=max).contains(&value) {
            return Err(ParamsError::OutOfRange {
                name,
                value,
                min,
                max,
            });
        }
        self.pair(name, &value.to_string());
        Ok(())
    }

    fn instant(&mut self, name: &'static str, value: OffsetDateTime) -> Result<(), ParamsError> {
        let mut out = [0u8; date_time::MAX_LEN];
        let len = date_time::write(&mut out, value).ok_or(ParamsError::Timestamp { name })?;
        self.pair(name, crate::format::ascii(&out[..len]));
        Ok(())
    }
}

/// Appends `text` to `out`, every byte but RFC 3986's unreserved ones
/// (`A-Z a-z 0-9 - . _ ~`) written as `%XX` of its UTF-8.
pub(crate) fn percent_encode(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(text: &str) -> String {
        let mut out = String::new();
        percent_encode(&mut out, text);
        out
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_bytes() {
        assert_eq!(encoded("aZ09-._~"), "aZ09-._~");
        assert_eq!(
            encoded("a b&c=d+e/f?g#h%"),
            "a%20b%26c%3Dd%2Be%2Ff%3Fg%23h%25"
        );
        assert_eq!(encoded("é€😀"), "%C3%A9%E2%82%AC%F0%9F%98%80");
        assert_eq!(encoded(""), "");
    }

    #[test]
    fn ranges_are_checked_at_both_ends() {
        for (params, message) in [
            (
                ListCustomersParams {
                    limit: Some(0),
                    ..Default::default()
                },
                "`limit` is 0, but must be from 1 to 100",
            ),
            (
                ListCustomersParams {
                    limit: Some(101),
                    ..Default::default()
                },
                "`limit` is 101, but must be from 1 to 100",
            ),
            (
                ListCustomersParams {
                    page: Some(0),
                    ..Default::default()
                },
                "`page` is 0, but must be from 1 to 99",
            ),
            (
                ListCustomersParams {
                    page: Some(100),
                    ..Default::default()
                },
                "`page` is 100, but must be from 1 to 99",
            ),
        ] {
            assert_eq!(params.query().unwrap_err().to_string(), message);
        }
        let edges = ListCustomersParams {
            limit: Some(1),
            page: Some(99),
            ..Default::default()
        };
        assert_eq!(edges.query().unwrap(), "limit=1&page=99");
        let edges = ListCustomersParams {
            limit: Some(100),
            page: Some(1),
            ..Default::default()
        };
        assert_eq!(edges.query().unwrap(), "limit=100&page=1");
    }
}
