"""Markup to prose: markdown, HTML (through trafilatura's XML) and plain text become text.txt,
one block per line, plus the structure the markup carried (block kinds, links, code spans).

Rules shared by every format: a heading, title, list item or table cell is a block of its own,
so no sentence can run across it; link texts and code spans keep their words and lose their
markup; code blocks, images, HTML comments, front matter and template tags are not prose and
are left out (the raw document stays in the snapshot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.metadata import version

from docutils import nodes
from docutils.core import publish_string
from docutils.parsers.rst import roles
from lxml import etree, html as lxml_html
from markdown_it import MarkdownIt

from .models import InlineSpan, TextBlock, TextStructure

FRONT_MATTER = re.compile(r"\A\ufeff?(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
TEMPLATE_TAGS = re.compile(r"\{%-?.*?-?%\}|\{\{.*?\}\}|<%=?.*?%>|^\{:[^}\n]*\}[ \t]*$", re.DOTALL | re.MULTILINE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
TEMPLATE_CODE_BLOCK = re.compile(r"\{%-?\s*(?P<tag>highlight|codeblock)\b[^%]*%\}(?P<code>.*?)\{%-?\s*end(?P=tag)\s*-?%\}",
                                 re.DOTALL)
WHITESPACE = re.compile(r"\s+")


# Raised when postgen's own reading of markdown changes, so a snapshot's meta.json tells which rules made it.
MARKDOWN_RULES = 2


# Sphinx sources use roles docutils does not know (":ref:`Title <target>`"); read their text, not an error
SPHINX_ROLES = ("ref", "doc", "term", "abbr", "class", "func", "meth", "mod", "attr", "obj", "command", "program",
                "file", "option", "envvar", "kbd", "menuselection", "guilabel", "download", "samp")
UNRESOLVED_REFERENCE = re.compile(r"`(?P<text>[^`<>]+)`__?(?![\w`])")
UNRESOLVED_SIMPLE_REFERENCE = re.compile(r"(?<![\w`])(?P<text>[A-Za-z][A-Za-z0-9.+#-]*)__?(?=[\s.,;:!?)]|<|$)")
RST_SETTINGS = {
    "report_level": 5, "halt_level": 5,  # a directive docutils does not know is skipped, never fatal
    "file_insertion_enabled": False, "raw_enabled": False,  # a source cannot pull in local files or raw HTML
    "_disable_config": True, "input_encoding": "unicode", "output_encoding": "unicode",
}


def sphinx_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A Sphinx cross-reference read as its title: ":ref:`the jobs page <jobs>`" is "the jobs page"."""
    return [nodes.inline(rawtext, re.sub(r"\s*<[^<>]*>$", "", text).lstrip("~!"))], []


def read_sphinx_roles_as_titles() -> None:
    for role in SPHINX_ROLES:
        roles.register_local_role(role, sphinx_role)


read_sphinx_roles_as_titles()  # once: docutils keeps roles in a registry for the whole process


def rst_to_html(source: str) -> str:
    """reStructuredText (Sphinx and Read the Docs pages) as one HTML page, for the HTML reader."""
    page = publish_string(source, writer_name="html5", settings_overrides=RST_SETTINGS)
    page = UNRESOLVED_REFERENCE.sub(r"\g<text>", page)  # "`iOS`_" whose target is missing: its text
    return UNRESOLVED_SIMPLE_REFERENCE.sub(r"\g<text>", page)  # "Kubernetes_" likewise


def rst_converter() -> str:
    return f"docutils {version('docutils')} html5"


def markdown_converter() -> str:
    return f"markdown-it-py {version('markdown-it-py')}, postgen rules {MARKDOWN_RULES}"


