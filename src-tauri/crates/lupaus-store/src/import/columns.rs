//! Which column is which: header names in Finnish, Swedish or English, as offices name them.

/// A column Lupaus understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Customer,
    Email,
    Phone,
    CustomerNumber,
    Description,
    RequestedRemedy,
    Channel,
    Received,
    Product,
    Priority,
    Category,
    Tags,
    Amount,
    Claimed,
    Basis,
    Acknowledged,
    FormerRef,
}

impl Field {
    /// Every column, for the UI's list of column names (`problems::field_keys`).
    pub const ALL: [Field; 17] = [
        Field::Customer,
        Field::Email,
        Field::Phone,
        Field::CustomerNumber,
        Field::Description,
        Field::RequestedRemedy,
        Field::Channel,
        Field::Received,
        Field::Product,
        Field::Priority,
        Field::Category,
        Field::Tags,
        Field::Amount,
        Field::Claimed,
        Field::Basis,
        Field::Acknowledged,
        Field::FormerRef,
    ];

    /// How the column is named in problems when it is missing: Finnish first, then English.
    pub fn label(self) -> &'static str {
        match self {
            Field::Customer => "asiakas / customer",
            Field::Email => "sähköposti / email",
            Field::Phone => "puhelin / phone",
            Field::CustomerNumber => "asiakasnumero / customer number",
            Field::Description => "kuvaus / description",
            Field::RequestedRemedy => "toive / requested remedy",
            Field::Channel => "kanava / channel",
            Field::Received => "vastaanotettu / received",
            Field::Product => "tuote/tilaus / product/order",
            Field::Priority => "kiireellisyys / priority",
            Field::Category => "luokka / category",
            Field::Tags => "tunnisteet / tags",
            Field::Amount => "korvaus / compensation",
            Field::Claimed => "vaadittu summa / claimed amount",
            Field::Basis => "peruste / basis",
            Field::Acknowledged => "kuitattu / acknowledged",
            Field::FormerRef => "viite / reference",
        }
    }

    /// The column's stable key, which the UI names in the person's language (`import.field.*`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Customer => "customer",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::CustomerNumber => "customer_number",
            Field::Description => "description",
            Field::RequestedRemedy => "requested_remedy",
            Field::Channel => "channel",
            Field::Received => "received",
            Field::Product => "product",
            Field::Priority => "priority",
            Field::Category => "category",
            Field::Tags => "tags",
            Field::Amount => "amount",
            Field::Claimed => "claimed",
            Field::Basis => "basis",
            Field::Acknowledged => "acknowledged",
            Field::FormerRef => "former_ref",
        }
    }

    /// The core's field name (from a validation error) as a column.
    pub fn from_core_field(field: &str) -> Option<Field> {
        Some(match field {
            "customer.name" => Field::Customer,
            "customer.email" => Field::Email,
            "customer.phone" => Field::Phone,
            "customer.customer_number" => Field::CustomerNumber,
            "description" => Field::Description,
            "requested_remedy" => Field::RequestedRemedy,
            "product_ref" => Field::Product,
            "category" => Field::Category,
            "tags" => Field::Tags,
            "channel" => Field::Channel,
            "priority" => Field::Priority,
            "amount_cents" | "basis" => Field::Amount,
            "former_ref" => Field::FormerRef,
            _ => return None,
        })
    }
}

