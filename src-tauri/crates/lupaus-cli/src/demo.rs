//! Demo data: realistic Finnish and English complaints spread over the past months, so the app can
//! be tried with data at once. Deterministic for a given seed.

use chrono::{DateTime, Duration, Utc};
use lupaus_core::calendar::BusinessSpan;
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::{Actor, CaseCommand, Party, Remedy, RemedyForm, RootCauseCategory};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::{Store, StoreError};
use serde::Serialize;

use crate::words::{FIRST_EN, FIRST_FI, FIRST_SV, LAST_EN, LAST_FI, LAST_SV};

#[derive(Debug, Serialize)]
pub struct DemoSummary {
    pub cases: u32,
    /// Events written (cases, lifecycle steps, promises), so a script can aim at a volume.
    pub events: i64,
}

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
    // Every event is pending until a team sync takes it, and nothing syncs during the fill, so
    // the difference is what the fill wrote, team mode or not.
    let events_before = store.pending_count()?;
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
        let (first, last) = customer_name(&mut random);
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
            former_ref: None,
        }
        .validate()?;
        let agent = Actor::agent(*random.pick(&["Aino Agentti", "Ville Palvelu", "Sara Asiakaspalvelu"]));
        let case_id = store.create_case(intake, &agent, at)?.id;
        progress(store, &mut random, case_id, &agent, at, now)?;
    }
    Ok(DemoSummary { cases: count, events: store.pending_count()? - events_before })
}

/// Moves a demo case along its lifecycle as far as its age makes plausible, with a call-back
/// promise on most cases: kept on time, kept late, or still open (and so maybe overdue).
fn progress(
    store: &mut Store,
    random: &mut SplitMix64,
    case_id: i64,
    agent: &Actor,
    received: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let desk = store.desk_settings()?;
    let policy = desk.settings.policy;
    let age_days = (now - received).num_days();
    // How many of the steps below this case has gone through.
    let reached = match age_days {
        0..=2 => random.below(3),
        3..=14 => 1 + random.below(5),
        _ => {
            if random.below(10) == 0 {
                2 + random.below(3)
            } else {
                6
            }
        }
    };
    let remedy = Remedy {
        forms: vec![*random.pick(&[
            RemedyForm::Repair,
            RemedyForm::Replacement,
            RemedyForm::Refund,
            RemedyForm::Discount,
        ])],
        description: "Sovittu asiakkaan kanssa".into(),
    };
    let steps = [
        CaseCommand::StartSolving,
        CaseCommand::AgreeRemedy { remedy, option_id: None },
        CaseCommand::DeliverRemedy {
            summary: "Toimitettu ja asiakkaalle kerrottu".into(),
            informed_via: Channel::Phone,
        },
        CaseCommand::RecordRootCause {
            category: *random.pick(&ROOT_CAUSES),
            description: "Selvitetty korjauksen jälkeen".into(),
        },
        CaseCommand::AssignResponsibility {
            party: *random.pick(&[Party::Us, Party::Supplier, Party::Customer, Party::Shared]),
            party_name: None,
            note: None,
        },
        CaseCommand::Close {
            closing_gesture: Some("Soitimme ja kiitimme kärsivällisyydestä".into()),
            lessons_learned: None,
            not_analysed_reason: None,
        },
    ];
    let mut at = received;
    if random.below(10) < 6 {
        let due = desk.calendar.suggest_due(received, BusinessSpan::Days(1), BusinessSpan::Minutes(0));
        let made = NewPromise {
            text: "Soitamme ja kerromme ratkaisun".into(),
            channel: PromiseChannel::Call,
            due_at: due,
            owner: agent.person.clone(),
            outside_hours_confirmed: false,
        };
        let promise = store.make_promise(case_id, made, agent, received)?;
        let kept_at = if random.below(7) == 0 { due + Duration::hours(3) } else { due - Duration::hours(1) };
        if reached >= 2 && kept_at < now {
            store.keep_promise(promise.id, "Soitettu ja sovittu jatkosta", kept_at, agent, kept_at)?;
        }
    }
    for step in steps.into_iter().take(reached as usize) {
        at += Duration::hours(1 + random.below(30) as i64);
        if at >= now {
            break;
        }
        store.act_on_case(case_id, step, agent, at, &policy)?;
    }
    Ok(())
}

const ROOT_CAUSES: [RootCauseCategory; 8] = [
    RootCauseCategory::Process,
    RootCauseCategory::Communication,
    RootCauseCategory::StaffConduct,
    RootCauseCategory::ProductDefect,
    RootCauseCategory::Billing,
    RootCauseCategory::Partner,
    RootCauseCategory::CustomerAction,
    RootCauseCategory::Unknown,
];

/// A customer's first and last name, mostly Finnish, some Swedish and English, as at a Finnish desk.
fn customer_name(random: &mut SplitMix64) -> (&'static str, &'static str) {
    let (first, last) = match random.below(10) {
        0..=6 => (FIRST_FI, LAST_FI),
        7 | 8 => (FIRST_SV, LAST_SV),
        _ => (FIRST_EN, LAST_EN),
    };
    (*random.pick(first), *random.pick(last))
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
