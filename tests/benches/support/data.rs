//! Deterministic customer documents in the shape the Voucherify API returns:
//! compact JSON, keys in the API's order, timestamps such as
//! `2022-08-30T06:32:07.380Z`.

use std::fmt::Write;

use time::OffsetDateTime;

/// xorshift64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as u64) as i64
    }

    /// True with probability `numerator / denominator`.
    pub fn chance(&mut self, numerator: u64, denominator: u64) -> bool {
        self.below(denominator) < numerator
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Whether the documents also carry keys the model does not know, as a
/// newer API version would send.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    None,
    Some,
}

/// A JSON array of customers at least `min_bytes` long.
pub fn customer_array(min_bytes: usize, seed: u64, unknown: Unknown) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(min_bytes + 8192);
    out.push('[');
    let mut index = 0;
    while out.len() < min_bytes {
        if index > 0 {
            out.push(',');
        }
        customer(&mut out, &mut rng, index, unknown);
        index += 1;
    }
    out.push(']');
    out.into_bytes()
}

/// One customer object.
pub fn single_customer(seed: u64, unknown: Unknown) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    customer(&mut out, &mut rng, 7, unknown);
    out.into_bytes()
}

const FIRST: &[&str] = &[
    "Bob", "Alice", "María", "José", "Zoë", "Łukasz", "Søren", "Chloé", "Wei", "Aarav", "Fatima",
    "Olivia", "Noah", "Emma", "Liam", "Hiroshi", "Ngozi", "Mateo", "Ingrid", "Yusuf",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "García",
    "Müller",
    "Kowalski",
    "Nielsen",
    "Dubois",
    "Chen",
    "Patel",
    "Okafor",
    "Rossi",
    "Tanaka",
    "Silva",
    "O'Brien",
    "Nowak",
    "Haddad",
    "Andersson",
    "Kim",
];
const DOMAINS: &[&str] = &[
    "email.com",
    "example.org",
    "mail.example.net",
    "shop.example.io",
];
const CITIES: &[(&str, &str, &str, &str)] = &[
    ("New York", "NY", "United States", "100"),
    ("San Francisco", "CA", "United States", "941"),
    ("Warsaw", "Masovian", "Poland", "00-"),
    ("Berlin", "Berlin", "Germany", "101"),
    ("Lyon", "Auvergne-Rhône-Alpes", "France", "690"),
    ("Osaka", "Osaka", "Japan", "530-"),
    ("São Paulo", "SP", "Brazil", "01310-"),
    ("Toronto", "ON", "Canada", "M5V "),
];
const STREETS: &[&str] = &[
    "Main St.",
    "Market Street",
    "Marszałkowska",
    "Unter den Linden",
    "Rue de la République",
    "Avenida Paulista",
    "King Street West",
    "Midosuji",
];
const DESCRIPTIONS: &[&str] = &[
    "Prefers email contact",
    "Signed up at the spring fair",
    "VIP since 2019; asks for \\\"early access\\\" to sales",
    "Imported from the old CRM\\nsee ticket #4411",
    "Wholesale buyer, net 30",
    "Referred by a friend",
];
const LOYALTY_CAMPAIGNS: &[&str] = &[
    "Summer Rewards 2022",
    "Coffee Club",
    "Premium Points",
    "Holiday Bonus",
    "Birthday Program",
    "Refer a Friend Points",
    "Black Friday Multiplier",
];
const STORES: &[&str] = &[
    "Downtown",
    "Airport",
    "Online",
    "Mall of the North",
    "Harbor",
];
const CHANNELS: &[&str] = &["email", "sms", "push", "none"];
const LANGS: &[&str] = &["en", "pl", "de", "fr", "ja", "pt"];

const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn token(out: &mut String, rng: &mut Rng, prefix: &str, len: usize) {
    out.push_str(prefix);
    for _ in 0..len {
        out.push(ALPHANUMERIC[rng.below(ALPHANUMERIC.len() as u64) as usize] as char);
    }
}

/// `"key":"value"` with `value` built by `f`.
fn string_field(out: &mut String, key: &str, f: impl FnOnce(&mut String)) {
    write!(out, "\"{key}\":\"").unwrap();
    f(out);
    out.push('"');
}

/// A timestamp between 2019 and 2024 in the API's shape.
fn timestamp(out: &mut String, rng: &mut Rng) {
    let seconds = rng.range(1_546_300_800, 1_735_689_599);
    let millis = rng.below(1000);
    let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
    write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
    )
    .unwrap();
}

