"""Markup becomes prose: markdown, HTML and plain text give text.txt lines, block kinds and spans."""

from __future__ import annotations

import trafilatura

from postgen.fetch import EXTRACTION_OPTIONS
from postgen.markup import html_body_to_prose, markdown_to_prose
from postgen.text import Document

HANDBOOK = """---
title: Our stack
tags: [infra]
---
{% include toc.html %}
<!-- internal note: do not publish -->
### Web Tier (IIS 8.5, Windows Server 2012 R2)

The load balancers feed **HAProxy** which routes to [Kestrel](https://example.org/kestrel) hosts.

- Task Worker: [Celery](https://docs.celeryproject.org/), [Temporal](https://temporal.io/)
- `pgbouncer` – pools connections to the primary

| Tier | OS |
|------|----|
| Cache | Redis 6.2 |

```yaml
image: nginx:1.25
```
{{ site.footer }}
"""


def lines_and_kinds(text, structure):
    return [(block.kind, text[block.start:block.end]) for block in structure.blocks]


def test_markdown_becomes_prose_without_markup():
    text, structure = markdown_to_prose(HANDBOOK)
    for markup in ("](", "**", "`", "{%", "{{", "<!--", "---", "|", "###"):
        assert markup not in text
    assert "internal note" not in text and "nginx:1.25" not in text and "title: Our stack" not in text
    assert lines_and_kinds(text, structure) == [
        ("heading", "Web Tier (IIS 8.5, Windows Server 2012 R2)"),
        ("paragraph", "The load balancers feed HAProxy which routes to Kestrel hosts."),
        ("list_item", "Task Worker: Celery, Temporal"),
        ("list_item", "pgbouncer – pools connections to the primary"),
        ("table_cell", "Tier"), ("table_cell", "OS"), ("table_cell", "Cache"), ("table_cell", "Redis 6.2"),
    ]
    spans = {(span.kind, text[span.start:span.end]) for span in structure.spans}
    assert {("link", "Kestrel"), ("link", "Celery"), ("link", "Temporal"), ("code", "pgbouncer"),
            ("strong", "HAProxy")} <= spans
    assert next(s.href for s in structure.spans if text[s.start:s.end] == "Temporal") == "https://temporal.io/"


def test_a_heading_never_merges_with_the_next_paragraph():
    text, structure = markdown_to_prose(HANDBOOK)
    document = Document("handbook", text, structure)
    heading = document.paragraphs[0]
    assert heading.kind == "heading"
    assert [s.text for s in heading.sentences] == ["Web Tier (IIS 8.5, Windows Server 2012 R2)"]
    assert document.paragraphs[1].sentences[0].text.startswith("The load balancers")


def test_html_title_and_list_items_are_blocks_of_their_own():
    page = """<html><head><title>How Acme ships code</title></head><body>
    <nav><a href="/">Home</a> · <a href="/jobs">Jobs</a></nav>
    <article><h1>How Acme ships code</h1>
    <p>Every commit goes through <a href="https://buildkite.com">Buildkite</a> and lands on servers running
    <code>systemd</code> units that we manage with a small tool of our own.</p>
    <ul><li><b>Shipit</b> – deploys a service in one click</li><li>Pager rotation for every team</li></ul>
    <p>That is all there is to it, and it has worked well for us over the last three years of growth.</p>
    </article><footer>© Acme</footer></body></html>"""
    document = trafilatura.bare_extraction(page, **EXTRACTION_OPTIONS)
    text, structure = html_body_to_prose(document.body, document.title)
    kinds = lines_and_kinds(text, structure)
    assert kinds[0] == ("title", "How Acme ships code")
    assert ("list_item", "Shipit – deploys a service in one click") in kinds
    assert "Home" not in text and "© Acme" not in text
    spans = {(span.kind, text[span.start:span.end]) for span in structure.spans}
    assert {("link", "Buildkite"), ("code", "systemd"), ("strong", "Shipit")} <= spans
    sentences = [s.text for s in Document("page", text, structure).sentences.values()]
    assert "How Acme ships code" in sentences  # the title is not glued to the first sentence