@dataclass
class ProseBuilder:
    """Appends blocks line by line, collapsing whitespace, and records spans at their final offsets."""

    lines: list[str] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    spans: list[InlineSpan] = field(default_factory=list)
    offset: int = 0
    current: list[str] = field(default_factory=list)
    open_spans: list[tuple[str, int, str | None]] = field(default_factory=list)
    pending: list[tuple[str, int, int, str | None]] = field(default_factory=list)

    def current_length(self) -> int:
        return len("".join(self.current))

    def add_text(self, text: str) -> None:
        text = WHITESPACE.sub(" ", text)
        if not text:
            return
        if (not self.current or self.current[-1].endswith(" ")) and text.startswith(" "):
            text = text.lstrip(" ")
        self.current.append(text)

    def open_span(self, kind: str, href: str | None = None) -> None:
        self.open_spans.append((kind, self.current_length(), href))

    def close_span(self, kind: str) -> None:
        for index in range(len(self.open_spans) - 1, -1, -1):
            if self.open_spans[index][0] == kind:
                _, start, href = self.open_spans.pop(index)
                self.pending.append((kind, start, self.current_length(), href))
                return

    def end_block(self, kind: str, level: int | None = None) -> None:
        raw = "".join(self.current)
        lead = len(raw) - len(raw.lstrip())
        line = raw.strip()
        self.current = []
        spans, self.pending, self.open_spans = self.pending, [], []
        if not line:
            return
        if self.lines:
            self.offset += 1  # the newline before this block
        start = self.offset
        self.lines.append(line)
        self.blocks.append(TextBlock(kind=kind, start=start, end=start + len(line), level=level))
        for span_kind, span_start, span_end, href in spans:
            begin = max(0, span_start - lead)
            finish = min(len(line), span_end - lead)
            while begin < finish and line[begin].isspace():
                begin += 1
            while finish > begin and line[finish - 1].isspace():
                finish -= 1
            if finish > begin:
                self.spans.append(InlineSpan(kind=span_kind, start=start + begin, end=start + finish, href=href))
        self.offset += len(line)

    def result(self) -> tuple[str, TextStructure]:
        text = "\n".join(self.lines) + ("\n" if self.lines else "")
        return text, TextStructure(blocks=self.blocks, spans=self.spans)


# ---------------------------------------------------------------- markdown


# MDX (markdown with JSX, as Docusaurus writes it) opens with module lines: "import Tabs from '@theme/Tabs';"
MDX_MODULE_LINE = re.compile(r"^(?:import\s[^\n]*\sfrom\s+['\"][^'\"\n]+['\"]|import\s+['\"][^'\"\n]+['\"]|"
                             r"export\s+(?:const|let|default|function)\b[^\n]*);?[ \t]*$", re.MULTILINE)


def strip_markdown_extras(source: str) -> str:
    """MDX module lines, front matter, Liquid/ERB template tags, kramdown attribute lines and HTML comments are not
    prose; a Jekyll or Octopress code block ({% highlight sql %} … {% endhighlight %}) is code, as a fenced block is."""
    source = FRONT_MATTER.sub("", source, count=1)
    source = MDX_MODULE_LINE.sub("", source)
    source = HTML_COMMENT.sub("", source)
    source = TEMPLATE_CODE_BLOCK.sub(lambda block: f"\n```\n{block.group('code').strip(chr(10))}\n```\n", source)
    return TEMPLATE_TAGS.sub("", source)


INLINE_SPAN_KINDS = {"link": "link", "strong": "strong", "em": "emphasis", "s": None}


def add_inline(builder: ProseBuilder, children) -> None:
    for token in children or []:
        kind = token.type
        if kind in ("text", "text_special"):
            builder.add_text(token.content)
        elif kind == "code_inline":
            builder.open_span("code")
            builder.add_text(token.content)
            builder.close_span("code")
        elif kind in ("softbreak", "hardbreak"):
            builder.add_text(" ")
        elif kind.endswith("_open") and kind[:-5] in INLINE_SPAN_KINDS and INLINE_SPAN_KINDS[kind[:-5]]:
            href = token.attrs.get("href") if kind == "link_open" else None
            builder.open_span(INLINE_SPAN_KINDS[kind[:-5]], str(href) if href else None)
        elif kind.endswith("_close") and kind[:-6] in INLINE_SPAN_KINDS and INLINE_SPAN_KINDS[kind[:-6]]:
            builder.close_span(INLINE_SPAN_KINDS[kind[:-6]])
        # images, inline HTML tags and anything else carry no prose of their own


