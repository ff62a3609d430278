//! The customer types of `voucherify-model`, written the way a crate
//! without `#[voucherify_model]` would: the same fields and types, with
//! `#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]` and
//! serde attributes by hand. Unknown keys are dropped, the `object` enums
//! keep no unknown string, and `Debug` redacts nothing.
//!
//! It exists to be built: `scripts/compile-time.sh` compares its clean build
//! with that of `voucherify-model`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{Date, OffsetDateTime};

/// `OffsetDateTime` as RFC 3339, with `time`'s own parser and formatter
/// (what `time::serde::rfc3339` does; that module needs `time`'s `serde`
/// feature).
pub mod rfc3339 {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{self, Serialize, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(
        value: &OffsetDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value
            .format(&Rfc3339)
            .map_err(ser::Error::custom)?
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<OffsetDateTime, D::Error> {
        deserializer.deserialize_str(DateTimeVisitor)
    }

    struct DateTimeVisitor;

    impl Visitor<'_> for DateTimeVisitor {
        type Value = OffsetDateTime;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an RFC3339-formatted `OffsetDateTime`")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<OffsetDateTime, E> {
            OffsetDateTime::parse(text, &Rfc3339).map_err(E::custom)
        }
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            value: &Option<OffsetDateTime>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value
                .map(|value| value.format(&Rfc3339))
                .transpose()
                .map_err(ser::Error::custom)?
                .serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            deserializer.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<OffsetDateTime>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an RFC3339-formatted `Option<OffsetDateTime>`")
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_any(DateTimeVisitor).map(Some)
            }

            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
    }
}

/// `Date` as `YYYY-MM-DD`, through a `time` format description.
pub mod date {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{self, Serialize, Serializer};
    use time::format_description::BorrowedFormatItem;
    use time::macros::format_description;
    use time::Date;

    const FORMAT: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(value: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        value
            .format(&FORMAT)
            .map_err(ser::Error::custom)?
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        deserializer.deserialize_str(DateVisitor)
    }

    struct DateVisitor;

    impl Visitor<'_> for DateVisitor {
        type Value = Date;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a `Date` in the form YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
            Date::parse(text, &FORMAT).map_err(E::custom)
        }
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            value: &Option<Date>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value
                .map(|value| value.format(&FORMAT))
                .transpose()
                .map_err(ser::Error::custom)?
                .serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Date>, D::Error> {
            deserializer.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Date>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a `Date` in the form YYYY-MM-DD, or null")
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_str(DateVisitor).map(Some)
            }

            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
    }
}

/// A customer, as returned by `POST v1/customers`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomersCreateResponseBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<CustomerSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loyalty: Option<CustomerLoyalty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrals: Option<CustomerReferrals>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_metadata: Option<Map<String, Value>>,
    #[serde(
        default,
        with = "rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<OffsetDateTime>,
    #[serde(
        default,
        with = "rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<OffsetDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assets: Option<CustomersCreateResponseBodyAssets>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<CustomersCreateResponseBodyObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[deprecated = "use `birthdate`"]
    #[serde(
        default,
        with = "date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub birthday: Option<Date>,
    #[serde(
        default,
        with = "date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub birthdate: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<CustomersCreateResponseBodyAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

pub type CustomersGetResponseBody = CustomersCreateResponseBody;
pub type CustomersUpdateResponseBody = CustomersCreateResponseBody;
pub type CustomerWithSummaryLoyaltyReferrals = CustomersCreateResponseBody;

/// The `object` of a customer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum CustomersCreateResponseBodyObject {
    #[default]
    Customer,
    #[serde(other)]
    Other,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerSummary {
    pub redemptions: CustomerSummaryRedemptions,
    pub orders: CustomerSummaryOrders,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerSummaryRedemptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_redeemed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_failed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_succeeded: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_rolled_back: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_rollback_failed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_rollback_succeeded: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gift: Option<CustomerSummaryRedemptionsGift>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loyalty_card: Option<CustomerSummaryRedemptionsLoyaltyCard>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerSummaryRedemptionsGift {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redeemed_amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_to_go: Option<i64>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerSummaryRedemptionsLoyaltyCard {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redeemed_points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_to_go: Option<i64>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerSummaryOrders {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_order_amount: Option<i64>,
    #[serde(
        default,
        with = "rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_order_date: Option<OffsetDateTime>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerLoyalty {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred_customers: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaigns: Option<BTreeMap<String, CustomerLoyaltyCampaignsEntryValue>>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerLoyaltyCampaignsEntryValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loyalty_tier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred_customers: Option<i64>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomerReferrals {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaigns: Option<Vec<CustomerReferralsCampaignsItem>>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct CustomerReferralsCampaignsItem {
    pub campaign_id: String,
    pub referrer_id: String,
    pub related_object_id: String,
    pub related_object_type: String,
    #[serde(with = "rfc3339")]
    pub date: OffsetDateTime,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomersCreateResponseBodyAssets {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cockpit_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cockpit_preference_center_url: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomersCreateResponseBodyAddress {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

/// A page of customers, as returned by `GET v1/customers`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct CustomersListResponseBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<CustomersListResponseBodyObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_ref: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customers: Option<Vec<CustomerWithSummaryLoyaltyReferrals>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
}

/// The `object` of a customer list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum CustomersListResponseBodyObject {
    #[default]
    List,
    #[serde(other)]
    Other,
}

/// Reads a `T` from JSON text.
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Result<T> {
    serde_json::from_str(text)
}

/// Writes `value` as compact JSON text.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string(value)
}
