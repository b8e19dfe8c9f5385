"""People and organisations named in English news text.

Rules only: capitalised word runs are split into a role prefix ("US Secretary
of State") and a name ("Mike Pompeo"), and kept as people when something in
the text says they are people (a courtesy title, a role word, a known given
name, a later bare surname, an apposition, a reporting verb)."""

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import names as census_names
from nameparser.config import CONSTANTS

from archive.extraction import places


def word_set(text):
    """A set of words from a long whitespace-separated data string."""
    return set(text.split())


# Courtesy titles are dropped from the display name ("Dr Adam Marshall" ->
# "Adam Marshall"); the reader still sees them through `honorific`.
COURTESY = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "dr": "", "prof": "",
    "professor": "", "sir": "m", "dame": "f", "cllr": "", "councillor": "",
    "rev": "", "reverend": "", "mme": "f", "mlle": "f", "m": "", "herr": "m",
    "frau": "f", "judge": "", "justice": "", "mufti": "m", "imam": "m",
    "rabbi": "", "father": "m", "fr": "m", "sister": "f", "chancellor": "",
    "president": "", "senator": "", "sen": "", "rep": "", "gov": "", "governor": "",
    "mayor": "", "minister": "", "premier": "", "general": "", "gen": "",
    "admiral": "", "adm": "", "captain": "", "capt": "", "col": "", "colonel": "",
    "lt": "", "sgt": "", "sergeant": "", "constable": "", "inspector": "",
    "detective": "", "superintendent": "", "officer": "", "coach": "",
    "legislator": "", "commissioner": "", "ambassador": "", "speaker": "",
    "secretary": "", "commandant": "", "chief": "", "deputy": "",
}
# Peers and royals are known by the title itself ("Lord Heseltine"), so it stays
# in the display name when only one name follows it.
PEERAGE = {
    "lord": "m", "lady": "f", "baroness": "f", "baron": "m", "viscount": "m",
    "earl": "m", "duke": "m", "duchess": "f", "marquess": "m", "countess": "f",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "pope": "m",
    "emperor": "m", "empress": "f", "sheikh": "m", "sultan": "m",
}
HONORIFICS = set(COURTESY) | set(PEERAGE)
# Titles that are a form of address wherever they stand; job titles
# ("Chancellor", "Judge") are honorifics only when nothing precedes them.
FORMS_OF_ADDRESS = set(PEERAGE) | word_set(
    "mr mrs ms miss mx dr prof professor sir dame cllr councillor rev reverend mme mlle "
    "herr frau mufti imam rabbi father fr"
)
FUNCTION_WORDS = word_set("the a an in on at by for from to of and but with as or")

# Words that name a job rather than a person; a capitalised run up to the last
# of them is the role ("Emergencies Minister" Yevgeny Zinichev).
ROLE_WORDS = (
    {t for t in CONSTANTS.titles if t.isalpha() and len(t) > 2}
    | HONORIFICS
    | word_set(
        "spokesman spokeswoman spokesperson chairman chairwoman chair chairperson head "
        "leader mp mep msp ceo cfo coo cto founder president vice-president director "
        "director-general secretary-general commandant superintendent constable "
        "legislator lawmaker congressman congresswoman councillor councilor mayor "
        "minister secretary governor senator judge justice speaker chancellor "
        "commissioner ambassador officer manager coach captain researcher astronomer "
        "scientist professor lecturer economist analyst lawyer attorney prosecutor "
        "investigator inspector detective sergeant candidate chief deputy member "
        "premier president-elect treasurer trustee editor correspondent reporter "
        "author writer actor actress singer player striker goalkeeper batsman "
        "champion winner runner athlete driver pilot doctor nurse surgeon physician "
        "teacher student campaigner activist commander envoy diplomat delegate "
        "representative rep executive administrator administration spokesmodel "
        "owner partner boss adviser advisor consultant engineer pastor priest "
        "bishop archbishop cardinal imam cleric monarch princess prince king queen whip taoiseach tánaiste"
)
) - {"the", "and", "of", "state", "air", "royal", "private", "major", "general", "dean"}

# A capitalised run holding one of these names an organisation, not a person.
ORG_WORDS = word_set(
    "council party police ministry department agency association institute "
    "university college school company corporation corp inc ltd llc plc group "
    "board service services commission committee authority organisation "
    "organization bank office court government guard army navy forces force "
    "union society foundation administration bureau centre center federation "
    "league network trust fund airline airlines air airways club team house "
    "commons parliament assembly congress senate cabinet treasury whitehall "
    "times post news press herald journal guardian telegraph gazette tribune "
    "mail express independent observer chronicle mirror review report paper "
    "cathedral church mosque temple hospital station airport street road avenue "
    "park square bridge museum library stadium festival marathon cup championship "
    "games olympics awards prize act bill law treaty agreement deal programme "
    "program project fund initiative corps brigade division command unit "
    "industries holdings motors motor systems technologies media broadcasting "
    "international global national federal brexit powerhouse region province county "
    "district territory republic kingdom laboratory laboratories lab labs observatory "
    "academy council front"
)
# A run ending in one of these names a place or a work, never a person ("Santa Cruz Island").
FEATURE_WORDS = word_set("island islands peninsula bay river lake mountain mountains valley canyon desert ocean "
                         "sea coast beach forest studios universe comics accords rights")
SURNAME_LIKE_ORG_WORDS = word_set("park street house bank church hall law post mail press court bridge field")
ORG_HEADS = word_set(
    "company firm ministry government police council board agency department "
    "authority committee commission organisation organization group party "
    "court service bank airline union university institute office army navy "
    "guard club team newspaper network foundation charity society trust military"
)

# Capitalised words that start sentences or name times and things, never people.
NOT_NAME_WORDS = word_set(
    "a an the this that these those there their they them then than it its he she "
    "his her hers him we our us you your i my me in on at by for from to of and or "
    "but if as so yet nor not no yes with without after before during while when "
    "where which who whom whose what why how all any some many most more much "
    "each every both either neither one two three four five six seven eight nine "
    "ten first second third last next new old other another such however also "
    "meanwhile although though because since until unless despite according "
    "yesterday today tomorrow tonight earlier later now again still already here "
    "monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december "
    "mon tue wed thu fri sat sun feb mar apr jun jul aug sep sept oct nov dec "
    "image photo video file picture source sources "
    "mr mrs ms dr is was are were be been has have had will would could should "
    "can may might must do does did just only even about over under between into "
    "government state city council police court ministry party officials critics "
    "opponents residents people police lawmakers ministers"
)