fn customer(out: &mut String, rng: &mut Rng, index: u64, unknown: Unknown) {
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let domain = rng.pick(DOMAINS);
    let email = format!(
        "{}.{}{}@{domain}",
        first.to_lowercase(),
        last.to_lowercase(),
        index
    );
    let email = email.replace('\'', "");

    out.push('{');
    string_field(out, "id", |out| token(out, rng, "cust_", 24));
    out.push(',');
    if rng.chance(1, 2) {
        string_field(out, "source_id", |out| out.push_str(&email));
    } else {
        string_field(out, "source_id", |out| token(out, rng, "crm-", 12));
    }
    write!(out, ",\"name\":\"{first} {last}\"").unwrap();
    if rng.chance(3, 5) {
        write!(out, ",\"description\":\"{}\"", rng.pick(DESCRIPTIONS)).unwrap();
    } else {
        out.push_str(",\"description\":null");
    }
    write!(out, ",\"email\":\"{email}\"").unwrap();
    write!(
        out,
        ",\"phone\":\"+{} {:03} {:03} {:04}\"",
        rng.range(1, 99),
        rng.below(1000),
        rng.below(1000),
        rng.below(10000)
    )
    .unwrap();
    let birthdate = format!(
        "{:04}-{:02}-{:02}",
        rng.range(1950, 2005),
        rng.range(1, 12),
        rng.range(1, 28)
    );
    if rng.chance(1, 4) {
        write!(out, ",\"birthday\":\"{birthdate}\"").unwrap();
    }
    write!(out, ",\"birthdate\":\"{birthdate}\"").unwrap();

    let (city, state, country, postal) = CITIES[rng.below(CITIES.len() as u64) as usize];
    write!(
        out,
        ",\"address\":{{\"city\":\"{city}\",\"state\":\"{state}\",\"line_1\":\"{} {}\",",
        rng.range(1, 400),
        rng.pick(STREETS)
    )
    .unwrap();
    if rng.chance(1, 2) {
        write!(out, "\"line_2\":\"Apt {}\",", rng.range(1, 120)).unwrap();
    } else {
        out.push_str("\"line_2\":null,");
    }
    write!(
        out,
        "\"country\":\"{country}\",\"postal_code\":\"{postal}{:02}\"",
        rng.below(100)
    )
    .unwrap();
    if unknown == Unknown::Some {
        out.push_str(",\"geo\":{\"lat\":40.7128,\"lng\":-74.006}");
    }
    out.push('}');

    summary(out, rng, unknown);
    loyalty(out, rng);
    referrals(out, rng);

    if rng.chance(1, 2) {
        out.push_str(
            ",\"system_metadata\":{\"source\":\"API\",\"consents\":{\"unsubscribed\":false}}",
        );
    }
    metadata(out, rng);

    out.push_str(",\"created_at\":\"");
    timestamp(out, rng);
    out.push_str("\",\"updated_at\":");
    if rng.chance(4, 5) {
        out.push('"');
        timestamp(out, rng);
        out.push('"');
    } else {
        out.push_str("null");
    }
    out.push_str(",\"assets\":{");
    string_field(out, "cockpit_url", |out| {
        token(
            out,
            rng,
            "https://cockpit.voucherify.io/public/customer/",
            40,
        )
    });
    out.push(',');
    string_field(out, "cockpit_preference_center_url", |out| {
        token(
            out,
            rng,
            "https://cockpit.voucherify.io/preference-center/",
            40,
        )
    });
    out.push('}');
    out.push_str(",\"object\":\"customer\"");
    if unknown == Unknown::Some {
        write!(
            out,
            ",\"segments\":[\"seg_{}\",\"seg_{}\"],\"tier\":\"gold\"",
            rng.below(10_000),
            rng.below(10_000)
        )
        .unwrap();
    }
    out.push('}');
}

fn summary(out: &mut String, rng: &mut Rng, unknown: Unknown) {
    let succeeded = rng.range(0, 300);
    let failed = rng.range(0, 20);
    let rolled_back = rng.range(0, 10);
    write!(
        out,
        ",\"summary\":{{\"redemptions\":{{\"total_redeemed\":{},\"total_failed\":{failed},\
         \"total_succeeded\":{succeeded},\"total_rolled_back\":{rolled_back},\
         \"total_rollback_failed\":{},\"total_rollback_succeeded\":{rolled_back},\
         \"gift\":{{\"redeemed_amount\":{},\"amount_to_go\":{}}},\
         \"loyalty_card\":{{\"redeemed_points\":{},\"points_to_go\":{}}}}}",
        succeeded + failed,
        rng.range(0, 2),
        rng.range(0, 5_000_000),
        rng.range(0, 2_000_000),
        rng.range(0, 100_000),
        rng.range(0, 50_000),
    )
    .unwrap();
    let count = rng.range(0, 400);
    let average = rng.range(500, 90_000);
    write!(
        out,
        ",\"orders\":{{\"total_amount\":{},\"total_count\":{count},\"average_amount\":{average},\
         \"last_order_amount\":{}",
        count * average,
        rng.range(500, 250_000)
    )
    .unwrap();
    if count > 0 {
        out.push_str(",\"last_order_date\":\"");
        timestamp(out, rng);
        out.push('"');
    }
    if unknown == Unknown::Some {
        write!(out, ",\"total_discount_amount\":{}", rng.range(0, 500_000)).unwrap();
    }
    out.push_str("}}");
}

