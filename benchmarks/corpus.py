"""A synthetic corpus of Espreso TV-style articles for benchmarks.

``python -m benchmarks.corpus --articles N --out DIR --seed S`` writes ``DIR/<nnnnnn>.txt``
and a sidecar ``DIR/<nnnnnn>.json`` (``{"published_on": "YYYY-MM-DD"}``) per article. The
same N and seed give byte-identical files.

Every article imitates the seeds: a title, a lede naming a featured expert ("<Name>, <role>
at <Organization>, believes that ..."), a venue line, quotes and paraphrases of that expert,
a background header and a chronological timeline of four to eight events, sometimes one
claim of another expert, and "- News". Articles are 2-4 KB of UTF-8.

The people and the events come from fixed pools (the same for every seed): about 300
experts and 2,000 background events. Each pool event has one true date (2021-2024, to the
day or to the month; a few are always reported without a date, as "Earlier, ...") and is
reworded per mention the way the seeds reword ("munitions"/"ammunition", "it became known
that"/"media reported that", "was"/"is", word-order swaps). Events are drawn with a skewed
distribution, so some recur in many articles. Different pool events differ in actors,
objects and numbers (within one date block, never the same template or set of figures),
so a correct loader never merges them.

Quotes, paraphrases and ledes come from templates; a new statement shares at most about
half its content words with its expert's background statements and last 100 statements of
its kind, and never has exactly the content words of an earlier one (best effort; the
window keeps the generator linear: the busiest experts make thousands of statements, and
older ones may come back reworded). Now and then an expert repeats an earlier statement
word for word, and background claims of other experts recur, so claim dedup has work too.

``generate_articles`` also yields the ground truth of each article (which expert, which
pool events with their dates, which statements), for tests and benchmark checks.
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import itertools
import json
import math
import random
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, partial
from pathlib import Path
from typing import Literal

POOL_SEED = 20230913
EXPERT_COUNT = 300
EVENT_COUNT = 2000
MIN_BYTES = 2048
MAX_BYTES = 4096
OUTLET = "Espreso TV"
CATEGORY = "News"
FIRST_DAY = date(2021, 1, 1)
LAST_DAY = date(2024, 11, 30)

Precision = Literal["day", "month", "unknown"]
Kind = Literal["summary", "quote", "paraphrase"]
Section = Literal["lede", "body", "background"]

# --------------------------------------------------------------------------- people

FIRST_MALE = (
    "Oleh Oleksandr Taras Vadym Dmytro Nazar Bohdan Ihor Roman Serhii Andrii Yurii Mykola "
    "Volodymyr Petro Maksym Artem Denys Pavlo Vitalii Yaroslav Ostap Viktor Anatolii Ruslan "
    "Stanislav Borys Hennadii Kostiantyn Valentyn Mykhailo Vasyl Ivan Leonid Orest"
).split()
FIRST_FEMALE = (
    "Alina Iryna Halyna Oksana Olena Nataliia Tetiana Yuliia Kateryna Mariia Svitlana Larysa "
    "Viktoriia Anna Daria Liudmyla Khrystyna Sofiia Zoriana Nadiia Hanna Olha Ivanna Marta "
    "Roksolana Inna Lesia Uliana"
).split()
SURNAMES = (
    "Kovalenko Bondarenko Tkachenko Kravchenko Shevchuk Koval Boiko Melnyk Lysenko Marchenko "
    "Rudenko Savchenko Petrenko Klymenko Pavlenko Vasylenko Levchenko Kharchenko Karpenko "
    "Ponomarenko Hrytsenko Kovalchuk Polishchuk Tkachuk Oliinyk Moroz Romaniuk Kravets "
    "Zinchenko Sydorenko Ostapchuk Yaremchuk Zhovtenko Horobets Sokolyuk Zadorozhniuk Musienko "
    "Kostiuk Kravchuk Demchenko Honcharuk Prykhodko Symonenko Fedorenko Mazur Hnatiuk Kuzmenko "
    "Lytvyn Semeniuk Tarasenko Yurchenko Zakharchuk Vlasenko Hordiienko Kostenko Korniienko "
    "Babenko Stepanenko Holub Hutsuliak Dovhaniuk Chornovol Sobko Marusiak Zhuk Hlushko "
    "Antonenko Bilous Vdovychenko Danyliuk Yatsenko Nechyporuk Dorosh Kyrylenko Andriienko "
    "Pylypenko Ivaniuk Matviienko Derkach Shulha Kushnir Sheremeta Ilchenko Hudz Prokopenko "
    "Chumak Martyniuk Kolesnyk Panchenko Riabchuk Zhyhalo Fesenko Osadchuk Shapoval Tymoshchuk "
    "Sydoruk Bezruk Voitenko Mykhailenko Cherniak Kulyk Andrusiv Yakymenko Lozovyk Shpak "
    "Hrechko Borodai Dubyna Kalyniuk Lutsenko Mishchenko Nykyforuk Omelchenko Pasichnyk Rybak "
    "Storozhuk Trokhymenko Ustymenko Khomenko Tsymbal Chaika Shkurko Yavorenko Zhurba Baran "
    "Vakulenko Hladun Dzhus Yeremenko Zaiets Ivanenko Kaminchuk Lukianchuk Maksymchuk "
    "Nesterenko Ovcharenko Perepelytsia Radchenko Serdiuk Teslenko Fedoruk Khyzhniak Tsiupa "
    "Chepurko Shvets Yukhymenko Danylenko Bohdanenko Vovk Horbach Dziuba Yevtushenko Zubko "
    "Kachur Liashenko Malyk Nahorniak Onyshchenko Prystupa Reshetnyk Savyk Tereshchenko"
).split()

# role, how the body refers to the person by role, preposition before the organization,
# whether the role also reads before the name ("Razumkov Centre analyst Oleh ...").
ROLES: tuple[tuple[str, str, str, bool], ...] = (
    ("military expert", "the military expert", "at", True),
    ("military and political observer", "the military-political observer", "with", False),
    ("senior economist", "the economist", "at", True),
    ("chief consultant", "the consultant", "at", True),
    ("political analyst", "the political analyst", "at", True),
    ("researcher", "the researcher", "at", True),
    ("energy analyst", "the analyst", "at", True),
    ("sanctions expert", "the expert", "at", True),
    ("head", "the expert", "of", False),
    ("director", "the director", "of", False),
    ("senior fellow", "the expert", "at", False),
    ("editor-in-chief", "the editor-in-chief", "of", True),
    ("security analyst", "the analyst", "at", True),
    ("expert on international relations", "the expert", "at", False),
    ("military analyst", "the military analyst", "at", True),
    ("political scientist", "the political scientist", "at", True),
    ("deputy director", "the expert", "of", False),
    ("leading researcher", "the researcher", "at", True),
)
# organization, whether it takes "the"
ORGANIZATIONS: tuple[tuple[str, bool], ...] = (
    ("Defense Express", False),
    ("Information Resistance", False),
    ("Center for Military Legal Studies", True),
    ("National Institute for Strategic Studies", True),
    ("Ukrainian Prism Foreign Policy Council", True),
    ("Centre for Economic Strategy", True),
    ("Razumkov Centre", True),
    ("DiXi Group", False),
    ("Kyiv School of Economics", True),
    ("International Centre for Policy Studies", True),
    ("Ukrainian Institute for the Future", True),
    ("Middle East Studies Center", True),
    ("Energy Research Centre", True),
    ("Institute for Economics and Forecasting", True),
    ("Ukrainian Centre for Security and Cooperation", True),
    ("New Europe Center", True),
    ("Institute of World Policy", True),
    ("Come Back Alive Foundation", True),
    ("Black Sea Security Forum", True),
    ("Center for Defense Strategies", True),
    ("Penta Center for Applied Political Studies", True),
    ("Democratic Initiatives Foundation", True),
    ("Transatlantic Dialogue Center", True),
    ("Ukrainian Institute of Politics", True),
    ("Maritime Strategies Center", True),
    ("Agrarian Policy Institute", True),
    ("Institute of Energy Strategies", True),
    ("Foreign Policy Research Institute", True),
    ("Kyiv Security Forum", True),
    ("Anti-Crisis Media Center", True),
    ("Eastern Europe Research Group", True),
    ("Center for Global Studies Strategy", True),
)


@dataclass(frozen=True)
class Expert:
    """A pool expert: who they are, their topic, and their recurring background statements."""

    id: int
    first: str
    surname: str
    female: bool
    role: str
    reference: str
    prep: str
    prenominal: bool
    organization: str
    the: bool
    topic: str
    statements: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def he(self) -> str:
        return "she" if self.female else "he"

    @property
    def his(self) -> str:
        return "her" if self.female else "his"

    @property
    def him(self) -> str:
        return "her" if self.female else "him"

    @property
    def org_phrase(self) -> str:
        return f"the {self.organization}" if self.the else self.organization

    @property
    def described(self) -> str:
        """'senior economist at the Centre for Economic Strategy'."""
        return f"{self.role} {self.prep} {self.org_phrase}"


# --------------------------------------------------------------------------- topics


@dataclass(frozen=True)
class Topic:
    """What an article is about: its header phrases, headlines and the words of its quotes."""

    name: str
    headers: tuple[str, ...]
    headlines: tuple[str, ...]
    words: Mapping[str, tuple[str, ...]]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "dprk",
        (
            "cooperation between Russia and the DPRK",
            "North Korea's arms supplies to Russia",
            "the DPRK's cooperation with Russia",
        ),
        (
            "DPRK may become hub for Chinese arms supplies to Russia",
            "North Korea will keep supplying shells to Russia",
            "Kim Jong Un wants technology in exchange for ammunition",
            "Russia turns to the DPRK because its own industry cannot cope",
            "North Korean missiles will not change the situation at the front",
        ),
        {
            "actor": ("North Korea", "Pyongyang", "the DPRK", "Kim Jong Un's regime"),
            "partner": ("Russia", "Moscow", "the Kremlin"),
            "thing": (
                "artillery shells",
                "ballistic missiles",
                "Soviet-calibre ammunition",
                "rocket artillery",
                "spare gun barrels",
                "mortar rounds",
            ),
            "target": ("the Kharkiv direction", "the south of Ukraine", "the Donetsk region"),
            "stake": (
                "the quality of these shells",
                "the volume of deliveries",
                "China's position",
                "the logistics through the Far East",
                "the state of the North Korean stockpiles",
            ),
        },
    ),
    Topic(
        "iran",
        ("Iran's drone supplies to Russia", "cooperation between Iran and Russia"),
        (
            "Iran will keep supplying Russia with drones as long as Moscow pays",
            "Tehran sees the war as a testing ground for its weapons",
            "Iranian missiles are a new threat to Ukrainian cities",
            "Russia has localized production of Iranian drones",
        ),
        {
            "actor": ("Iran", "Tehran", "the Iranian regime"),
            "partner": ("Russia", "Moscow", "the Kremlin"),
            "thing": (
                "Shahed drones",
                "drone components",
                "short-range ballistic missiles",
                "jet-powered drones",
                "engines for attack drones",
            ),
            "target": ("Odesa", "the energy system", "the frontline cities", "Kyiv"),
            "stake": (
                "the supply of Western microelectronics",
                "the plant in Yelabuga",
                "the payment in technology",
                "the route across the Caspian Sea",
            ),
        },
    ),
    Topic(
        "grain",
        ("the grain corridor", "Ukrainian grain exports", "the attacks on the Odesa ports"),
        (
            "Russia strikes Odesa ports to push Ukrainian grain off world markets",
            "Ukraine can keep its own grain corridor open",
            "The Danube ports cannot replace the sea route",
            "Russia is fighting for market share, not against the grain deal",
        ),
        {
            "actor": ("Russia", "Moscow", "the Russian fleet"),
            "partner": ("Ukraine's partners", "the shipowners", "the insurers"),
            "thing": (
                "the port infrastructure",
                "the grain terminals",
                "the Danube ports",
                "the civilian vessels",
                "the export routes",
            ),
            "target": ("Odesa", "Izmail", "the markets of Africa", "the Middle East"),
            "stake": (
                "the cost of insurance",
                "the capacity of the Danube ports",
                "the next sowing season",
                "the protection of the corridor",
            ),
        },
    ),
    Topic(
        "sanctions",
        ("sanctions against Russia", "the sanctions policy of the West"),
        (
            "Sanctions will not stop Russia's war machine until loopholes are closed",
            "Russia still gets Western components through third countries",
            "The shadow fleet is undermining the oil price cap",
            "Frozen Russian assets must work for Ukraine",
        ),
        {
            "actor": ("Russia", "Moscow", "the Russian economy"),
            "partner": ("the European Union", "Washington", "the G7 countries"),
            "thing": (
                "microelectronics",
                "dual-use goods",
                "machine tools",
                "oil revenues",
                "the shadow fleet",
            ),
            "target": ("Central Asia", "the Caucasus", "the Russian budget", "the oil market"),
            "stake": (
                "secondary sanctions",
                "the oil price cap",
                "the frozen assets",
                "the control over re-exports",
            ),
        },
    ),
    Topic(
        "energy",
        ("attacks on Ukraine's energy system", "the situation in the energy sector"),
        (
            "Scheduled power outages will last until autumn",
            "Russia is preparing a new wave of strikes on the power grid",
            "Decentralized generation is the answer to Russian strikes",
            "Ukraine needs years to restore destroyed power plants",
        ),
        {
            "actor": ("Russia", "the enemy", "Moscow"),
            "partner": ("Ukrenergo", "the government", "the energy companies"),
            "thing": (
                "thermal power plants",
                "hydroelectric units",
                "substations",
                "gas piston units",
                "solar panels",
            ),
            "target": ("Kyiv region", "Kharkiv", "the western regions", "Odesa"),
            "stake": (
                "the capacity of interconnectors",
                "the speed of repairs",
                "the heating season",
                "the reserve of equipment",
            ),
        },
    ),
    Topic(
        "airdef",
        ("air defence for Ukraine", "the protection of Ukrainian skies"),
        (
            "Ukraine needs more Patriot batteries to cover ports and cities",
            "Russia is probing Ukrainian air defence before winter",
            "Mobile fire groups are the best answer to Shahed drones",
            "Partners must speed up the training of air defence crews",
        ),
        {
            "actor": ("Russia", "the enemy", "the Russian army"),
            "partner": ("our partners", "the allies", "the Ramstein group"),
            "thing": (
                "interceptor missiles",
                "Patriot batteries",
                "mobile fire groups",
                "IRIS-T systems",
                "radars",
            ),
            "target": ("Odesa", "Kyiv", "Mykolaiv", "the frontline cities"),
            "stake": (
                "the stock of interceptors",
                "the training of crews",
                "the coverage of the ports",
                "the cost of each interception",
            ),
        },
    ),
    Topic(
        "aid",
        ("Western military aid to Ukraine", "the supplies of weapons to Ukraine"),
        (
            "Delays in Western aid cost Ukraine dearly at the front",
            "Ukraine must build its own defence industry",
            "F-16 fighters will not be a silver bullet",
            "Europe has to replace American aid",
        ),
        {
            "actor": ("Russia", "the Kremlin", "Moscow"),
            "partner": ("the United States", "the European Union", "our partners"),
            "thing": (
                "artillery ammunition",
                "armoured vehicles",
                "F-16 fighters",
                "long-range missiles",
                "spare parts",
            ),
            "target": ("the front line", "the Zaporizhzhia direction", "the Donetsk region"),
            "stake": (
                "the speed of deliveries",
                "the position of Congress",
                "European production capacity",
                "the joint production of weapons",
            ),
        },
    ),
    Topic(
        "belarus",
        ("the situation on the border with Belarus", "the threat from Belarus"),
        (
            "Belarus will not enter the war but keeps Ukrainian forces tied down",
            "Lukashenko is playing his own game with the Kremlin",
            "The Wagner fighters in Belarus are a threat to Poland",
        ),
        {
            "actor": ("Belarus", "Minsk", "the Lukashenko regime"),
            "partner": ("Russia", "Moscow", "the Kremlin"),
            "thing": (
                "military exercises",
                "the Wagner fighters",
                "tactical nuclear weapons",
                "the troops on the border",
                "provocations on the border",
            ),
            "target": ("the Volyn direction", "the Polish border", "the north of Ukraine"),
            "stake": (
                "the loyalty of the Belarusian army",
                "the reaction of Poland",
                "the number of troops near the border",
                "Lukashenko's room for manoeuvre",
            ),
        },
    ),
    Topic(
        "eu",
        ("Ukraine's path to the EU", "Ukraine's European integration"),
        (
            "Accession talks will take years but the direction is clear",
            "Ukraine must not lose the pace of reforms on its way to the EU",
            "Hungary will keep blocking Ukraine's EU path",
        ),
        {
            "actor": ("Hungary", "Budapest", "the Orban government"),
            "partner": ("the European Commission", "Brussels", "the EU member states"),
            "thing": (
                "the accession talks",
                "the negotiating clusters",
                "the Ukraine Facility",
                "the anti-corruption reforms",
                "the trade preferences",
            ),
            "target": ("Ukrainian exporters", "the farmers", "the reform agenda"),
            "stake": (
                "the unanimity rule",
                "the rule of law",
                "the pace of reforms",
                "the position of the member states",
            ),
        },
    ),
)
TOPIC_BY_NAME = {topic.name: topic for topic in TOPICS}

# Words every topic shares, for quotes, paraphrases and ledes.
COMMON: Mapping[str, tuple[str, ...]] = {
    "hedge": (
        "Most likely",
        "In my opinion",
        "As far as I can judge",
        "Judging by what we see",
        "Unfortunately",
        "Obviously",
        "In all likelihood",
        "Frankly speaking",
        "Whatever the official statements say",
    ),
    "timeframe": (
        "in the coming months",
        "at least until the end of the year",
        "for as long as the war lasts",
        "over the next few weeks",
        "this winter",
        "before the spring campaign",
        "in the medium term",
        "for the foreseeable future",
        "well into next year",
    ),
    "question": (
        "how much, what, and in what timeframe it can deliver",
        "what it will ask for in return",
        "how quickly these supplies reach the front",
        "whether the partners will react in time",
        "who will pay for all this",
        "how long these stocks will last",
    ),
    "options": (
        "very few options",
        "no good options",
        "fewer options than it pretends",
        "only expensive options",
        "little room for manoeuvre",
    ),
    "assessment": (
        "a serious warning",
        "a dangerous precedent",
        "an alarming signal",
        "a very telling signal",
        "a wake-up call",
        "a predictable development",
        "a long-term threat",
    ),
    "reason": (
        "the enemy adapts faster than the sanctions",
        "every delay costs us lives",
        "Russia treats any pause as weakness",
        "the same scheme has already worked before",
        "the stocks are not infinite",
        "nobody has been punished for this so far",
        "the decisions are made too slowly",
        "the price of inaction keeps growing",
        "Moscow is preparing for a long war",
        "these deliveries are difficult to track",
        "the West still fears escalation",
        "the logistics are the weakest link",
    ),
    "cond": (
        "act quickly",
        "close the loopholes",
        "speed up deliveries",
        "keep the pressure on",
        "show political will",
        "coordinate their steps",
        "refuse to give in to blackmail",
    ),
    "result": (
        "the effect will be felt within months",
        "Russia will have to change its plans",
        "the enemy will lose its main advantage",
        "we will be able to stabilise the situation",
        "the Kremlin's calculation will fail",
        "this threat can be contained",
    ),
    "escalate": (
        "increase the pressure",
        "try a new escalation",
        "raise the stakes",
        "look for new workarounds",
        "expand this cooperation",
        "test our defences again",
    ),
    "consequence": (
        "more pressure on our logistics",
        "a longer and harder campaign",
        "new risks for the civilian population",
        "a need for more air defence",
        "another attempt to exhaust us",
        "higher costs for our partners",
    ),
    "priority": (
        "to protect critical infrastructure",
        "to keep the partners' attention",
        "to close the gaps in air defence",
        "to make sanctions really work",
        "to train crews faster",
        "to strengthen our own production",
        "to stop the flow of components",
        "to keep the export routes open",
    ),
    "observation": (
        "so far the answer of the West has been too cautious",
        "every pause only encourages it",
        "the reaction of our partners will be decisive",
        "we have to be ready for the worst scenario",
        "the next steps are easy to predict",
    ),
    "role1": ("a supplier", "a testing ground", "a warehouse", "a junior partner"),
    "role2": ("an equal ally", "an independent player", "a decision-maker", "a real power"),
    "plain": (
        "everything is much simpler",
        "it is a matter of money and resources",
        "it is a purely pragmatic deal",
        "both sides simply need each other",
    ),
    "observed": (
        "new routes",
        "more intensive traffic",
        "new batches arriving",
        "preparations for another wave",
        "a growing number of intermediaries",
    ),
    "believe": ("I am sure that", "I think that", "It seems to me that", "I believe that"),
    "shows": (
        "is really having problems with its military industry",
        "cannot win this war on its own",
        "is preparing for a long confrontation",
        "is looking for any resources it can get",
        "is trying to buy time",
    ),
    "scenario": (
        "a long war of attrition",
        "new attacks on the ports",
        "a difficult winter",
        "another wave of strikes",
        "a slowdown in Western aid",
        "new provocations",
    ),
    "soon": ("soon", "sooner or later", "in the near future", "quite quickly"),
    "concession": (
        "the partners are doing a lot",
        "some progress is visible",
        "the official rhetoric is different",
        "the figures look reassuring",
        "Kyiv has learned to adapt",
        "the diplomats are optimistic",
    ),
    "conclusion": (
        "the pressure must not ease",
        "the partners have to hurry",
        "Kyiv needs a plan B",
        "every week matters",
        "a long-term strategy is essential",
        "the answer has to be systemic",
    ),
}

QUOTE_SENTENCES = (
    "{hedge}, {actor} will keep working with {partner} on {thing} {timeframe}.",
    "The question is not whether {actor} can do this, but {question}.",
    "We should not overestimate {stake}, but we cannot ignore it either.",
    "Everything depends on {stake}, and here {partner} will have {options}.",
    "{Actor} is counting on {thing} to make up for its losses around {target}.",
    "This is {assessment} for our partners, because {reason}.",
    "If our partners {cond}, {result}.",
    "I do not rule out that {actor} will {escalate} {timeframe}.",
    "For {target}, this means {consequence}.",
    "The main thing now is {priority}, and {observation}.",
    "{Actor} is testing how far it can go, and {observation}.",
    "I would put it this way: {actor} sees itself as {role2}, but in fact it is {role1}.",
    "There is no need to look for conspiracy theories here, {plain}.",
    "Our intelligence sees {observed} around {thing}, and this is {assessment}.",
    "{Believe} {stake} will decide more than any statement from {partner}.",
    "All of this shows that {actor} {shows}.",
    "We have already seen this with {thing}, and {reason}.",
    "The situation around {target} will not change {soon} if nobody is ready to {cond}.",
    "Nobody should expect a breakthrough on {thing} {timeframe}, even if {concession}.",
    "The decisive factor will be {stake}, not {thing} as such.",
)
PARAPHRASES = (
    "{actor} will keep relying on {thing} {timeframe}",
    "{actor} is counting on {thing} to make up for its losses around {target}",
    "{stake} will matter more than any official statement {timeframe}",
    "the partners should {cond} {timeframe}",
    "{actor} may {escalate} {timeframe}",
    "for {target} the current situation means {consequence}",
    "the main task now is {priority}",
    "{actor} {shows}",
    "{stake} remains the key unknown for {partner}",
    "Ukraine must be prepared for {scenario} {timeframe}",
    "{partner} will have {options} when it comes to {thing}",
    "the issue of {thing} will dominate the agenda {timeframe}",
    "the situation around {target} will not change {soon} if nobody is ready to {cond}",
    "nobody should expect a breakthrough on {thing} {timeframe}",
    "{actor} is trying to use {thing} as leverage against {partner}",
    "the decisive factor will be {stake}, not {thing} as such",
    "{partner} may underestimate how quickly {actor} can {escalate}",
)
TAILS = (
    ", because {reason}",
    ", so {result}",
    ", and {observation}",
    ", although {concession}",
    ", which is why {conclusion}",
    ", since {reason}",
)

# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class EventTemplate:
    """A kind of event: wording with [a|b] rewording groups, slots and a number range."""

    topic: str
    text: str
    slots: Mapping[str, tuple[str, ...]]
    numbers: tuple[int, int, int]
    ordinal: bool = False
    framable: bool = True
    undatable: bool = False


_PORTS = ("Rajin", "Vostochny", "Nakhodka", "Slavyanka", "Posyet", "Zarubino")
_REGIONS = (
    "Kharkiv region",
    "Odesa region",
    "Dnipropetrovsk region",
    "Kyiv region",
    "Mykolaiv region",
    "Zaporizhzhia region",
    "Lviv region",
    "Sumy region",
    "Poltava region",
    "Khmelnytskyi region",
)
_DONORS = (
    "Germany",
    "the Netherlands",
    "Denmark",
    "Norway",
    "Sweden",
    "Canada",
    "Lithuania",
    "Spain",
    "Italy",
    "Finland",
    "Czechia",
    "Japan",
)

EVENT_TEMPLATES: tuple[EventTemplate, ...] = (
    # --- DPRK
    EventTemplate(
        "dprk",
        "North Korea [handed over|transferred] {n} containers of {cargo} to Russia through "
        "the port of {port}, [according to|as reported by] {reporter}",
        {
            "cargo": (
                "artillery [munitions|ammunition]",
                "rocket launchers",
                "tank shells",
                "anti-tank missiles",
                "spare gun barrels",
                "mortar rounds",
                "military equipment",
            ),
            "port": _PORTS,
            "reporter": (
                "the White House",
                "South Korean intelligence",
                "the Pentagon",
                "Japanese officials",
                "the US State Department",
                "the Defence Intelligence of Ukraine",
            ),
        },
        (200, 9000, 50),
        undatable=True,
    ),
    EventTemplate(
        "dprk",
        "{official} visited {city} and [met with {counterpart}, among others,|met, among other "
        "things, with {counterpart},] to discuss {n} joint projects in {field}",
        {
            "official": (
                "Russian Defense Minister Sergei Shoigu",
                "Russian Foreign Minister Sergei Lavrov",
                "Security Council Secretary Sergei Shoigu",
                "Russian Natural Resources Minister Alexander Kozlov",
                "Russian Deputy Prime Minister Alexander Novak",
            ),
            "city": ("Pyongyang", "Wonsan", "Nampo", "Sinuiju", "Hamhung"),
            "counterpart": (
                "his North Korean counterpart",
                "North Korean leader Kim Jong Un",
                "the head of the Korean People's Army",
                "North Korean Premier Kim Tok Hun",
            ),
            "field": (
                "the defense industry",
                "space technology",
                "the energy sector",
                "railway transport",
                "agriculture",
            ),
        },
        (5, 95, 1),
    ),
    EventTemplate(
        "dprk",
        "satellite images from {provider} showed {n} [freight cars|railway wagons] at the "
        "{station} border station [between Russia and the DPRK|between Russia and North Korea], "
        "the highest traffic {period}",
        {
            "provider": (
                "Maxar",
                "Planet Labs",
                "Airbus",
                "the CSIS think tank",
                "Beyond Parallel",
            ),
            "station": ("Tumangang", "Khasan", "Rajin", "Tumen River", "Hasan"),
            "period": (
                "in recent years",
                "since the start of the war",
                "in five years",
                "since the pandemic",
                "on record",
                "in a decade",
                "this year",
                "since the summit",
                "in many months",
            ),
        },
        (100, 3000, 10),
        undatable=True,
    ),
    EventTemplate(
        "dprk",
        "the United States imposed sanctions on {n} {targets} over {activity} [for the DPRK|"
        "for North Korea]",
        {
            "targets": (
                "Russian citizens",
                "Russian companies",
                "shipping firms",
                "Slovak and Russian intermediaries",
                "Chinese trading companies",
                "banks in the UAE",
                "North Korean officials",
            ),
            "activity": (
                "the development of ballistic missiles",
                "arms deals",
                "the transfer of [munitions|ammunition]",
                "the purchase of oil",
                "the supply of dual-use goods",
                "laundering money",
                "helping to evade UN sanctions",
            ),
        },
        (3, 300, 1),
    ),
    EventTemplate(
        "dprk",
        "Kim Jong Un [visited|inspected] the {factory} and ordered it to increase "
        "[production|output] of {product} by {n} percent",
        {
            "factory": (
                "munitions plant in Kanggye",
                "missile factory in Pyongyang",
                "engine plant in Sohae",
                "shell factory in Chagang province",
                "tank plant in Tokchon",
                "rocket engine workshop in Hamhung",
                "artillery works in Sinpo",
            ),
            "product": (
                "artillery shells",
                "rocket engines",
                "tactical missiles",
                "multiple rocket launchers",
                "self-propelled guns",
                "drones",
                "mortar rounds",
            ),
        },
        (11, 400, 1),
    ),
    # --- Iran
    EventTemplate(
        "iran",
        "Iran [delivered|handed over] a new batch of {n} {drone} drones to Russia via {route}",
        {
            "drone": (
                "Shahed-136",
                "Shahed-131",
                "Mohajer-6",
                "Shahed-238 jet",
                "Arash-2",
                "Ababil",
                "Karrar",
            ),
            "route": (
                "the Caspian Sea",
                "the port of Makhachkala",
                "Iraqi airspace",
                "Turkmenistan",
                "the port of Astrakhan",
                "cargo flights to Moscow",
                "Azerbaijan",
            ),
        },
        (20, 900, 1),
        undatable=True,
    ),
    EventTemplate(
        "iran",
        "{gov} imposed sanctions on {n} Iranian {entities} involved in [producing|the "
        "production of] {product} for Russia",
        {
            "gov": (
                "the United Kingdom",
                "the European Union",
                "the United States",
                "Canada",
                "Australia",
                "Japan",
                "Switzerland",
            ),
            "entities": (
                "companies",
                "individuals",
                "engineers",
                "officials",
                "shipping firms",
                "research institutes",
            ),
            "product": (
                "Shahed drones",
                "ballistic missiles",
                "drone engines",
                "guidance systems",
                "attack drones",
                "missile fuel",
            ),
        },
        (3, 250, 1),
    ),
    EventTemplate(
        "iran",
        "Russia launched {n} Iranian-designed {drone} drones against {region} [overnight|in "
        "one night], the Air Force said",
        {
            "drone": (
                "Shahed",
                "Shahed-136",
                "Geran-2",
                "Shahed-131",
                "Lancet",
                "Gerbera",
                "Geran-3",
            ),
            "region": _REGIONS,
        },
        (8, 400, 1),
        framable=False,
    ),
    EventTemplate(
        "iran",
        "{intel} said that Russia [had|has] started assembling {n} {drone} drones a month at a "
        "plant in {city}",
        {
            "intel": (
                "the Defence Intelligence of Ukraine",
                "the US National Security Council",
                "British intelligence",
                "the Institute for the Study of War",
                "the Pentagon",
            ),
            "drone": ("Shahed", "Geran", "Shahed-136", "jet-powered Shahed", "Garpiya"),
            "city": ("Yelabuga", "Izhevsk", "Kazan", "Alabuga", "Kupino", "Ulyanovsk", "Tula"),
        },
        (30, 6000, 10),
        undatable=True,
    ),
    EventTemplate(
        "iran",
        "Iran [sent|transferred] {n} {missile} ballistic missiles to Russia by {transport}",
        {
            "missile": (
                "Fath-360",
                "Zolfaghar",
                "Fateh-110",
                "Ababil short-range",
                "Kheibar Shekan",
                "Qiam-1",
            ),
            "transport": (
                "sea across the Caspian",
                "cargo aircraft",
                "railway through Turkmenistan",
                "ships from Bandar Anzali",
                "trucks through Azerbaijan",
                "ferries to Astrakhan",
                "charter flights",
                "military aircraft",
            ),
        },
        (10, 900, 1),
    ),
    # --- grain
    EventTemplate(
        "grain",
        "Russia attacked the port infrastructure of {port} with {missile} missiles and "
        "[Shahed drones|Iranian-made Shahed attack drones], destroying {n} [tonnes|tons] of "
        "{crop}",
        {
            "port": (
                "Odesa",
                "Chornomorsk",
                "Pivdennyi",
                "Izmail",
                "Reni",
                "Mykolaiv",
                "Ust-Dunaisk",
            ),
            "missile": ("Kalibr", "Onyx", "Iskander", "Kh-22", "Kh-59", "Kinzhal", "Kh-101"),
            "crop": ("grain", "wheat", "corn", "barley", "sunflower oil", "soybeans"),
        },
        (1000, 99000, 500),
    ),
    EventTemplate(
        "grain",
        "the {n} civilian vessel [left|departed from] the port of {port} through the temporary "
        "corridor [announced|set up] by the Ukrainian Navy, carrying {crop} to {dest}",
        {
            "port": ("Odesa", "Chornomorsk", "Pivdennyi", "Yuzhne"),
            "crop": (
                "wheat",
                "corn",
                "barley",
                "iron ore",
                "sunflower meal",
                "rapeseed",
                "steel products",
            ),
            "dest": (
                "Egypt",
                "Indonesia",
                "Spain",
                "China",
                "Turkey",
                "Tunisia",
                "Bangladesh",
                "Israel",
            ),
        },
        (5, 990, 1),
        ordinal=True,
        undatable=True,
    ),
    EventTemplate(
        "grain",
        "Russian {aircraft} [dropped|laid] {n} sea mines on the routes of civilian [ships|vessels] "
        "near {place}",
        {
            "aircraft": (
                "Su-24 bombers",
                "Tu-22M3 bombers",
                "Su-30 fighters",
                "Ka-27 helicopters",
                "Be-12 aircraft",
                "Su-34 bombers",
                "Il-38 patrol aircraft",
            ),
            "place": (
                "Odesa",
                "Zatoka",
                "Chornomorsk",
                "Snake Island",
                "the Danube delta",
                "Vylkove",
                "Tuzla",
                "Serhiivka",
                "Koblevo",
                "Ochakiv",
            ),
        },
        (2, 120, 1),
    ),
    EventTemplate(
        "grain",
        "the {assoc} said that {n} [tonnes|tons] of {crop} had been shipped to {dest} through "
        "the new corridor",
        {
            "assoc": (
                "Ukrainian Grain Association",
                "Ministry of Agrarian Policy and Food",
                "Ukrainian Sea Ports Authority",
                "Ukrainian Agrarian Council",
                "Ukrainian Agribusiness Association",
            ),
            "crop": ("grain", "oilseeds", "wheat", "corn", "barley", "sunflower oil"),
            "dest": ("Asia", "Africa", "the European Union", "the Middle East", "Latin America"),
        },
        (100000, 990000, 1000),
        undatable=True,
    ),
    EventTemplate(
        "grain",
        "Polish farmers [blocked|stopped] {n} trucks with Ukrainian {crop} at the {checkpoint} "
        "checkpoint on the border",
        {
            "crop": (
                "grain",
                "sugar",
                "corn",
                "rapeseed",
                "poultry",
                "berries",
                "honey",
                "apples",
                "eggs",
            ),
            "checkpoint": (
                "Yahodyn-Dorohusk",
                "Rava-Ruska-Hrebenne",
                "Krakovets-Korczowa",
                "Shehyni-Medyka",
                "Ustyluh-Zosin",
                "Uhryniv-Dolhobyczow",
                "Smilnytsia-Krostsenko",
            ),
        },
        (15, 3000, 5),
    ),
    # --- sanctions
    EventTemplate(
        "sanctions",
        "the EU added {n} {entity} from {country} to its sanctions list for helping Russia "
        "[evade|bypass] restrictions on {goods}",
        {
            "entity": ("companies", "individuals", "banks", "trading firms", "logistics firms"),
            "country": (
                "China",
                "Turkey",
                "the UAE",
                "Kazakhstan",
                "Kyrgyzstan",
                "Armenia",
                "Serbia",
                "India",
                "Hong Kong",
            ),
            "goods": (
                "microelectronics",
                "machine tools",
                "dual-use goods",
                "drone parts",
                "aviation parts",
                "oil exports",
            ),
        },
        (3, 400, 1),
        undatable=True,
    ),
    EventTemplate(
        "sanctions",
        "the [US Treasury Department|United States Treasury Department] imposed sanctions on "
        "{n} companies [in|from] {country} that [supplied|had supplied] Russia with {goods}",
        {
            "country": (
                "China",
                "Turkey",
                "the UAE",
                "Kazakhstan",
                "Belarus",
                "Switzerland",
                "Kyrgyzstan",
                "Malaysia",
                "Thailand",
            ),
            "goods": (
                "microchips",
                "ball bearings",
                "navigation modules",
                "machine tools",
                "optical sights",
                "drone engines",
            ),
        },
        (405, 9000, 1),
    ),
    EventTemplate(
        "sanctions",
        "{country} froze {n} million euros [of assets|in assets] belonging to {owner}",
        {
            "country": (
                "Belgium",
                "France",
                "Germany",
                "Italy",
                "Austria",
                "Cyprus",
                "Latvia",
                "Estonia",
                "Luxembourg",
            ),
            "owner": (
                "the Russian central bank",
                "a Russian oligarch",
                "Rosneft",
                "Gazprombank",
                "Sberbank",
                "a Kremlin-linked businessman",
                "a Russian state fund",
            ),
        },
        (20, 9000, 5),
        undatable=True,
    ),
    EventTemplate(
        "sanctions",
        "{country} detained a tanker of the Russian shadow fleet [carrying|with] {n} [tonnes|"
        "tons] of {cargo} off the coast of {place}",
        {
            "country": (
                "Germany",
                "Denmark",
                "Finland",
                "Estonia",
                "Greece",
                "Sweden",
                "Poland",
            ),
            "cargo": ("crude oil", "diesel fuel", "fuel oil", "gasoline", "liquefied gas"),
            "place": (
                "Rugen island",
                "Gotland",
                "Bornholm",
                "the Gulf of Finland",
                "Laconia",
                "Gdansk",
            ),
        },
        (10000, 99000, 100),
    ),
    EventTemplate(
        "sanctions",
        "the EU banned the [transshipment|re-export] of Russian {product} "
        "through {n} ports in {region}",
        {
            "product": (
                "liquefied natural gas",
                "coal",
                "steel",
                "fertilizers",
                "crude oil",
                "timber",
                "diamonds",
                "aluminium",
            ),
            "region": (
                "Belgium and the Netherlands",
                "Spain and France",
                "the Baltic states",
                "Greece",
                "Italy",
                "Germany",
                "Poland",
                "Portugal",
            ),
        },
        (4, 60, 1),
    ),
    # --- energy
    EventTemplate(
        "energy",
        "Russian missiles [destroyed|hit] the {plant}, leaving {n} consumers in {region} "
        "without electricity",
        {
            "plant": (
                "Trypilska thermal power plant",
                "Zmiivska thermal power plant",
                "Burshtyn power plant",
                "Ladyzhyn power plant",
                "DniproHES",
                "Kremenchuk hydroelectric plant",
                "Kharkiv combined heat and power plant",
            ),
            "region": _REGIONS,
        },
        (2000, 900000, 500),
    ),
    EventTemplate(
        "energy",
        "Ukrenergo introduced scheduled power outages [in|for] {n} settlements of {region} "
        "after an attack on {facility}",
        {
            "region": _REGIONS,
            "facility": (
                "a high-voltage substation",
                "a transmission line",
                "a distribution hub",
                "a thermal power plant",
                "a hydroelectric plant",
                "a transformer station",
            ),
        },
        (12, 1900, 1),
        undatable=True,
    ),
    EventTemplate(
        "energy",
        "Russia launched {n} missiles and drones at energy facilities in {region}, [hitting|"
        "damaging] the {plant}",
        {
            "region": _REGIONS,
            "plant": (
                "main substation",
                "local thermal power plant",
                "gas storage facility",
                "combined heat and power plant",
                "hydroelectric plant",
                "regional grid operator",
            ),
        },
        (9, 200, 1),
    ),
    EventTemplate(
        "energy",
        "{donor} handed over {n} [gas piston|mobile] power units to Ukrainian {recipient}",
        {
            "donor": (*_DONORS, "USAID", "the European Commission"),
            "recipient": (
                "hospitals",
                "schools",
                "water utilities",
                "communities",
                "heating companies",
                "border settlements",
            ),
        },
        (5, 900, 1),
        undatable=True,
    ),
    EventTemplate(
        "energy",
        "the Ministry of Energy said that repairs of the {plant} would cost {n} million "
        "[dollars|US dollars] and take {duration}",
        {
            "plant": (
                "DniproHES",
                "Trypilska power plant",
                "Kakhovka hydroelectric plant",
                "Zmiivska power plant",
                "Burshtyn power plant",
                "Kaniv hydroelectric plant",
                "Dniester pumped storage plant",
                "Kremenchuk hydroelectric plant",
                "Ladyzhyn power plant",
                "Dobrotvir power plant",
            ),
            "duration": (
                "at least two years",
                "several months",
                "until next winter",
                "more than a year",
                "at least three years",
                "half a year",
                "up to five years",
            ),
        },
        (15, 9900, 5),
        undatable=True,
    ),
    # --- air defence
    EventTemplate(
        "airdef",
        "{donor} announced that it would hand over {n} [additional|more] {missile} missiles for "
        "{system} systems to Ukraine",
        {
            "donor": _DONORS,
            "missile": ("interceptor", "air defence", "surface-to-air", "guided", "anti-aircraft"),
            "system": ("Patriot", "IRIS-T", "NASAMS", "SAMP/T", "Hawk", "Skynex"),
        },
        (6, 900, 1),
        undatable=True,
    ),
    EventTemplate(
        "airdef",
        "the Ukrainian Air Force said it had shot down {n} {target} over {region} [overnight|"
        "in one night]",
        {
            "target": (
                "Shahed drones",
                "cruise missiles",
                "reconnaissance drones",
                "Kh-101 missiles",
                "guided aerial bombs",
                "Kalibr missiles",
                "Iskander-K missiles",
            ),
            "region": _REGIONS,
        },
        (5, 300, 1),
        framable=False,
    ),
    EventTemplate(
        "airdef",
        "the Pentagon confirmed that a {system} [battery|system] deployed {n} kilometres from "
        "{city} had been [slightly damaged|damaged] by a Russian {weapon}",
        {
            "system": ("Patriot", "NASAMS", "IRIS-T", "Hawk", "Gepard"),
            "city": ("Kyiv", "Odesa", "Dnipro", "Lviv", "Mykolaiv", "Kharkiv", "Zaporizhzhia"),
            "weapon": ("missile strike", "drone attack", "Kinzhal missile", "Iskander missile"),
        },
        (3, 99, 1),
    ),
    EventTemplate(
        "airdef",
        "{n} Ukrainian crews [completed|finished] training on {system} systems in {country}",
        {
            "system": ("Patriot", "IRIS-T", "NASAMS", "SAMP/T", "Skynex", "Gepard", "Hawk"),
            "country": (
                "Germany",
                "Poland",
                "the United States",
                "Italy",
                "Norway",
                "Spain",
                "the Netherlands",
                "Romania",
                "Greece",
            ),
        },
        (4, 300, 1),
        undatable=True,
    ),
    EventTemplate(
        "airdef",
        "{donor} [approved|agreed to] a {n} million euro package to buy {system} interceptors "
        "for Ukraine [together with|jointly with] {partner}",
        {
            "donor": _DONORS,
            "system": ("Patriot", "IRIS-T", "NASAMS", "Mistral", "Stinger", "Piorun"),
            "partner": (
                "other NATO members",
                "the European Union",
                "Rheinmetall",
                "the Ramstein group",
                "the Czech initiative",
            ),
        },
        (40, 9900, 10),
    ),
    # --- aid
    EventTemplate(
        "aid",
        "{donor} [announced|unveiled] a new military aid package worth {n} million {currency} "
        "that includes {items}",
        {
            "donor": (*_DONORS, "the United States", "the United Kingdom", "Poland"),
            "currency": ("euros", "dollars", "pounds", "kroner"),
            "items": (
                "artillery shells and armoured vehicles",
                "air defence systems",
                "demining equipment",
                "long-range drones",
                "spare parts for tanks",
                "winter gear and generators",
                "anti-tank weapons",
            ),
        },
        (20, 9900, 10),
        undatable=True,
    ),
    EventTemplate(
        "aid",
        "{donor} delivered {n} {vehicle} to the Ukrainian army, [according to|as reported by] "
        "{source}",
        {
            "donor": (*_DONORS, "the United States", "the United Kingdom"),
            "vehicle": (
                "Leopard tanks",
                "Bradley fighting vehicles",
                "armoured personnel carriers",
                "self-propelled howitzers",
                "mine-resistant vehicles",
                "military trucks",
            ),
            "source": (
                "the Ministry of Defence",
                "Oryx",
                "the Kiel Institute",
                "the General Staff",
                "the Pentagon",
            ),
        },
        (3, 600, 1),
    ),
    EventTemplate(
        "aid",
        "the Ramstein group agreed to [supply|provide] Ukraine with {n} {item} by {deadline}",
        {
            "item": (
                "artillery shells",
                "air defence missiles",
                "tank engines",
                "drones",
                "armoured vehicles",
                "howitzer barrels",
                "mortar rounds",
                "anti-tank mines",
                "rocket systems",
            ),
            "deadline": (
                "the end of the year",
                "next spring",
                "the summer campaign",
                "the winter",
                "the next meeting",
                "the autumn",
            ),
        },
        (1000, 990000, 1000),
    ),
    EventTemplate(
        "aid",
        "{n} Ukrainian pilots [began|started] training on {aircraft} fighter jets in {country}",
        {
            "aircraft": (
                "F-16",
                "Gripen",
                "Mirage 2000",
                "F-16 Block 50",
                "Rafale",
                "Eurofighter",
                "Alpha Jet",
            ),
            "country": (
                "Denmark",
                "Romania",
                "the United States",
                "France",
                "Sweden",
                "the Netherlands",
                "Belgium",
                "Norway",
            ),
        },
        (4, 120, 1),
        undatable=True,
    ),
    EventTemplate(
        "aid",
        "{country} [signed|concluded] a security agreement with Ukraine that provides for {n} "
        "million euros of aid for {purpose}",
        {
            "country": (*_DONORS, "France", "Latvia", "Estonia", "Belgium", "Portugal"),
            "purpose": (
                "artillery ammunition",
                "air defence",
                "drone production",
                "demining",
                "the navy",
                "training of soldiers",
            ),
        },
        (50, 9950, 25),
    ),
    # --- Belarus
    EventTemplate(
        "belarus",
        "{n} Wagner fighters [from|coming from] {origin} arrived at the {camp} camp in Belarus, "
        "according to {monitor}",
        {
            "origin": ("Africa", "Rostov", "Luhansk region", "Syria", "Mali", "Bakhmut"),
            "camp": (
                "Tsel",
                "Osipovichi",
                "Asipovichy",
                "Brest",
                "Hrodna",
                "Luninets",
                "Baranovichi",
            ),
            "monitor": (
                "Belaruski Hajun",
                "the State Border Guard Service",
                "Polish intelligence",
                "the Institute for the Study of War",
                "Lithuanian intelligence",
            ),
        },
        (50, 9000, 10),
        undatable=True,
    ),
    EventTemplate(
        "belarus",
        "Belarus began [snap|unscheduled] military exercises involving {n} troops and {hardware} "
        "near the {border} border in {area}",
        {
            "border": ("Ukrainian", "Polish", "Lithuanian", "Latvian"),
            "hardware": (
                "tanks",
                "Iskander launchers",
                "attack helicopters",
                "air defence units",
                "engineering units",
                "artillery",
            ),
            "area": (
                "Brest region",
                "Hrodna region",
                "Homel region",
                "Vitebsk region",
                "Mahiliou region",
                "Minsk region",
            ),
        },
        (500, 50000, 50),
    ),
    EventTemplate(
        "belarus",
        "the State Border Guard Service [recorded|detected] {n} {attempt} from Belarus near "
        "{place} over {period}",
        {
            "attempt": (
                "drone flights",
                "attempts to cross the border",
                "reconnaissance drones",
                "sabotage groups",
                "artillery positions",
            ),
            "place": (
                "Volyn region",
                "Rivne region",
                "Zhytomyr region",
                "Chernihiv region",
                "the Chornobyl zone",
                "Polissia",
            ),
            "period": (
                "the past week",
                "the past month",
                "the weekend",
                "the past day",
                "the holidays",
            ),
        },
        (3, 500, 1),
        undatable=True,
    ),
    EventTemplate(
        "belarus",
        "Poland [deployed|sent] {n} additional {unit} to its border with Belarus near {place} "
        "after {trigger}",
        {
            "unit": (
                "soldiers",
                "border guards",
                "military police officers",
                "territorial defence troops",
                "engineers",
                "special forces",
            ),
            "trigger": (
                "a Wagner provocation",
                "a migrant crisis",
                "an airspace violation",
                "a helicopter incursion",
            ),
            "place": (
                "Bialowieza",
                "Kuznica",
                "Terespol",
                "Hajnowka",
                "Bialystok",
                "Sokolka",
                "Wlodawa",
                "Krynki",
            ),
        },
        (100, 20000, 100),
        undatable=True,
    ),
    EventTemplate(
        "belarus",
        "Alexander Lukashenko said that {n} {weapons} [had been|have been] moved to {place}, "
        "citing {reason}",
        {
            "weapons": (
                "tactical nuclear warheads",
                "Iskander launchers",
                "S-400 launchers",
                "Russian aircraft",
                "Oreshnik components",
                "nuclear-capable bombers",
            ),
            "place": (
                "Belarusian storage sites",
                "the Asipovichy base",
                "the Baranovichi airfield",
                "the Machulishchy airfield",
                "the Ziabrauka base",
                "the western regions",
            ),
            "reason": (
                "threats from NATO",
                "the Polish build-up",
                "the Ukrainian incursion into Kursk",
                "Western drones",
                "the Zapad exercises",
            ),
        },
        (2, 99, 1),
        framable=False,
    ),
    # --- EU
    EventTemplate(
        "eu",
        "the European Commission [recommended|proposed] opening the {cluster} cluster of "
        "accession talks with Ukraine after it fulfilled {n} [conditions|requirements] related "
        "to {area}",
        {
            "cluster": (
                "fundamentals",
                "internal market",
                "competitiveness",
                "green agenda",
                "external relations",
                "resources and agriculture",
            ),
            "area": (
                "the judiciary",
                "anti-corruption bodies",
                "national minorities",
                "media freedom",
                "money laundering",
                "the Constitutional Court",
                "the lobbying law",
                "asset declarations",
                "the prosecutor's office",
                "the police reform",
            ),
        },
        (2, 99, 1),
        undatable=True,
    ),
    EventTemplate(
        "eu",
        "the Verkhovna Rada adopted {n} [laws|bills] on {area} required for EU membership in the "
        "{reading} reading",
        {
            "area": (
                "public procurement",
                "energy markets",
                "customs",
                "environmental protection",
                "state aid",
                "consumer rights",
                "food safety",
                "digital services",
                "the banking system",
                "telecommunications",
                "labour rights",
                "road transport",
                "competition",
                "intellectual property",
                "company law",
                "statistics",
                "public health",
                "fisheries",
            ),
            "reading": ("first", "second", "final"),
        },
        (2, 199, 1),
        undatable=True,
    ),
    EventTemplate(
        "eu",
        "the EU [allocated|provided] {n} million euros to Ukraine under the Ukraine Facility for "
        "{purpose} in {region}",
        {
            "purpose": (
                "budget support",
                "reconstruction",
                "energy repairs",
                "small business loans",
                "housing",
                "municipal infrastructure",
                "demining",
            ),
            "region": _REGIONS,
        },
        (100, 9900, 100),
        undatable=True,
    ),
    EventTemplate(
        "eu",
        "the European Parliament voted in {city} to extend duty-free trade with Ukraine for "
        "{period}, with {n} MEPs in favour, [but|while] {condition}",
        {
            "city": ("Strasbourg", "Brussels"),
            "period": ("another year", "two more years", "a third year", "the duration of the war"),
            "condition": (
                "with safeguards for sugar",
                "with quotas for poultry",
                "with limits on eggs",
                "with caps on oats",
                "with checks on honey",
                "with limits on corn",
                "with limits on wheat",
                "with caps on groats",
                "with quotas for sugar and eggs",
                "with a brake on poultry imports",
                "with safeguards for honey and oats",
            ),
        },
        (300, 600, 1),
    ),
    EventTemplate(
        "eu",
        "the European Council confirmed that EU ambassadors [had agreed|agreed] to use {n} million "
        "euros of windfall profits from frozen Russian assets held by {holder} to {use}",
        {
            "holder": (
                "Euroclear",
                "Clearstream",
                "Belgian banks",
                "EU central banks",
                "French banks",
                "German banks",
            ),
            "use": (
                "arm Ukraine",
                "buy ammunition",
                "rebuild the energy system",
                "support Ukrainian arms makers",
                "fund air defence",
                "repay a G7 loan",
                "buy drones",
                "train soldiers",
                "restore schools",
            ),
        },
        (500, 9900, 100),
        undatable=True,
    ),
)


@dataclass(frozen=True)
class PoolEvent:
    """A real-world event of the pool, with its true date and its reworded forms."""

    id: int
    topic: str
    text: str
    framable: bool
    undated: bool
    year: int
    month: int
    day: int | None
    qualifier: str | None
    popularity: float
    day_number: int = 0  # the proleptic ordinal of ``earliest``, for picking nearby events

    @property
    def precision(self) -> Precision:
        if self.undated:
            return "unknown"
        return "day" if self.day is not None else "month"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the event may have happened (the month's end for a month date)."""
        if self.day is not None:
            return date(self.year, self.month, self.day)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def wordings(self) -> list[str]:
        """Every wording of the event's sentence (without date phrase or frame)."""
        return variants(self.text)


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class EventMention:
    """A timeline line and what a correct reading of it gives."""

    event_id: int
    line: str
    wording: str
    year: int | None
    month: int | None
    day: int | None
    precision: Precision
    qualifier: str | None
    year_stated: bool