FEMALE_NAMES = word_set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
    "nancy lisa betty margaret sandra ashley kimberly emily donna michelle "
    "dorothy carol amanda melissa deborah stephanie rebecca sharon laura "
    "cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen "
    "samantha katherine christine debra rachel carolyn janet catherine maria "
    "heather diane ruth julie olivia joyce virginia victoria kelly lauren "
    "christina joan evelyn judith megan andrea cheryl hannah jacqueline martha "
    "gloria teresa ann sara madison frances kathryn janice jean abigail alice "
    "judy sophia grace denise amber doris marilyn danielle beverly isabella "
    "theresa diana natalie brittany charlotte marie kayla alexis lori "
    "francesca sophie carrie tanya regina paula brigid theresa nicola yvette "
    "harriet priti angela ursula kamala nancy hillary hilary melania ivanka "
    "greta jacinda sanna nicola arlene andrea kirsten kristin ilhan alexandria "
    "elena olga tatiana svetlana irina natalia anastasia ekaterina yulia "
    "veronika monika agnieszka katarzyna anna marta ewa beata fatima aisha "
    "ayesha maryam zainab leila layla noor sana fouzia qandeel benazir "
    "michaela jane lucy chloe zoe amelia isla ava mia ella ellie jessica "
    "alison allison caroline claire clare fiona gillian hazel joanna karen "
    "louise lynn maureen penny priya rosa rose sheila stella susan tracey "
    "valerie wendy yvonne ruby mila carmen lucia gabriela ana beatriz"
)
MALE_NAMES = word_set(
    "james robert john michael william david richard joseph thomas charles "
    "christopher daniel matthew anthony mark donald steven paul andrew joshua "
    "kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob "
    "gary nicholas eric jonathan stephen larry justin scott brandon benjamin "
    "samuel gregory alexander frank patrick raymond jack dennis jerry tyler "
    "aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah "
    "jeremy christian keith roger terry gerald harold sean austin carl arthur "
    "lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert "
    "willie alan juan wayne elijah randy roy vincent ralph eugene russell "
    "bobby mason philip louis boris greg ken ed bob andy marvin tom mike "
    "howard brad ben ryan angelos delfin elson yevgeny alexander vladimir "
    "oleg ivan dmitry sergei sergey igor nikolai mikhail andrei alexei "
    "piotr tomasz andrzej joachim jan krzysztof marek pawel lech mateusz "
    "mohammed muhammad mohamed ahmed ali hassan hussein omar abdul hamid "
    "imran nawaz bashar recep emmanuel francois jean pierre jacques "
    "angelo giuseppe matteo luigi carlos juan luis miguel pedro jorge "
    "rodrigo manuel antonio francisco javier hans klaus jurgen steffen "
    "helmut olaf horst heiko richard rishi keir nigel jeremy theresa "
    "liam noel conor sean kieran declan rory hamish callum ewan "
    "xi li wang narendra rahul shinzo yoshihide moon kim jair evo nicolas "
    "justin scott malcolm kevin tony gordon david nick vince ed jeremy "
    "barack joe mitt bernie pete cory ted rand marco mitch chuck newt "
    "dick colin hugh simon graham ian neil martin stuart alistair duncan harry ron jim tim "
    "sam dan matt chris nick phil steve jon josh luke jake charlie bill mick"
) - FEMALE_NAMES


REPORTING_VERBS = word_set(
    "say says said saying tell tells told telling add adds added adding explain "
    "explains explained state states stated note notes noted claim claims claimed "
    "warn warns warned argue argues argued insist insists insisted write writes wrote "
    "tweet tweets tweeted announce announces announced ask asks asked reply replies "
    "replied continue continues continued conclude concludes concluded suggest "
    "suggests suggested acknowledge acknowledges acknowledged admit admits admitted "
    "urge urges urged describe describes described confirm confirms confirmed deny "
    "denies denied reveal reveals revealed indicate indicates indicated comment "
    "comments commented remark remarks remarked report reports reported declare "
    "declares declared believe believes believed predict predicts predicted "
    "recall recalls recalled respond responds responded agree agrees agreed "
    "disagree disagrees disagreed estimate estimates estimated allege alleges alleged "
    "characterise characterised characterize characterized posted exclaimed "
    "stressed stresses emphasised emphasized promised promises testified "
    "pointed called calls reads read spoke speaking describing explaining stating "
    "noting claiming warning arguing insisting writing tweeting announcing urging "
    "confirming suggesting commenting remarking responding replying asking "
    "cite cites cited citing mention mentions mentioned observe observes observed "
    "recount recounts recounted quip quips quipped joke jokes joked boast boasts boasted "
    "complain complains complained lament laments lamented vow vows vowed pledge "
    "pledges pledged demand demands demanded question questions questioned cautions "
    "cautioned concede concedes conceded counter counters countered retort retorts "
    "retorted shout shouts shouted maintain maintains maintained contend contends "
    "contended assert asserts asserted echo echoes echoed hail hails hailed praise "
    "praises praised criticise criticises criticised criticize criticizes criticized "
    "condemn condemns condemned accuse accuses accused blame blames blamed welcome "
    "welcomes welcomed recalled wrote posts posting whispered elaborate elaborates elaborated"
)

Span = tuple


@dataclass
class Entity:
    name: str
    kind: str = "person"          # "person" or "organisation"
    honorific: str = ""
    gender: str = ""              # "m", "f" or "" when the text does not tell
    role: str = ""
    aliases: list = field(default_factory=list)
    mentions: list = field(default_factory=list)   # (start, end) of each mention

    @property
    def surname(self):
        words = [w for w in self.name.split() if not ROMAN.match(w)]
        return words[-1]

    def role_words(self):
        words = set(re.findall(r"[\w-]+", self.role.lower())) & ROLE_WORDS
        if self.honorific:
            words.add(self.honorific.lower().rstrip("."))
        return words

    def add_alias(self, form):
        if form != self.name and form not in self.aliases:
            self.aliases.append(form)


