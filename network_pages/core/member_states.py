"""The Council of Europe's 46 member states: ISO 3166-1 alpha-2 code, English and French names."""

MEMBER_STATES = [
    ("AL", "Albania", "Albanie"),
    ("AD", "Andorra", "Andorre"),
    ("AM", "Armenia", "Arménie"),
    ("AT", "Austria", "Autriche"),
    ("AZ", "Azerbaijan", "Azerbaïdjan"),
    ("BE", "Belgium", "Belgique"),
    ("BA", "Bosnia and Herzegovina", "Bosnie-Herzégovine"),
    ("BG", "Bulgaria", "Bulgarie"),
    ("HR", "Croatia", "Croatie"),
    ("CY", "Cyprus", "Chypre"),
    ("CZ", "Czech Republic", "République tchèque"),
    ("DK", "Denmark", "Danemark"),
    ("EE", "Estonia", "Estonie"),
    ("FI", "Finland", "Finlande"),
    ("FR", "France", "France"),
    ("GE", "Georgia", "Géorgie"),
    ("DE", "Germany", "Allemagne"),
    ("GR", "Greece", "Grèce"),
    ("HU", "Hungary", "Hongrie"),
    ("IS", "Iceland", "Islande"),
    ("IE", "Ireland", "Irlande"),
    ("IT", "Italy", "Italie"),
    ("LV", "Latvia", "Lettonie"),
    ("LI", "Liechtenstein", "Liechtenstein"),
    ("LT", "Lithuania", "Lituanie"),
    ("LU", "Luxembourg", "Luxembourg"),
    ("MT", "Malta", "Malte"),
    ("MD", "Republic of Moldova", "République de Moldova"),
    ("MC", "Monaco", "Monaco"),
    ("ME", "Montenegro", "Monténégro"),
    ("NL", "Netherlands", "Pays-Bas"),
    ("MK", "North Macedonia", "Macédoine du Nord"),
    ("NO", "Norway", "Norvège"),
    ("PL", "Poland", "Pologne"),
    ("PT", "Portugal", "Portugal"),
    ("RO", "Romania", "Roumanie"),
    ("SM", "San Marino", "Saint-Marin"),
    ("RS", "Serbia", "Serbie"),
    ("SK", "Slovak Republic", "République slovaque"),
    ("SI", "Slovenia", "Slovénie"),
    ("ES", "Spain", "Espagne"),
    ("SE", "Sweden", "Suède"),
    ("CH", "Switzerland", "Suisse"),
    ("TR", "Türkiye", "Türkiye"),
    ("UA", "Ukraine", "Ukraine"),
    ("GB", "United Kingdom", "Royaume-Uni"),
]


def state_group_name(code, name_en):
    return f"State: {name_en} ({code})"


# The article a sentence puts before a state's name, by language ("the Netherlands", "la France");
# a state missing from a language's table takes none ("Germany", "Chypre").
ARTICLES = {
    "en": {"the ": "CZ MD NL SK GB"},
    "fr": {
        "l'": "AL AD AM AT AZ EE DE ES IS IE IT UA",
        "le ": "DK LI LU ME PT GB",
        "les ": "NL",
        "la ": "BE BA BG HR CZ FI FR GE GR HU LV LT MD MK NO PL RO RS SK SI SE CH TR",
    },
}
ARTICLES = {
    language: {code: article for article, codes in table.items() for code in codes.split()}
    for language, table in ARTICLES.items()
}
# "de" and the French article, contracted ("du Portugal", "des Pays-Bas").
FRENCH_OF = {"la ": "de la ", "l'": "de l'", "le ": "du ", "les ": "des ", "": "de "}


def with_article(code, name, language):
    """The state's name as a sentence names it: "the Netherlands", "la France"."""
    return ARTICLES.get(language, {}).get(code, "") + name


def of_name(code, name, language):
    """The state's name after "of" ("of the Netherlands", "de la France", "du Portugal")."""
    if language == "fr":
        return FRENCH_OF[ARTICLES["fr"].get(code, "")] + name
    return "of " + with_article(code, name, language)
