"""Read OKRs in Markdown, in stages (one module each):

1. **blocks** (:mod:`okrlint.readers.markdown.blocks`): pyromark events to blocks with byte offsets;
   :mod:`.prelude` reads the comments (suppressions) and the front matter.
2. **lines** (:mod:`.lines`): blocks to a tree of candidate lines (headings, items, paragraph
   lines, text bullets, table rows), each with its label from ``rules/lexicons/labels.yaml``
   (:mod:`okrlint.readers.labels`).
3. **roles** (:mod:`.roles`): a role for each line from evidence (its label, its container, what
   it holds, the shape the document repeats), recorded for ``okrlint --outline --why``.
4. **decision** (:mod:`.decide`): is this an OKR document at all?
5. **assembly** (:mod:`.assemble`): attributes and table columns become fields; the model.
"""

from __future__ import annotations

from okrlint.model import OkrDocument, Span
from okrlint.readers.labels import other_objectives
from okrlint.readers.limits import ReadLimitError
from okrlint.readers.markdown import blocks as mb
from okrlint.readers.markdown.assemble import Assembler
from okrlint.readers.markdown.decide import OKR_TITLE, Decision, decide, named_okr
from okrlint.readers.markdown.lines import Line, build_lines
from okrlint.readers.markdown.prelude import Prelude
from okrlint.readers.markdown.roles import assign_roles
from okrlint.textsafe import safe_text


def _title_says_okr(title: str) -> bool:
    return bool(OKR_TITLE.search(other_objectives().sub(" ", title)))


def title_says_okr(doc: OkrDocument, root: Line) -> bool:
    """The front matter title or the first heading mentions OKRs (not "Service Level
    Objectives" or "Learning objectives": rules/lexicons/labels.yaml). With the file's name,
    it says whether the file says it holds OKRs."""
    title = doc.metadata.get("title")
    if title and _title_says_okr(str(title)):
        return True
    headings = [ln for ln in root.walk() if ln.shape == "heading"]
    return bool(headings and _title_says_okr(headings[0].text))


def read_lines(path: str, source: str) -> tuple[OkrDocument, Line, Decision]:
    """The document (with its comments, front matter and, for an OKR document, its OKRs), the
    tree of lines with their roles and evidence, and the document decision."""
    pos = mb.Positions(source)
    doc = OkrDocument(path=path, format="markdown", source=source)
    try:
        blocks = mb.parse_blocks(source)
    except mb.BlockLimitError as exc:
        line, col = pos.line_col(exc.offset)
        raise ReadLimitError(exc.message, Span.point(line, col)) from None
    prelude = Prelude(doc, pos)
    prelude.comments(blocks)
    blocks = prelude.front_matter(blocks)
    root = build_lines(blocks, pos)
    titled = title_says_okr(doc, root)
    says = titled or named_okr(path)
    summary = assign_roles(root, says)
    decision = decide(root, summary, says, titled)
    assembler = Assembler(doc, pos, prelude.front_spans)
    in_front = None
    if not decision.okr:
        in_front = _front_matter_set(doc, prelude)
    if in_front is not None:
        decision = in_front  # the sets were read from the front matter
    elif decision.okr:
        assembler.run(root)
        # No label anywhere, only a shape and a title: enough when the file is named on the
        # command line, not for the pre-commit hook or a walk over a folder of design docs. A
        # name that says OKRs is enough everywhere; "goals" is not ("my_goals_for_2025.md").
        doc.speculative = not decision.explicit and not named_okr(path, strong=True)
        if not any(o.key_results for o in doc.objectives()):
            # Not one objective with a key result, so not one OKR: a note that explains OKRs
            # ("OKR.md" in a notes vault, "目標：達成するもの (e.g. ...)", a "Key results" list
            # with no objective) or a file read wrongly. Its findings would say "no key
            # results" or "no objective": only when the file is named.
            doc.speculative = True
    else:
        doc.no_okrs_reason = decision.reason
        # Nothing read, and neither the name nor the title says OKRs: what okrlint could not
        # read here (a page's front matter) is not reported unless the file is named.
        doc.speculative = not titled and not named_okr(path, strong=True)
    return doc, root, decision


def _front_matter_set(doc: OkrDocument, prelude: Prelude) -> Decision | None:
    """An OKR set written in the front matter (a text under "objective:" and a list under
    "krs:" / "key_results:"), in a page whose body has none: read as the YAML reader reads it,
    with its problems and its okrlint comments."""
    if prelude.front_yaml is None or not isinstance(prelude.front_data, dict):
        return None  # most pages: no YAML reader to import
    from okrlint.readers.yamlreader import is_one_objective, read_yaml

    if not is_one_objective(prelude.front_data):
        return None
    found = read_yaml(doc.path, prelude.front_yaml)
    reported = {p.span.line for p in doc.problems if p.message.startswith("duplicate YAML key")}
    doc.problems.extend(
        p
        for p in found.problems
        if not (p.message.startswith("duplicate YAML key") and p.span.line in reported)
    )
    doc.comments.extend(found.comments)
    if not any(o.key_results for o in found.objectives()):
        return None
    doc.sets = found.sets
    return Decision(True, "an OKR set in the front matter", explicit=True)


def read_markdown(path: str, source: str) -> OkrDocument:
    """Read a Markdown file into the OKR model."""
    return read_lines(path, source)[0]


def explain_roles(path: str, source: str) -> list[str]:
    """Per candidate line: its number, the role given and the evidence for it, and first the
    document decision (``okrlint --outline --why``)."""
    _, root, decision = read_lines(path, source)
    pos = mb.Positions(source)
    verdict = "OKR document" if decision.okr else "not an OKR document"
    out = [f"  decision: {verdict}: {decision.reason}"]
    for line in root.walk():
        if not line.text and line.role is None:
            continue
        number, _ = pos.line_col(line.start)
        depth = sum(1 for _ in line.ancestors())
        role = line.role or "-"
        if role == "row":
            role = "row (" + ", ".join(c.role for c in line.columns if c.role) + ")"
        text = line.text if len(line.text) <= 60 else line.text[:57] + "..."
        text = safe_text(text)
        why = "; ".join(line.evidence) or ("no evidence for a role" if line.role is None else "")
        out.append(f"  {number:>5}  {'  ' * depth}{line.shape:<7} {role:<12} {text!r}  <- {why}")
    return out
