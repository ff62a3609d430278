//! The customer types written the ordinary serde way, to measure the model
//! against: the same fields and types, `#[derive(Serialize, Deserialize)]`,
//! `skip_serializing_if` on every option, and `time`'s own RFC 3339 code for
//! timestamps.
//!
//! [`plain`] drops unknown keys, as serde does by default. [`flatten`] is the
//! same plus a `#[serde(flatten)]` map on every struct, serde's own way of
//! keeping them.
//!
//! `object` is an enum whose unknown strings become a unit `Other` (serde's
//! `#[serde(other)]`), where the model keeps the string: on the documents
//! measured the value is always `"customer"`, which neither allocates.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{self, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// What `time::serde::rfc3339` does, line for line: that module needs
/// `time`'s `serde` feature, which this workspace leaves off. Reading goes
/// through `OffsetDateTime::parse(text, &Rfc3339)`, writing through
/// `OffsetDateTime::format(&Rfc3339)` into a `String`.
pub mod rfc3339 {
    use super::*;

    pub fn serialize<S>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        value
            .format(&Rfc3339)
            .map_err(ser::Error::custom)?
            .serialize(serializer)
    }

    pub fn deserialize<'de, D>(deserializer: D) -> Result<OffsetDateTime, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_str(DateTimeVisitor)
    }

    pub(super) struct DateTimeVisitor;

    impl Visitor<'_> for DateTimeVisitor {
        type Value = OffsetDateTime;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an RFC3339-formatted `OffsetDateTime`")
        }

        fn visit_str<E>(self, text: &str) -> Result<OffsetDateTime, E>
        where
            E: de::Error,
        {
            OffsetDateTime::parse(text, &Rfc3339).map_err(E::custom)
        }
    }

    /// `time::serde::rfc3339::option`.
    pub mod option {
        use super::*;

        pub fn serialize<S>(
            value: &Option<OffsetDateTime>,
            serializer: S,
        ) -> Result<S::Ok, S::Error>
        where
            S: Serializer,
        {
            value
                .map(|value| value.format(&Rfc3339))
                .transpose()
                .map_err(ser::Error::custom)?
                .serialize(serializer)
        }

        pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<OffsetDateTime>, D::Error>
        where
            D: Deserializer<'de>,
        {
            deserializer.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<OffsetDateTime>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an RFC3339-formatted `Option<OffsetDateTime>`")
            }

            fn visit_some<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
            where
                D: Deserializer<'de>,
            {
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

/// `YYYY-MM-DD` through `time`'s format descriptions, as
/// `time::serde::format_description!(date, Date, "[year]-[month]-[day]")`
/// would generate it.
pub mod date {
    use super::*;
    use time::format_description::BorrowedFormatItem;
    use time::macros::format_description;

    const FORMAT: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");

    pub fn serialize<S>(value: &Date, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        value
            .format(&FORMAT)
            .map_err(ser::Error::custom)?
            .serialize(serializer)
    }

    pub fn deserialize<'de, D>(deserializer: D) -> Result<Date, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_str(DateVisitor)
    }

    struct DateVisitor;

    impl Visitor<'_> for DateVisitor {
        type Value = Date;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a `Date` in the form YYYY-MM-DD")
        }

        fn visit_str<E>(self, text: &str) -> Result<Date, E>
        where
            E: de::Error,
        {
            Date::parse(text, &FORMAT).map_err(E::custom)
        }
    }

    pub mod option {
        use super::*;

        pub fn serialize<S>(value: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error>
        where
            S: Serializer,
        {
            value
                .map(|value| value.format(&FORMAT))
                .transpose()
                .map_err(ser::Error::custom)?
                .serialize(serializer)
        }

        pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<Date>, D::Error>
        where
            D: Deserializer<'de>,
        {
            <Option<Wrapped> as serde::Deserialize>::deserialize(deserializer)
                .map(|value| value.map(|Wrapped(date)| date))
        }

        struct Wrapped(Date);

        impl<'de> serde::Deserialize<'de> for Wrapped {
            fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
            where
                D: Deserializer<'de>,
            {
                super::deserialize(deserializer).map(Wrapped)
            }
        }
    }
}

/// Both twins from one list of fields; `$($extra)*` ends every struct.
macro_rules! customer_types {
    ($($extra:tt)*) => {
        use voucherify_model::IndexMap;

        use serde::{Deserialize, Serialize};
        #[allow(unused_imports)]
        use serde_json::{Map, Value};
        use time::{Date, OffsetDateTime};

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Customer {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub id: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub source_id: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub summary: Option<Summary>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub loyalty: Option<Loyalty>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub referrals: Option<Referrals>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub system_metadata: Option<Map<String, Value>>,
            #[serde(
                default,
                with = "crate::support::twin::rfc3339::option",
                skip_serializing_if = "Option::is_none"
            )]
            pub created_at: Option<OffsetDateTime>,
            #[serde(
                default,
                with = "crate::support::twin::rfc3339::option",
                skip_serializing_if = "Option::is_none"
            )]
            pub updated_at: Option<OffsetDateTime>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub assets: Option<Assets>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub object: Option<CustomerObject>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub name: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub description: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub email: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub phone: Option<String>,
            #[serde(
                default,
                with = "crate::support::twin::date::option",
                skip_serializing_if = "Option::is_none"
            )]
            pub birthday: Option<Date>,
            #[serde(
                default,
                with = "crate::support::twin::date::option",
                skip_serializing_if = "Option::is_none"
            )]
            pub birthdate: Option<Date>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub address: Option<Address>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub metadata: Option<Map<String, Value>>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        #[serde(rename_all = "snake_case")]
        pub enum CustomerObject {
            Customer,
            #[serde(other)]
            Other,
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Summary {
            pub redemptions: SummaryRedemptions,
            pub orders: SummaryOrders,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct SummaryRedemptions {
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
            pub gift: Option<SummaryRedemptionsGift>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub loyalty_card: Option<SummaryRedemptionsLoyaltyCard>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct SummaryRedemptionsGift {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub redeemed_amount: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub amount_to_go: Option<i64>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct SummaryRedemptionsLoyaltyCard {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub redeemed_points: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub points_to_go: Option<i64>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct SummaryOrders {
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
                with = "crate::support::twin::rfc3339::option",
                skip_serializing_if = "Option::is_none"
            )]
            pub last_order_date: Option<OffsetDateTime>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Loyalty {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub points: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub referred_customers: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub campaigns: Option<IndexMap<String, LoyaltyCampaign>>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct LoyaltyCampaign {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub points: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub loyalty_tier: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub referred_customers: Option<i64>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Referrals {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub total: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub campaigns: Option<Vec<Referral>>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Referral {
            pub campaign_id: String,
            pub referrer_id: String,
            pub related_object_id: String,
            pub related_object_type: String,
            #[serde(with = "crate::support::twin::rfc3339")]
            pub date: OffsetDateTime,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Assets {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub cockpit_url: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub cockpit_preference_center_url: Option<String>,
            $($extra)*
        }

        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub struct Address {
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
            $($extra)*
        }
    };
}

/// Unknown keys are read past and dropped.
pub mod plain {
    customer_types!();
}

/// Unknown keys are kept, in a `#[serde(flatten)]` map on every struct.
pub mod flatten {
    customer_types!(
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    );
}