fn loyalty(out: &mut String, rng: &mut Rng) {
    let campaigns = rng.range(2, 5);
    let mut names: Vec<&str> = LOYALTY_CAMPAIGNS.to_vec();
    let mut total = 0;
    let mut entries = String::new();
    for i in 0..campaigns {
        let name = names.swap_remove(rng.below(names.len() as u64) as usize);
        let points = rng.range(0, 20_000);
        total += points;
        if i > 0 {
            entries.push(',');
        }
        write!(
            entries,
            "\"{name}\":{{\"points\":{points},\"loyalty_tier\":"
        )
        .unwrap();
        if rng.chance(2, 3) {
            entries.push('"');
            token(&mut entries, rng, "ltr_", 20);
            entries.push('"');
        } else {
            entries.push_str("null");
        }
        write!(entries, ",\"referred_customers\":{}}}", rng.range(0, 12)).unwrap();
    }
    write!(
        out,
        ",\"loyalty\":{{\"points\":{total},\"referred_customers\":{},\"campaigns\":{{{entries}}}}}",
        rng.range(0, 30)
    )
    .unwrap();
}

fn referrals(out: &mut String, rng: &mut Rng) {
    let count = rng.range(1, 4);
    write!(out, ",\"referrals\":{{\"total\":{count},\"campaigns\":[").unwrap();
    for i in 0..count {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        string_field(out, "campaign_id", |out| token(out, rng, "camp_", 24));
        out.push(',');
        string_field(out, "referrer_id", |out| token(out, rng, "cust_", 24));
        out.push(',');
        string_field(out, "related_object_id", |out| token(out, rng, "r_", 24));
        out.push_str(",\"related_object_type\":\"redemption\",\"date\":\"");
        timestamp(out, rng);
        out.push_str("\"}");
    }
    out.push_str("]}");
}

fn metadata(out: &mut String, rng: &mut Rng) {
    write!(
        out,
        ",\"metadata\":{{\"lang\":\"{}\",\"newsletter\":{},\"visits\":{},\"score\":{}.{:02}",
        rng.pick(LANGS),
        rng.chance(1, 2),
        rng.range(0, 2_000),
        rng.range(0, 99),
        rng.below(100)
    )
    .unwrap();
    if rng.chance(2, 3) {
        write!(out, ",\"favorite_store\":\"{}\"", rng.pick(STORES)).unwrap();
    }
    if rng.chance(1, 2) {
        out.push_str(",\"tags\":[\"vip\",\"newsletter\",\"beta\"]");
    }
    if rng.chance(1, 2) {
        write!(
            out,
            ",\"preferences\":{{\"channel\":\"{}\",\"frequency\":\"weekly\",\"opt_in\":true}}",
            rng.pick(CHANNELS)
        )
        .unwrap();
    }
    if rng.chance(1, 3) {
        out.push_str(",\"referral_code\":null");
    }
    out.push('}');
}

/// `count` timestamps in the API's shape.
pub fn timestamps(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let mut out = String::new();
            timestamp(&mut out, &mut rng);
            out
        })
        .collect()
}

/// `count` RFC 3339 timestamps with an offset and no fixed fraction, such
/// as `2022-08-30T08:32:07.38+02:00`: valid, but not the API's shape.
pub fn timestamps_with_offsets(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let seconds = rng.range(1_546_300_800, 1_735_689_599);
            let hours = rng.range(-11, 12);
            let at = OffsetDateTime::from_unix_timestamp(seconds + hours * 3600).unwrap();
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:02}{}{:02}:00",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute(),
                at.second(),
                rng.below(100),
                if hours < 0 { '-' } else { '+' },
                hours.abs()
            )
        })
        .collect()
}

/// `count` dates as `YYYY-MM-DD`.
pub fn dates(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            format!(
                "{:04}-{:02}-{:02}",
                rng.range(1950, 2005),
                rng.range(1, 12),
                rng.range(1, 28)
            )
        })
        .collect()
}
