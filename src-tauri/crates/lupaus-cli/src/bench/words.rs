//! The word pools the corpus draws from: names, products, faults and phrases in Finnish, Swedish
//! and English, and the desk's agents.

pub const FIRST_FI: &[&str] = &[
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
pub const LAST_FI: &[&str] = &[
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
pub const FIRST_SV: &[&str] =
    &["Erik", "Karin", "Linnea", "Johan", "Ingrid", "Henrik", "Elsa", "Fredrik", "Astrid", "Mikael", "Ebba"];
pub const LAST_SV: &[&str] =
    &["Lindqvist", "Björklund", "Öhman", "Lindström", "Nyberg", "Sjöberg", "Forsman", "Wikström", "Åberg", "Grönroos"];
pub const FIRST_EN: &[&str] = &["John", "Sarah", "David", "Emily", "James", "Laura", "Michael", "Olivia", "Daniel"];
pub const LAST_EN: &[&str] = &["Smith", "Brown", "Taylor", "Wilson", "Johnson", "Walker", "Evans", "Clarke", "Hughes"];
pub const DOMAINS: &[&str] =
    &["example.fi", "posti.example", "kotiposti.example", "mail.example.com", "webmail.example"];

/// (nominative, genitive, partitive)
pub const PRODUCTS_FI: &[(&str, &str, &str)] = &[
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
pub const FAULTS_FI: &[&str] = &[
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
pub const STORES_FI: &[&str] = &[
    "Helsingin myymälästä",
    "Tampereen myymälästä",
    "Oulun myymälästä",
    "Turun myymälästä",
    "Jyväskylän myymälästä",
    "verkkokaupasta",
    "Vantaan tavaratalosta",
];
pub const MONTHS_FI: &[&str] = &[
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
pub const EXTRA_FI: &[&str] = &[
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
pub const REMEDIES_FI: &[&str] = &[
    "Uusi laite tilalle",
    "Rahat takaisin",
    "Hyvitys laskusta",
    "Korjaus takuun puitteissa",
    "Anteeksipyyntö ja selvitys tapahtuneesta",
    "Toimitusmaksun palautus",
    "Korvaava tuote tai hinnanalennus",
    "Soitto ja selvitys tapahtuneesta",
];

pub const PRODUCTS_EN: &[&str] =
    &["washing machine", "dishwasher", "fridge", "coffee maker", "sofa", "TV", "phone", "vacuum cleaner", "laptop"];
pub const FAULTS_EN: &[&str] = &[
    "leaks water on the floor",
    "does not start at all",
    "makes a loud noise",
    "broke after a week",
    "stops in the middle of a programme",
    "arrived with a cracked panel",
];
pub const EXTRA_EN: &[&str] = &[
    "This is my second complaint about the same fault.",
    "I still have the receipt.",
    "Please sort this out quickly.",
    "Your staff promised to call me back but never did.",
    "I expect a decision this week.",
];
pub const REMEDIES_EN: &[&str] =
    &["A replacement", "A full refund", "Refund of the duplicate charge", "Repair under warranty", "An apology"];

pub const PRODUCTS_SV: &[&str] =
    &["Tvättmaskinen", "Diskmaskinen", "Kylskåpet", "Kaffebryggaren", "Soffan", "Dammsugaren"];
pub const FAULTS_SV: &[&str] =
    &["läcker vatten", "startar inte", "låter mycket", "gick sönder efter en vecka", "slutade fungera"];
pub const EXTRA_SV: &[&str] = &[
    "Jag har redan reklamerat samma fel en gång.",
    "Kvittot finns kvar.",
    "Jag vill ha svar snabbt.",
    "Ingen ringde tillbaka trots löfte.",
];
pub const REMEDIES_SV: &[&str] = &["Ny maskin", "Pengarna tillbaka", "Rättad faktura", "Reparation på garantin"];
pub const BRANDS: &[&str] = &["Kotiteho", "Nordline", "Aalto Home", "Lumo", "Vire", "Kaski", "Polar", "Saari"];

pub const AGENT_FIRST: &[&str] =
    &["Aino", "Ville", "Sara", "Oona", "Pekka", "Leena", "Jani", "Milla", "Teemu", "Rasmus"];
pub const AGENT_LAST: &[&str] =
    &["Agentti", "Palvelu", "Puhelin", "Olkkonen", "Tiski", "Neuvonen", "Apu", "Kuuntelija"];