@lru_cache(maxsize=65536)
def fold(word):
    """Accent- and case-insensitive form: "Brudziński" == "Brudzinski"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def find_entities(text):
    """People and organisations in `text` with the offsets of every mention."""
    tokens = tokenize(text)
    # Capitalised uses only: "the country" does not make "Black Country" a surname twice.
    counts = Counter(fold(w) for w in re.findall(r"[\w-]+", text) if w[:1].isupper())
    people, orgs = [], []
    for run in capitalised_runs(text, tokens):
        run = strip_leading(text, run)
        if run:
            classify_run(text, run, people, orgs, counts)
    add_acronyms(text, orgs, people)
    add_single_names(text, people)
    link_bare_names(text, tokens, people, orgs)
    add_single_word_orgs(text, tokens, people, orgs)
    for person in people:
        person.mentions.sort()
        if not person.gender:
            person.gender = pronoun_gender(text, person, people)
    return [e for e in people + orgs if e.mentions]


def strip_leading(text, run):
    while run and run[0][0].lower() in NOT_NAME_WORDS and not is_honorific_token(run[0][0]) \
            and not is_acronym(run[0][0]) and not org_name_start(text, run):
        run = run[1:]
    while run and (run[0][0].lower() in CONNECTORS or run[0][0].lower().endswith("-year-old")):
        run = run[1:]
    # A plural demonym or sentence-initial common noun glued to a name:
    # "Ethiopians Dejene Debela", "Countryman Lawrence Cherono".
    if len(run) > 2 and re.search(r"(?:ans|ese|is)$", run[0][0]) and not is_given_name(run[0][0]):
        run = run[1:]
    if len(run) > 2 and sentence_initial(text, run[0][1]) and not is_given_name(run[0][0]) \
            and is_given_name(run[1][0]) and run[0][0].lower() not in ROLE_WORDS:
        run = run[1:]
    if len(run) > 1 and sentence_initial(text, run[0][1]) and ordinary_word(text, run[0][0]):
        run = run[1:]
    if len(run) == 2 and sentence_initial(text, run[0][1]) and not is_given_name(run[0][0]) \
            and not is_honorific_token(run[0][0]) and other_first_word(text, run):
        # "Afterwards Trump", "Longtime Imus": the surname is named elsewhere
        # with a real given name, so the opening word is not one.
        run = run[1:]
    return run


def other_first_word(text, run):
    for m in re.finditer(r"\b([A-Z][\w'’-]+)\s+" + re.escape(run[1][0]) + r"\b", text):
        if m.group(1) != run[0][0] and m.group(1).lower() not in NOT_NAME_WORDS and \
                (is_given_name(m.group(1)) or not sentence_initial(text, m.start())):
            return True
    return False


ORDINARY_ENDINGS = re.compile(r"(?:ous|ive|ful|less|ly|ed|ing|ion|ment|ness|ity|ish)$")


def ordinary_word(text, word):
    """A word capitalised only because it opens a sentence ("Previous SpaceX
    pods"): it reads as an ordinary word, or the article uses it in lower case."""
    if is_given_name(word) or word.lower() in ROLE_WORDS or not word[1:].islower():
        return False
    return bool(ORDINARY_ENDINGS.search(word)) or re.search(r"\b" + re.escape(word.lower()) + r"\b", text) is not None


def org_name_start(text, run):
    """ "the State Department", "the City Council": a noun that starts an
    organisation's name mid-sentence stays part of it."""
    return (run[0][0].lower() in ORG_NAME_STARTS and len(run) > 1
            and any(t[0].lower() in ORG_WORDS for t in run)
            and not sentence_initial(text, run[0][1]))


ORG_NAME_STARTS = word_set("state city government council police court ministry party")


def classify_run(text, run, people, orgs, counts, coordinated=False):
    while len(run) > 2 and run[-1][0].rstrip(".") in POSTNOMINALS:
        run = run[:-1]  # "Durham Hall QC", "Tim Farron MP": letters after a name
    lower = [t[0].lower().rstrip(".") for t in run]
    if "and" in lower and not set(lower) & ORG_WORDS:
        # "Sir Keith Morland and Cllr Jo Brant": two people, each named in full.
        k = lower.index("and")
        known = classify_run(text, run[:k], people, orgs, counts, coordinated)
        second = classify_run(text, strip_leading(text, run[k + 1:]), people, orgs, counts, known)
        if second and not known and re.match(r",\s+(?:both|each)\b", text[run[-1][2]:]):
            # "Ababel Yeshaneh and Gelete Burka, both from Ethiopia": the
            # evidence after the pair is for both.
            classify_run(text, run[:k], people, orgs, counts, True)
        return second
    last_org = max((k for k, w in enumerate(lower[:-2]) if w in ORG_WORDS), default=None)
    if last_org is not None and len(run) - last_org - 1 in (2, 3) and "of" not in lower[last_org:] \
            and (is_given_name(run[last_org + 1][0]) or "-" in run[last_org + 1][0][1:4]):
        # "director of Amnesty International Man-kei Tam": the body, then its officer.
        add_org(text, orgs, run[:last_org + 1])
        return classify_run(text, run[last_org + 1:], people, orgs, counts, coordinated)
    owner = next((k for k, t in enumerate(run[:-2]) if re.search(r"['’]s$", t[0])), None)
    if owner is not None and {fold(re.sub(r"['’]s$", "", t[0])) for t in run[:owner + 1]} & ORG_WORDS \
            and (is_given_name(run[owner + 1][0]) or census_given_name(text, run[owner + 1][0])):
        # "The Native American Rights Fund's Jacqueline De León": the body,
        # then its member.
        add_org(text, orgs, run[:owner + 1])
        return classify_run(text, run[owner + 1:], people, orgs, counts, coordinated)
    if owner is not None and 2 <= owner + 1 <= 3 and {t[0].lower().rstrip(".") for t in run[owner + 1:]} & ORG_WORDS \
            and is_given_name(run[0][0]) and not {t[0].lower() for t in run[:owner + 1]} & ORG_WORDS:
        # "John Lydon's Public Image Ltd": the person, then what they own.
        known = classify_run(text, run[:owner + 1], people, orgs, counts, coordinated)
        add_org(text, orgs, run[owner + 1:])
        return known
    role, name, rest = split_run(run)
    owner = next((k for k, t in enumerate(name[:-1]) if re.search(r"['’]s$", t[0])), None)
    if owner is not None and not {t[0].lower() for t in name[owner + 1:]} & ORG_WORDS:
        # "Ben Ali's Presidency": the name ends at the possessive.
        name, rest = name[:owner + 1], []
    words = clean_name_tokens(name)
    if run and not role and THING_BEFORE_RE.search(text, max(0, run[0][1] - 30), run[0][1]):
        add_org(text, orgs, run)    # "the organization Equally American"
        return False
    if words and looks_like_person(text, run, role, name, words, counts, coordinated):
        add_person(text, people, role, name, words)
        if rest:
            classify_run(text, strip_leading(text, rest), people, orgs, counts)
        return True
    if any(w.lower().rstrip(".") in ORG_WORDS for w, _, _ in run) and len(run) > 1:
        add_org(text, orgs, run)
    elif rest:
        classify_run(text, strip_leading(text, rest), people, orgs, counts)
    return False


def looks_like_person(text, run, role, name, words, counts, coordinated=False):
    lower = [fold(w) for w in words]
    given = is_given_name(words[0])
    # Arabic and other names with particles run longer: "Zine El Abidine Ben Ali".
    longest = 6 if any(w in PARTICLES for w in lower[1:-1]) else 4
    # "Theresa May": a month or a modal verb is a surname after a known given name.
    surname_word = len(lower) == 2 and lower[-1] in ("may", "march") and given
    if any(w in NOT_NAME_WORDS for w in lower[:len(lower) - surname_word]) or len(words) > longest \
            or lower[-1] in ROLE_WORDS \
            or lower[-1] in FEATURE_WORDS or plural_role(lower[-1]):
        return False
    # "Cllr Jane Street", "Co-author Min-jun Park": after a job title, an
    # organisation word that is also a common surname still ends a name.
    org_words = {w for w in lower if w in ORG_WORDS} - (SURNAME_LIKE_ORG_WORDS if role else set())
    if org_words and not given:
        return False
    if any(not w[:1].isalpha() for w in words):
        return False
    if any(re.search(r"['’]s$", t[0]) for t in name[:-1]):
        return False
    if len(words) == 1:
        # "Dr Castle", "President Macron": only a title right before one word makes it a name.
        title = role[-1][0].lower().rstrip(".") if role else ""
        if title in HONORIFICS and role[-1][2] + 1 == name[0][1]:
            return True
        # "Turkish president Erdoğan", "prime minister Modi": a job in lower case.
        if not role and lower_case_word_before(text, name[0][1]) in PERSON_JOBS:
            return True
        # "Fourteen-year-old Zoe", "Robert, 15, said": children and witnesses
        # are often given one name, with an age that shows they are people.
        start, end = name[0][1], name[0][2]
        return bool(YEAR_OLD_RE.search(text, max(0, start - 25), start) or AGE_RE.match(text, end)) \
            or (is_given_name(words[0]) and next_word(text[end:end + 40]) in REPORTING_VERBS
                and not re.search(r"\b" + re.escape(words[0]) + r"\s+[A-Z]", text))
    if places.is_place(" ".join(words)):
        return False
    if POSTNOMINAL_RE.match(text, name[-1][2]):
        return True     # only people are QCs, MPs or OBEs
    particle = any(w in PARTICLES for w in lower[1:-1])
    # A census given name before a surname that is also a town ("Alex Greenwich")
    # needs no more than any other name; a town first still does ("Austin Texas").
    census_first = len(words) == 2 and census_given_name(text, words[0]) and not places.is_place(words[0])
    if not given and not role and not particle and (places.is_place(words[0]) or (
            places.is_place(words[-1]) and words[-1] not in places.COMMON_WORDS and not census_first)):
        # Many given names are also towns somewhere ("Jarosław", "Florence"):
        # only the way the text uses the name can tell, so ask for that.
        # "her younger brother Borna", "director Sidney Lumet": kin or a job before.
        before = lower_case_word_before(text, run[0][1])
        kin_or_job = re.fullmatch(KIN, before) or (
            before not in NOT_NAME_WORDS and (before in ROLE_WORDS or job_noun(before)))
        return bool(kin_or_job) or speaks_as_person(text, name, words)
    return coordinated or has_person_evidence(text, run, role, name, words, counts)


def speaks_as_person(text, name, words):
    """Evidence from position alone: the name, or its last word on its own
    elsewhere, is the subject of a reporting verb or carries an age or a
    courtesy title ("Kaczyński said", "Mr Kaczyński", "Kaczyński, 71,")."""
    after = text[name[-1][2]:name[-1][2] + 40]
    if next_word(after) in REPORTING_VERBS or AGE_RE.match(after):
        return True
    if prev_word(text[max(0, name[0][1] - 15):name[0][1]]) in INVERTED_VERBS:
        return True     # '"...", said Vasco Cordeiro'
    surname = re.escape(words[-1])
    for m in re.finditer(r"\b" + surname + r"\b", text):
        if m.start() == name[-1][1]:
            continue
        if next_word(text[m.end():m.end() + 40]) in REPORTING_VERBS or AGE_RE.match(text, m.end()):
            return True
        if prev_word(text[max(0, m.start() - 12):m.start()]) in FORMS_OF_ADDRESS:
            return True
    return False


# Letters after a person's name: honours, degrees, seats, silk.
POSTNOMINALS = set("QC KC MP MSP MS MLA MEP AM TD OBE MBE CBE KBE DBE GBE FRS PhD JP".split())
POSTNOMINAL_RE = re.compile(r",?\s+(?:" + "|".join(sorted(POSTNOMINALS, key=len, reverse=True)) + r")\b")
# A capitalised name right after one of these names a body or a work, not a person.
THING_NOUNS = word_set("organisation organization group company firm charity agency website magazine "
                       "newspaper network")
THING_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(THING_NOUNS | word_set(
    "campaign coalition movement non-profit nonprofit band brand"))) + r")\s+$")
