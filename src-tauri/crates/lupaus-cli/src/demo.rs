//! Demo data: realistic Finnish and English complaints spread over the past months, so the app can
//! be tried with data at once. Deterministic for a given seed.

use chrono::{DateTime, Duration, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_store::{Store, StoreError};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DemoSummary {
    pub cases: u32,
}

const FIRST_NAMES: &[&str] = &[
    "Maija",
    "Matti",
    "Aino",
    "Juhani",
    "Helmi",
    "Eero",
    "Sanna",
    "Pekka",
    "Liisa",
    "Antti",
    "Emma",
    "Mikko",
    "Kaisa",
    "Ville",
    "Anna-Liisa",
    "Jukka",
    "Sofia",
    "Oskari",
    "Elina",
    "Tuomas",
    "Karin",
    "Erik",
    "Linnea",
    "John",
    "Sarah",
];
const LAST_NAMES: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lindqvist",
    "Björklund",
    "Saarinen",
    "Salminen",
    "Öhman",
    "Smith",
    "Karjalainen",
];
/// (what happened, what the customer asks for, category)
const COMPLAINTS: &[(&str, &str, &str)] = &[
    (
        "Pesukone vuotaa vettä lattialle jo toisella pesukerralla.",
        "Uusi kone tilalle tai korjaus tällä viikolla",
        "tuote",
    ),
    ("Laskulla on kaksi kertaa sama toimitusmaksu.", "Virheellinen maksu hyvitetään", "laskutus"),
    ("Tilattu sohva toimitettiin väärän värisenä.", "Oikean värinen sohva ja väärän nouto", "toimitus"),
    ("Lupasitte soittaa takaisin tiistaina, mutta kukaan ei soittanut.", "Soitto tänään ja selitys", "viestintä"),
    ("Myyjä oli tiskillä töykeä eikä kuunnellut.", "Anteeksipyyntö", "palvelu"),
    ("Jääkaapin pakastelokero ei kylmene.", "Korjaus takuuseen", "tuote"),
    ("Asennus myöhästyi kolme tuntia ilman ilmoitusta.", "Hyvitys asennusmaksusta", "toimitus"),
    ("Verkkokaupan tilaus peruuntui, mutta rahoja ei ole palautettu.", "Rahat takaisin", "laskutus"),
    ("Kahvinkeitin lakkasi toimimasta kahden viikon käytön jälkeen.", "Uusi keitin", "tuote"),
    ("Sain muistutuslaskun, vaikka maksoin ajallaan.", "Muistutusmaksun poisto", "laskutus"),
    (
        "The delivery driver left the parcel outside in the rain and it was soaked.",
        "Replacement of the damaged goods",
        "delivery",
    ),
    ("I was charged twice for the same order.", "Refund of the duplicate charge", "billing"),
    ("The replacement part from your supplier does not fit.", "The correct part or a refund", "partner"),
    ("Tvättmaskinen läcker vatten redan efter första tvätten.", "Reparation eller ny maskin", "produkt"),
    ("Fakturan har fel belopp.", "Rättad faktura", "fakturering"),
];
const PRODUCTS: &[&str] =
    &["Tilaus 4471", "Lasku 2026-11873", "Pesukone WX-700", "Order 88210", "Sohva Aalto 3h", "Faktura 5520"];

/// Adds `count` cases received over the past six months, during office hours.
pub fn fill(store: &mut Store, count: u32, seed: u64, now: DateTime<Utc>) -> Result<DemoSummary, StoreError> {
    let mut random = SplitMix64(seed);
    let mut received: Vec<DateTime<Utc>> = (0..count)
        .map(|_| {
            let days_ago = random.below(180) as i64;
            // 06–14 UTC is 08–16 or 09–17 in Helsinki.
            let minute_of_day = 6 * 60 + random.below(8 * 60) as i64;
            let day = (now - Duration::days(days_ago)).date_naive();
            day.and_hms_opt(0, 0, 0)
                .map(|midnight| midnight.and_utc() + Duration::minutes(minute_of_day))
                .unwrap_or(now)
        })
        .map(|at| at.min(now))
        .collect();
    received.sort();
    for at in received {
        let (description, remedy, category) = *random.pick(COMPLAINTS);
        let first = random.pick(FIRST_NAMES);
        let last = random.pick(LAST_NAMES);
        // A few returning customers, recognised by their customer number.
        let returning = random.below(5) == 0;
        let customer_number = returning.then(|| format!("AS-{:05}", random.below(40)));
        let intake = NewCase {
            channel: *random.pick(&Channel::ALL),
            customer: CustomerInput {
                name: format!("{first} {last}"),
                email: Some(format!("{}.{}@example.fi", ascii(first), ascii(last))),
                phone: Some(format!("040 {:03} {:04}", random.below(1000), random.below(10_000))),
                customer_number,
            },
            product_ref: Some(random.pick(PRODUCTS).to_string()),
            description: description.to_owned(),
            requested_remedy: remedy.to_owned(),
            priority: *random.pick(&[
                Priority::Normal,
                Priority::Normal,
                Priority::High,
                Priority::Low,
                Priority::Urgent,
            ]),
            category: Some(category.to_owned()),
            tags: Vec::new(),
            acknowledged: random.below(4) != 0,
        }
        .validate()?;
        let agent = lupaus_core::lifecycle::Actor::agent(*random.pick(&[
            "Aino Agentti",
            "Ville Palvelu",
            "Sara Asiakaspalvelu",
        ]));
        store.create_case(intake, &agent, at)?;
    }
    Ok(DemoSummary { cases: count })
}

fn ascii(name: &str) -> String {
    name.to_lowercase().replace(['ä', 'å'], "a").replace('ö', "o").replace(' ', "")
}

/// A small deterministic generator; demo data needs repeatability, not cryptographic quality.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
