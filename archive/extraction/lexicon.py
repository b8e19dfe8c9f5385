"""Word lists the rules read: titles and jobs, organisation words, given
names, reporting verbs. Data, and the two small lookups built on it."""

import re
from functools import lru_cache
from pathlib import Path

import names as census_names
from nameparser.config import CONSTANTS


def word_set(text):
    """A set of words from a long whitespace-separated data string."""
    return set(text.split())


def word_alternation(words):
    """`words` as a regex alternation, longest first ("saying" before "say").
    The regex engine tries alternatives one after another; grouped by first
    letter, it tries only those of the letter at hand, several times faster
    for a list as long as the reporting verbs."""
    groups = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Courtesy titles are dropped from the display name ("Dr Adam Marshall" ->
# "Adam Marshall"); the reader still sees them through `honorific`.
COURTESY = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mx": "",
    "dr": "",
    "prof": "",
    "professor": "",
    "sir": "m",
    "dame": "f",
    "cllr": "",
    "councillor": "",
    "rev": "",
    "reverend": "",
    "mme": "f",
    "mlle": "f",
    "m": "",
    "herr": "m",
    "frau": "f",
    "judge": "",
    "justice": "",
    "mufti": "m",
    "imam": "m",
    "rabbi": "",
    "father": "m",
    "fr": "m",
    "sister": "f",
    "chancellor": "",
    "president": "",
    "senator": "",
    "sen": "",
    "rep": "",
    "gov": "",
    "governor": "",
    "mayor": "",
    "minister": "",
    "premier": "",
    "general": "",
    "gen": "",
    "admiral": "",
    "adm": "",
    "captain": "",
    "capt": "",
    "col": "",
    "colonel": "",
    "lt": "",
    "sgt": "",
    "sergeant": "",
    "constable": "",
    "inspector": "",
    "detective": "",
    "superintendent": "",
    "officer": "",
    "coach": "",
    "legislator": "",
    "commissioner": "",
    "ambassador": "",
    "speaker": "",
    "secretary": "",
    "commandant": "",
    "chief": "",
    "deputy": "",
    # British police ranks as the force's own news writes them: "Ch Supt Joyce
    # Robertson", "PC Barry Owen", "Det Insp Ray Hale".
    "supt": "",
    "insp": "",
    "ch": "",
    "det": "",
    "pc": "",
    "pcso": "",
    "dci": "",
    "dcs": "",
    "acc": "",
    "dcc": "",
}
# Peers and royals are known by the title itself ("Lord Heseltine"), so it stays
# in the display name when only one name follows it.
PEERAGE = {
    "lord": "m",
    "lady": "f",
    "baroness": "f",
    "baron": "m",
    "viscount": "m",
    "earl": "m",
    "duke": "m",
    "duchess": "f",
    "marquess": "m",
    "countess": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "pope": "m",
    "emperor": "m",
    "empress": "f",
    "sheikh": "m",
    "sultan": "m",
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
    "academy council front constabulary"
)
# A run ending in one of these names a place or a work, never a person ("Santa Cruz Island").
FEATURE_WORDS = word_set(
    "island islands peninsula bay river lake mountain mountains valley canyon desert ocean "
    "sea coast beach forest studios universe comics accords rights"
)
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
MALE_NAMES = (
    word_set(
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
    )
    - FEMALE_NAMES
)
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
# "informed" and "referred to X as" report words too, though not the way "said" does,
# so they open no indirect speech (see indirect_speech).
QUOTING_ONLY_VERBS = {
    "informed",
    "informs",
    "referred",
    "refers",
    "read",
    "reads",
    "called",
    "calls",
    "pointed",
    "reacted",
    "reacts",
    "lauded",
    "lauds",
    "slammed",
    "slams",
    "blasted",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "dismissed",
    "dismisses",
    "denounced",
    "denounces",
    "decried",
    "derided",
    "mocked",
    "ridiculed",
}
VERB_RE = re.compile(r"\b(" + word_alternation(REPORTING_VERBS | QUOTING_ONLY_VERBS) + r")\b")
PARTICIPLES = {
    "saying",
    "adding",
    "telling",
    "stating",
    "writing",
    "explaining",
    "noting",
    "describing",
    "calling",
    "claiming",
    "warning",
    "arguing",
    "insisting",
}
ORG_NAME_STARTS = word_set("state city government council police court ministry party")
# Letters after a person's name: honours, degrees, seats, silk.
POSTNOMINALS = set("QC KC MP MSP MS MLA MEP AM TD OBE MBE CBE KBE DBE GBE FRS PhD JP".split())
# A capitalised name right after one of these names a body or a work, not a person.
THING_NOUNS = word_set("organisation organization group company firm charity agency website magazine newspaper network")
# Jobs held by one named person at a time, written in lower case before a
# single name: "president Erdoğan", "chancellor Merkel".
PERSON_JOBS = word_set(
    "president minister chancellor premier king queen pope prince princess senator "
    "governor mayor ambassador leader spokesman spokeswoman spokesperson"
)
# Verbs that come before their speaker: '"...," said X'.
INVERTED_VERBS = word_set("said says added adds wrote writes explained continued noted stated recalled asked")
# "Member of Parliament (MP)" spells out a job, not an organisation.
PERSON_ROLE_HEADS = word_set(
    "member officer executive minister secretary president director manager "
    "chairman chairwoman governor mayor ambassador councillor representative"
)
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
KIN = (
    "mother|father|son|daughter|wife|husband|brother|sister|widow|widower|uncle|aunt|"
    "grandmother|grandfather|child|grandson|granddaughter|stepson|stepdaughter|partner|fiancée?"
)
KIN_GENDER = {
    "mother": "f",
    "daughter": "f",
    "wife": "f",
    "sister": "f",
    "widow": "f",
    "aunt": "f",
    "grandmother": "f",
    "granddaughter": "f",
    "stepdaughter": "f",
    "fiancée": "f",
    "father": "m",
    "son": "m",
    "husband": "m",
    "brother": "m",
    "widower": "m",
    "uncle": "m",
    "grandfather": "m",
    "grandson": "m",
    "stepson": "m",
    "fiancé": "m",
}
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "dela",
    "di",
    "da",
    "du",
    "le",
    "la",
    "dos",
    "das",
    "ter",
    "ten",
    "abu",
    "bint",
    "ben",
}
CONNECTORS = {"of", "the", "for", "and", "&"}
# Words that continue a job title after "of": "Secretary of State Mike Pompeo".
ROLE_OBJECTS = {
    "state",
    "defence",
    "defense",
    "health",
    "justice",
    "education",
    "interior",
    "parliament",
    "congress",
    "staff",
    "police",
    "commons",
    "lords",
    "house",
    "senate",
    "assembly",
    "representatives",
}


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