ROLE_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,2}?(?P<job>[a-z][\w-]*)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)?,\s*$"
)
# Jobs held by one named person at a time, written in lower case before a
# single name: "president Erdoğan", "chancellor Merkel".
PERSON_JOBS = word_set("president minister chancellor premier king queen pope prince princess senator "
                       "governor mayor ambassador leader spokesman spokeswoman spokesperson")
# Verbs that come before their speaker: '"...," said X'.
INVERTED_VERBS = word_set("said says added adds wrote writes explained continued noted stated recalled asked")
AGE_RE = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
YEAR_OLD_RE = re.compile(r"\b[\w-]+-year-old\s+$", re.IGNORECASE)


def has_person_evidence(text, run, role, name, words, counts):
    end = name[-1][2]
    before = text[max(0, run[0][1] - 40):run[0][1]]
    after = text[end:end + 40]
    surname = fold(words[-1])
    return bool(
        role
        or is_given_name(words[0])
        or census_given_name(text, words[0])
        or any(w.lower() in PARTICLES or "-" in w[:4] for w in words[1:])
        or (prev_word(before) in ROLE_WORDS | {"by", "as", "says", "said"})
        or re.match(r",\s+(?:\d+|a|an|the|who|whose|another|former|formerly|both|one of)\b", after)
        or YEAR_OLD_RE.search(before)
        or (re.match(r",\s+\w", after) and next_word(after) in ROLE_WORDS - NOT_NAME_WORDS)
        or (next_word(after) in REPORTING_VERBS and not after.startswith(")"))
        or counts[surname] > 1
        # "The mayor of London, Sadiq Khan, said": set off by commas after a job.
        or (text[end:end + 1] == "," and role_before(text, run[0][1]))
    )


def role_before(text, start):
    m = ROLE_BEFORE_RE.search(text, max(0, start - 80), start)
    return bool(m) and m.group("job") in ROLE_WORDS


