"""The brief's copy check: a sentence may state only what the cited quotes state."""

from __future__ import annotations

import re

from postgen.grounding import cite_sentences
from postgen.lexicon import default_lexicon
from postgen.models import Claim, ClaimStatus, Company
from postgen.text import Document
from postgen.write import closing_from_rows, check_brief, check_copy, completed, copy_facts, hook_sentence, model_closing

TEXT = ("Acme moved its orders from MySQL to PostgreSQL in 2019. Apache Kafka carries 2 billion events a day.\n")
ACME = Company(name="Acme", slug="acme", sources=[{"id": "blog", "file": "x.txt"}])


def facts():
    document = Document("blog", TEXT)
    sentences = list(document.sentences.values())
    claims = [
        Claim(technology="MySQL", tag="Database", description=None, status=ClaimStatus.former,
              citations=[cite_sentences(document, [sentences[0].id])]),
        Claim(technology="PostgreSQL", tag="Database", description=None, status=ClaimStatus.current,
              citations=[cite_sentences(document, [sentences[0].id])]),
        Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming", description=None,
              status=ClaimStatus.current, citations=[cite_sentences(document, [sentences[1].id])]),
    ]
    return copy_facts(ACME, claims, default_lexicon())


def problems(sentence: str) -> list[str]:
    return [p for check in check_copy(sentence, default_lexicon(), facts()) for p in check.problems]


def test_a_sentence_made_of_quoted_facts_passes():
    assert problems("From 2 billion events a day to PostgreSQL orders, this is Acme's stack.") == []
    assert problems("Acme moved from MySQL to PostgreSQL.") == []


def test_quality_or_scale_that_no_quote_states_is_refused():
    assert any("seamless" in p for p in problems("Kafka gives Acme a seamless experience."))
    assert any("millions" in p for p in problems("Acme serves millions of users with Kafka."))


def test_numbers_must_be_quoted():
    assert any("3 billion" in p or "the number 3" in p for p in problems("Kafka carries 3 billion events a day."))


def test_a_former_technology_appears_only_as_a_move():
    assert any("former" in p for p in problems("Acme stores orders in MySQL."))
    assert problems("Acme moved from MySQL to PostgreSQL.") == []


def test_unverified_or_planned_technologies_are_refused():
    assert any("Redis" in p for p in problems("Acme caches sessions in Redis."))


def brief_problems(sentence: str) -> list[str]:
    return [p for check in check_brief(sentence, default_lexicon(), facts()) for p in check.problems]


def test_a_brief_sentence_says_only_what_the_quotes_of_its_technologies_say():
    assert brief_problems("Apache Kafka carries events at Acme.") == []
    assert brief_problems("Acme moved its orders from MySQL to PostgreSQL.") == []
    invented = brief_problems("Apache Kafka lets Acme deliver music to listeners.")
    assert invented and all(word in invented[0] for word in ("deliver", "music", "listeners"))


def test_a_word_quoted_for_another_technology_does_not_support_this_one():
    # "orders" is in PostgreSQL's quote, not in Kafka's: said of Kafka it is not grounded.
    assert any("orders" in p for p in brief_problems("Apache Kafka carries orders."))
    assert brief_problems("PostgreSQL has the orders.") == []


def test_words_said_of_joined_technologies_are_said_of_each():
    # "carries events" is Kafka's; said of PostgreSQL and Kafka together it is said of PostgreSQL too
    assert any("carries" in p for p in brief_problems("PostgreSQL and Apache Kafka carries events."))
    assert any("carries" in p for p in brief_problems("PostgreSQL, Apache Kafka carries events."))
    # a clause of its own for each technology says each one's words, whatever the other clause says
    assert brief_problems("Apache Kafka carries events, while PostgreSQL has the orders.") == []
    assert any("orders" in p for p in brief_problems("Apache Kafka carries orders, while PostgreSQL has the orders."))
    # the inverse: a technology inside another's clause is not joined to it, and the words are the clause's
    assert brief_problems("Acme moved its orders from MySQL to PostgreSQL.") == []
    # a clause naming none goes on about the previous clause's technology
    assert brief_problems("PostgreSQL has the orders, moved in 2019.") == []
    assert any("carries" in p for p in brief_problems("PostgreSQL has the orders, and carries them."))


def test_a_brief_sentence_naming_no_technology_rests_on_every_quote():
    assert brief_problems("Acme moved events and orders.") == []
    assert any("music" in p for p in brief_problems("Acme is a music company."))


