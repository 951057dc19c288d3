"""What the wording around a technology mention says about the company's use of it.

`read_mention(sentence, start, end, company=..., names=...)` returns a `Reading`: one of the uses
below and a short reason for reviewers. `names` are the other technology names in the sentence: a
list of names ("X, Y and Z", "X or Y", "X/Y") shares its context, and the rules can tell on which
side of "replaced X with Y" a mention stands. "we", "our", "us" and the company's name are the company.

- current: the wording says the company uses it now. The new side of a finished move or replacement
  ("moved/migrated/switched/ported/rewrote ... to|onto|in X", "migrated from Y to X", "X replaced Y",
  "Y was replaced by X", "swapped Y for X", "in favour of X", "our migration to X") or a finished
  adoption ("we adopted/chose/picked/rolled out/standardised on/settled on X", "X was adopted").
- former: used before and no longer. The old side of a finished move or replacement ("migrated from X
  to Y", "moved to Y from X", "moved off/away from X", "replaced X with Y", "X was replaced by Y",
  "dropped X in favour of Y"), a retirement ("retired/decommissioned/deprecated/sunset/phased out/
  ripped out/got rid of/stopped using X", "X was retired", "X is deprecated"), "formerly/previously
  X", "we/they used to ... X", "no longer use X", "X used to be", "X is no longer used", a past use
  "until 2019/recently", a sentence opening "Previously,/In the past,/Until 2019,".
- planned: the same moves and adoptions under a plan ("will/'ll/are going to/plan to/intend to/hope
  to/aim to/look forward to/are working on/excited to/next quarter|year|step/later this year/in the
  future ... adopt|use|run|move|try|bring|support ... X", "once we've moved to X", "once we move to X"),
  "we are evaluating/considering/exploring/piloting/prototyping/looking into X", "X is on our roadmap",
  "X is planned/slated/scheduled", "our roadmap includes X". The old side of a planned or unfinished
  move ("we will replace X", "X is being replaced") is still in use: unknown.
- compared: an analogy. "unlike/similar to/akin to/inspired by/modelled on/compared to|with/as opposed
  to/in contrast to/an alternative to/the equivalent of/a clone of X", a comparative "faster/more
  reliable ... than X", "X-like/-style/-inspired/-compatible", "an X clone/alternative", a sentence that
  opens with "Unlike .../Compared to ...", and "like X" when "like" is a preposition: after a singular
  noun with a determiner ("a queue like X"), a linking verb ("works like", "is like"), a degree word
  ("much like", "something like"), or at the start of the sentence. After a plural or a comma, "like",
  "such as" and "including" list examples ("databases like X"); after a pronoun "like" is a verb ("we
  like X"): neither is a comparison.
- supported: a tool's support, not the company's use. "<name> supports/works with/integrates with/is
  compatible with/has support for Y", "support for Y", "compatible with Y", "Y is (also) supported"
  (not "supported by"), "supported: Y", "supported languages include Y", "Y support is coming".
- others: another organisation's technology, only when the mention's clause has no company word and
  the sentence is not a title. A capitalised possessor that is not the company ("Name's X", "Name's
  internal X", "Name has/open-sourced its X"), "X, built/developed/created at|by Name", "X (Name's
  ...)", a sentence opening "At Name, ...".
- rejected: considered and not chosen. "why not X", "decided/opted against X", "ruled out/dismissed/
  passed on X", "decided not to use X", "instead of X", "rather than X", "chose/picked/went with Y over
  X" (for X), "X was ruled out/rejected/not chosen".
- unknown: the wording says nothing either way (most sentences): the model decides.

The rules key on closed classes of English (auxiliaries, modals, negation, prepositions,
determiners, possessives, pronouns, conjunctions), on closed lists of verbs of moving, replacing,
retiring, adopting, planning, evaluating, supporting and building (the *_VERBS and PLAN_LEAD
patterns), on tense and mood (a past tense is done, "be ...ing" is unfinished, a present tense or a
modal says nothing), on capitalisation and on punctuation (commas, colons, dashes and brackets end a
clause). No rule names a company, product or phrase. Precision comes first: when a reading is in
doubt the answer is unknown.

`looks_like_instructions` spots sentences addressed to an AI ("ignore previous instructions", "you
are an AI assistant", "SYSTEM:"): source text is data, never instructions, and such sentences are
never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, Sequence

from .grammar import parts_of_speech, plural_noun

Use = Literal["current", "former", "unknown", "planned", "compared", "supported", "others", "rejected"]


@dataclass(frozen=True)
class Reading:
    use: Use
    reason: str  # one short sentence for reviewers


UNKNOWN = Reading("unknown", "the wording says nothing either way")

NAME = "\ue000"  # stands for every other technology name in the text the rules read
I = re.IGNORECASE

# ------------------------------------------------------------------ closed classes

# A word between a governing word and the mention: not a preposition, conjunction, relative,
# auxiliary, modal, pronoun or another name ("replaced the ageing X", "moved to a managed X").
FILL = (r"(?:(?!(?:to|with|by|for|in|on|at|from|into|onto|over|than|like|as|via|through|about|against|"
        r"versus|vs|without|under|after|before|since|until|across|around|among|between|behind|beside|beyond|within|"
        r"inside|outside|throughout|towards?|upon|per|off|and|or|but|nor|that|which|who|whose|where|when|"
        r"while|because|if|is|are|am|was|were|be|been|being|has|have|had|will|would|can|could|should|may|"
        r"might|must|do|does|did|not|no|instead|rather|unlike|we|i|they|you|he|she|it|such|including)\b)"
        r"[\w'’.+#&%/-]+\s+)")
ADVERB = r"(?:\w+ly|also|now|soon|then|still|already|eventually|finally|recently|just|all|once)"
BE = r"(?:am|is|are|was|were|be|been|being|['’]re|['’]s)"
WILL = rf"(?:\bwill|['’]ll|\bshall|\b(?:{BE})\s+(?:going|about)\s+to)\s+(?:(?:{ADVERB}|be)\s+){{0,2}}$"
NEGATION = re.compile(r"\b(?:not|never|no|nor)\b|n['’]t\b", I)
HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|should|if|unless|whether)\b|['’]d\b", I)
CONDITIONAL = re.compile(r"\b(?:if|when|whenever|unless|in case)\b", I)
CONTINUATION = re.compile(r"\b(?:keep|keeps|continue|continues|remain|remains|stay|stays|still|maintain)\b", I)
DETERMINER = r"(?:a|an|the|this|that|another|one|any|each|every|our|their|its|his|her|your|my)"
PREPOSITION_END = re.compile(r"\b(?:after|before|since|by|on|upon|from|while|when|through|with|for|about)\s*$", I)
PERSONAL_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they"}
OTHERS_EXCLUDED = {  # capitalised words that open a sentence but own nothing
    "this", "that", "these", "those", "each", "every", "its", "their", "his", "her", "our", "your", "my",
    "the", "a", "an", "one", "today", "yesterday", "tomorrow", "everyone", "everybody", "someone",
    "somebody", "nobody", "anyone", "anybody", "last", "next", "it", "they", "we", "i", "you", "he", "she",
}

# Closed lists of verbs, each with its forms.
MOVE_VERBS = (r"(?:mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing|ion|ions)|switch(?:es|ed|ing)?|transition(?:s|ed|ing)?|"
              r"shift(?:s|ed|ing)?|port(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|convert(?:s|ed|ing)?|"
              r"consolidat(?:e|es|ed|ing|ion)|rewr(?:ite|ites|ote|itten|iting)|deploy(?:s|ed|ing)?)")
REPLACE_VERBS = r"(?:replac(?:e|es|ed|ing|ement)|supersed(?:e|es|ed|ing)|supplant(?:s|ed|ing)?)"
SWAP_VERBS = r"(?:swap(?:s|ped|ping)?|trad(?:e|es|ed|ing)|exchang(?:e|es|ed|ing))"
# what runs of a technology: "X servers were decommissioned" says X was
RUNNING_KINDS = r"(?:servers?|instances?|clusters?|nodes?|hosts?|machines?|boxes|databases?|deployments?)"
RETIRE_VERBS = (r"(?:retir(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|deprecat(?:e|es|ed|ing)|sunset(?:s|ted|ting)?|"
                r"phas(?:e|es|ed|ing)\s+out|abandon(?:s|ed|ing)?|rip(?:s|ped|ping)?\s+out|"
                r"shut(?:s|ting)?\s+(?:down|off)|turn(?:s|ed|ing)?\s+off|(?:get|gets|got|getting)\s+rid\s+of|"
                r"stop(?:s|ped|ping)?\s+(?:using|running)|(?:mov|migrat)(?:e|es|ed|ing)\s+(?:off(?:\s+of)?|away\s+from)|"
                r"disabl(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?)")
ADOPT_VERBS = (r"(?:adopt(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|roll(?:s|ed|ing)?\s+out|deployed|"
               r"standardi[sz](?:e|es|ed|ing)\s+on|settl(?:e|es|ed|ing)\s+on|went\s+with|opt(?:s|ed|ing)?\s+for|"
               r"cho(?:se|sen|ose|oses|osing)|pick(?:s|ed|ing)?|select(?:s|ed|ing)?|embrac(?:e|es|ed|ing))")
USE_VERBS = (r"(?:use|using|adopt|adopting|run|running|try|trying|introduce|introducing|roll\s+out|rolling\s+out|"
             r"deploy|deploying|add|adding|bring\s+in|bringing\s+in|launch|launching|integrate|integrating|"
             r"bring|bringing|build\s+on|building\s+on|start\s+using|begin\s+using|standardi[sz]e\s+on|move|moving|migrate|"
             r"migrating|switch|switching|onboard|onboarding|evaluate|evaluating|pilot|piloting|test|testing|"
             r"upgrade|upgrading|support|supporting|employ|employing|leverage|leveraging)")
PLAN_LEAD = (r"(?:\bplan(?:s|ned|ning)?\s+(?:to|on)|\b(?:am|is|are|['’]re)\s+planning|\bintend(?:s|ed|ing)?\s+to|"
             r"\bhop(?:e|es|ing)\s+to|\baim(?:s|ing)?\s+to|\binterest(?:ed)?\s+in|\b(?:we|our\s+[\w-]+)\s+(?:\w+ly\s+)?want\s+to|"
             r"\bwe\s+would\s+like\s+to|\bwe['’]d\s+like\s+to|"
             r"\bexpect(?:s|ing)?\s+to|\blook(?:s|ing)?\s+forward\s+to|"
             r"\b(?:am|is|are|['’]re)\s+(?:also\s+)?looking\s+to|\b(?:am|is|are|['’]re)\s+(?:going|about)\s+to|"
             r"\bnext\s+(?:step|steps|phase|quarter|year|month|sprint|release|milestone)\b|\bin\s+the\s+(?:near\s+)?future|"
             r"\blater\s+this\s+(?:year|quarter|month)|\bin\s+the\s+coming\s+(?:weeks|months|quarters|years)|"
             r"\broadmap\b|\bmov(?:e|es|ing)\s+towards?|\b(?:am|is|are|['’]re)\s+working\s+(?:on|towards?)|"
             r"\b(?:excited|eager|keen)\s+to)")
EVALUATE_VERBS = (r"(?:evaluating|considering|exploring|piloting|prototyping|trialling|trialing|"
                  r"experimenting\s+with|investigating|assessing|looking\s+into)")
SUPPORT_VERBS = (r"(?:supports?|supported|works?\s+with|worked\s+with|integrates?\s+with|integrated\s+with|"
                 r"interoperates?\s+with|plugs?\s+into|(?:is|are)\s+compatible\s+with|"
                 r"(?:has|have|had|adds?|added|ships?|shipped|offers?|offered)\s+(?:\w+\s+)?support\s+for)")
EVALUATING = rf"\b(?:{BE}|currently|now|still)\s+(?:{ADVERB}\s+)?{EVALUATE_VERBS}\b"
# a finished trial says nothing of use ("we've experimented with X over the years"); "we are experimenting
# with X" is an evaluation under way (EVALUATING)
TRIED_VERB = (rf"\b(?:(?:have|has|had|['’]ve|['’]d)\s+(?:{ADVERB}\s+)?)?(?:experimented|toyed|tinkered|dabbled|"
              rf"played\s+around|played)\s+(?:with|in)\s+")
TRIED = rf"{TRIED_VERB}(?:(?:even|also)\s+)?{FILL}{{0,3}}$"
# the same at the end of a list of names the text has not made candidates ("with Godot, Unity, and even X")
TRIED_LIST = rf"{TRIED_VERB}(?:[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*)?,\s+)+(?:and|or)\s+(?:(?:even|also)\s+)?$"
UNTIL = r"until\s+(?:recently|last\s+(?:year|quarter|month|week)|(?:early\s+|late\s+|mid-?)?\d{4})"
PAST_USE = r"\b(?:was|were|had|ran|used|relied\s+on|served|powered|hosted|handled|stored|lived)\b"
BUILD_VERBS = (r"(?:built|developed|created|designed|written|invented|open[- ]sourced|pioneered|made|released|"
               r"maintained)")
THOUGHT_VERBS = r"(?:think|believe|assume|say|joke|worry|wonder|feel|hear|call|tell|ask|wish|dream|argue)"
DISCOURSE_VERBS = (r"(?:wrote|written|mentioned|described|discussed|covered|blogged|talked|announced|explained|"
                   r"shared|noted|said|published|presented|showed|shown)")


# ------------------------------------------------------------------ the context a rule reads


@dataclass(frozen=True)
class Context:
    left: str  # the sentence before the mention (and the list it belongs to), other names masked
    clause: str  # the end of `left` after the last comma, colon, dash, bracket or "but"
    after: str  # the sentence after the mention (and its list), other names masked
    right: str  # the clause after the mention, one leading aside ("(…)" or ", …,") skipped
    company: re.Pattern[str]  # "we", "our", "us" and the company's name
    maker: str = ""  # the technology's full name, whose first word may be its maker's ("Amazon EMR")

    def has_company(self, text: str) -> bool:
        return bool(self.company.search(text))


STOP = r"(?<!\be\.g)(?<!\bi\.e)\.(?=\s)"  # a full stop, not the end of "e.g." or "i.e."
STRONG_BOUNDARY = re.compile(rf"[;!?]|{STOP}")
CLAUSE_BOUNDARY = re.compile(rf"[;!?,:()\[\]—–]|{STOP}|\s-\s|\b(?:but|while|whereas|although|though|because)\b", I)
ATTACHED_DASH = re.compile(r"(?<=\S)[—–](?=\S)")  # "migrations—from X to Y—unlocked": an aside, read through
LIST_GAP = re.compile(r"\s*(?:v?\d[\w.]*\s*)?(?:,\s*(?:and|or|&)?|and|or|&|/|\+)\s*(?:(?:even|also|maybe|perhaps)\s+)?", I)
VERSION = re.compile(r"^\s*v?\d[\w.]*(?:\s+LTS)?")
ASIDE = re.compile(r"^\s*(?:\([^()]{0,60}\)|,[^,;.()]{1,50},)")


def list_around(start: int, end: int, sentence: str, names: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The span of the list the mention belongs to: "X, Y and Z", "X or Y", "X/Y". Two names joined
    by a bare comma are not a list ("Unlike X, Y is ...")."""
    spans = sorted({*names, (start, end)})
    at = spans.index((start, end))
    first = last = at

    def joined(a: int, b: int) -> bool:
        return bool(LIST_GAP.fullmatch(sentence[spans[a][1]:spans[b][0]]))

    while first > 0 and joined(first - 1, first):
        first -= 1
    while last < len(spans) - 1 and joined(last, last + 1):
        last += 1
    if last - first == 1 and re.fullmatch(r"\s*,\s*", sentence[spans[first][1]:spans[last][0]]):
        return start, end
    return spans[first][0], spans[last][1]