def lower_case_word_before(text, pos):
    """The word right before `pos` when written in lower case ("president" in
    "Turkish president Erdoğan"), else ""."""
    m = re.search(r"\b([a-z][\w-]*)\s+$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def prev_word(before):
    m = re.search(r"([\w-]+)\W*$", before)
    return m.group(1).lower() if m else ""


def next_word(after):
    m = re.match(r"\W*([\w-]+)", after)
    return m.group(1).lower() if m else ""


def add_person(text, people, role, name, words):
    start, end = name[0][1], possessive_end(text, name[-1][2])
    honorific = read_honorific(role)
    if honorific and text[role[-1][2]:start] == " ":
        start = role[-1][1]
    bare = [w for w in words if not ROMAN.match(w)]
    display = " ".join(words)
    if len(bare) == 1 and honorific.lower() in PEERAGE:
        display = f"{honorific} {display}"
    person = match_person(people, words, honorific)
    if person is None:
        person = Entity(display, honorific=honorific, gender=name_gender(words, honorific))
        people.append(person)
    elif len(bare) > 1 and len(person.name.split()) < len(words) and person.honorific.lower() not in PEERAGE:
        person.add_alias(person.name)
        person.name = display
    if not person.honorific and honorific:
        person.honorific = honorific
    if not person.gender:
        person.gender = name_gender(words, honorific)
    person.add_alias(re.sub(r"['’]s$", "", text[start:end]))
    person.mentions.append((start, end))
    if not person.role:
        person.role = read_role(text, role, run_start(role, name), end)


def read_honorific(role):
    if not role or not is_honorific_token(role[-1][0]):
        return ""
    title = role[-1][0].rstrip(".")
    if title.lower() in FORMS_OF_ADDRESS or len(role) == 1:
        return title
    return ""


def run_start(role, name):
    return (role or name)[0][1]


def match_person(people, words, honorific):
    folded = [fold(w) for w in words if not ROMAN.match(w)]
    for person in reversed(people):
        theirs = [fold(w) for w in person.name.split() if not ROMAN.match(w)]
        if theirs == folded:
            return person
        # "Ben Ali" after "Zine El Abidine Ben Ali": a surname opening with a particle.
        shorter, longer = sorted((folded, theirs), key=len)
        if 1 < len(shorter) < len(longer) and longer[-len(shorter):] == shorter \
                and shorter[0] in PARTICLES:
            return person
        same_surname = fold(person.surname) == folded[-1]
        if same_surname and (len(folded) == 1 or len(theirs) == 1 or theirs[0] == folded[0]):
            return person
    return None


def name_gender(words, honorific):
    title = honorific.lower()
    gender = COURTESY.get(title) or PEERAGE.get(title) or ""
    if gender:
        return gender
    first = words[0].lower()
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return ""


def pronoun_gender(text, person, people):
    """He or she in the words right after a mention, before anyone else is named."""
    others = sorted(s for p in people if p is not person for s, _ in p.mentions)
    votes = {"m": 0, "f": 0}
    for start, end in person.mentions:
        limit = min([s for s in others if s > end] + [end + 200])
        for m in re.finditer(r"\b(he|him|his|himself|she|her|hers|herself)\b", text[end:limit], re.IGNORECASE):
            votes["m" if m.group(1).lower().startswith("h") and m.group(1).lower() not in ("her", "hers", "herself")
                  else "f"] += 1
            break
    if votes["m"] > votes["f"]:
        return "m"
    if votes["f"] > votes["m"]:
        return "f"
    return ""


APPOSITION_RE = re.compile(
    r",\s+(?!who\b|which\b|whose\b|that\b|where\b|both\b|and\b|but\b|as\b)"
    r"((?:the|a|an)\s+)?([^,;.()\"“”]{3,90}?)(?=[,;.]|\s+(?:said|says|told|added)\b)"
)


def read_role(text, role_tokens, start, end):
    """The job the article gives a person: "Emergencies Minister", "Bristol
    mayor", or an apposition: "leader of Wolverhampton City Council"."""
    words = [t[0] for t in role_tokens]
    if words and words[-1].lower().rstrip(".") in FORMS_OF_ADDRESS:
        words = words[:-1]
    line = text[max(0, start - 80):start].rsplit("\n", 1)[-1]
    lead = []
    for word in reversed(re.findall(r"[\w'’.-]+|[^\w\s]", line)):
        if word.lower() in ROLE_WORDS or (is_cap(word) and word.lower() not in FUNCTION_WORDS):
            lead.insert(0, word)
        else:
            break
    words = lead + words
    if {w.lower() for w in words} & ROLE_WORDS:
        return " ".join(words)
    m = APPOSITION_RE.match(text, end)
    if m and set(re.findall(r"[\w-]+", m.group(2).lower())) & ROLE_WORDS and len(m.group(2).split()) <= 12:
        return m.group(2).strip()
    return ""


def add_org(text, orgs, run):
    for k, (word, _, _) in enumerate(run[:-1]):
        if word.lower() in CONNECTORS and run[k + 1][0].lower() in NOT_NAME_WORDS - ORG_WORDS - {"state", "city"}:
            run = run[:k]
            break
    words = [t[0] for t in run]
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
        run = run[:-1]
    if not words:
        return
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    if fold(words[0]) in PERSON_ROLE_HEADS:
        return    # "Member of Parliament", "Minister of Health": a job
    name = " ".join(words)
    org = next((o for o in orgs if o.name == name), None) or earlier_full_form(orgs, words)
    if org is None:
        org = Entity(name, kind="organisation")
        orgs.append(org)
    elif org.name != name:
        org.add_alias(name)
    org.mentions.append((run[0][1], possessive_end(text, run[-1][2])))


def possessive_end(text, end):
    """A mention ends before its possessive "'s", which tells who owns what."""
    return end - 2 if text[end - 2:end] in ("'s", "’s") else end


def earlier_full_form(orgs, words):
    """The organisation named in full earlier that a shorter form refers to:
    "the State Department" after "the United States Department of State"."""
    short = {fold(w) for w in words if w not in ("US", "U.S.", "UK", "U.K.")} - CONNECTORS
    if len(short) < 2:
        return None
    for org in reversed(orgs):
        full = {fold(w) for w in org.name.split()}
        if short <= full and len(org.name.split()) > len(words):
            return org
    return None


ACRONYM_RE = re.compile(r"((?:[A-Z][\w&'-]*\s(?:(?:of|the|for|and|on)\s)*){1,8})\(([A-Z][A-Za-z&.]{1,9})\)")
# The other order: "AEW (All Elite Wrestling)".
EXPANSION_RE = re.compile(r"\b([A-Z][A-Z&]{1,8})\s+\(((?:[A-Z][\w&'-]*(?:\s+(?:of|the|for|and|on))*\s*){2,8})\)")


def add_acronyms(text, orgs, people):
    """ "the Royal Canadian Mounted Police (RCMP)": the acronym is an alias.
    A name spelled out next to its acronym is an organisation even without
    an organisation word in it ("All Elite Wrestling (AEW)")."""
    pairs = [(m.group(1).strip(), m.group(2), m.start(1)) for m in ACRONYM_RE.finditer(text)]
    pairs += [(m.group(2).strip(), m.group(1), m.start(2)) for m in EXPANSION_RE.finditer(text)]
    for full, acronym, start in pairs:
        acronym_letters = acronym.replace(".", "").replace("&", "").upper()
        while len(full.split()) > 1 and (full.split()[0].lower() in CONNECTORS or (
                full.split()[0].lower() in NOT_NAME_WORDS and initials(full) != acronym_letters)):
            start += len(full.split(" ", 1)[0]) + 1
            full = full.split(" ", 1)[1]
        org = next((o for o in orgs if o.name == full), None)
        if org is None and initials(full) == acronym_letters and len(full.split()) > 1 \
                and not {fold(full.split()[0]), fold(full.split()[-1])} & PERSON_ROLE_HEADS:
            org = Entity(full, kind="organisation")
            orgs.append(org)
            # "All Elite Wrestling" taken for a person "Elite Wrestling": the
            # acronym beside it says otherwise.
            for person in people:
                if fold(person.name) in fold(full):
                    org.mentions.extend(person.mentions)
                    person.mentions = []
            org.mentions.append((start, start + len(full)))
            org.mentions = [(a, b) for a, b in sorted(set(org.mentions))
                            if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in org.mentions)]
        if org is not None:
            org.add_alias(acronym)