@dataclass(frozen=True)
class ClaimMention:
    """A statement in an article: whose, which one, what kind and where."""

    expert_id: int
    statement_id: str
    kind: Kind
    section: Section
    text: str


@dataclass(frozen=True)
class Article:
    """One generated article with its ground truth."""

    stem: str
    text: str
    published_on: date
    topic: str
    expert_id: int
    events: tuple[EventMention, ...]
    claims: tuple[ClaimMention, ...]

    @property
    def sidecar(self) -> dict[str, str]:
        return {"published_on": self.published_on.isoformat()}


@dataclass(frozen=True)
class Pool:
    """The fixed experts and events every corpus draws from."""

    experts: tuple[Expert, ...]
    events: tuple[PoolEvent, ...]
    experts_by_topic: Mapping[str, tuple[Expert, ...]]
    events_by_topic: Mapping[str, tuple[PoolEvent, ...]]
    popularity_by_topic: Mapping[str, tuple[float, ...]]  # cumulative, for bisect
    days_by_topic: Mapping[str, tuple[int, ...]]  # ``day_number`` of events_by_topic


# --------------------------------------------------------------------------- text tools

_GROUP = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


def variants(text: str) -> list[str]:
    """All wordings of ``text``: one per choice in each ``[a|b]`` group."""
    parts = _GROUP.split(text)
    choices = [part.split("|") if i % 2 else [part] for i, part in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


def reword(text: str, rng: random.Random) -> str:
    """One wording of ``text``: a random choice in each ``[a|b]`` group."""
    return _GROUP.sub(lambda m: rng.choice(m.group(1).split("|")), text)


def _fill(template: str, words: Mapping[str, Sequence[str]], rng: random.Random) -> str:
    """Fill ``{slot}`` (``{Slot}``: capitalized) with a word from ``words``."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        value = rng.choice(words[name.lower()])
        return _cap(value) if name[0].isupper() else value

    return _SLOT.sub(one, template)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _zipf(count: int, exponent: float, rng: random.Random) -> list[float]:
    ranks = list(range(count))
    rng.shuffle(ranks)
    return [1.0 / (rank + 1) ** exponent for rank in ranks]


# --------------------------------------------------------------------------- the pool


@cache
def pool() -> Pool:
    """The fixed pool of experts and events (the same for every corpus seed)."""
    rng = random.Random(POOL_SEED)
    experts = _make_experts(rng)
    events = _make_events(rng)
    by_topic = {
        t.name: tuple(sorted((e for e in events if e.topic == t.name), key=_by_day)) for t in TOPICS
    }
    return Pool(
        experts=experts,
        events=events,
        experts_by_topic={t.name: tuple(e for e in experts if e.topic == t.name) for t in TOPICS},
        events_by_topic=by_topic,
        popularity_by_topic={
            name: tuple(itertools.accumulate(e.popularity for e in topic_events))
            for name, topic_events in by_topic.items()
        },
        days_by_topic={
            name: tuple(e.day_number for e in topic_events)
            for name, topic_events in by_topic.items()
        },
    )


def _by_day(event: PoolEvent) -> tuple[int, int]:
    return event.day_number, event.id


def _make_experts(rng: random.Random) -> tuple[Expert, ...]:
    experts: list[Expert] = []
    names: set[tuple[str, str]] = set()
    while len(experts) < EXPERT_COUNT:
        female = rng.random() < 0.4
        first = rng.choice(FIRST_FEMALE if female else FIRST_MALE)
        surname = SURNAMES[len(experts) % len(SURNAMES)]
        if (first, surname) in names:
            continue
        names.add((first, surname))
        role, reference, prep, prenominal = rng.choice(ROLES)
        organization, the = rng.choice(ORGANIZATIONS)
        topic = TOPICS[len(experts) % len(TOPICS)]
        words = {**COMMON, **topic.words}
        first_statement = _statement_text(words, rng)
        said = _Said([_content(first_statement)])
        second, _ = _fresh(partial(_statement_text, words, rng), said.allows)
        statements = (first_statement, second)
        experts.append(
            Expert(
                id=len(experts),
                first=first,
                surname=surname,
                female=female,
                role=role,
                reference=reference,
                prep=prep,
                prenominal=prenominal,
                organization=organization,
                the=the,
                topic=topic.name,
                statements=statements,
            )
        )
    return tuple(experts)


def _make_events(rng: random.Random) -> tuple[PoolEvent, ...]:
    """EVENT_COUNT events, spread evenly over the templates.

    Events are compared within a date block (month and day, or month, or "no date"), so
    within a block no two events share a template or their set of numbers: different
    events always differ in their figures, and a loader that merged them would be wrong.
    """
    per_template = -(-EVENT_COUNT // len(EVENT_TEMPLATES))
    numbers_in: dict[tuple[int, int | None] | None, set[frozenset[str]]] = {}
    drafts: list[tuple[EventTemplate, str, bool, int, int, int | None, str | None]] = []
    span = (LAST_DAY - FIRST_DAY).days
    for template in EVENT_TEMPLATES:
        names = sorted(template.slots)
        if math.prod(len(template.slots[name]) for name in names) < per_template:
            raise ValueError(f"too few distinct fillings for {template.text[:40]!r}")
        fillings: set[tuple[str, ...]] = set()
        undated_fillings: list[tuple[str, ...]] = []
        dates: set[tuple[int, int | None]] = set()
        made = 0
        while made < per_template and len(drafts) < EVENT_COUNT:
            filling = tuple(rng.choice(template.slots[name]) for name in names)
            if filling in fillings:
                continue
            # Undated events share one block: a template has at most one.
            undated = template.undatable and not undated_fillings and rng.random() < 0.2
            day = FIRST_DAY + timedelta(days=rng.randrange(span))
            month_only = not undated and rng.random() < 0.2
            block = None if undated else (day.month, None if month_only else day.day)
            if block is not None and block in dates:
                continue
            taken = numbers_in.setdefault(block, set())
            text = template.text.format(
                n=_number(template, rng), **dict(zip(names, filling, strict=True))
            )
            if _digits(text) in taken:
                continue
            taken.add(_digits(text))
            fillings.add(filling)
            if block is None:
                undated_fillings.append(filling)
            else:
                dates.add(block)
            qualifier = None
            if month_only:
                qualifier = rng.choice((None, None, "early", "mid", "late", "end"))
            drafts.append(
                (
                    template,
                    text,
                    undated,
                    day.year,
                    day.month,
                    None if month_only else day.day,
                    qualifier,
                )
            )
            made += 1
    popularity = _zipf(len(drafts), 1.0, rng)
    return tuple(
        PoolEvent(
            id=index,
            topic=template.topic,
            text=text,
            framable=template.framable,
            undated=undated,
            year=year,
            month=month,
            day=day,
            qualifier=qualifier,
            popularity=popularity[index],
            day_number=date(year, month, day or 1).toordinal(),
        )
        for index, (template, text, undated, year, month, day, qualifier) in enumerate(drafts)
    )


def _number(template: EventTemplate, rng: random.Random) -> str:
    low, high, step = template.numbers
    value = rng.randrange(low, high + 1, step)
    return _ordinal(value) if template.ordinal else f"{value:,}"


def _digits(text: str) -> frozenset[str]:
    """The runs of digits of ``text``: what the event matcher compares numbers by."""
    return frozenset(re.findall(r"\d+", text))


# --------------------------------------------------------------------------- dates

_FRAMES = ("it became known that ", "media reported that ", "it was reported that ")
_UNDATED_FIRST = ("Earlier, ", "", "Previously, ")
_UNDATED_LATER = ("Earlier, ", "", "Later, ", "Subsequently, ")
_MONTH_FORMS: Mapping[str | None, tuple[str, ...]] = {
    None: ("In {M}", "In {M}", "As early as {M}", "Back in {M}"),
    "early": ("In early {M}", "At the beginning of {M}", "At the start of {M}"),
    "mid": ("In mid-{M}", "In the middle of {M}"),
    "late": ("In late {M}",),
    "end": ("At the end of {M}",),
}
_DAY_FORMS = (
    ("On {M} {d}", 6),
    ("On {d} {M}", 2),
    ("{M} {d}", 1),
    ("On {W}, {M} {d}", 1),
    ("On the {tod} of {W}, {M} {d}", 1),
    ("Back on {M} {d}", 1),
)
_TIMES_OF_DAY = ("morning", "evening", "night", "afternoon")


def _date_phrase(
    event: PoolEvent, stated: bool, first: bool, rng: random.Random
) -> tuple[str, str | None]:
    """A date phrase for ``event`` (with its year when ``stated``), and its qualifier."""
    month = calendar.month_name[event.month]
    year = f" {event.year}" if stated else ""
    if event.day is None:
        form = rng.choice(_MONTH_FORMS[event.qualifier]).format(M=month)
        phrase, qualifier = form + year, event.qualifier
    else:
        forms, weights = zip(*_DAY_FORMS, strict=True)
        form = rng.choices(forms, weights)[0]
        tod = rng.choice(_TIMES_OF_DAY)
        weekday = calendar.day_name[event.earliest.weekday()]
        phrase = form.format(M=month, d=event.day, W=weekday, tod=tod)
        qualifier = tod if "{tod}" in form else None
        if stated:
            phrase += f" {event.year}" if form == "On {d} {M}" else f",{year}"
    if not first and rng.random() < 0.06 and phrase[:3] in ("On ", "In "):
        phrase = rng.choice(("But ", "Meanwhile, ")) + phrase[0].lower() + phrase[1:]
    return phrase, qualifier


def _implied_year(published: date, month: int, day: int) -> int:
    """The year a reader infers for a yearless date from the published date."""
    return (
        published.year if (month, day) <= (published.month, published.day) else published.year - 1
    )


# --------------------------------------------------------------------------- articles


class _Said:
    """What one expert said in one kind of statement: every statement, for word-for-word
    repeats, and an index of their content words for the novelty rule.

    A new statement is compared with the expert's background statements and last
    ``_RECENT`` statements of the kind, and must not have exactly the content words of any
    older one. Comparing with the whole history made the generator quadratic (100,000
    articles took 63 minutes), and the busiest experts ran out of fresh wordings anyway.
    """

    def __init__(self, pinned: Iterable[int] = ()) -> None:
        self.statements: list[tuple[str, str]] = []
        self.pinned = [(words, _limit(words)) for words in pinned]
        self.recent: deque[tuple[int, float]] = deque(maxlen=_RECENT)
        self.seen = {words for words, _ in self.pinned}

    def add(self, said: tuple[str, str], words: int) -> None:
        self.statements.append(said)
        self.recent.append((words, _limit(words)))
        self.seen.add(words)

    def allows(self, words: int, pending: Iterable[int] = ()) -> bool:
        """True when the content ``words`` (see ``_content``) are new enough next to this
        index and to the ``pending`` statements of the article being written."""
        if words in self.seen:
            return False
        limit = _limit(words)
        others = ((other, _limit(other)) for other in pending)
        for other, other_limit in itertools.chain(self.pinned, self.recent, others):
            shared = (words & other).bit_count()
            if shared > limit or shared > other_limit:  # more than about half of either
                return False
        return True

    def earlier(self, used: set[str], rng: random.Random) -> tuple[str, str] | None:
        """A statement said before and not in ``used``, uniformly; None when there is none."""
        if len(self.statements) > len(used):
            # Some statement is not in ``used`` (one article's few): draw until one is.
            while (said := rng.choice(self.statements))[0] in used:
                pass
            return said
        rest = [said for said in self.statements if said[0] not in used]
        return rng.choice(rest) if rest else None


@dataclass
class _History:
    """What earlier articles said, so a later one can repeat a statement or avoid one."""

    said: dict[tuple[int, Kind], _Said] = field(default_factory=dict)
    counter: int = 0

    @classmethod
    def start(cls, experts: Sequence[Expert]) -> _History:
        """A history that knows every expert's background statements (paraphrases)."""
        history = cls()
        for expert in experts:
            pinned = [_content(text) for text in expert.statements]
            history.said[(expert.id, "paraphrase")] = _Said(pinned)
        return history

    def of(self, key: tuple[int, Kind]) -> _Said:
        """The statements of one expert and kind."""
        return self.said.setdefault(key, _Said())

    def new_id(self, expert: Expert, kind: Kind) -> str:
        self.counter += 1
        return f"{expert.id}:{kind}:{self.counter}"


@dataclass
class _Draft:
    """An article being written: its lines and the ground truth gathered so far."""

    lines: list[str] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # (expert id, kind), (statement id, text), content words
    new_statements: list[tuple[tuple[int, Kind], tuple[str, str], int]] = field(
        default_factory=list
    )
    # sentence templates used in this article, and those of the text made last
    used: set[str] = field(default_factory=set)
    picked: list[str] = field(default_factory=list)

    def pick(self, templates: Sequence[str], count: int, rng: random.Random) -> list[str]:
        """``count`` templates this article has not used yet (so it does not repeat itself)."""
        fresh = [t for t in templates if t not in self.used]
        chosen = rng.sample(fresh if len(fresh) >= count else list(templates), count)
        self.picked += chosen
        return chosen

    def keep(self) -> None:
        """Mark the templates of the text made last as used."""
        self.used.update(self.picked)
        self.picked.clear()


def generate_articles(count: int, seed: int) -> Iterator[Article]:
    """``count`` articles with their ground truth, deterministic for ``seed``."""
    rng = random.Random(seed)
    the_pool = pool()
    topic_weights = list(itertools.accumulate(_zipf(len(TOPICS), 0.5, rng)))
    expert_weights = {
        name: list(itertools.accumulate(_zipf(len(experts), 0.8, rng)))
        for name, experts in the_pool.experts_by_topic.items()
    }
    history = _History.start(the_pool.experts)
    for index in range(count):
        topic = TOPICS[bisect.bisect(topic_weights, rng.random() * topic_weights[-1])]
        experts = the_pool.experts_by_topic[topic.name]
        weights = expert_weights[topic.name]
        expert = experts[bisect.bisect(weights, rng.random() * weights[-1])]
        for _attempt in range(100):
            draft, published = _write(topic, expert, the_pool, history, rng)
            text = "\n".join(draft.lines) + "\n"
            if MIN_BYTES <= len(text.encode()) <= MAX_BYTES:
                break
        else:  # pragma: no cover - the sizes are tuned so that this cannot happen
            raise RuntimeError(f"article {index}: no draft of 2-4 KB in 100 attempts")
        for key, said, words in draft.new_statements:
            history.of(key).add(said, words)
        yield Article(
            stem=f"{index:06d}",
            text=text,
            published_on=published,
            topic=topic.name,
            expert_id=expert.id,
            events=tuple(draft.events),
            claims=tuple(draft.claims),
        )


def generate(count: int, seed: int) -> Iterator[tuple[str, str, dict[str, str]]]:
    """``count`` articles as (stem, text, sidecar), deterministic for ``seed``."""
    for article in generate_articles(count, seed):
        yield article.stem, article.text, article.sidecar


def write_corpus(out: Path, count: int, seed: int) -> int:
    """Write ``count`` articles and their sidecars into ``out``; return how many."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for stem, text, sidecar in generate(count, seed):
        (out / f"{stem}.txt").write_text(text, encoding="utf-8", newline="\n")
        (out / f"{stem}.json").write_text(json.dumps(sidecar) + "\n", encoding="utf-8")
        written += 1
    return written


def _write(
    topic: Topic, expert: Expert, the_pool: Pool, history: _History, rng: random.Random
) -> tuple[_Draft, date]:
    draft = _Draft()
    words = {**COMMON, **topic.words}
    draft.lines.append(_title(topic, expert, rng))
    told = _lede(draft, expert, words, history, rng)
    if not told:
        draft.lines.append(_venue(expert, rng))
    _body(draft, expert, words, history, rng)
    draft.lines.append(_header(topic, rng))
    published = _timeline(draft, topic, expert, the_pool, rng)
    draft.lines.append(f"- {CATEGORY}")
    return draft, published


def _title(topic: Topic, expert: Expert, rng: random.Random) -> str:
    headline = rng.choice(topic.headlines)
    if rng.random() < 0.15:
        return f"{headline} – {expert.organization}"
    label = expert.reference.removeprefix("the ")
    return f"{headline} - {label} {expert.surname}"


def _statement(
    draft: _Draft,
    expert: Expert,
    kind: Kind,
    make: Callable[[], str],
    *,
    history: _History,
    rng: random.Random,
    reuse: float,
) -> tuple[str, str]:
    """A statement of ``expert``: now and then one said in an earlier article, else a new
    one unlike what the expert said before (see ``_Said``: only a repeat is the same claim)."""
    key = (expert.id, kind)
    said = history.of(key)
    if rng.random() < reuse:
        used = {claim.statement_id for claim in draft.claims}
        if (earlier := said.earlier(used, rng)) is not None:
            return earlier
    pending = [words for k, _, words in draft.new_statements if k == key]
    text, words = _fresh(make, partial(said.allows, pending=pending), draft)
    new = (history.new_id(expert, kind), text)
    draft.new_statements.append((key, new, words))
    draft.keep()
    return new


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of and or to in on for at by with as is are be will it its this that not but "
    "if so which since because although their our we i there here".split()
)
_ATTEMPTS = 40
_MAX_SHARED = 0.55
# How many of an expert's last statements of a kind a new one is compared with in full:
# more finds more near repeats, and makes fresh wordings harder to find (and slower).
_RECENT = 100


@cache
def _word_bits() -> Mapping[str, int]:
    """One bit per content word of the statement templates and their fillers (0 for a
    stop word), so that comparing two statements is an ``&`` and a bit count."""
    fillers = [w for words in (COMMON, *(t.words for t in TOPICS)) for w in words.values()]
    texts = [*QUOTE_SENTENCES, *PARAPHRASES, *TAILS, *itertools.chain(*fillers)]
    found = {word for text in texts for word in _WORD.findall(_SLOT.sub(" ", text).lower())}
    bits = {word: 1 << index for index, word in enumerate(sorted(found - _STOP))}
    return bits | dict.fromkeys(_STOP, 0)


def _content(text: str) -> int:
    """The content words of a statement, one bit each (see ``_word_bits``)."""
    bits = _word_bits()
    words = 0
    for word in _WORD.findall(text.lower()):
        words |= bits[word]
    return words


def _limit(words: int) -> float:
    """How many content words a statement with ``words`` may share with another."""
    return _MAX_SHARED * words.bit_count()


def _fresh(
    make: Callable[[], str], allows: Callable[[int], bool], draft: _Draft | None = None
) -> tuple[str, int]:
    """A text from ``make`` whose content words ``allows``, and those words; best effort:
    after ``_ATTEMPTS`` texts, the last."""
    text = make()
    words = _content(text)
    for _attempt in range(_ATTEMPTS):
        if allows(words):
            break
        if draft is not None:
            draft.picked.clear()
        text = make()
        words = _content(text)
    return text, words


def _statement_text(
    words: Mapping[str, Sequence[str]], rng: random.Random, draft: _Draft | None = None
) -> str:
    """A reported statement: a clause with its reason or consequence, sometimes two."""
    count = 2 if rng.random() < 0.35 else 1
    if draft is not None:
        clauses = draft.pick(PARAPHRASES, count, rng)
    else:
        clauses = rng.sample(PARAPHRASES, count)
    made = [_fill(clause + rng.choice(TAILS), words, rng) for clause in clauses]
    return ". ".join([made[0], *(_cap(m) for m in made[1:])])


def _quote_text(words: Mapping[str, Sequence[str]], rng: random.Random, draft: _Draft) -> str:
    """A quote: three or four sentences, without the last period."""
    sentences = draft.pick(QUOTE_SENTENCES, rng.choice((3, 4, 4)), rng)
    return " ".join(_fill(s, words, rng) for s in sentences)[:-1]


def _lede(
    draft: _Draft,
    expert: Expert,
    words: Mapping[str, Sequence[str]],
    history: _History,
    rng: random.Random,
) -> bool:
    """Append the lede; True when it names the outlet itself ("told Espreso TV that")."""
    sid, claim = _statement(
        draft,
        expert,
        "summary",
        partial(_statement_text, words, rng, draft),
        history=history,
        rng=rng,
        reuse=0.05,
    )
    verb = rng.choice(("believes that", "believes that", "says that", "is convinced that"))
    article = rng.choice(("", "", "an " if expert.role[0] in "aeiou" else "a "))
    form = rng.random()
    told = False
    if form < 0.5:
        if rng.random() < 0.15:
            verb, told = f"told {OUTLET} that", True
        lede = f"{expert.name}, {article}{expert.described}, {verb} {claim}"
    elif form < 0.75 or not expert.prenominal or _CONNECTOR.search(expert.organization):
        lede = f"The {expert.role} of {expert.org_phrase}, {expert.name}, {verb} {claim}"
    else:
        lede = f"{expert.organization} {expert.role} {expert.name} {verb} {claim}"
    if rng.random() < 0.3:
        lede += "."
    draft.lines.append(lede)
    draft.claims.append(ClaimMention(expert.id, sid, "summary", "lede", claim))
    return told


# "Institute for Economics and Forecasting analyst Name" is read as role "Institute",
# affiliation "Economics and Forecasting": a role before the name only with a plain name.
_CONNECTOR = re.compile(r"\b(?:for|of|and|on|the|de)\b")


def _venue(expert: Expert, rng: random.Random) -> str:
    he, his = _cap(expert.he), expert.his
    return rng.choice(
        (
            f"{he} expressed {his} opinion on {OUTLET}.",
            f"{he} said this on {OUTLET}.",
            f"{he} expressed {his} opinion on the {OUTLET} channel.",
            f"{he} shared {his} opinions with {OUTLET}.",
            f"{he} said this on the air of {OUTLET}.",
            f"{he} spoke about this on the {OUTLET} channel.",
            f"{expert.surname} said this in an interview with {OUTLET}.",
        )
    )


def _body(
    draft: _Draft,
    expert: Expert,
    words: Mapping[str, Sequence[str]],
    history: _History,
    rng: random.Random,
) -> None:
    quote: Kind = "quote"
    paraphrase: Kind = "paraphrase"
    order = [quote] * rng.choice((2, 3, 3, 3)) + [paraphrase] * rng.choice((1, 2, 2))
    rng.shuffle(order)
    if order[0] == paraphrase and rng.random() < 0.75:  # mostly, a quote comes first
        order.insert(0, order.pop(order.index(quote)))
    for position, kind in enumerate(order):
        if kind == "quote":
            make = partial(_quote_text, words, rng, draft)
            sid, text = _statement(
                draft, expert, "quote", make, history=history, rng=rng, reuse=0.06
            )
            draft.lines.append(_quote_line(expert, text, position, rng))
        else:
            make = partial(_statement_text, words, rng, draft)
            sid, text = _statement(
                draft, expert, "paraphrase", make, history=history, rng=rng, reuse=0.06
            )
            draft.lines.append(_paraphrase_line(expert, text, position, rng))
        draft.claims.append(ClaimMention(expert.id, sid, kind, "body", text))


def _quote_line(expert: Expert, text: str, position: int, rng: random.Random) -> str:
    verbs = ["said", "noted", "explained", "emphasized", "stressed"]
    if position > 0:
        verbs.append("added")
    verb = rng.choice(verbs)
    choices = [expert.surname, expert.surname, expert.reference]
    if position > 0:
        choices.append(expert.he)
    who = rng.choice(choices)
    attribution = f"{who} {verb}"
    if who == expert.surname and rng.random() < 0.3:
        attribution = f"{verb} {who}"
    sentences = text.split(". ")
    form = rng.random()
    if form < 0.15 and who == expert.surname:
        return f'{expert.surname} {verb}: "{text}."'
    if form < 0.35 and len(sentences) > 1:
        head, tail = sentences[0], ". ".join(sentences[1:])
        return f'"{head}," {attribution}. "{tail}."'
    return f'"{text}," {attribution}.'


def _paraphrase_line(expert: Expert, text: str, position: int, rng: random.Random) -> str:
    forms = [
        f"{_cap(expert.reference)} also noted that {text}.",
        f"{_cap(expert.reference)} further noted that {text}.",
        f"According to {expert.him}, {text}.",
        f"In {expert.his} opinion, {text}.",
        f"{expert.surname} also noted that {text}.",
        f"{expert.surname} is convinced that {text}.",
    ]
    if position > 0:
        forms += [f"{expert.surname} added that {text}.", f"{_cap(expert.he)} added that {text}."]
    return rng.choice(forms)


def _header(topic: Topic, rng: random.Random) -> str:
    about = rng.choice(topic.headers)
    return rng.choice(
        (
            f"Some details about {about}",
            f"More details on {about}",
            f"{_cap(about)}: details",
            f"{_cap(about)}: chronology",
            "Background",
            "What preceded this",
        )
    )


def _pick_events(topic: Topic, the_pool: Pool, rng: random.Random) -> list[PoolEvent]:
    """Four to eight events of ``topic``: popular ones, near each other in time."""
    events = the_pool.events_by_topic[topic.name]
    weights = the_pool.popularity_by_topic[topic.name]
    index = bisect.bisect(weights, rng.random() * weights[-1])
    anchor = events[index]
    nearby, near = _nearby(topic.name, index)
    wanted = rng.choice((4, 5, 6, 6, 7, 7, 8))
    chosen = {anchor.id: anchor}
    while len(chosen) < min(wanted, len(nearby)):
        event = nearby[bisect.bisect(near, rng.random() * near[-1])]
        chosen.setdefault(event.id, event)
    return sorted(chosen.values(), key=_by_day)


@cache
def _nearby(topic: str, index: int) -> tuple[Sequence[PoolEvent], Sequence[float]]:
    """The events of ``topic`` near its ``index``-th, with cumulative weights: popular
    ones and those close in time weigh more (cached: each article picks an anchor)."""
    the_pool = pool()
    events = the_pool.events_by_topic[topic]
    anchor = events[index].day_number
    days = the_pool.days_by_topic[topic]
    low = bisect.bisect_left(days, anchor - _NEAR_DAYS)
    high = bisect.bisect_right(days, anchor + _NEAR_DAYS)
    nearby = events[low:high]
    near = itertools.accumulate(
        e.popularity * math.exp(-abs(e.day_number - anchor) / _NEAR_SCALE) for e in nearby
    )
    return nearby, tuple(near)


# Events of one article lie mostly within months of each other (weight e^(-days/150)).
_NEAR_SCALE = 150
_NEAR_DAYS = 600


def _timeline(
    draft: _Draft, topic: Topic, expert: Expert, the_pool: Pool, rng: random.Random
) -> date:
    events = _pick_events(topic, the_pool, rng)
    published = max(e.latest for e in events) + timedelta(days=rng.randint(1, 40))
    last_year: int | None = None
    lines: list[str] = []
    for position, event in enumerate(events):
        first = position == 0
        sentence = reword(event.text, rng)
        if event.framable and rng.random() < 0.3:
            sentence = rng.choice(_FRAMES) + sentence
        if event.undated:
            prefix = rng.choice(_UNDATED_FIRST if first else _UNDATED_LATER)
            line = f"{prefix}{sentence}." if prefix else f"{_cap(sentence)}."
            draft.events.append(
                EventMention(event.id, line, sentence, None, None, None, "unknown", None, False)
            )
            lines.append(line)
            continue
        implied = (
            last_year
            if last_year is not None
            else _implied_year(published, event.month, event.day or 1)
        )
        stated = implied != event.year or rng.random() < (0.4 if last_year is None else 0.1)
        if stated:
            last_year = event.year
        phrase, qualifier = _date_phrase(event, stated, first, rng)
        line = f"{phrase}, {sentence}."
        draft.events.append(
            EventMention(
                event.id,
                line,
                sentence,
                event.year,
                event.month,
                event.day,
                event.precision,
                qualifier,
                stated,
            )
        )
        lines.append(line)
    if rng.random() < 0.4:
        _background_claim(lines, draft, expert, the_pool, rng)
    draft.lines.extend(lines)
    return published


def _background_claim(
    lines: list[str], draft: _Draft, featured: Expert, the_pool: Pool, rng: random.Random
) -> None:
    """Insert a recurring statement of another expert of the topic into the timeline."""
    others = [e for e in the_pool.experts_by_topic[featured.topic] if e.surname != featured.surname]
    other = rng.choice(others)
    number = rng.randrange(len(other.statements))
    statement = other.statements[number]
    article = rng.choice(("", "an " if other.role[0] in "aeiou" else "a "))
    verb = rng.choice(("believes that", "said that", "is convinced that", "noted that"))
    line = f"{other.name}, {article}{other.described}, {verb} {statement}."
    lines.insert(rng.randint(1, len(lines)), line)
    sid = f"{other.id}:background:{number}"
    draft.claims.append(ClaimMention(other.id, sid, "paraphrase", "background", statement))


# --------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description="Write a synthetic corpus of Espreso TV-style articles with sidecars.",
    )
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be >= 0")
    written = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {written} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