/// The column a header names, if any. Case, punctuation and extra spaces do not matter:
/// "Tuote/tilaus", "TUOTE / TILAUS" and "tuote tilaus" are the same.
pub(crate) fn field_for(header: &str) -> Option<Field> {
    let key = normalise(header);
    let field = match key.as_str() {
        "asiakas" | "asiakkaan nimi" | "nimi" | "kund" | "namn" | "customer" | "customer name" | "name" => {
            Field::Customer
        }
        "sähköposti" | "sähköpostiosoite" | "sposti" | "s posti" | "e posti" | "e post" | "email" | "e mail"
        | "email address" | "e mail address" => Field::Email,
        "puhelin" | "puhelinnumero" | "puh" | "matkapuhelin" | "telefon" | "phone" | "phone number" | "telephone" => {
            Field::Phone
        }
        "asiakasnumero" | "asiakasnro" | "asiakas nro" | "asiakastunnus" | "kundnummer" | "customer number"
        | "customer no" | "customer id" => Field::CustomerNumber,
        "kuvaus"
        | "reklamaatio"
        | "reklamaation kuvaus"
        | "valitus"
        | "selostus"
        | "beskrivning"
        | "description"
        | "complaint" => Field::Description,
        "toive" | "asiakkaan toive" | "vaatimus" | "toivottu hyvitys" | "toivottu ratkaisu" | "önskemål"
        | "requested remedy" | "remedy requested" | "request" => Field::RequestedRemedy,
        "kanava" | "yhteystapa" | "yhteyskanava" | "kanal" | "channel" => Field::Channel,
        "vastaanotettu" | "vastaanottopäivä" | "vastaanottoaika" | "saapunut" | "päivämäärä" | "pvm" | "mottagen"
        | "datum" | "received" | "received at" | "date" => Field::Received,
        "tuote" | "tilaus" | "tuote tilaus" | "tilausnumero" | "tilausnro" | "lasku" | "produkt" | "beställning"
        | "product" | "order" | "product order" | "order number" | "product ref" => Field::Product,
        "kiireellisyys" | "prioriteetti" | "tärkeys" | "prioritet" | "priority" => Field::Priority,
        "luokka" | "kategoria" | "aihe" | "kategori" | "category" => Field::Category,
        "tunnisteet" | "avainsanat" | "taggar" | "tags" => Field::Tags,
        "korvaus" | "hyvitys" | "summa" | "korvaus euroa" | "ersättning" | "compensation" | "amount" => Field::Amount,
        "vaadittu summa"
        | "vaadittu korvaus"
        | "vaatimus euroa"
        | "asiakkaan vaatimus euroa"
        | "krav"
        | "yrkat belopp"
        | "claimed amount"
        | "amount claimed"
        | "claim" => Field::Claimed,
        "peruste" | "korvausperuste" | "grund" | "basis" | "compensation basis" => Field::Basis,
        "kuitattu" | "vastaanotto kuitattu" | "kvitterad" | "acknowledged" => Field::Acknowledged,
        "viite" | "viitenumero" | "oma viite" | "vanha viite" | "tunnus" | "referens" | "reference" | "ref"
        | "reference number" | "case number" => Field::FormerRef,
        _ => return None,
    };
    Some(field)
}

/// Lower case, letters and digits only, single spaces; a trailing "(€)" or "(pvm)" is dropped.
fn normalise(header: &str) -> String {
    let header = match header.find('(') {
        Some(start) if start > 0 => &header[..start],
        _ => header,
    };
    let spaced: String = header.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_and_english_headers_map_to_the_same_columns() {
        for (header, field) in [
            ("Asiakas", Field::Customer),
            ("customer", Field::Customer),
            ("Kuvaus", Field::Description),
            ("Description", Field::Description),
            ("Toive", Field::RequestedRemedy),
            ("Requested remedy", Field::RequestedRemedy),
            ("Kanava", Field::Channel),
            ("Vastaanotettu", Field::Received),
            ("received", Field::Received),
            ("Puhelin", Field::Phone),
            ("Sähköposti", Field::Email),
            ("E-mail", Field::Email),
            ("Tuote/tilaus", Field::Product),
            ("TUOTE / TILAUS", Field::Product),
            ("Korvaus (€)", Field::Amount),
            ("Vaadittu summa (€)", Field::Claimed),
            ("Claimed amount", Field::Claimed),
            ("Viite", Field::FormerRef),
            ("Reference", Field::FormerRef),
        ] {
            assert_eq!(field_for(header), Some(field), "{header}");
        }
        assert_eq!(field_for("Muistiinpanot"), None);
    }
}