# "Member of Parliament (MP)" spells out a job, not an organisation.
PERSON_ROLE_HEADS = word_set("member officer executive minister secretary president director manager "
                             "chairman chairwoman governor mayor ambassador councillor representative")


def initials(name):
    return "".join(w[0] for w in name.split() if w.lower() not in CONNECTORS).upper()


def is_acronym(word):
    bare = word.rstrip(".").replace(".", "")
    return 1 < len(bare) <= 6 and bare.isalpha() and bare.isupper()


# Single words that name organisations the world over; an article seldom
# spells them out or adds "Inc".
KNOWN_ORGS = word_set(
    "Google Alphabet Apple Amazon Microsoft Facebook Meta Twitter YouTube Instagram WhatsApp "
    "TikTok Snapchat Reddit Wikipedia Wikimedia GitHub Netflix Spotify Uber Airbnb Tesla SpaceX "
    "Boeing Airbus Samsung Huawei Sony Nintendo Toyota Honda Nissan Volkswagen Ford Walmart "
    "Nike Adidas Pfizer Moderna AstraZeneca Novavax Sanofi Bayer Siemens Shell BP Gazprom "
    "Rosneft Aeroflot Ryanair easyJet Lufthansa Qantas Tesco Sainsbury Asda "
    "Vodafone Ofcom Ofsted Ofgem Interpol Europol Frontex Greenpeace Oxfam Amnesty Hamas "
    "Hezbollah Taliban Fatah"
)
# Acronyms that name no organisation.
NOT_ORG_ACRONYMS = word_set(
    "TV AM PM OK ID UTC GMT BST EST PST CET COVID AIDS HIV SARS MERS GDP DNA RNA IRC URL DRM "
    "LGBT LGBTQ FLOSS II III IV VI VII VIII IX XI CCTV CEO CFO MP MEP MSP MLA PR PhD VIP SUV "
    "USB PDF HTML API UFO IQ ICU PPE RAF CPR"
)


def org_like_acronym(word):
    return (is_acronym(word) and word not in NOT_ORG_ACRONYMS and word.lower() not in ROLE_WORDS
            and not places.is_place(word))


SOURCE_NOUNS = (r"(?:statement|spokes(?:man|woman|person)|press\s+release|release|notice|letter|"
                r"tweet|post|message|website|account|announcement|report|filing|complaint|"
                r"take-?down\s+notice|blog(?:\s+post)?|office|press\s+office|campaign|camp)")
# What follows a name that speaks: " said", "'s statement said", "’s DMCA notice alleged".
SPEAKS_NEXT_RE = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}" + SOURCE_NOUNS + r")?\s+(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?P<verb>[a-z]+)\b"
)


def add_single_word_orgs(text, tokens, people, orgs):
    """ "Boeing said", "the RIAA's notice alleged": single words that name an
    organisation. Well-known names count anywhere; an acronym or any other
    capitalised word counts where it speaks ("..., Arriva said", "according
    to NHC") and is no person's or place's name."""
    taken = sorted(span for e in people + orgs for span in e.mentions)
    starts = [s for s, _ in taken]

    def free(start):
        k = bisect_right(starts, start) - 1
        return not (k >= 0 and start < taken[k][1])

    found = {}
    for word, start, end in tokens:
        bare = re.sub(r"['’]s?$", "", word)
        if not is_cap(bare) or bare in found or not free(start):
            continue
        if bare in KNOWN_ORGS or own_voice(text, start, bare, people) or (speaks_at(text, start, bare) and (
                org_like_acronym(bare) or plain_org_word(text, start, bare, people))):
            org = next((o for o in orgs if bare in o.aliases), None)
            if org is None:
                org = Entity(bare, kind="organisation")
                orgs.append(org)
            found[bare] = org
    # Every other mention of the word, before or after the one that spoke.
    for bare, org in found.items():
        for m in re.finditer(r"\b" + re.escape(bare) + r"\b", text):
            if free(m.start()) and (m.start(), m.end()) not in org.mentions:
                org.mentions.append((m.start(), m.end()))
        org.mentions.sort()


ORG_VOICE_RE = re.compile(
    r"\s+(?:spokes(?:person|man|woman|people)|representatives?|(?:press|media) release|statement)\b"
    r"|,\s+(?:in|through|via)\s+its\b"
)


def own_voice(text, start, bare, people):
    """ "Coles, in its media release, said": "its" makes a body of the word,
    even where it opens the sentence."""
    return bool(re.match(r",\s+(?:in|through|via)\s+its\b", text[start + len(bare):])) and bare.isalpha() \
        and bare.lower() not in NOT_NAME_WORDS and not places.is_place(bare) \
        and not any(fold(p.surname) == fold(bare) for p in people)


