//! The `rename_all` rules, applied to enum variant names (which are written
//! in PascalCase in Rust).

#[derive(Clone, Copy)]
pub(crate) enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    pub(crate) const NAMES: &'static str =
        "\"lowercase\", \"UPPERCASE\", \"PascalCase\", \"camelCase\", \
         \"snake_case\", \"SCREAMING_SNAKE_CASE\", \"kebab-case\", \"SCREAMING-KEBAB-CASE\"";

    pub(crate) fn from_str(rule: &str) -> Option<Self> {
        Some(match rule {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// Applies the rule to a PascalCase variant name.
    pub(crate) fn apply(self, variant: &str) -> String {
        match self {
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => separated(variant, '_'),
            RenameRule::ScreamingSnake => separated(variant, '_').to_ascii_uppercase(),
            RenameRule::Kebab => separated(variant, '-'),
            RenameRule::ScreamingKebab => separated(variant, '-').to_ascii_uppercase(),
        }
    }
}

/// `LoyaltyCard` → `loyalty_card`: a separator before each inner capital.
fn separated(variant: &str, separator: char) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (index, ch) in variant.char_indices() {
        if index > 0 && ch.is_uppercase() {
            out.push(separator);
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn rules_match_serde() {
        let cases = [
            ("snake_case", "LoyaltyCard", "loyalty_card"),
            ("SCREAMING_SNAKE_CASE", "LoyaltyCard", "LOYALTY_CARD"),
            ("kebab-case", "LoyaltyCard", "loyalty-card"),
            ("SCREAMING-KEBAB-CASE", "LoyaltyCard", "LOYALTY-CARD"),
            ("camelCase", "LoyaltyCard", "loyaltyCard"),
            ("PascalCase", "LoyaltyCard", "LoyaltyCard"),
            ("lowercase", "LoyaltyCard", "loyaltycard"),
            ("UPPERCASE", "LoyaltyCard", "LOYALTYCARD"),
        ];
        for (rule, input, expected) in cases {
            let rule = RenameRule::from_str(rule).unwrap();
            assert_eq!(rule.apply(input), expected);
        }
        assert!(RenameRule::from_str("Title Case").is_none());
    }
}