def test_a_loose_list_item_s_first_paragraph_is_the_item():
    page = """<html><body><article><h1>Our stack</h1>
    <p>These are the services that every team at Acme builds on, from the first commit to production.</p>
    <ul><li><p>Redis - caches sessions</p></li><li><p>Shipit - deploys a service</p><p>It also rolls back.</p></li>
    <li>Pager rotation for every team</li></ul></article></body></html>"""
    document = trafilatura.bare_extraction(page, **EXTRACTION_OPTIONS)
    kinds = lines_and_kinds(*html_body_to_prose(document.body, document.title))
    assert ("list_item", "Redis - caches sessions") in kinds
    assert ("list_item", "Shipit - deploys a service") in kinds
    assert ("paragraph", "It also rolls back.") in kinds
    assert ("list_item", "Pager rotation for every team") in kinds


def test_plain_text_headings_and_list_items_stay_apart():
    text = ("Inside Acme's platform\n"
            "Data Storage Layer\n"
            "Acme keeps orders in PostgreSQL. Reports run nightly\n"
            "- Redis for sessions\n"
            "- Kafka for events\n"
            "const x = fetchOrders();\n")
    document = Document("plain", text)
    assert [p.kind for p in document.paragraphs] == ["title", "heading", "paragraph", "list_item", "list_item", "code"]
    assert [s.text for s in document.sentences.values()][:4] == [
        "Inside Acme's platform", "Data Storage Layer", "Acme keeps orders in PostgreSQL.", "Reports run nightly"]


def test_markdown_inside_an_html_block_is_read_as_markdown():
    text, structure = markdown_to_prose(
        "Intro paragraph.\n\n<div style=\"text-align: center;\">\n![IIS on web01](iis-web01.png)\n"
        "Traffic goes through [HAProxy](https://haproxy.org) and **Redis**.\n</div>\n\nAfter.\n")
    assert "](" not in text and "**" not in text and "![" not in text
    assert "Traffic goes through HAProxy and Redis." in text
    links = [text[span.start:span.end] for span in structure.spans if span.kind == "link"]
    assert "HAProxy" in links


def test_a_jekyll_highlight_block_is_code_not_prose():
    source = ("We keep every order in Postgres, with a check constraint on each table.\n\n"
              "{% highlight sql %}\nalter table orders add CONSTRAINT \"has_user\" CHECK (user_id IS NOT NULL)\n"
              "{% endhighlight %}\n\n{% codeblock lang:ruby %}\nOrder.where(user_id: nil).count\n{% endcodeblock %}\n\n"
              "The {% raw %}Liquid{% endraw %} tags around a word leave the word.\n")
    text, structure = markdown_to_prose(source)
    assert "CONSTRAINT" not in text and "user_id" not in text and "Order.where" not in text
    assert lines_and_kinds(text, structure) == [
        ("paragraph", "We keep every order in Postgres, with a check constraint on each table."),
        ("paragraph", "The Liquid tags around a word leave the word."),
    ]


def test_a_simple_restructuredtext_reference_without_its_target_reads_as_its_word():
    from postgen.markup import rst_to_html
    page = rst_to_html("Phalanx deploys apps on Kubernetes_ clusters and Helm__ charts.\n\n"
                       "Keep my_var, __init__ and snake_case_name as written.\n\n"
                       "Argo_ syncs them.\n\n.. _Argo: https://argoproj.github.io\n")
    assert "Kubernetes clusters" in page and "Helm charts" in page and "Kubernetes_" not in page
    assert "my_var" in page and "__init__" in page and "snake_case_name" in page
    assert '<a class="reference external" href="https://argoproj.github.io">Argo</a> syncs' in page
