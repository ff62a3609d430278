use voucherify_model::voucherify_model;

mod upper {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(text) => serializer.serialize_str(&text.to_uppercase()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        Option::<String>::deserialize(deserializer)
            .map(|value| value.map(|text| text.to_uppercase()))
    }
}

#[voucherify_model]
struct Customer {
    #[serde(with = "upper")]
    code: Option<String>,
}

fn main() {}