def markdown_to_prose(source: str) -> tuple[str, TextStructure]:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = parser.parse(strip_markdown_extras(source))
    builder = ProseBuilder()
    context: list[str] = []  # open containers: list items, blockquotes, table cells
    item_paragraphs: list[int] = []  # paragraphs seen so far in each open list item
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            context.append("heading")
        elif kind == "heading_close":
            context.pop()
            builder.end_block("heading", int(token.tag[1:]))
        elif kind == "list_item_open":
            context.append("list_item")
            item_paragraphs.append(0)
        elif kind == "list_item_close":
            context.pop()
            item_paragraphs.pop()
        elif kind in ("blockquote_open", "th_open", "td_open"):
            context.append("quote" if kind == "blockquote_open" else "table_cell")
        elif kind in ("blockquote_close", "th_close", "td_close"):
            context.pop()
            if kind != "blockquote_close":
                builder.end_block("table_cell")
        elif kind == "paragraph_close":
            builder.end_block(paragraph_kind(context, item_paragraphs), depth(context))
        elif kind == "inline":
            add_inline(builder, token.children)
        elif kind == "html_block":
            # Markdown written inside an HTML block (images, links) is still markdown to a reader.
            for block_kind, text in html_fragment_blocks(token.content):
                add_inline(builder, parser.parseInline(text)[0].children)
                builder.end_block(block_kind)
    return builder.result()


def paragraph_kind(context: list[str], item_paragraphs: list[int]) -> str:
    if context and context[-1] == "list_item":
        item_paragraphs[-1] += 1
        return "list_item" if item_paragraphs[-1] == 1 else "paragraph"
    if "quote" in context:
        return "quote"
    return "paragraph"


def depth(context: list[str]) -> int | None:
    items = context.count("list_item")
    return items or None


def html_fragment_blocks(fragment: str) -> list[tuple[str, str]]:
    """Raw HTML inside markdown: its text, a block per block-level element, tags dropped."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    builder = ProseBuilder()
    walk_html(builder, root)
    text, structure = builder.result()
    return [(block.kind, text[block.start:block.end]) for block in structure.blocks]


# ---------------------------------------------------------------- HTML (trafilatura XML or plain HTML elements)

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_KINDS = {"p": "paragraph", "item": "list_item", "li": "list_item", "cell": "table_cell", "td": "table_cell",
               "th": "table_cell", "quote": "quote", "blockquote": "quote", "dd": "paragraph", "dt": "paragraph"}
CONTAINERS = {"list", "ul", "ol", "table", "row", "tr", "tbody", "thead", "div", "section", "article", "main", "body",
              "dl", "figure", "doc", "span"}
SKIPPED = {"pre", "script", "style", "graphic", "img", "figcaption", "noscript", "svg", "iframe", "math"}
INLINE_KINDS = {"ref": "link", "a": "link", "code": "code", "tt": "code", "b": "strong", "strong": "strong",
                "em": "emphasis", "i": "emphasis"}


def hi_kind(element) -> str | None:
    """trafilatura's <hi rend="#b"> / "#i" / "#t" (bold, italic, teletype)."""
    rend = element.get("rend") or ""
    return {"#b": "strong", "#i": "emphasis", "#t": "code", "#u": "emphasis"}.get(rend)


def element_block_kind(element) -> tuple[str, int | None] | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "head":
        rend = element.get("rend") or "h2"
        return "heading", int(rend[1:]) if rend[1:].isdigit() else 2
    if tag in HEADINGS:
        return "heading", int(tag[1])
    if tag in BLOCK_KINDS:
        return BLOCK_KINDS[tag], None
    return None


def is_code_block(element) -> bool:
    """<code> holding a whole block (trafilatura nests code blocks as code > code) rather than a few words."""
    return element.tag == "code" and (len(element) > 0 or "\n" in (element.text or "").strip())


def walk_inline(builder: ProseBuilder, element) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED or (tag == "code" and is_code_block(element)):
        builder.add_text(" ")
    elif tag == "lb" or tag == "br":
        builder.add_text(" ")
    else:
        kind = hi_kind(element) if tag == "hi" else INLINE_KINDS.get(tag)
        href = element.get("target") or element.get("href") if kind == "link" else None
        if kind:
            builder.open_span(kind, href)
        builder.add_text(element.text or "")
        for child in element:
            walk_inline(builder, child)
        if kind:
            builder.close_span(kind)
    builder.add_text(element.tail or "")