def test_a_closing_is_a_model_sentence_about_a_post_technology_not_a_second_hook():
    claims = [Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming", description="Carries click events",
                    status=ClaimStatus.current, citations=[cite_sentences(Document("blog", TEXT), ["p1s2"])])]
    dropped: list[str] = []
    sentences = ["From Acme to Kafka, Acme carries events.", "Apache Kafka carries click events."]
    brief = completed(None, model_closing(sentences, None, claims), ACME, [], [], claims, 1, dropped)
    assert brief.endswith("Apache Kafka carries click events.")
    assert "From Acme to Kafka" not in brief


def test_without_a_model_closing_a_row_s_description_makes_one_the_company_s_own_tool_first():
    document = Document("blog", TEXT)
    kafka = Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming", description="Carries click events",
                  status=ClaimStatus.current, citations=[cite_sentences(document, ["p1s2"])])
    tool = kafka.model_copy(update={"technology": "Grafonix", "description": "Acme's order event monitor", "own": True})
    dropped = ["Apache Kafka lets Acme deliver music. [says 'music']"]
    assert closing_from_rows([kafka], ACME) == "At Acme, Apache Kafka carries click events."
    assert closing_from_rows([kafka, tool], ACME) == "Grafonix is Acme's order event monitor."
    two_words = Company(name="Acme Cloud", slug="acme-cloud", sources=[{"id": "blog", "file": "x.txt"}])
    tool_of_two = tool.model_copy(update={"description": "Acme Cloud's order event monitor"})
    assert closing_from_rows([kafka, tool_of_two], two_words) == "Grafonix is Acme Cloud's order event monitor."
    # a description that names the company already does not say "At Acme" before it
    assert closing_from_rows([kafka.model_copy(update={"description": "Carries Acme's click events"})], ACME) == \
        "Apache Kafka carries Acme's click events."
    # the inverses: a former technology, a description that is neither a use nor the company's
    assert closing_from_rows([kafka.model_copy(update={"status": ClaimStatus.former})], ACME) == ""
    assert closing_from_rows([kafka.model_copy(update={"description": "Event log"})], ACME) == ""
    brief = completed(None, closing_from_rows([kafka], ACME), ACME, [], [], [kafka], 1, dropped)
    assert brief.endswith("At Acme, Apache Kafka carries click events.")
    # made of a checked description, it passes the brief check the model's sentences must pass
    assert brief_problems(closing_from_rows([kafka.model_copy(update={"description": "Carries 2 billion events a day"})],
                                            ACME)) == []


def test_sentences_the_model_glued_together_are_refused():
    assert any("together" in p for p in problems("Apache Kafka carries events.PostgreSQL stores orders."))
    assert not any("together" in p for p in problems("Acme moved its orders to PostgreSQL."))


def test_the_template_sentences_pass_the_brief_check():
    from postgen.prompts import render
    publisher_facts = facts()
    publisher_facts.frame_words |= copy_facts(ACME, [], default_lexicon(), ["Nick Craver's blog (example.org)"]).frame_words
    for sentence in (render("brief_closing.j2", company="Acme").strip(),
                     render("brief_coverage.j2", company="Acme", areas=["Database", "Streaming"], publishers=["Nick Craver's blog (example.org)"],
                            sources=2, count=3).strip()):
        assert [p for check in check_brief(sentence, default_lexicon(), publisher_facts) for p in check.problems] == []



def test_the_coverage_sentence_ends_with_one_full_stop_after_a_publisher_s_abbreviation():
    from postgen.prompts import render
    ends = [render("brief_coverage.j2", company="Acme", areas=[], publishers=publishers, sources=1, count=1)
            for publishers in (["Acme Engineering", "Acme Inc."], ["Acme Engineering"], [])]
    assert ends[0].endswith("as described by Acme Engineering, Acme Inc.") and not ends[0].endswith("..")
    # the inverses: a publisher without a full stop, and no publisher, each end with one
    assert ends[1].endswith("as described by Acme Engineering.")
    assert ends[2].endswith("describes them.")


def test_a_doubled_full_stop_is_caught_but_not_an_ellipsis():
    assert "has a doubled full stop" in problems("Apache Kafka carries events for Acme Inc..")
    assert "has a doubled full stop" not in problems("Apache Kafka carries events for Acme Inc.")
    assert "has a doubled full stop" not in problems("Apache Kafka carries events...")


def test_the_brief_names_the_stack_s_areas_in_prose_keeping_acronyms():
    claims = [Claim(technology=name, aliases=[], tag=tag, description="Carries click events", status=ClaimStatus.current,
                    citations=[cite_sentences(Document("blog", TEXT), ["p1s2"])])
              for name, tag in (("Apache Kafka", "Data Processing"), ("PyTorch", "ML"), ("Jenkins", "CI/CD"))]
    brief = completed(None, None, ACME, [], [], claims, 1, [])
    assert "across data processing, ML and CI/CD" in brief