def speaks_at(text, start, bare):
    """ "Boeing said", "according to Tesco", "a Tesco spokesman", "Coles, in its
    media release, reported": the word names the one whose words they are."""
    if ORG_VOICE_RE.match(text, start + len(bare)):
        return True
    m = SPEAKS_NEXT_RE.match(text, start + len(bare))
    return bool(m and m.group("verb") in REPORTING_VERBS) or bool(
        re.search(r"\baccording to\s+(?:the\s+|an?\s+)?$", text[max(0, start - 20):start], re.IGNORECASE))


def plain_org_word(text, start, bare, people):
    """A capitalised word mid-sentence that is no name we know of: "Tesco",
    "GitHub". Not sentence-initial, where "Witnesses said" is common."""
    before = text[max(0, start - 30):start]
    glued = re.search(r"([A-Z][\w'’.-]*)\s$", before)
    follows = re.match(r"\s[A-Z]", text[start + len(bare):start + len(bare) + 2])
    if (glued and glued.group(1).lower() not in NOT_NAME_WORDS) or follows:
        return False    # part of a longer capitalised run ("Los Angeles", "People's Vote")
    return (len(bare) > 2 and bare.isalpha() and (bare[1:].islower() or bool(re.search(r"[a-z][A-Z]", bare)))
            and not sentence_initial(text, start) and bare.lower() not in NOT_NAME_WORDS | ROLE_WORDS
            and not is_given_name(bare) and not places.is_place(bare)
            and not any(fold(p.surname) == fold(bare) for p in people))


KIN = ("mother|father|son|daughter|wife|husband|brother|sister|widow|widower|uncle|aunt|"
       "grandmother|grandfather|child|grandson|granddaughter|stepson|stepdaughter|partner|fiancée?")
SINGLE_NAME_RE = re.compile(
    r"\b(?:identified (?:only )?as|named|known only as|(?:the |a )?(?:pseudonym|alias|first name)|"
    r"(?P<kin>" + KIN + r")s?,?|children,?|kids,?)\s+"
    r"(?P<names>[A-Z][a-z]+(?:(?:,\s+|,?\s+and\s+)[A-Z][a-z]+)*)\b(?!\s[A-Z])"
)
KIN_GENDER = {"mother": "f", "daughter": "f", "wife": "f", "sister": "f", "widow": "f", "aunt": "f",
              "grandmother": "f", "granddaughter": "f", "stepdaughter": "f", "fiancée": "f",
              "father": "m", "son": "m", "husband": "m", "brother": "m", "widower": "m", "uncle": "m",
              "grandfather": "m", "grandson": "m", "stepson": "m", "fiancé": "m"}


def add_single_names(text, people):
    """People the article names once by a single name ("identified only as
    Ivan", "his wife Amanda", "their sons Brodie and Nolan")."""
    for m in SINGLE_NAME_RE.finditer(text):
        for word in re.finditer(r"[A-Z][a-z]+", m.group("names")):
            name = word.group()
            if name.lower() in NOT_NAME_WORDS | CONNECTORS | ROLE_WORDS or places.is_place(name):
                continue
            if not any(fold(p.surname) == fold(name) for p in people):
                gender = KIN_GENDER.get(m.group("kin") or "") or name_gender([name], "")
                people.append(Entity(name, gender=gender))
                start = m.start("names") + word.start()
                people[-1].mentions.append((start, start + len(name)))


COMPANY_RE = re.compile(r"\b(?:Company|Inc|Corporation|Corp|Motors?|Ltd|Limited|plc|LLC|Group|Airlines?|Holdings)\b")


def link_bare_names(text, tokens, people, orgs):
    """A later bare surname ("Kosgei") or short form ("Ford", "RCMP") is a
    mention of the full name given earlier."""
    taken = sorted(span for e in people + orgs for span in e.mentions)
    starts = [s for s, _ in taken]
    for word, start, end in tokens:
        k = bisect_right(starts, start) - 1
        if not is_cap(word) or (k >= 0 and start < taken[k][1]):
            continue
        if re.match(r"\s[A-Z]", text[end:end + 2]) and not re.search(r"['’]s$", word):
            continue    # part of a longer name: "American" in "American Samoa"
        bare = re.sub(r"['’]s$", "", word)
        folded = fold(bare)
        # With two Trumps named, a bare "Trump" is the one named more often.
        same = [p for p in people if p.mentions and p.mentions[0][0] < start and fold(p.surname) == folded]
        target = max(same, key=lambda p: len(p.mentions), default=None)   # ties: the first named
        if target is None and folded not in NOT_NAME_WORDS and SPEAKS_NEXT_RE.match(text, start + len(bare)) \
                and SPEAKS_NEXT_RE.match(text, start + len(bare)).group("verb") in REPORTING_VERBS:
            # "Sergey said" after "Sergey M.": a given name alone that speaks is
            # the one person of that given name named before.
            same = [p for p in people if p.mentions and p.mentions[0][0] < start
                    and len(p.name.split()) > 1 and fold(p.name.split()[0]) == folded]
            target = same[0] if len(same) == 1 else None
        if target is None and folded not in NOT_NAME_WORDS:
            for org in orgs:
                if bare in org.aliases or (org.name.split()[0] == bare and COMPANY_RE.search(org.name)):
                    target = org
                    break
        if target:
            target.mentions.append((start, start + len(bare)))


# Dots join only initials ("U.S.", "J.R."), so "Amash.Image" stays two words.
TOKEN_RE = re.compile(r"[A-Z]\u2024|[^\W\d_]\w*(?:[-'’][^\W_]\w*|\.(?=[^\W\d_]\.)[^\W\d_])*\.?|\d+|[^\w\s]")
PARTICLES = {
    "al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "del", "della",
    "dela", "di", "da", "du", "le", "la", "dos", "das", "ter", "ten", "abu", "bint", "ben",
}
CONNECTORS = {"of", "the", "for", "and", "&"}
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|Jr\.?|Sr\.?)$")
# Words that continue a job title after "of": "Secretary of State Mike Pompeo".
ROLE_OBJECTS = {"state", "defence", "defense", "health", "justice", "education", "interior",
                "parliament", "congress", "staff", "police", "commons", "lords", "house", "senate",
                "assembly", "representatives"}


def is_cap(token):
    return token[:1].isupper()


def tokenize(text):
    """Word and punctuation tokens with offsets; a trailing dot stays on a word
    only for initials and abbreviations ("J.", "Dr.", "U.S.")."""
    tokens = []
    for m in TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if word.endswith(".") and len(word) > 2 and not is_abbreviation(word):
            tokens.append((word[:-1], start, m.end() - 1))
            tokens.append((".", m.end() - 1, m.end()))
        else:
            tokens.append((word, start, m.end()))
    return tokens