def walk_html(builder: ProseBuilder, element, list_depth: int = 0) -> None:
    """Emit a block per block-level element; text directly inside containers becomes a paragraph."""
    builder.add_text(element.text or "")
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        found = element_block_kind(child)
        if tag in SKIPPED or is_code_block(child):
            builder.end_block("paragraph")
            builder.add_text(child.tail or "")
            continue
        if found:
            builder.end_block("paragraph")
            kind, level = found
            nested = [grand for grand in child if element_block_kind(grand) or grand.tag in CONTAINERS]
            if nested and kind == "list_item":
                # an item holding a nested list: its own words first, then the nested blocks
                walk_block_with_children(builder, child, kind, max(list_depth, 1))
            else:
                builder.add_text(child.text or "")
                for grand in child:
                    walk_inline(builder, grand)
                builder.end_block(kind, level if kind == "heading" else (max(list_depth, 1) if kind == "list_item" else None))
            builder.add_text(child.tail or "")
        elif tag in CONTAINERS:
            builder.end_block("paragraph")
            walk_html(builder, child, list_depth + (1 if tag in ("list", "ul", "ol") else 0))
            builder.end_block("paragraph")
            builder.add_text(child.tail or "")
        else:
            walk_inline(builder, child)
    builder.end_block("paragraph")


def walk_block_with_children(builder: ProseBuilder, item, kind: str, level: int) -> None:
    """An item's own words, then its nested blocks. A "loose" item (<li><p>words</p>…) has its first paragraph as
    its own words."""
    builder.add_text(item.text or "")
    rest, children = [], list(item)
    if children and children[0].tag == "p" and not (item.text or "").strip():
        walk_inline(builder, children.pop(0))
    for grand in children:
        if rest or element_block_kind(grand) or grand.tag in CONTAINERS:
            rest.append(grand)
        else:
            walk_inline(builder, grand)
    builder.end_block(kind, level)
    holder = etree.Element("div")
    for grand in rest:
        holder.append(grand)
    walk_html(builder, holder, level)


def html_body_to_prose(body, title: str | None = None) -> tuple[str, TextStructure]:
    """trafilatura's extracted body (its XML vocabulary) as prose; the page title first, as a title block."""
    builder = ProseBuilder()
    first_heading = next((child for child in body if element_block_kind(child)), None)
    if title and not (first_heading is not None and normalized_words(first_heading) == normalized_words_of(title)):
        builder.add_text(title)
        builder.end_block("title")
    walk_html(builder, body)
    text, structure = builder.result()
    return text, mark_title(structure, text, title)


def normalized_words(element) -> str:
    return normalized_words_of("".join(element.itertext()))


def normalized_words_of(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip().casefold()


def mark_title(structure: TextStructure, text: str, title: str | None) -> TextStructure:
    """A first heading that repeats the page title is the title."""
    if title and structure.blocks:
        first = structure.blocks[0]
        if first.kind == "heading" and normalized_words_of(text[first.start:first.end]) == normalized_words_of(title):
            structure.blocks[0] = first.model_copy(update={"kind": "title"})
    return structure


# ---------------------------------------------------------------- plain text

LIST_MARKER = re.compile(r"^(?:[-*•‣◦–—]|\d{1,3}[.)])\s+\S")
CODE_LINE = re.compile(
    r"[{};]\s*$|^\s*(?://|#include|import |from \S+ import|export |return\b|const |let |var |def |class |"
    r"private |public |func |fun |val |@\w+\(|</?[a-zA-Z][\w-]*[ />])|^\s*[}\])]|[{}]|\s//\s|=>"
)
SENTENCE_FINAL = re.compile(r"[.!:;,]['\"”’)\]]*$")
HEADING_MAX_WORDS = 12
INNER_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def plain_line_kind(line: str, first: bool) -> str:
    stripped = line.strip()
    if LIST_MARKER.match(stripped):
        return "list_item"
    if CODE_LINE.search(stripped):
        return "code"
    words = stripped.split()
    if (len(words) <= HEADING_MAX_WORDS and not SENTENCE_FINAL.search(stripped) and stripped[:1].isupper()
            and not INNER_SENTENCE_END.search(stripped)):
        return "title" if first else "heading"
    return "paragraph"


def plain_text_structure(text: str) -> TextStructure:
    """Plain text carries no markup: every non-blank line is a block, its kind read off its shape
    (a list marker, a short line without final punctuation, a line of code)."""
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        blocks.append(TextBlock(kind=plain_line_kind(line, first=not blocks), start=start, end=end))
    return TextStructure(blocks=blocks)