def test_a_company_name_with_a_digit_is_one_word_in_the_brief_check():
    from postgen.prompts import render
    auth = Company(name="Auth0", slug="auth0", sources=[{"id": "blog", "file": "x.txt"}])
    document = Document("blog", "Auth0 serves 2 billion logins a month from PostgreSQL.\n")
    claims = [Claim(technology="PostgreSQL", tag="Database", status=ClaimStatus.current,
                    citations=[cite_sentences(document, list(document.sentences))])]
    hook = render("brief_hook.j2", figures=["2 billion logins a month"], company="Auth0").strip()
    assert [p for check in check_brief(hook, default_lexicon(), copy_facts(auth, claims, default_lexicon()))
            for p in check.problems] == []
    # the inverse: a word no quote says is still caught beside the name
    assert any("'famous'" in p for check in check_brief("Auth0's famous PostgreSQL serves 2 billion logins a month.",
               default_lexicon(), copy_facts(auth, claims, default_lexicon())) for p in check.problems)


def test_a_company_name_ending_in_a_bracket_takes_its_possessive_before_the_bracket_and_passes_the_brief_check():
    from postgen.prompts import render
    ons = Company(name="Office for National Statistics (ONS)", slug="ons", sources=[{"id": "blog", "file": "x.txt"}])
    document = Document("blog", "The ONS runs hundreds of cloud services on Nomad.\n")
    claims = [Claim(technology="Nomad", tag="Infrastructure", status=ClaimStatus.current,
                    citations=[cite_sentences(document, list(document.sentences))])]
    hook = render("brief_hook.j2", figures=["hundreds of cloud services"], company=ons.name).strip()
    assert "Office for National Statistics' " in hook and "(ONS)" not in hook, hook
    assert [p for check in check_brief(hook, default_lexicon(), copy_facts(ons, claims, default_lexicon()))
            for p in check.problems] == []
    # the inverse: a lone "s" that is no possessive is still a word no quote says
    assert any("'s'" in p for check in check_brief("Nomad runs the ONS s services.", default_lexicon(),
               copy_facts(ons, claims, default_lexicon())) for p in check.problems)


class FailingBriefClient:
    """A client whose model returned nothing usable: the fault the writer must survive."""

    def ask(self, request):
        from postgen.llm import LLMResult
        return LLMResult(parsed=None, raw="", problem="empty answer", tokens_in=0, tokens_out=0, cached=False)


def test_a_failed_model_brief_gets_the_template_hook_and_a_row_closing_never_a_row_as_hook():
    from postgen.write import write_post
    document = Document("blog", TEXT)
    sentences = list(document.sentences.values())
    kafka = Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming",
                  description="Carries 2 billion events a day", status=ClaimStatus.current,
                  citations=[cite_sentences(document, [sentences[1].id])])
    post = write_post(FailingBriefClient(), ACME, [kafka], default_lexicon(), [], [],
                      documents={"blog": document}, sources={"blog": {"publisher": "Acme blog"}})
    hook, *_ = post.brief.split(". ")
    assert "2 billion events" in hook and not hook.startswith("At Acme")  # the figures' template, not the row
    assert post.brief.endswith("At Acme, Apache Kafka carries 2 billion events a day.")
    assert any("template hook" in entry for entry in post.dropped_copy)
    assert not any("template closing" in entry for entry in post.dropped_copy)


def test_the_template_hook_reads_from_one_figure_to_another_or_opens_with_the_one():
    from postgen.prompts import render
    two = render("brief_hook.j2", figures=["100 million tracks", "4 billion events a day"], company="Acme").strip()
    one = render("brief_hook.j2", figures=["hundreds of services"], company="Acme").strip()
    assert two == "From 100 million tracks to 4 billion events a day: this is what Acme's engineering stack is built around."
    assert one == "Hundreds of services: this is what Acme's engineering stack is built around."