def is_abbreviation(word):
    bare = word.rstrip(".").lower()
    return bare in HONORIFICS or "." in word[:-1] or bare in {"st", "jr", "sr", "gen", "mt"}


def capitalised_runs(text, tokens):
    """Maximal runs of capitalised tokens joined by single spaces, allowing
    name particles ("al-", "van der") and connectors ("of the") inside."""
    runs, i = [], 0
    while i < len(tokens):
        if not starts_run(tokens[i][0]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1][2]:tokens[j][1]] == " ":
            word = tokens[j][0]
            joins = word.lower() in PARTICLES | CONNECTORS and next_capital(text, tokens, j)
            if starts_run(word) or ROMAN.match(word) or joins:
                j += 1
            else:
                break
        runs.append(tokens[i:j])
        i = j
    return runs


def next_capital(text, tokens, j):
    """True when particles or connectors from token j lead on to a capital:
    "de la Vega", "of the Congo"; but "X and the Y" names two things."""
    if tokens[j][0].lower() in ("and", "&") and j + 1 < len(tokens) and tokens[j + 1][0].lower() == "the":
        return False
    while j + 1 < len(tokens) and text[tokens[j][2]:tokens[j + 1][1]] == " ":
        j += 1
        if starts_run(tokens[j][0]):
            return True
        if tokens[j][0].lower() not in PARTICLES | CONNECTORS:
            return False
    return False


def starts_run(word):
    if not word[:1].isalpha():
        return False
    if is_cap(word):
        return True
    head, _, rest = word.partition("-")
    return head.lower() in PARTICLES and is_cap(rest)


def sentence_initial(text, start):
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def is_honorific_token(word):
    return word.lower().rstrip(".") in HONORIFICS


def is_role_token(word, is_last):
    bare = word.lower().rstrip(".")
    acronym = len(bare) > 1 and word.rstrip(".").replace(".", "").isupper() and not is_last
    return bare in ROLE_WORDS or acronym or (not is_last and (job_noun(word) or plural_role(bare)))


def plural_role(word):
    """"Senators", "Representatives": a job shared by the people named after it."""
    return len(word) > 5 and word.endswith("s") and word[:-1] in ROLE_WORDS - SURNAME_LIKE_ORG_WORDS - {"right"}


def job_noun(word):
    """Occupations the word lists do not name: "Geologist", "Historian"."""
    bare = word.lower()
    if bare.startswith(("co-", "ex-", "vice-")):
        rest = bare.split("-", 1)[1]
        return rest in ROLE_WORDS or job_noun(rest)
    if len(bare) >= 10 and bare.endswith(("man", "woman", "person")):
        return True    # "Assemblywoman", "Councilman"; not "Freeman" or "Goodman"
    return bool(re.fullmatch(r"[a-z]{3,}(?:ist|ologist|ician|arian|orian)", bare)) and not is_given_name(word)


def split_run(run):
    """(role tokens, name tokens, rest) of a capitalised run: the name starts after
    the last job word or title, so "Coast Guard Commandant Admiral Elson
    Hermogino" gives the name "Elson Hermogino" with "Admiral" kept last in
    the role for the honorific."""
    # "Vlada Stamenković of the NASA Jet Propulsion Laboratory": an "of" after a
    # word that is no job title ends the name; what follows is where they work.
    for k, (word, _, _) in enumerate(run[1:-1], start=1):
        if word.lower() == "of" and not is_role_token(run[k - 1][0], False) \
                and run[k - 1][0].lower() not in ROLE_OBJECTS | CONNECTORS and k >= 2:
            role, name, _ = split_run(run[:k])
            if name:
                return role, name, run[k + 1:]
            break
    last = -1
    for k, (word, _, _) in enumerate(run):
        if is_role_token(word, k == len(run) - 1) and k < len(run) - 1:
            last = k
    if 0 <= last < len(run) - 2 and run[last + 1][0] == "General":
        last += 1   # "Solicitor General Jose Calida", "Attorney General"
    role, name = run[:last + 1], run[last + 1:]
    while name:
        lower = name[0][0].lower()
        skip = gazetteer_prefix(name) if role or lower in CONNECTORS or len(name) > 2 else 0
        if skip and len(name) - skip < 2 and lower not in CONNECTORS:
            # "Governor Ron DeSantis": a place-like given name ("Ron") after a
            # job title is the start of the name, not a "Florida" in "Florida Governor".
            skip = 0
        if lower in CONNECTORS or (lower in ROLE_OBJECTS and len(name) > 2):
            skip = 1
        if not skip:
            break
        role, name = role + name[:skip], name[skip:]
    for k, (word, _, _) in enumerate(name):
        if word.lower() in CONNECTORS:
            return role, name[:k], name[k + 1:]
    return role, name, []


def gazetteer_prefix(tokens):
    """Number of leading tokens that name a place, when more tokens follow."""
    for n in range(min(4, len(tokens) - 1), 0, -1):
        words = [t[0] for t in tokens[:n]]
        if words[-1].lower() in PARTICLES | CONNECTORS:
            continue
        if places.is_place(" ".join(words)) and not is_given_name(tokens[0][0]):
            return n
    return 0


def is_given_name(word):
    w = word.lower()
    return w in MALE_NAMES or w in FEMALE_NAMES


@lru_cache(maxsize=1)
def census_given_names():
    """Given names from the US Census (the `names` package's data): about
    3,000 that one American in 20,000 or more bears, less the words that are
    also job titles, organisations or ordinary capitalised words ("Will",
    "Royal"). Evidence for a two-word run, never a name on its own."""
    folder = Path(census_names.__file__).parent
    found = set()
    for file_name in ("dist.male.first", "dist.female.first"):
        with open(folder / file_name, encoding="ascii") as lines:
            # Columns: name, percentage of people, cumulative percentage, rank.
            found |= {row[0].lower() for row in map(str.split, lines) if float(row[1]) >= 0.005}
    return found - NOT_NAME_WORDS - ROLE_WORDS - ORG_WORDS - FUNCTION_WORDS - PARTICLES - CONNECTORS


def census_given_name(text, word):
    """A census given name the article never writes in lower case: not "Young"
    or "Hope" in an article that speaks of young people and hope."""
    lower = fold(word)
    return lower in census_given_names() and lower not in lower_case_words(text)


@lru_cache(maxsize=8)
def lower_case_words(text):
    """The words `text` writes in lower case ("don't" is not "don"), read once per text."""
    return {w for w in re.findall(r"\b\w+\b(?!['’])", text) if w.islower()}


def clean_name_tokens(tokens):
    """Name words without a possessive ending or trailing connectors."""
    words = [t[0] for t in tokens]
    while words and words[-1].lower() in CONNECTORS | PARTICLES:
        words.pop()
    if words:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    return words