def masked(sentence: str, lo: int, hi: int, names: Sequence[tuple[int, int]]) -> str:
    out, cursor = [], lo
    for start, end in sorted(names):
        if start >= cursor and end <= hi:
            out += [sentence[cursor:start], NAME]
            cursor = end
    return "".join(out) + sentence[cursor:hi]


def company_pattern(company: str) -> re.Pattern[str]:
    words = [re.escape(company)] + [re.escape(w) for w in re.findall(r"[A-Z][\w.&-]{3,}", company)]
    return re.compile(rf"\b(?:we|our|ours|us|{'|'.join(words)})\b|\bwe['’]", I)


# a capitalised word or two (not "I"), as a name no list knows is written in a list of names
LIST_MATE = r"[A-Z](?:[\w.+#-]*[\w+#])?(?:\s[A-Z][\w.+#-]*[\w+#]){0,2}"
MATE_BEFORE = re.compile(rf"(?<![\w.+#-])(?P<mate>{LIST_MATE})(?P<gap>(?i:{LIST_GAP.pattern}))$")
MATE_AFTER = re.compile(rf"^(?P<gap>(?i:{LIST_GAP.pattern}))(?P<mate>{LIST_MATE})(?![\w.+#-])")


def with_list_mates(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, and the capitalised words they are listed with ("experimented with Unity, X and even Y": Unity
    shares the list's context whether or not it is a candidate)."""
    found, todo = set(spans), list(spans)
    while todo:
        start, end = todo.pop()
        mates = []
        if (before := MATE_BEFORE.search(sentence[max(0, start - 60):start])) and before.group("mate") != "I":
            mates.append((start - len(before.group()), start - len(before.group("gap"))))
        if (after := MATE_AFTER.match(sentence[end:end + 60])) and after.group("mate") != "I":
            mates.append((end + after.start("mate"), end + after.end("mate")))
        for mate in mates:
            if not re.search(r"\w", sentence[:mate[0]]):
                continue  # the first word of a sentence is capitalised whatever it is ("However, X …")
            if not any(mate[0] < other[1] and other[0] < mate[1] for other in found):
                found.add(mate)
                todo.append(mate)
    return sorted(found)


def context(sentence: str, start: int, end: int, company: str, names: Sequence[tuple[int, int]]) -> Context:
    names = [span for span in with_list_mates(sentence, [*names, (start, end)])
             if span != (start, end) and (span[1] <= start or span[0] >= end)]
    lo, hi = list_around(start, end, sentence, names)
    left = ATTACHED_DASH.sub(" ", masked(sentence, 0, lo, names))
    left = left[max([m.end() for m in STRONG_BOUNDARY.finditer(left)], default=0):]
    clause = left[max([m.end() for m in CLAUSE_BOUNDARY.finditer(left)], default=0):]
    after = VERSION.sub("", ATTACHED_DASH.sub(" ", masked(sentence, hi, len(sentence), names)))
    after = after[:min([m.start() for m in STRONG_BOUNDARY.finditer(after)], default=len(after))]
    right = ASIDE.sub("", after)
    right = right[:min([m.start() for m in CLAUSE_BOUNDARY.finditer(right)], default=len(right))]
    return Context(left, clause, after, right, company_pattern(company))


# ------------------------------------------------------------------ mood of a verb


IRREGULAR_PAST = {"rewrote", "rewritten", "chose", "chosen", "went", "got", "took"}
NOUN_FORMS = {"migration", "migrations", "consolidation", "replacement", "move", "switch", "port", "shift",
              "upgrade", "rewrite", "transition"}
MODIFIER = r"(?:(?:[\w.]+-[\w.-]+|(?!\w+(?<![su])s\b|\w+ed\b)\w+)\s+)"  # "internal", "open-source"; not "owns", "used"
PARTIAL = r"\b(?:\d[\d,.]*|some|several|many|few|most|idle|unused)\s+(?:\S+\s+)?$"
# "X is not planned for migration" says nothing of a plan for X; "X is scheduled using Airflow" runs on a schedule
PLANNED_AFTER = (r"^\s+(?:is|are)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:on\s+(?:our|the)\s+(?:[\w-]+\s+)?roadmap|"
                 r"(?:planned|slated|scheduled)(?!\s+(?:and|or|using|by|with|via|through|on|in|every|daily|nightly|"
                 r"hourly|weekly|monthly)\b)|next\s+on|coming\s+(?:soon|next)|"
                 r"being\s+(?:considered|evaluated|explored|trialled|trialed|piloted|investigated|assessed|prototyped))")
# "Cassandra (a more scalable option we are exploring)", "X, which the team is evaluating": an aside or relative
# clause right after the name that says the company is still trying it
EVALUATED_AFTER = (rf"^\s*(?:\(|,|[–—]|-\s)\s*(?:(?:a|an|the|one)\s+)?(?:[\w-]+\s+){{0,4}}?(?:that\s+|which\s+)?"
                   rf"(?:we|they|the\s+team|[A-Z][\w&.-]*)(?:\s+(?:are|is|am)|['’]re)\s+(?:{ADVERB}\s+)?{EVALUATE_VERBS}\b")
# "If … is required, tools such as X can be used": a possibility under a condition, not a use
POSSIBLE_AFTER = r"^\s+(?:can|could|may|might)\s+(?:also\s+)?be\s+(?:used|added|adopted|introduced|considered)\b"
# "services like X and Y could remove a lot of effort": what the named thing could do, were it used ("X would kill
# a process" is as often a past habit as a wish)
COULD_DO_AFTER = r"^\s*(?:could|might)\s+(?:(?:also|easily|potentially|probably|\w+ly)\s+)?(?!not\b|be\s+used\b)[a-z]+"
CONDITION_OPENING = r"^\s*(?:if|where|should|in\s+case)\b"


def mood(before: str, verb: str, ctx: Context) -> str | None:
    """"plan", "progress" or "done" for the verb that governs the mention, from the words before
    it in its clause; None when the wording does not say (present tense, negated, hypothetical)."""
    verb = verb.lower().split()[0]
    if NEGATION.search(before):
        return None
    if re.search(PLAN_LEAD, before, I) and not CONTINUATION.search(before) or re.match(PLANNED_AFTER, ctx.right, I):
        return "plan"
    if re.search(EVALUATING, before, I):
        return "plan"  # "we are considering a move to X"
    if re.search(WILL, before, I) and not CONDITIONAL.search(ctx.left[: len(ctx.left) - len(ctx.clause)]):
        return "plan"
    if re.search(r"\b(?:once|until|as\s+soon\s+as|when|after|before)\s+(?:we|[A-Z][\w&.-]*)\s*"
                 r"(?:['’]ve\s+|\s+have\s+)(?:(?:\w+ly|finally|fully)\s+)?$", before, I):
        return "plan"  # "once we've moved to X": a future perfect
    if HYPOTHETICAL.search(before):
        return None
    if re.search(r"\b(?:once|until|as\s+soon\s+as)\s+(?:we|[A-Z][\w&.-]*)\s+$", before, I) and not verb.endswith("ed"):
        return "plan"  # "once we move to X"
    if verb.endswith("ing"):
        if re.search(rf"\b{BE}\s+(?:(?:{ADVERB})\s+)?$|\b(?:currently|now|still)\s+$", before, I):
            return "progress"
        opens_sentence = not before.strip() and ctx.left == ctx.clause  # "Migrating from X to Y took a year"
        return "done" if PREPOSITION_END.search(before) or opens_sentence else None
    if verb.endswith("ed") and re.search(rf"\b(?:am|is|are|get|gets)\s+(?:(?:{ADVERB})\s+)?$", before, I):
        return None  # "is moved to X nightly": a habit, not an event
    if verb.endswith("ed") or verb in IRREGULAR_PAST:
        return "done"
    if verb in NOUN_FORMS and re.search(rf"(?:\b{DETERMINER}|['’]s)\s+(?:[\w-]+\s+)?$", before, I):
        return "done"  # "our migration to X", "the move from X"
    return None


# ------------------------------------------------------------------ rules


def quoted(text: str) -> str:
    return "\"" + " ".join(text.replace(NAME, "…").split()) + "\""


def worded(use: Use, what: str, cue: str) -> Reading:
    """A reading whose reason quotes the words it keys on: 'worded as a plan ("we plan to adopt")'."""
    return Reading(use, f"{what} ({quoted(cue)})")


# "We have not tested if X …", "we don't run X", "we never used X": a use denied
NOT_USED = (rf"(?:\b(?:do|does|did|have|has|had)\s*(?:\s+not|n['’]t)|\bnever)\s+(?:yet\s+|ever\s+|really\s+|actually\s+)?"
            rf"(?:use|used|run|ran|need|needed|adopt|adopted|test|tested|try|tried|deploy|deployed|rely\s+on|"
            rf"relied\s+on|evaluate|evaluated)\s+(?:(?:if|whether)\s+)?(?!(?:its|our|their|his|her)\s+own\b){FILL}{{0,3}}$")
# "we don't run our own X servers" denies hosting it, not using it


# the words of a list up to the mention, which may run on past commas ("like X, Y or")
LIST_SO_FAR = rf"(?:{FILL}|,\s*|(?:or|and)\s+){{0,8}}$"
# "after checking alternatives like X or Y": options weighed, not the one taken
ALTERNATIVES_WEIGHED = (rf"\b(?:check|weigh|consider|evaluat|explor|compar|review|assess)(?:e|es|ed|ing|s)?\s+"
                        rf"(?:the\s+|other\s+|several\s+|some\s+)?alternatives\s*,?\s+(?:like|such\s+as|including)\s+"
                        rf"{LIST_SO_FAR}")
# "operators have options other than X: for example Y or Z": examples of the options there are, not a choice made
OPTIONS_LISTED = (rf"\b(?:options|alternatives|choices)\b(?:\s+(?:other\s+than|besides|beyond)\s+[^:;.]{{1,40}}?)?"
                  rf"\s*[:,(]?\s*(?:for\s+example|for\s+instance|e\.g\.?)\s*,?\s+{LIST_SO_FAR}")


def rejected(ctx: Context) -> Reading | None:
    clause, left = ctx.clause, ctx.left
    for pattern in (rf"\bwhy\s+not\s+(?:just\s+)?(?:use\s+|go\s+with\s+|pick\s+)?{FILL}{{0,2}}$",
                    rf"\b(?:decided|decide|chose|opted|voted|argued)\s+against\s+(?:using\s+)?{FILL}{{0,3}}$",
                    rf"\b(?:ruled\s+out|rejected|dismissed|discarded|passed\s+on|turned\s+down|"
                    rf"(?:decided|chose|opted)\s+not\s+to\s+(?:use|adopt|run|go\s+with))\s+{FILL}{{0,3}}$",
                    rf"\b(?:instead\s+of|rather\s+than)\s+(?:\w+ing\s+)?{FILL}{{0,3}}$"):
        if found := re.search(pattern, clause, I):
            return worded("rejected", "an option not chosen", found.group())
    if found := re.search(ALTERNATIVES_WEIGHED, left, I):
        return worded("rejected", "an option not chosen", found.group())
    if (found := re.search(OPTIONS_LISTED, left, I)) and not re.search(rf"\b{USE_VERBS}\b", found.group(), I):
        return worded("rejected", "an example of the options there are, not the company's use", found.group())
    if found := re.search(NOT_USED, clause, I):
        return worded("rejected", "worded as not used", found.group())
    if found := re.search(rf"\b(?:chose|chosen|choose|picked|selected|preferred|prefer|went\s+with|opted\s+for|"
                          rf"settled\s+on)\b[^,;]{{1,60}}?\bover\s+{FILL}{{0,2}}$", left, I):
        return worded("rejected", "an option not chosen", found.group())
    if (found := re.search(TRIED, clause, I) or re.search(TRIED_LIST, left)) and \
            not re.search(rf"\b{ADOPT_VERBS}\b|\bnow\s+(?:use|run)", ctx.right, I):
        return worded("rejected", "tried out, not said to be in use", found.group())
    if found := re.match(rf"^\s+(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+(?:{ADVERB}\s+)?"
                         r"(?:ruled\s+out|rejected|dismissed|discarded|passed\s+over|"
                         r"not\s+(?:chosen|selected|picked|adopted)|(?:a\s+)?non-starters?)", ctx.right, I):
        return worded("rejected", "an option not chosen", found.group())
    return None


def like_is_comparison(left: str) -> str | None:
    """The "like" before the mention when it is a preposition of comparison, else None."""
    found = re.search(rf"(?:^|(?P<before>[\w'’-]+)\s+|(?P<comma>,)\s*)like\s+(?:(?:the|a|an)\s+)?{FILL}?$", left, I)
    if not found:
        return None
    if found.group("comma"):
        # "Some services, like X, ..." lists examples of a plural; "a cache (in spirit, like X)" compares
        noun = re.search(r"([\w'’-]+)\W*$", left[: found.start("comma")])
        return None if noun is None or re.search(r"(?<![su])s$", noun.group(1)) else "like"
    word = (found.group("before") or "").lower()
    if not word:
        return "like" if not left[: found.start()].strip() else None
    if word in {"just", "much", "more", "exactly", "very", "somewhat", "kind", "sort", "bit", "lot", "little",
                "something", "anything", "nothing", "everything", "someone", "anyone", "looks", "look",
                "looked", "feels", "feel", "felt", "sounds", "sound", "seems", "seem", "seemed", "works", "work",
                "worked", "behaves", "behave", "behaved", "acts", "act", "acted", "is", "are", "was", "were", "be",
                "been", "being"}:
        return f"{word} like"
    if re.search(r"(?<![su])s$", word) or word in {"we", "i", "you", "they", "who", "that", "which", "to",
                                                  "would", "really", "also", "do", "did", "still", "all", "both"}:
        return None  # a plural listing examples, or the verb "like"
    if re.search(rf"\b{DETERMINER}\s+(?:[\w'’-]+\s+){{0,2}}$", left[: found.end("before")] + " ", I):
        return f"{word} like"
    return None


CONTRAST_OPENING = r"unlike|compared\s+(?:to|with)|as\s+opposed\s+to|similar\s+to|in\s+contrast\s+to"
COMPARED_BEFORE = (
    r"\bunlike|\bsimilar\s+to|\bakin\s+to|\banalogous\s+to|\binspired\s+by|\bmodell?ed\s+(?:after|on)|"
    r"\bcompared\s+(?:to|with)|\bin\s+(?:comparison|contrast)\s+(?:to|with)|\bas\s+opposed\s+to|\balternatives?\s+to|"
    r"\bequivalent\s+(?:of|to)|\bin\s+the\s+(?:spirit|style|vein)\s+of|\breminiscent\s+of|\bclones?\s+of|"
    r"\b(?!(?:other|rather)\b)(?:\w+er|more\s+\w+|less\s+\w+|fewer\s+\w+|better|worse)(?:\s+[a-z]+){0,2}\s+than"
)


def compared(ctx: Context) -> Reading | None:
    found = re.search(rf"(?:{COMPARED_BEFORE})\s+(?:(?:the|a|an)\s+)?{FILL}{{0,1}}$", ctx.clause, I)
    elliptical = re.match(r"^\s+(?:does|did|do|is|was|has|had)\b", ctx.right, I)  # "than X does today"
    if found and not (found.group().lower().endswith("than ") and elliptical):
        return worded("compared", "worded as a comparison", found.group())
    if ctx.left == ctx.clause and (found := re.match(rf"^\s*(?:{CONTRAST_OPENING})\b", ctx.clause, I)):
        return worded("compared", "in a contrast that opens the sentence", found.group())
    opens_clause = re.match(r"^\W*like\b", ctx.clause, I)  # ", like X": the comma before it tells
    if cue := like_is_comparison(ctx.left if opens_clause else ctx.clause):
        return worded("compared", "worded as a comparison", cue)
    if found := re.match(r"^(?:-(?:like|style|esque|inspired|ish|alike|compatible)\b|\s*compatible\b|"
                         r"\s+inspired\s+(?!(?:the|a|an|our|their|its|us|them|by)\b)[a-z]|"
                         r"\s+(?:clones?|alternatives?|look-?alikes?|equivalents?)\b)", ctx.right, I):
        return worded("compared", "worded as a comparison", found.group().strip())
    return None


# "they may live on any public Git server, e.g. X": an example of what is allowed, not a use
ANY_ONE_OF = (rf"\bany\s+(?:(?:[\w-]+|{NAME})\s+){{0,3}}[\w-]+\s*,?\s*\(?(?:e\.g\.|for\s+example|for\s+instance|"
              rf"such\s+as|including|like)\s*,?\s+(?:{NAME}\s*(?:,|or|and)\s+)*{FILL}{{0,2}}$")


def supported(ctx: Context) -> Reading | None:
    for pattern in (rf"{NAME}\s*,?\s*(?:(?:which|that)\s+)?(?:{ADVERB}\s+)?{SUPPORT_VERBS}\s+(?:both\s+)?{FILL}{{0,2}}$",
                    rf"\bsupport\s+for\s+{FILL}{{0,2}}$",
                    rf"\bcompatible\s+with\s+{FILL}{{0,2}}$",
                    rf"{NAME}\s+(?:is|are)\s+(?:now\s+|also\s+)?available\s+(?:both\s+)?(?:in|on|for)\s+{FILL}{{0,2}}$",
                    rf"\bsupported\b(?:\s+[\w-]+){{0,2}}\s*(?::|\binclude|\bincludes|\bare|\bis)\s+{FILL}{{0,2}}$"):
        if (found := re.search(pattern, ctx.left, I)) and not ctx.has_company(found.group()):
            return worded("supported", "a tool's support, not the company's use", found.group())
    if found := re.search(ANY_ONE_OF, ctx.left, I):
        return worded("supported", "an example of what may be used, not the company's use", found.group())
    if found := re.match(rf"^\s*(?:{ADVERB}\s+)?{SUPPORT_VERBS}(?!\s+by\b)\s+(?:both\s+)?{FILL}{{0,2}}$", ctx.clause, I):
        if re.search(r"(?:^|[(,:]|\s-|[–—])\s*$", ctx.left[: len(ctx.left) - len(ctx.clause)]):  # no subject
            return worded("supported", "what the tool described supports, not the company's use", found.group())
    if found := re.match(rf"^\s+(?:(?:is|are)\s+(?:{ADVERB}\s+)?supported\b(?!\s+by)|"
                         r"support\s+(?:is|was|has|will|landed|arrived)\b)", ctx.right, I):
        return worded("supported", "a tool's support, not the company's use", found.group())
    return None


def owner_is_other(owner: str, ctx: Context) -> bool:
    """Whether a possessive or "at X" names another organisation than the company and than the technology's maker:
    "Netflix's Zuul" is another's tool, "Amazon's EMR" the maker's product that anyone may use."""
    words = [w for w in owner.split() if w.lower() not in OTHERS_EXCLUDED]
    made_by = ctx.maker.lower().startswith(owner.lower() + " ")
    return bool(words) and NAME not in owner and not ctx.has_company(owner) and not made_by


ORGANISATION_AFTER = re.compile(r"^\s*(?:Software\s+)?(?:Foundation|foundation['’]s|Inc\b|Corp\b|Corporation\b|LLC\b|Ltd\b|"
                                r"Conference\b|Summit\b|Meetup\b|User\s+Group\b)")


def others(ctx: Context) -> Reading | None:
    if found := ORGANISATION_AFTER.match(ctx.after):  # "the Linux Foundation", "the Kafka Summit": not the technology
        return Reading("others", f"names an organisation or event ({found.group().strip()}), not the technology")
    if ctx.has_company(ctx.clause + ctx.right) or looks_like_title(ctx.left + ctx.after):
        return None
    owner = r"(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})"
    for pattern in (rf"(?<![\w'’]){owner}['’]s\s+{MODIFIER}{{0,2}}$",
                    rf"(?<![\w'’]){owner}\s+(?:[\w-]+\s+){{0,2}}(?:its|their)\s+(?:own\s+)?{FILL}{{0,2}}$",
                    rf"^\s*(?:At|Over\s+at|Inside)\s+{owner}\s*,.*$"):
        found = re.search(pattern, ctx.left if pattern.startswith("^") else ctx.clause)
        if found and owner_is_other(found.group("owner"), ctx):
            return Reading("others", f"another organisation's technology ({found.group('owner')})")
    found = (re.match(rf"^\s*,?\s*(?:(?:which|that)\s+(?:was|were|is)\s+)?(?:(?:originally|first|initially)\s+)?"
                      rf"{BUILD_VERBS}\s+(?:internally\s+|in-house\s+)?(?:at|by|from)\s+{owner}", ctx.after)
             or re.match(rf"^\s*[(,]\s*{owner}['’]s\s", ctx.after))  # "X (Name's scheduler)", "X, Name's scheduler"
    if found and owner_is_other(found.group("owner"), ctx):
        return Reading("others", f"another organisation's technology ({found.group('owner')})")
    return None


def looks_like_title(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def frames(ctx: Context) -> Reading | None:
    """Moves, replacements, retirements and adoptions, from the verb that governs the mention."""
    clause = ctx.clause
    left_frames = (
        (rf"(?P<verb>\b{MOVE_VERBS})\b(?:\s+\S+){{0,8}}?\s+(?:over\s+)?(?:to|onto|into|in|on|across)"
         rf"\s+{FILL}{{0,3}}$", "new"),
        (rf"(?P<verb>\b{REPLACE_VERBS})\b(?:\s+\S+){{0,8}}?\s+(?:with|by)\s+{FILL}{{0,3}}$", "new"),
        (rf"(?P<verb>\b{SWAP_VERBS})\b(?:\s+\S+){{0,8}}?\s+(?:out\s+)?for\s+{FILL}{{0,3}}$", "new"),
        (rf"(?P<verb>\b(?:{RETIRE_VERBS}|{MOVE_VERBS}|{REPLACE_VERBS}|decided\s+against|\w+ed))\b(?:\s+\S+){{0,8}}?"
         rf"\s+in\s+favou?r\s+of\s+{FILL}{{0,3}}$", "new"),
        (rf"(?P<verb>\b{ADOPT_VERBS})\s+{FILL}{{0,3}}$", "new"),
        (rf"(?P<verb>\b(?:{RETIRE_VERBS}))\s+{FILL}{{0,3}}$", "old"),
        (rf"(?P<verb>\b{REPLACE_VERBS})\s+{FILL}{{0,3}}$", "old"),
        (rf"(?P<verb>\b{SWAP_VERBS})\s+(?:out\s+)?{FILL}{{0,3}}$", "old"),
        (rf"(?P<verb>\b(?:{MOVE_VERBS}|took\s+over|takes\s+over|tak(?:e|ing)\s+over))(?:\s+\S+){{0,8}}?"
         rf"\s+from\s+{FILL}{{0,2}}$", "old"),
        (rf"(?P<verb>\b(?:{MOVE_VERBS}))\s+(?:\S+\s+){{0,3}}?away\s+from\s+{FILL}{{0,2}}$", "old"),
    )
    matches = [(found, side) for pattern, side in left_frames if (found := re.search(pattern, clause, I))]
    for found, side in sorted(matches, key=lambda pair: -pair[0].end("verb")):
        bare_from = "from" in found.group() and not re.search(r"\baway\s+from|\bover\s+from|\boff\b", found.group(), I)
        destination = (re.search(r"\b(?:to|onto|into|in\s+favou?r\s+of)\b", ctx.right, I)
                       or re.search(rf"\b(?:to|onto|into)\s+{FILL}{{0,3}}{NAME}", found.group(), I))
        if side == "old" and bare_from and not destination:
            continue  # "moved from X" is a move only with a destination: "to Y" after it, or before it
        if side == "old" and (re.match(r"^['’]s\b", ctx.right) or re.search(PARTIAL, found.group(), I)
                              or part_of_it(ctx.right)):
            continue  # "replaced X's storage layer", "retired 200 X topics", "disabled X NFS mounts": not X itself
        if state := mood(clause[: found.start("verb")], found.group("verb"), ctx):
            return by_state(state, side, clause if state == "plan" else found.group())
    return in_favour_of(ctx) or right_frames(ctx)


def part_of_it(right: str) -> bool:
    """"X topics", "X NFS mounts" after the name: things of X's, not X; "X servers" are X's running copies."""
    found = re.match(r"^\s+(?:[A-Z]{2,}\s+)?(?P<noun>[a-z][a-z-]+s)\b", right)
    return bool(found) and plural_noun(found.group("noun")) and "AUX" not in parts_of_speech(found.group("noun")) and \
        not re.fullmatch(RUNNING_KINDS, found.group("noun"), I)


def in_favour_of(ctx: Context) -> Reading | None:
    """The old side of "we dropped X in favour of Y" and "X was dropped in favour of Y"."""
    after = re.match(rf"^\s+(?P<aux>(?:(?:{BE}|has|have|had|got|{ADVERB})\s+){{1,3}})(?P<verb>\w+)\s+(?:\S+\s+){{0,3}}?"
                     r"in\s+favou?r\s+of\b", ctx.right, I)
    before = re.search(rf"(?P<verb>\b(?:\w+ed|{'|'.join(sorted(IRREGULAR_PAST))}))\s+{FILL}{{0,3}}$", ctx.clause, I)
    if after and (state := mood(ctx.clause + after.group("aux"), after.group("verb"), ctx)):
        return by_state("progress" if "being" in after.group("aux").lower() else state, "old", after.group())
    if before and re.match(r"^\s+(?:\S+\s+){0,3}?in\s+favou?r\s+of\b", ctx.right, I):
        if state := mood(ctx.clause[: before.start("verb")], before.group("verb"), ctx):
            return by_state(state, "old", before.group() + "… in favour of")
    return None


def right_frames(ctx: Context) -> Reading | None:
    """The mention as subject: "X replaced Y", "X was replaced by Y", "X was retired", "X was adopted"."""
    found = re.match(rf"^\s+(?:(?:[A-Z]{{2,}}\s+)?{RUNNING_KINDS}\s+)?(?P<aux>(?:(?:{BE}|has|have|had|will|['’]ll|going\s+to|got|{ADVERB})\s+){{0,3}})"
                     rf"(?P<verb>{REPLACE_VERBS}|{RETIRE_VERBS}|{ADOPT_VERBS}|took\s+over\s+from|takes\s+over\s+from)\b",
                     ctx.right, I)
    if not found:
        return None
    aux, verb = found.group("aux"), found.group("verb").lower()
    # "… and its Mongo DB servers decommissioned.": a participle with its auxiliary left out and nothing after it
    elided = not aux.strip() and verb.endswith("ed") and re.match(r"^\s*(?:[.;,)]|$)", ctx.right[found.end():])
    passive = (bool(re.search(rf"\b(?:{BE}|got)\b", aux, I)) or bool(elided)) and not verb.endswith("ing")
    if re.fullmatch(RETIRE_VERBS, verb, I) and not passive:
        return None
    is_adoption = bool(re.fullmatch(ADOPT_VERBS, verb, I))
    if is_adoption and not passive:
        return None
    side = "new" if is_adoption or not passive else "old"
    state = mood(ctx.clause + aux, verb, ctx)
    cue = found.group() if state != "plan" else ctx.clause + found.group()
    if passive and state is None and re.search(r"\b(?:is|are)\s+$", aux, I) and not is_adoption:
        state = "done"  # "X is deprecated": a state
    if passive and re.search(r"\bbeing\b", aux, I):
        state = "progress"
    if state is None:
        return None
    return by_state(state, side, cue)


def by_state(state: str, side: str, cue: str) -> Reading:
    """A move, replacement or adoption read by its mood: the new side is current when done and
    planned under a plan; the old side is former when done and still in use (unknown) otherwise."""
    cue = " ".join(cue.split()[-8:])
    if side == "new":
        return (worded("planned", "worded as a plan", cue) if state == "plan"
                else worded("current", "worded as the new side of a move, replacement or choice", cue))
    if state == "done":
        return worded("former", "worded as a past use", cue)
    return worded("unknown", "still in use until the move or replacement is done", cue)


def former(ctx: Context) -> Reading | None:
    clause, left = ctx.clause, ctx.left
    if re.search(r"\(\s*formerly\s+(?:known\s+as\s+)?$|\bformerly\s+(?:known\s+as|called|named)\s+$", left, I):
        return Reading("unknown", "a former name, not a former use")
    if (found := re.match(rf"^\s*(?:previously|formerly|in\s+the\s+past|(?:up\s+)?{UNTIL})\s*,", left, I)) \
            and not re.search(r"\b(?:now|today|currently)\b", left + ctx.right, I):
        return worded("former", "worded as a past use", found.group())
    for pattern in (rf"\b(?:formerly|previously)\b(?!\s+{DISCOURSE_VERBS})(?:\s+[\w'’-]+){{0,3}}\s+$",
                    rf"\bno\s+longer\s+(?:{ADVERB}\s+)?(?:us(?:e|es|ed|ing)|need(?:s|ed|ing)?|run(?:s|ning)?|ran|"
                    rf"rel(?:y|ies|ied|ying)\s+on|depend(?:s|ed|ing)?\s+on|maintain(?:s|ed|ing)?|operat(?:e|es|ed|ing)|"
                    rf"deploy(?:s|ed|ing)?|ha(?:ve|s|d|ving))"
                    rf"\s+{FILL}{{0,3}}$",
                    rf"(?P<subject>\b\w+)\s+(?:(?:\w+ly|all|once)\s+)?used\s+to\s+(?!{THOUGHT_VERBS}\b)"
                    rf"(?:\S+\s+){{0,4}}?$"):
        found = re.search(pattern, clause, I)
        if found and ("subject" not in found.re.groupindex or ctx.has_company(found.group("subject"))
                      or found.group("subject").lower() in PERSONAL_PRONOUNS):
            return worded("former", "worded as a past use", found.group())
    clause_text = clause + NAME + ctx.right  # "we ran X until 2022": the mention before "until"
    until = re.search(rf"\b{UNTIL}\b", ctx.right, I)
    if until and re.search(PAST_USE, clause_text[: len(clause) + 1 + until.start()], I) \
            and not re.search(r"\b(?:now|still|currently|today)\b", clause_text, I):
        return worded("former", "worded as a past use", until.group())
    if found := re.match(r"^\s+(?:used\s+to\s+be\b|(?:is|are|was|were)\s+no\s+longer\s+"
                         r"(?:used|in\s+use|running|in\s+production|needed|part\s+of))", ctx.right, I):
        return worded("former", "worded as a past use", found.group())
    return of_the_past(ctx)


# "Originally, X was …", "The first iteration … was powered by X", "early prototypes … consisted of X",
# "Back then our builds ran on X",
# "Pre-migration (X)": a past state named as such, told in the past tense, with nothing saying it lasts.
ORIGIN = (r"\b(?:originally|initially|at\s+first|in\s+the\s+(?:early|first)\s+days|at\s+the\s+(?:start|beginning)|"
          r"back\s+then|in\s+those\s+days|at\s+(?:that|the)\s+time(?!\s+(?:of\s+writing|we|they|I|when|that)\b)|"
          r"pre-migration|before\s+the\s+(?:migration|move|rewrite)|(?:first|earliest|early|original)\s+"
          r"(?:version|versions|iteration|iterations|prototype|prototypes|implementation|architecture|stack|setup|"
          r"incarnation|release))\b")


CONTRAST = re.compile(r";|\b(?:but|however|yet|whereas|although|though|instead)\b", I)


def of_the_past(ctx: Context) -> Reading | None:
    sentence = ctx.left + NAME + ctx.after
    origin = re.search(ORIGIN, ctx.left, I)
    if not origin or re.search(r"\b(?:now|still|today|currently|remains?|anymore)\b", sentence, I):
        return None
    if CONTRAST.search(ctx.left[origin.end():]):
        return None  # "originally a layer on top of A, but we've rewritten it to use X": the past is A's
    past = re.search(PAST_USE + r"|\b(?:consisted|was\s+built|were\s+built|started|began)\b", sentence, I)
    if past or origin.group().lower().startswith(("pre-migration", "before")):
        return worded("former", "worded as a past state", origin.group())
    return None


def planned(ctx: Context) -> Reading | None:
    clause = ctx.clause
    if re.match(r"\s*(?:(?:\w+ly|perhaps|maybe)\s+)?\w+ing\b", clause, I):
        cuts = [m.end() for m in CLAUSE_BOUNDARY.finditer(ctx.left)]
        clause = ctx.left[cuts[-2] if len(cuts) > 1 else 0:]  # "we plan to ..., possibly using X": one plan
    if CONTINUATION.search(clause) or NEGATION.search(clause):
        return None
    for pattern in (rf"{EVALUATING}\s+(?:(?:whether|to|of|a|an)\s+|{FILL}){{0,4}}$",
                    rf"{PLAN_LEAD}\s+(?:\S+\s+){{0,3}}?{USE_VERBS}\s+(?:\S+\s+){{0,4}}?$",
                    rf"\b(?:our|the)\s+(?:[\w-]+\s+)?roadmap\s+(?:includes?|has|contains|lists)\s+{FILL}{{0,3}}$",
                    rf"\b(?:needs?|ha(?:s|ve)|must|should)\s+(?:to\s+)?(?:\S+\s+){{0,2}}?{MOVE_VERBS}\s+(?:(?!from\b)\S+\s+){{0,3}}?"
                    rf"(?:over\s+)?(?:to|onto|towards?)\s+(?:{FILL}{{1,2}}(?:or|and)\s+)?{FILL}{{0,2}}$",
                    rf"\bnext\s+(?:step|steps|phase|milestone)\s+(?:is|are|will\s+be)\s+{FILL}{{0,2}}$"):
        if found := re.search(pattern, clause, I):
            return worded("planned", "worded as a plan", found.group())
    will = re.search(rf"(?:\bwill|['’]ll|\bshall|\b(?:{BE})\s+going\s+to)\s+(?:(?:{ADVERB}|be)\s+){{0,2}}"
                     rf"{USE_VERBS}\s+(?:\S+\s+){{0,4}}?$", clause, I)
    if will and ctx.has_company(clause[: will.start()]) and not CONDITIONAL.search(ctx.left):
        return worded("planned", "worded as a plan", will.group())
    if found := re.match(PLANNED_AFTER, ctx.right, I) or re.match(EVALUATED_AFTER, ctx.after):
        return worded("planned", "worded as a plan", found.group())
    if re.match(CONDITION_OPENING, ctx.left, I) and (found := re.match(POSSIBLE_AFTER, ctx.right, I)):
        return worded("planned", "a possibility under a condition, not a use", found.group())
    if (found := re.match(COULD_DO_AFTER, ctx.right, I)) and not ctx.has_company(ctx.clause):
        return worded("planned", "what it could do, not what it does", found.group())
    return None


def read_mention(sentence: str, start: int, end: int, *, company: str,
                 names: Sequence[tuple[int, int]] = (), technology: str = "") -> Reading:
    """What the wording around `sentence[start:end]` says about the company's use of it.
    `names` are the spans of the other technology names in the sentence; `technology` is the full name of the
    one mentioned, where it is known ("Amazon EMR" for "EMR")."""
    ctx = replace(context(sentence, start, end, company, names), maker=technology)
    for rule in (rejected, former, frames, supported, compared, others, planned):
        if reading := rule(ctx):
            return reading
    return UNKNOWN


# ------------------------------------------------------------------ instructions in source text

INSTRUCTION_LIKE = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:(?:all|any|every|the|your|my|these|those|of)\s+){0,3}"
    r"(?:(?:previous|prior|above|earlier|preceding|original|other|system)\s+){0,2}"
    r"(?:instructions?|prompts?|rules|directions)\b"
    r"|\byou\s+are\s+(?:now\s+)?an?\s+(?:ai|assistant|language\s+model|llm|chatbot)\b"
    r"|\b(?:reveal|print|show|repeat|output)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+)?prompt\b"
    r"|^\W*(?:system|assistant)\s*:"
    r"|\bnew\s+instructions\s*:",
    re.IGNORECASE,
)


def looks_like_instructions(text: str) -> bool:
    """A sentence addressed to an AI ("ignore previous instructions", "you are an AI assistant"):
    it is data about an article, never a claim and never an instruction."""
    return bool(INSTRUCTION_LIKE.search(text))


# ------------------------------------------------------------------ the company's own tools

OWN_BEFORE = re.compile(
    r"\b(?:in-house|inhouse|internal|internally|custom|home-?grown|proprietary|our\s+own|its\s+own|their\s+own|"
    r"(?:we|they|the\s+team|engineers)\s+(?:built|developed|created|wrote|designed|open-sourced)|"
    r"(?:built|developed|created|written|designed|open-sourced)\s+(?:in-house|internally))\b"
    r"(?:(?:\s+(?!(?:on|in|at|from|to|with|for|of|by|via|into|within|inside|across|through|behind|using|over|under|"
    r"around|between|onto)\b)[\w/-]+){0,2}(?:\s+(?:called|named))?|"
    r"(?:\s+[\w/-]+){0,3}?\s+(?:such\s+as|like|including)\b[^.;:]{0,80}?)\s*$", I)
OWN_AFTER = re.compile(
    r"^\s*(?:,|\(|–|—|-{1,3}|is|are|was)?\s*(?:(?:a|an|our|their|its)\s+)?(?:own\s+|in-house|inhouse|internal|custom|home-?grown|"
    r"proprietary|(?:which|that)\s+(?:we|they)\s+(?:built|developed|created|wrote)|"
    r"(?:built|developed|created|written|open-sourced)\s+(?:in-house|internally|by\s+(?:us|the\s+team)))\b", I)


# the sentence before a list, saying the company made what the list names: "libraries we maintain:", "tools we
# built in-house:"; not what it built something with ("the services we built our platform on:")
OWN_LIST_INTRO = re.compile(
    r"\b(?:in-house|home-?grown|our\s+own|(?:we|they|the\s+team)\s+(?:have\s+)?(?:maintain|maintained|built|developed|"
    r"created|wrote|written|designed|open-sourced|open\s+sourced|released))\b"
    r"(?![^:]*\b(?:on|with|upon|using|atop|from)\s*:?\s*$)", I)


# the sentence before a list or table, saying its items were options the company turned down: "what are the
# options we rejected?", "Alternatives we ruled out:"
REJECTED_LIST_INTRO = re.compile(
    r"\b(?:options?|alternatives?|solutions?|tools?|candidates?|technologies|frameworks?|approaches?|products?)\s+"
    r"(?:that\s+|which\s+)?(?:we|they|the\s+team)\s+(?:have\s+|had\s+)?(?:also\s+)?(?:rejected|ruled\s+out|discarded|"
    r"dismissed|decided\s+against|turned\s+down|did\s+not\s+(?:choose|pick|use)|didn['’]t\s+(?:choose|pick|use))\b"
    r"|\b(?:rejected|discarded|dismissed)\s+(?:options?|alternatives?|solutions?|tools?|candidates?)\b", I)


def introduces_rejected_options(intro: str) -> bool:
    """Whether a list's or table's introduction presents its items as options the company turned down."""
    return bool(REJECTED_LIST_INTRO.search(intro))


def introduces_own_tools(intro: str) -> bool:
    """Whether a list's introduction (the paragraph before it) presents the items as the company's own: it ends
    in a colon and says the company built or maintains them."""
    return intro.rstrip().endswith(":") and bool(OWN_LIST_INTRO.search(intro))


def own_tool(sentence: str, start: int, end: int, *, company: str) -> bool:
    """Whether the wording presents the name as the company's own tool: "custom tools such as X", "our in-house X",
    "X, our internal platform", "X, built in-house", "a tool we built called X", "Acme's own X"."""
    before, after = sentence[:start], sentence[end:]
    clause = before[max([m.end() for m in STRONG_BOUNDARY.finditer(before)], default=0):]
    if OWN_BEFORE.search(clause) or OWN_AFTER.match(after):
        return True
    return bool(re.search(rf"\b{re.escape(company)}['’]s\s+own\s+(?:[\w/-]+\s+){{0,3}}$", clause, I))