def test_a_technology_inside_the_company_s_name_is_not_named_by_the_brief():
    from postgen.prompts import render
    foundation = Company(name="Kafka Foundation", slug="kafka-foundation", sources=[{"id": "blog", "file": "x.txt"}])
    document = Document("blog", "PostgreSQL stores 2 billion orders a day for the foundation. Kafka carries click events.\n")
    first, second = list(document.sentences)
    claims = [Claim(technology="PostgreSQL", tag="Database", status=ClaimStatus.current,
                    citations=[cite_sentences(document, [first])]),
              Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming", status=ClaimStatus.current,
                    citations=[cite_sentences(document, [second])])]
    facts = copy_facts(foundation, claims, default_lexicon())
    hook = render("brief_hook.j2", figures=["2 billion orders a day"], company="Kafka Foundation").strip()
    assert [p for check in check_brief(hook, default_lexicon(), facts) for p in check.problems] == []
    # the inverse: Kafka named outside the company's name, so the sentence rests on Kafka's quotes only
    assert any("'orders'" in p for check in check_brief("Kafka Foundation's Kafka moves 2 billion orders a day.",
                                                          default_lexicon(), facts) for p in check.problems)


def test_the_brief_grammar_allows_a_full_stop_inside_a_word_only_in_the_posts_names():
    from llama_cpp import LlamaGrammar

    from postgen.write import brief_grammar
    grammar = brief_grammar(["Node.js", "React", 'Bad"Name.x'])
    LlamaGrammar.from_string(grammar, verbose=False)  # llama.cpp parses it
    word_rule = next(line for line in grammar.splitlines() if line.startswith("word ::="))
    classes = re.findall(r"\[[^\]]*\]", word_rule)
    # a full stop only between digits ("2.5"): "scalability.scala" cannot be made
    assert classes and [cls for cls in classes if "." in cls] == ["[.,]"]
    assert '"Node.js"' in word_rule and "React" not in word_rule and "Bad" not in word_rule


def test_a_single_area_is_not_a_span_the_post_goes_across():
    claims = [Claim(technology="PostgreSQL", aliases=[], tag="Database", description="Stores every order",
                    status=ClaimStatus.current, citations=[cite_sentences(Document("blog", TEXT), ["p1s2"])])]
    brief = completed(None, None, ACME, [], [], claims, 1, [])
    assert "across" not in brief and "technologies behind Acme," in brief


def test_a_publisher_s_name_is_not_a_technology_of_the_post():
    from postgen.checks import check_post
    publisher = "Acme platform docs (GitHub acme/docs)"
    publisher_facts = copy_facts(ACME, [], default_lexicon(), [publisher])
    sentence = f"This post looks at the technologies behind Acme, as described by {publisher}."
    assert [p for check in check_copy(sentence, default_lexicon(), publisher_facts) for p in check.problems] == []
    draft = {"company_name": "Acme", "claims": [], "sources": [{"id": "docs", "publisher": publisher}],
             "post": {"brief": sentence, "table": [], "hashtags": []}}
    assert all(not result.failures for result in check_post("acme", draft))
    # the inverse: GitHub named outside the publisher's name is a technology the post must have verified
    draft["post"]["brief"] = sentence + " GitHub hosts Acme's code."
    assert check_post("acme", draft)[1].failures


def test_an_initial_in_the_company_s_name_is_neither_a_sentence_end_nor_a_technology():
    from postgen.checks import check_post
    observatory = Company(name="Vera C. Rubin Observatory", slug="rubin", sources=[{"id": "docs", "file": "x.md"}])
    facts = copy_facts(observatory, [], default_lexicon())
    sentence = "This post looks at the technologies behind Vera C. Rubin Observatory, as described by its docs."
    assert [p for check in check_copy(sentence, default_lexicon(), facts) for p in check.problems] == []
    draft = {"company_name": "Vera C. Rubin Observatory", "claims": [], "sources": [],
             "post": {"brief": sentence, "table": [], "hashtags": []}}
    assert all(not result.failures for result in check_post("rubin", draft))
    # the inverse: C named on its own is a technology the post must have verified
    draft["post"]["brief"] = sentence + " Its camera firmware is written in C."
    assert check_post("rubin", draft)[1].failures
    assert any("C" in p for check in check_copy(draft["post"]["brief"], default_lexicon(), facts) for p in check.problems)


def test_a_dotted_name_the_model_splits_at_its_dot_is_made_whole_before_the_check():
    from postgen.write import rejoined
    names = ["GOV.UK", "Node.js", "Apache Kafka"]
    assert rejoined("From AWS to Kubernetes, GOV. UK uses Node. js for the cluster.", names) == \
        "From AWS to Kubernetes, GOV.UK uses Node.js for the cluster."
    # the inverses: a sentence that really ends before the name's tail, and a name written whole
    assert rejoined("Acme runs Node. JS engineers maintain it.", ["Acme", "Kafka"]) == \
        "Acme runs Node. JS engineers maintain it."
    assert rejoined("GOV.UK runs Apache Kafka. Uptime matters.", names) == "GOV.UK runs Apache Kafka. Uptime matters."
