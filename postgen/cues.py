"""Wording cues around a mention that decide what a quote can support.

A claim's status is part of the claim and must be grounded too: "former" needs wording
such as "moved from X" or "used to run on X" in the quoted sentence. A mention framed as a
comparison ("like BitTorrent", "Netflix has its Chaos Monkey") cannot support a claim that
the company uses it, whatever a model answers.
"""

from __future__ import annotations

import re

from .models import ClaimStatus

W = r"[\w./+#-]+"
SOME_WORDS = rf"(?:{W}[\s,]+)"

CURRENT_BEFORE = re.compile(
    rf"\b(?:switch(?:ed|ing)?|mov(?:ed|ing|e)|migrat(?:ed|ing|ion|e)|transition(?:ed|ing)?|shift(?:ed|ing)?|port(?:ed|ing)?)\s+"
    rf"{SOME_WORDS}{{0,4}}(?:to|onto)\s+{SOME_WORDS}{{0,2}}$",
    re.IGNORECASE,
)
FORMER_BEFORE = [
    re.compile(rf"\b(?:mov|migrat|switch|shift|transition|port|away)\w*\W+(?:\w+\W+){{0,3}}?from\s+{SOME_WORDS}{{0,2}}$",
               re.IGNORECASE),
    re.compile(r"\b(?:used to|formerly|previously|once ran|once used)\b[^.;,]{0,60}$", re.IGNORECASE),
    re.compile(rf"\b(?:replaced|retired|deprecated|dropped|abandoned|sunset|phased out|moved (?:off|away from))\s+{SOME_WORDS}{{0,3}}$",
               re.IGNORECASE),
]
FORMER_AFTER = re.compile(
    r"^[\s,]*(?:was|were|has been|had been|is being)\s+(?:replaced|retired|deprecated|phased out|dropped|decommissioned)",
    re.IGNORECASE,
)
FROM_NEEDS_TO = re.compile(r"^[^.;]{0,40}?\bto\b", re.IGNORECASE)

COMPARISON_BEFORE = re.compile(
    r"(?:\bunlike|\bsimilar to|\binspired by|\bcompared (?:to|with)|\bas opposed to|\binstead of|\brather than|"
    r"\balternative to|\bin spirit,? like|(?<!tools )(?<!tool )(?<!technologies )(?<!frameworks )(?<!libraries )"
    r"(?<!platforms )(?<!systems )(?<!services )(?<!such )\blike)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
OTHER_COMPANIES = (
    "Netflix", "Google", "Amazon", "Facebook", "Meta", "Apple", "Microsoft", "Uber", "Airbnb", "Twitter",
    "LinkedIn", "Pinterest", "Shopify", "Dropbox", "Slack", "Lyft", "Spotify", "GitHub", "GitLab", "Stripe",
)


def other_company_owns(before: str, company: str) -> bool:
    others = [name for name in OTHER_COMPANIES if name.lower() != company.lower()]
    pattern = re.compile(
        rf"\b(?:{'|'.join(others)})(?:'s|’s| has its| has their| with its)\s+{SOME_WORDS}{{0,3}}$"
    )
    return bool(pattern.search(before)) and company.lower() not in before.lower()


PLANNED_BEFORE = re.compile(
    r"\b(?:plan(?:s|ning|ned)? to|intend(?:s|ing)? to|hop(?:e|es|ing) to|will (?:soon )?(?:move|migrate|adopt|use|add|switch)|"
    r"mov(?:e|es|ing) towards|(?:are|is) (?:evaluating|considering|exploring|piloting)|possibly using|"
    r"in the future|next year)\b(?:[^.;]|\.(?=\w)){0,80}$",
    re.IGNORECASE,
)


def not_a_use(sentence: str, start: int, company: str) -> str | None:
    """Why the wording before a mention cannot support "the company uses it", or None."""
    before = sentence[:start]
    if COMPARISON_BEFORE.search(before) or other_company_owns(before, company):
        return "worded as a comparison or another company's technology"
    if PLANNED_BEFORE.search(before):
        return "worded as a plan, not a current or former use"
    return None


def status_from_wording(sentence: str, start: int, end: int) -> ClaimStatus:
    before, after = sentence[:start], sentence[end:]
    if CURRENT_BEFORE.search(before):
        return ClaimStatus.current
    if FORMER_AFTER.search(after):
        return ClaimStatus.former
    for index, pattern in enumerate(FORMER_BEFORE):
        if pattern.search(before):
            if index == 0 and not FROM_NEEDS_TO.search(after):
                continue
            return ClaimStatus.former
    return ClaimStatus.current
