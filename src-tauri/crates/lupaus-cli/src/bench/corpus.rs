//! Complaint text and customers for the bench database: Finnish mostly, some Swedish and English,
//! built from sentence pools with products, numbers and names, so the search index sees a mix of
//! very common words (reklamaatio, lasku) and rare ones (order numbers, models, surnames).

use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};

use super::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

const FIRST_FI: &[&str] = &[
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
    "Tiina",
    "Jari",
    "Päivi",
    "Timo",
    "Minna",
    "Kari",
    "Satu",
    "Heikki",
    "Johanna",
    "Markku",
    "Riikka",
    "Jussi",
    "Hanna",
    "Petri",
    "Outi",
    "Sami",
    "Anu",
    "Janne",
    "Katja",
    "Lauri",
    "Noora",
    "Eetu",
    "Iida",
    "Aleksi",
    "Venla",
    "Onni",
    "Aada",
    "Väinö",
    "Ilona",
    "Eino",
    "Kerttu",
    "Toivo",
    "Sirpa",
    "Raimo",
    "Tuula",
    "Seppo",
    "Pirjo",
    "Esa",
];
const LAST_FI: &[&str] = &[
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
    "Saarinen",
    "Salminen",
    "Karjalainen",
    "Heinonen",
    "Lehtinen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karppinen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Hiltunen",
    "Hirvonen",
    "Kettunen",
    "Miettinen",
    "Leinonen",
    "Väisänen",
    "Pelkonen",
    "Peltonen",
    "Aaltonen",
    "Manninen",
    "Seppälä",
    "Lindholm",
    "Koivisto",
    "Hakala",
    "Anttila",
    "Räsänen",
    "Eskola",
    "Peltola",
    "Kallio",
    "Toivonen",
    "Ojala",
    "Huttunen",
    "Leppänen",
    "Kärkkäinen",
    "Pesonen",
    "Ylönen",
    "Östman",
    "Kangas",
    "Harju",
    "Rissanen",
    "Aalto",
    "Holmström",
    "Vainio",
];
const FIRST_SV: &[&str] =
    &["Erik", "Karin", "Linnea", "Johan", "Ingrid", "Henrik", "Elsa", "Fredrik", "Astrid", "Mikael", "Ebba"];
const LAST_SV: &[&str] =
    &["Lindqvist", "Björklund", "Öhman", "Lindström", "Nyberg", "Sjöberg", "Forsman", "Wikström", "Åberg", "Grönroos"];
const FIRST_EN: &[&str] = &["John", "Sarah", "David", "Emily", "James", "Laura", "Michael", "Olivia", "Daniel"];
const LAST_EN: &[&str] = &["Smith", "Brown", "Taylor", "Wilson", "Johnson", "Walker", "Evans", "Clarke", "Hughes"];
const DOMAINS: &[&str] = &["example.fi", "posti.example", "kotiposti.example", "mail.example.com", "webmail.example"];

