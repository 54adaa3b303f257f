//! Complaint text and customers for the bench database: Finnish mostly, some Swedish and English,
//! built from sentence pools with products, numbers and names, so the search index sees a mix of
//! very common words (reklamaatio, lasku) and rare ones (order numbers, models, surnames).

use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};

use super::rng::Rng;
use crate::words::*;

/// Third digits of Finnish mobile prefixes in use (040–042, 044–046): the import checks numbers
/// against libphonenumber's metadata, which refuses 049 and the like.
const MOBILE: &[u8] = &[0, 1, 2, 4, 5, 6];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

fn name(rng: &mut Rng, lang: Lang) -> String {
    let (first, last) = match lang {
        Lang::Fi => (FIRST_FI, LAST_FI),
        Lang::Sv => (FIRST_SV, LAST_SV),
        Lang::En => (FIRST_EN, LAST_EN),
    };
    format!("{} {}", rng.pick(first), rng.pick(last))
}

fn ascii(text: &str) -> String {
    text.to_lowercase().replace(['ä', 'å'], "a").replace('ö', "o").replace(' ', ".")
}

fn language(rng: &mut Rng) -> Lang {
    *rng.weighted(&[(75, Lang::Fi), (10, Lang::Sv), (15, Lang::En)])
}

/// A customer: 40% are members with a customer number from a pool that grows with the desk, so
/// the same people come back; the rest walk in, some with an e-mail address.
pub fn customer(rng: &mut Rng, serial: u64) -> (CustomerInput, Lang) {
    if rng.percent(40) {
        let number = rng.below(1 + serial / 4);
        // The member's name and address follow from the number, so every visit agrees.
        let mut member = Rng::new(number.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
        let lang = language(&mut member);
        let name = name(&mut member, lang);
        let email = format!("{}{}@{}", ascii(&name), number % 100, member.pick(DOMAINS));
        let phone = format!("04{} {:03} {:04}", member.pick(MOBILE), member.below(1000), member.below(10_000));
        let input = CustomerInput {
            name,
            email: Some(email),
            phone: Some(phone),
            customer_number: Some(format!("AS-{number:07}")),
        };
        return (input, lang);
    }
    let lang = language(rng);
    let name = name(rng, lang);
    let email = rng.percent(50).then(|| format!("{}{}@{}", ascii(&name), rng.below(1000), rng.pick(DOMAINS)));
    let phone =
        rng.percent(80).then(|| format!("04{} {:03} {:04}", rng.pick(MOBILE), rng.below(1000), rng.below(10_000)));
    (CustomerInput { name, email, phone, customer_number: None }, lang)
}

fn model(rng: &mut Rng) -> String {
    let letters = b"ABCDEFGHKLMNPRSTVWX";
    format!(
        "{} {}{}-{}",
        rng.pick(BRANDS),
        letters[rng.below(letters.len() as u64) as usize] as char,
        letters[rng.below(letters.len() as u64) as usize] as char,
        100 + rng.below(900)
    )
}

fn order(rng: &mut Rng) -> String {
    (1_000_000 + rng.below(9_000_000)).to_string()
}

/// (description, requested remedy, category, product ref)
fn text(rng: &mut Rng, lang: Lang, year: i32) -> (String, String, &'static str, String) {
    let mut sentences: Vec<String> = Vec::new();
    let product_ref;
    let category;
    match lang {
        Lang::Fi => {
            let (nominative, genitive, partitive) = *rng.pick(PRODUCTS_FI);
            match rng.below(6) {
                0 | 1 => {
                    category = "tuote";
                    product_ref = model(rng);
                    sentences.push(capitalise(&format!("{nominative} {}.", rng.pick(FAULTS_FI))));
                    sentences.push(format!("Ostin sen {} {}.", rng.pick(STORES_FI), rng.pick(MONTHS_FI)));
                }
                2 => {
                    category = "toimitus";
                    product_ref = format!("Tilaus {}", order(rng));
                    sentences.push(format!(
                        "Tilasin {partitive} ({}), mutta toimitus myöhästyi {} päivää eikä kukaan ilmoittanut.",
                        product_ref.to_lowercase(),
                        2 + rng.below(12)
                    ));
                }
                3 => {
                    category = "laskutus";
                    product_ref = format!("Lasku {year}-{:05}", rng.below(100_000));
                    let billing = *rng.pick(&[
                        "laskulla on kaksi kertaa sama toimitusmaksu",
                        "sain muistutuslaskun, vaikka maksoin ajallaan",
                        "hyvitystä ei ole näkynyt tilillä",
                        "kuukausimaksu nousi ilman ilmoitusta",
                    ]);
                    sentences.push(format!("Laskutusvirhe: {billing} ({}).", product_ref.to_lowercase()));
                }
                4 => {
                    category = "asennus";
                    product_ref = format!("Tilaus {}", order(rng));
                    sentences.push(format!(
                        "Asentaja ei tullut sovittuna päivänä asentamaan {genitive} liitäntöjä eikä kukaan ilmoittanut myöhästymisestä."
                    ));
                }
                _ => {
                    category = "palvelu";
                    product_ref = model(rng);
                    sentences.push(format!("Myyjä oli töykeä, kun palautin {partitive}, eikä reklamaatiota kirjattu."));
                }
            }
            for _ in 0..1 + rng.below(3) {
                sentences.push((*rng.pick(EXTRA_FI)).to_owned());
            }
            (sentences.join(" "), (*rng.pick(REMEDIES_FI)).to_owned(), category, product_ref)
        }
        Lang::En => {
            if rng.percent(30) {
                category = "billing";
                product_ref = format!("Order {}", order(rng));
                sentences.push(format!("I was charged twice for {} and want a refund.", product_ref.to_lowercase()));
            } else {
                category = "product";
                product_ref = model(rng);
                sentences.push(format!("The {} {}.", rng.pick(PRODUCTS_EN), rng.pick(FAULTS_EN)));
            }
            sentences.push((*rng.pick(EXTRA_EN)).to_owned());
            (sentences.join(" "), (*rng.pick(REMEDIES_EN)).to_owned(), category, product_ref)
        }
        Lang::Sv => {
            if rng.percent(30) {
                category = "fakturering";
                product_ref = format!("Faktura {year}-{:05}", rng.below(100_000));
                sentences.push(format!("Fakturan {} har fel belopp.", product_ref.to_lowercase()));
            } else {
                category = "produkt";
                product_ref = model(rng);
                sentences.push(format!("{} {}.", rng.pick(PRODUCTS_SV), rng.pick(FAULTS_SV)));
            }
            sentences.push((*rng.pick(EXTRA_SV)).to_owned());
            (sentences.join(" "), (*rng.pick(REMEDIES_SV)).to_owned(), category, product_ref)
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One complaint as an agent would log it.
pub fn intake(rng: &mut Rng, serial: u64, year: i32) -> NewCase {
    let (customer, lang) = customer(rng, serial);
    let (description, requested_remedy, category, product_ref) = text(rng, lang, year);
    NewCase {
        channel: *rng.weighted(&[
            (35, Channel::Phone),
            (25, Channel::Email),
            (15, Channel::WebForm),
            (10, Channel::Chat),
            (12, Channel::Counter),
            (3, Channel::Letter),
        ]),
        customer,
        product_ref: Some(product_ref),
        description,
        requested_remedy,
        priority: *rng.weighted(&[
            (60, Priority::Normal),
            (20, Priority::High),
            (15, Priority::Low),
            (5, Priority::Urgent),
        ]),
        category: Some(category.to_owned()),
        tags: Vec::new(),
        acknowledged: rng.percent(85),
        former_ref: None,
    }
}

/// The desk's agents over ten years: about twelve at a time, some leaving and new ones starting.
pub fn agent(rng: &mut Rng, year_index: u64) -> String {
    let index = (year_index * 5 + rng.below(12)) as usize;
    format!("{} {}", AGENT_FIRST[index % AGENT_FIRST.len()], AGENT_LAST[(index / AGENT_FIRST.len()) % AGENT_LAST.len()])
}