/// (nominative, genitive, partitive)
const PRODUCTS_FI: &[(&str, &str, &str)] = &[
    ("pesukone", "pesukoneen", "pesukonetta"),
    ("astianpesukone", "astianpesukoneen", "astianpesukonetta"),
    ("jääkaappi", "jääkaapin", "jääkaappia"),
    ("pakastin", "pakastimen", "pakastinta"),
    ("kahvinkeitin", "kahvinkeittimen", "kahvinkeitintä"),
    ("sohva", "sohvan", "sohvaa"),
    ("televisio", "television", "televisiota"),
    ("puhelin", "puhelimen", "puhelinta"),
    ("imuri", "imurin", "imuria"),
    ("liesi", "lieden", "liettä"),
    ("mikroaaltouuni", "mikroaaltouunin", "mikroaaltouunia"),
    ("ilmalämpöpumppu", "ilmalämpöpumpun", "ilmalämpöpumppua"),
    ("polkupyörä", "polkupyörän", "polkupyörää"),
    ("kuivausrumpu", "kuivausrummun", "kuivausrumpua"),
    ("kannettava tietokone", "kannettavan tietokoneen", "kannettavaa tietokonetta"),
    ("sänky", "sängyn", "sänkyä"),
    ("ruokapöytä", "ruokapöydän", "ruokapöytää"),
    ("talvitakki", "talvitakin", "talvitakkia"),
    ("porakone", "porakoneen", "porakonetta"),
    ("reititin", "reitittimen", "reititintä"),
    ("kaiutin", "kaiuttimen", "kaiutinta"),
    ("lastenrattaat", "lastenrattaiden", "lastenrattaita"),
];
const FAULTS_FI: &[&str] = &[
    "vuotaa vettä lattialle",
    "ei käynnisty lainkaan",
    "pitää kovaa ääntä",
    "hajosi viikon käytön jälkeen",
    "sammuu kesken ohjelman",
    "ei lämpene kunnolla",
    "ei kylmene kunnolla",
    "antaa virheilmoituksen E21",
    "haisee palaneelle",
    "tärisee voimakkaasti",
    "on naarmuuntunut jo pakkauksessa",
    "lakkasi toimimasta takuuaikana",
];
const STORES_FI: &[&str] = &[
    "Helsingin myymälästä",
    "Tampereen myymälästä",
    "Oulun myymälästä",
    "Turun myymälästä",
    "Jyväskylän myymälästä",
    "verkkokaupasta",
    "Vantaan tavaratalosta",
];
const MONTHS_FI: &[&str] = &[
    "tammikuussa",
    "helmikuussa",
    "maaliskuussa",
    "huhtikuussa",
    "toukokuussa",
    "kesäkuussa",
    "heinäkuussa",
    "elokuussa",
    "syyskuussa",
    "lokakuussa",
    "marraskuussa",
    "joulukuussa",
];
const EXTRA_FI: &[&str] = &[
    "Tämä on jo toinen reklamaatio samasta asiasta.",
    "Olen erittäin pettynyt palveluunne.",
    "Haluan tietää, milloin asia korjataan.",
    "Tuote on vielä takuussa ja kuitti on tallessa.",
    "Laatureklamaatio on tehty myös valmistajalle.",
    "Edellisessä reklamaatiossa mainittu vika toistuu.",
    "Odotan päätöstä mahdollisimman pian.",
    "Toivon nopeaa ratkaisua, koska tarvitsen laitetta päivittäin.",
    "Asiakaspalvelu lupasi soittaa takaisin, mutta kukaan ei soittanut.",
    "Jonotin puhelimessa yli tunnin.",
    "Pyydän hyvitystä myös asennusmaksusta.",
    "Kuljetusliike ei vastaa viesteihin.",
];
const REMEDIES_FI: &[&str] = &[
    "Uusi laite tilalle",
    "Rahat takaisin",
    "Hyvitys laskusta",
    "Korjaus takuun puitteissa",
    "Anteeksipyyntö ja selvitys tapahtuneesta",
    "Toimitusmaksun palautus",
    "Korvaava tuote tai hinnanalennus",
    "Soitto ja selvitys tapahtuneesta",
];

const PRODUCTS_EN: &[&str] =
    &["washing machine", "dishwasher", "fridge", "coffee maker", "sofa", "TV", "phone", "vacuum cleaner", "laptop"];
const FAULTS_EN: &[&str] = &[
    "leaks water on the floor",
    "does not start at all",
    "makes a loud noise",
    "broke after a week",
    "stops in the middle of a programme",
    "arrived with a cracked panel",
];
const EXTRA_EN: &[&str] = &[
    "This is my second complaint about the same fault.",
    "I still have the receipt.",
    "Please sort this out quickly.",
    "Your staff promised to call me back but never did.",
    "I expect a decision this week.",
];
const REMEDIES_EN: &[&str] =
    &["A replacement", "A full refund", "Refund of the duplicate charge", "Repair under warranty", "An apology"];

const PRODUCTS_SV: &[&str] = &["Tvättmaskinen", "Diskmaskinen", "Kylskåpet", "Kaffebryggaren", "Soffan", "Dammsugaren"];
const FAULTS_SV: &[&str] =
    &["läcker vatten", "startar inte", "låter mycket", "gick sönder efter en vecka", "slutade fungera"];
const EXTRA_SV: &[&str] = &[
    "Jag har redan reklamerat samma fel en gång.",
    "Kvittot finns kvar.",
    "Jag vill ha svar snabbt.",
    "Ingen ringde tillbaka trots löfte.",
];
const REMEDIES_SV: &[&str] = &["Ny maskin", "Pengarna tillbaka", "Rättad faktura", "Reparation på garantin"];
const BRANDS: &[&str] = &["Kotiteho", "Nordline", "Aalto Home", "Lumo", "Vire", "Kaski", "Polar", "Saari"];

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
        let phone = format!("04{} {:03} {:04}", member.below(10), member.below(1000), member.below(10_000));
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
    let phone = rng.percent(80).then(|| format!("04{} {:03} {:04}", rng.below(10), rng.below(1000), rng.below(10_000)));
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
    }
}

const AGENT_FIRST: &[&str] = &["Aino", "Ville", "Sara", "Oona", "Pekka", "Leena", "Jani", "Milla", "Teemu", "Rasmus"];
const AGENT_LAST: &[&str] = &["Agentti", "Palvelu", "Puhelin", "Olkkonen", "Tiski", "Neuvonen", "Apu", "Kuuntelija"];

/// The desk's agents over ten years: about twelve at a time, some leaving and new ones starting.
pub fn agent(rng: &mut Rng, year_index: u64) -> String {
    let index = (year_index * 5 + rng.below(12)) as usize;
    format!("{} {}", AGENT_FIRST[index % AGENT_FIRST.len()], AGENT_LAST[(index / AGENT_FIRST.len()) % AGENT_LAST.len()])
}
