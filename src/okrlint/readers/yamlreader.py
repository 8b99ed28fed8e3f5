"""Read OKRs from YAML, with positions from PyYAML's node marks.

Canonical shape (``schema/okrlint.schema.json``)::

    cycle: 2026-Q3
    level: team
    owner: Growth team
    objectives:
      - objective: Make onboarding feel effortless
        owner: "@growth-lead"
        key_results:
          - Increase activation rate from 42% to 60%
          - text: Reduce time to first project from 18 to 8 minutes
            score: 0.4
            initiatives: [Redesign the welcome screen]

Also accepted: keys in any case and with ``-``/``_``/camelCase spellings, ``okrs``/``goals`` for
``objectives``, ``title``/``name``/``description`` for the statement, ``krs``/``keyResults``/
``key-results``/``results`` for key results, a list of sets at the top level, sets nested under
other keys (``projects: [{okr: {Q4: {objective: ..., keyResults: [...]}}}]``), several YAML
documents in one file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from pathlib import PurePath
from typing import Any, TypeVar

import yaml

from okrlint.data import load_lexicon
from okrlint.model import (
    Comment,
    Initiative,
    KeyResult,
    Objective,
    OkrDocument,
    OkrSet,
    Problem,
    Prose,
    Span,
)
from okrlint.readers.decorations import Cleaned, clean, parse_metadata_line
from okrlint.readers.limits import MAX_COMMENTS, MAX_YAML_STATEMENTS
from okrlint.yamlsafe import (
    MAX_NODES,
    MarkMap,
    SafeLoader,
    YamlLimitError,
    check_expansion,
    check_yaml_limits,
)

# The keys that hold objectives, key results, initiatives and sets, in every language okrlint
# reads: rules/lexicons/labels.yaml, "yaml_keys".
_YAML_KEYS: dict[str, list[str]] = load_lexicon("labels").get("yaml_keys") or {}
_OBJECTIVE_LIST_KEYS = frozenset(_YAML_KEYS.get("objective_lists", ()))
_OKR_LIST_KEYS = frozenset(_YAML_KEYS.get("okr_lists", ()))
_KR_KEYS = frozenset(_YAML_KEYS.get("key_result_lists", ()))
_STRONG_KR_KEYS = _KR_KEYS - frozenset(_YAML_KEYS.get("key_result_lists_weak", ()))
# Exports that keep every node in one tree say what each node is in a field:
# {"tipo": "objetivo", "nome": ..., "filhos": [{"tipo": "kr", ...}]}.
_TYPE_KEYS = frozenset(_YAML_KEYS.get("type_keys", ()))
_TYPE_VALUES: dict[str, str] = {
    str(word).lower(): role
    for role in ("objective", "key_result")
    for word in _YAML_KEYS.get(f"{role}_types", ())
}
_S = TypeVar("_S", Objective, KeyResult)
_OBJECTIVE_TEXT_KEYS = tuple(_YAML_KEYS.get("objective_text", ()))
_OBJECTIVE_TEXT_KEY_SET = frozenset(_OBJECTIVE_TEXT_KEYS)
_KR_TEXT_KEYS = tuple(_YAML_KEYS.get("key_result_text", ()))
_MEASURE_KEYS = frozenset(
    str(k).lower() for k in (load_lexicon("labels").get("attributes") or {}).get("measure", ())
)
_OBJECTIVE_MEASURE_KEYS = frozenset(_YAML_KEYS.get("objective_measure", ()))
_INITIATIVE_KEYS = frozenset(_YAML_KEYS.get("initiative_lists", ()))
_SET_LIST_KEYS = frozenset(_YAML_KEYS.get("set_lists", ()))
_PERIOD_KEY = re.compile(r"^(?:q[1-4]|h[12]|fy\d{2,4}|(?:19|20)\d{2}(?:[-_ ]?q[1-4])?)$", re.I)


# Scalars that are not text: a null, a boolean or a number in a list of statements.
_NOT_TEXT = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_NODES

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise YamlLimitError(f"the YAML expands past {MAX_NODES} nodes (aliases?)")


def _objective_list_key(key: str) -> tuple[str | None, str | None]:
    """The objective-list key a (normalised) key names, and the period written with it:
    "objectives" -> ("objectives", None); "objetivos q3", "okrs 2026", "q1 objectives" ->
    (the list key, the period)."""
    if key in _OBJECTIVE_LIST_KEYS:
        return key, None
    words = key.split()
    for base, period in ((words[:-1], words[-1:]), (words[1:], words[:1])):
        name = " ".join(base)
        if period and name in _OBJECTIVE_LIST_KEYS and _PERIOD_KEY.match(period[0]):
            return name, period[0]
    return None, None


def _text_of(cleaned: Cleaned, raw: str) -> str:
    """A statement's text without its decorations; a value that is only a label ("Key result",
    "Objective 1": an OKR tool's default text) stays as written, for the placeholder rule."""
    return cleaned.text or " ".join(raw.split())


def _norm_key(key: str) -> str:
    # camelCase -> camel case; snake/kebab -> spaces; lower.
    k = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key)
    k = k.replace("_", " ").replace("-", " ")
    return re.sub(r"\s+", " ", k).strip().lower()


# The key-result list keys as _norm_key writes a key: the mapping keys are compared so.
_KR_KEYS_NORM = frozenset(_norm_key(k) for k in _KR_KEYS)
_STRONG_KR_KEYS_NORM = frozenset(_norm_key(k) for k in _STRONG_KR_KEYS)
# A mapping key at the start of a line ("  - key_results:", '"okrs":'), for a file that could
# not be composed: only its text can say whether it meant to hold OKRs.
_LINE_KEY = re.compile(
    r"^([ \t]*(?:-[ \t]+)*)([^\s\"':#{}\[\],][^\"':#{}\[\]\n]{0,40}?)[ \t]*:", re.M
)
_QUOTED_KEY = re.compile(r"()[\"']([^\"'\n]{1,40})[\"']\s*:")


def names_okr_keys(source: str) -> bool:
    """Whether YAML text names a key only OKR files use (``okrs:``, ``key_results:``), or
    starts with an objective list (``objectives:`` at the top; deeper, SLO and build
    configurations use it too). Decides whether a file okrlint could not read (invalid YAML,
    a Python tag) is reported when it was not named: a Helm template or a model's saved
    parameters are not OKRs."""
    for key, top in _keys_named(source):
        if key in _OKR_LIST_KEYS or key in _STRONG_KR_KEYS_NORM:
            return True
        list_key = _objective_list_key(key)[0]
        if list_key in _OKR_LIST_KEYS or (list_key and top):
            return True
    return False


def _keys_named(source: str) -> Iterator[tuple[str, bool]]:
    """Each key a YAML text names (normalised), and whether it starts its line at column 1."""
    for m in chain(_LINE_KEY.finditer(source), _QUOTED_KEY.finditer(source)):
        yield _norm_key(m.group(2)), m.start() == m.start(2)


_OKR_FILE_NAME = re.compile(r"okr|key[\W_]*results?", re.IGNORECASE)


def names_kr_keys(source: str) -> bool:
    """Whether YAML text names a key-result list (``key_results:``, ``krs:``) or an OKR list
    (``okrs:``) anywhere, even an empty one: a set being drafted."""
    return any(key in _OKR_LIST_KEYS or key in _KR_KEYS_NORM for key, _ in _keys_named(source))


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _start(node: yaml.Node) -> Span:
    """Where a node starts, as a point: a set's place."""
    span = _span(node)
    return Span.point(span.line, span.column)


def _scalar_span(node: yaml.Node, lines: list[str]) -> Span:
    """Where a scalar's text is: a block scalar ("target_measure: >" with the text on the lines
    under it) starts on the line after its indicator, at the text's indentation."""
    span = _span(node)
    if getattr(node, "style", None) not in (">", "|") or span.end_line <= span.line:
        return span
    if span.line >= len(lines):
        return span
    text = lines[span.line]  # the line after the indicator's (spans count from 1)
    column = len(text) - len(text.lstrip(" ")) + 1
    return Span(span.line + 1, column, span.end_line, span.end_column)


class _YamlReader:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.doc = OkrDocument(path=path, format="yaml", source=source)
        self.lines = source.split("\n")
        self.budget = _Budget()
        self.evidence = False
        self.statements = 0
        self.shape_error = False
        self.refused = False
        self.okr_keys = False
        # "okr: 'OKR = the quarter's bet'" inside a glossary: a problem only if nothing is read.
        self.scalar_list: _ShapeError | None = None

    def read(self) -> OkrDocument:
        doc = self._read()
        marks = MarkMap(self.source)
        if marks.exotic:
            _remap(doc, marks)
        return doc

    def _read(self) -> OkrDocument:
        try:
            self._comments()
            check_yaml_limits(self.source)
            nodes = list(yaml.compose_all(self.source, Loader=SafeLoader))
            for node in nodes:
                if node is not None:
                    check_expansion(node)
        except YamlLimitError as exc:
            self.doc.problems.append(Problem(f"YAML refused: {exc}", exc.span))
            return self.doc
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            col = mark.column + 1 if mark else 1
            problem = exc.problem or exc.context or "invalid YAML"
            if "could not determine a constructor" in str(exc):
                problem = "unsafe or unknown tag refused"
            self.doc.problems.append(
                Problem(f"invalid YAML: {problem}", Span(line, col, line, col))
            )
            self.doc.speculative = not names_okr_keys(self.source)
            return self.doc
        except yaml.YAMLError as exc:
            self.doc.problems.append(Problem(f"invalid YAML: {exc}", Span.point(1)))
            self.doc.speculative = not names_okr_keys(self.source)
            return self.doc
        try:
            for node in nodes:
                if node is None:
                    continue
                self._unsafe_tags(node)
                self._document(node)
        except YamlLimitError as exc:
            self.doc.problems.append(Problem(f"YAML refused: {exc}", exc.span))
            self.doc.sets.clear()
        except _ShapeError as exc:
            self.doc.problems.append(Problem(exc.message, exc.span))
            self.shape_error = exc.structural
            self.refused = not exc.structural
        if (
            self.doc.sets
            and not self._any_key_result()
            and not names_kr_keys(self.source)
            and not _OKR_FILE_NAME.search(PurePath(self.path).name)
        ):
            # Objectives, and not one key result nor a key for them anywhere: a roadmap's
            # objectives, a list of goals with statuses, an SLO's "objective: 99.9". Its
            # findings would all say "no key results". A file named for OKRs is a set still
            # being written, or one whose key results okrlint cannot find: it stays.
            self.doc.sets.clear()
            self.doc.no_okrs_reason = (
                "objectives without key results and no 'key_results:' key (a roadmap or a "
                "list of goals)"
            )
        self.doc.speculative = self._speculative()
        # The same duplicate key can be seen twice (a set that is also an objective).
        self.doc.problems = list(dict.fromkeys(self.doc.problems))
        self.doc.link()
        return self.doc

    def _comments(self) -> None:
        """Comments, for suppressions: all the ``# okrlint-...`` ones, the first
        :data:`MAX_COMMENTS` of the others."""
        if "#" not in self.source:
            return
        others = 0
        for i, line in enumerate(self.source.split("\n"), start=1):
            if "#" not in line:
                continue
            idx = _comment_start(line)
            if idx is None:
                continue
            text = line[idx + 1 :].strip()
            directive = text.lower().startswith("okrlint")
            if not directive:
                others += 1
                if others > MAX_COMMENTS:
                    continue
            elif len(self.doc.comments) - min(others, MAX_COMMENTS) >= MAX_COMMENTS:
                raise YamlLimitError(
                    f"more than {MAX_COMMENTS:,} okrlint comments: skipped", Span.point(i)
                )
            self.doc.comments.append(Comment(text, Span(i, idx + 1, i, len(line) + 1)))

    def _count_statement(self, node: yaml.Node) -> None:
        self.statements += 1
        if self.statements > MAX_YAML_STATEMENTS:
            raise YamlLimitError(
                f"the file has more than {MAX_YAML_STATEMENTS:,} objectives and key results: "
                "too many to lint; skipped (split the file)",
                _span(node),
            )

    def _unsafe_tags(self, node: yaml.Node) -> None:
        """Refuse Python's tags (``!!python/object`` and friends). An application's own tags
        (``!Ref``, ``!include``, ``!secret``) are read as the plain value they tag: okrlint
        composes nodes and never constructs objects, so nothing of theirs can run."""
        stack = [node]
        seen: set[int] = set()
        while stack:
            n = stack.pop()
            if id(n) in seen:
                continue
            seen.add(id(n))
            self.budget.spend()
            tag = n.tag or ""
            if tag.startswith("tag:yaml.org,2002:python/"):
                raise _ShapeError(
                    f"unsafe or unknown YAML tag {tag!r} refused", _span(n), structural=False
                )
            if isinstance(n, yaml.MappingNode):
                for k, v in n.value:
                    stack.extend((k, v))
            elif isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)

    # -------------------------------------------------------------- structure
    def _any_key_result(self) -> bool:
        return any(o.key_results for o in self.doc.objectives()) or any(
            s.shared_key_results for s in self.doc.sets
        )

    def _speculative(self) -> bool:
        """Whether the shape falls short of saying "OKRs": no objective has a key result and
        the objectives were not under an OKR key (``goals: [clean, install]`` in a Maven
        config), or a shape error with no key result read (an SLO's ``objectives:``)."""
        if self._any_key_result():
            return False
        if self.refused:
            # An unsafe tag is reported in a file that names OKR keys, or when asked for by
            # name; a model's saved hyperparameters (``!!python/tuple``) are not OKRs.
            return not names_okr_keys(self.source)
        return self.shape_error or not self.okr_keys

    def _document(self, node: yaml.Node) -> None:
        found = self._find_sets(node, {}, [], depth=0)
        if not found and _OKR_FILE_NAME.search(PurePath(self.path).name):
            found = self._statement_keys(node)
        if not found and self.scalar_list is not None:
            raise self.scalar_list
        if not found and self.evidence:
            raise _ShapeError(
                "YAML has OKR keys but no objective could be read "
                "(expected 'objectives:' with a list of objectives)",
                _span(node),
            )
        if not found and isinstance(node, yaml.ScalarNode) and node.value.strip():
            # A plain string is not an OKR document; only an error when it looks like one.
            return

    def _find_sets(
        self, node: yaml.Node, inherited: dict[str, Any], context: list[str], depth: int
    ) -> bool:
        self.budget.spend()
        if depth > 50:
            raise _ShapeError("YAML nested too deeply", _span(node), structural=False)
        if isinstance(node, yaml.SequenceNode):
            # A list of sets, or a list of objectives at the top level.
            items = node.value
            if items and all(self._is_objective_node(i) for i in items) and depth == 0:
                self._make_set(node, None, dict(inherited), context, items)
                return True
            if self._typed_records(node, dict(inherited), context):
                return True
            found = False
            for item in items:
                found |= self._find_sets(item, inherited, context, depth + 1)
            return found
        if not isinstance(node, yaml.MappingNode):
            return False
        pairs = self._pairs(node)
        meta = dict(inherited)
        meta_local = self._metadata(pairs)
        meta.update(meta_local)
        for name_key in ("name", "title", "team"):
            if name_key in pairs and isinstance(pairs[name_key][1], yaml.ScalarNode):
                name = str(pairs[name_key][1].value)
                if name and (not context or context[-1] != name):
                    context = [*context, name]
                break
        handled: str | None = None
        found = False
        for key, (_, value) in pairs.items():
            list_key, period = _objective_list_key(key)
            if list_key is not None and isinstance(value, yaml.ScalarNode) and value.value:
                # Text under an OKR key ("okr: 'OKR = ...'" in a glossary) is not a list of
                # objectives: an error only when nothing else in the file is read.
                self.scalar_list = self.scalar_list or _ShapeError(
                    f"'{key}' must be a list of objectives, not {_kind(value)}", _span(value)
                )
                continue
            if list_key is not None:
                self.evidence = True
                self.okr_keys |= list_key in _OKR_LIST_KEYS
                handled = key
                if period:
                    meta.setdefault("cycle", period)
                if isinstance(value, yaml.SequenceNode):
                    self._make_set(node, pairs, meta, context, value.value)
                    found = True
                elif isinstance(value, yaml.MappingNode) and self._is_objective_node(value):
                    self._make_set(node, pairs, meta, context, [value])
                    found = True
                elif isinstance(value, yaml.MappingNode):
                    # okr: {Q4: {objective: ...}} -- keys are periods or names.
                    found = self._find_sets(value, meta, context, depth + 1)
                else:
                    raise _ShapeError(
                        f"'{key}' must be a list of objectives, not {_kind(value)}", _span(value)
                    )
                break
        if handled is not None:
            # Other keys may hold more sets: projects, members, each with its own OKRs.
            for key, (_, value) in pairs.items():
                if key != handled and isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                    if key in _KR_KEYS:
                        continue
                    found |= self._find_sets(value, meta, list(context), depth + 1)
            return found
        if self._is_objective_node(node) and (depth > 0 or _one_objective(pairs)):
            self._make_set(node, None, meta, context, [node])
            return True
        found = False
        for key, (keynode, value) in pairs.items():
            if key in _KR_KEYS:
                self.evidence = True
            sub_meta = dict(meta)
            if _PERIOD_KEY.match(str(keynode.value)):
                sub_meta.setdefault("cycle", str(keynode.value))
            sub_context = list(context)
            if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                found |= self._find_sets(value, sub_meta, sub_context, depth + 1)
        return found

    def _pairs(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        raw: set[str] = set()
        for k, v in node.value:
            self.budget.spend()
            if not isinstance(k, yaml.ScalarNode):
                continue
            if k.value in raw:
                # Only the same key written twice is a duplicate: "path" and "PATH" differ.
                self.doc.problems.append(
                    Problem(f"duplicate YAML key {k.value!r} (the first one wins)", _span(k))
                )
                continue
            raw.add(k.value)
            out.setdefault(_norm_key(str(k.value)), (k, v))
        return out

    def _is_objective_node(self, node: yaml.Node) -> bool:
        if not isinstance(node, yaml.MappingNode):
            return False
        typed = self._typed(node)
        if typed is not None:
            return typed == "objective"
        values = {
            _norm_key(str(k.value)): v for k, v in node.value if isinstance(k, yaml.ScalarNode)
        }
        kr_keys = values.keys() & _KR_KEYS_NORM
        if any(isinstance(values[k], yaml.SequenceNode) for k in kr_keys):
            return True
        if kr_keys and values.keys() & _OBJECTIVE_TEXT_KEY_SET:
            return True  # "objective: ..." with one key result written as text
        # A glossary ("kr: 'KR = the number that proves it'") names key results, holds none.
        return "objective" in values

    def _metadata(self, pairs: dict[str, tuple[yaml.Node, yaml.Node]]) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        for key, (_, value) in pairs.items():
            if not isinstance(value, yaml.ScalarNode):
                continue
            norm = parse_metadata_line(f"{key}: x")
            if norm is not None:
                meta[norm[0]] = value.value
                meta.setdefault("_spans", {})[norm[0]] = _span(value)
        return meta

    def _make_set(
        self,
        node: yaml.Node,
        pairs: dict[str, tuple[yaml.Node, yaml.Node]] | None,
        meta: dict[str, Any],
        context: list[str],
        items: list[yaml.Node],
    ) -> None:
        spans = meta.pop("_spans", {})
        title = None
        if pairs:
            for key in ("title", "name", "team", "set"):
                if key in pairs and isinstance(pairs[key][1], yaml.ScalarNode):
                    title = str(pairs[key][1].value)
                    break
        if title is None and context:
            named = [
                c
                for c in context
                if not _PERIOD_KEY.match(c) and _norm_key(c) not in _OBJECTIVE_LIST_KEYS
            ]
            title = named[-1] if named else context[-1]
        okr_set = OkrSet(
            title=title,
            span=_start(node),
            metadata={k: v for k, v in meta.items() if not k.startswith("_")},
            metadata_spans=dict(spans),
            context=list(context),
        )
        for key, (_, value) in (pairs or {}).items():
            # Free text beside the objectives ("notes:", "policy:") is prose for OKR108.
            if (
                isinstance(value, yaml.ScalarNode)
                and isinstance(value.value, str)
                and len(value.value.split()) >= 4
                and key not in ("title", "name")
            ):
                self.doc.prose.append(Prose(" ".join(value.value.split()), _span(value)))
        for item in items:
            obj = self._objective(item)
            if obj is not None:
                okr_set.objectives += _with_descendants(obj)
        self.doc.sets.append(okr_set)

    def _statement_keys(self, node: yaml.Node) -> bool:
        """In a file named for OKRs, a mapping whose keys are objectives written out and whose
        values are lists of their key results ("Read more, scroll less": ["20 books finished",
        ...]), two at least."""
        if not isinstance(node, yaml.MappingNode):
            return False
        written = [
            (k, v)
            for k, v in node.value
            if isinstance(k, yaml.ScalarNode)
            and len(str(k.value).split()) >= 3
            and isinstance(v, yaml.SequenceNode)
            and v.value
            and all(isinstance(i, yaml.ScalarNode) for i in v.value)
        ]
        if len(written) < 2 or len(written) * 2 < len(node.value):
            return False
        okr_set = OkrSet(title=None, span=Span.point(_span(node).line))
        for key, value in written:
            obj = self._plain(key, Objective)
            if obj is None:
                continue
            for item in value.value:
                if (kr := self._plain(item, KeyResult)) is not None:
                    obj.add_key_result(kr)
            okr_set.objectives.append(obj)
        self.doc.sets.append(okr_set)
        return bool(okr_set.objectives)

    def _typed_records(
        self, node: yaml.SequenceNode, meta: dict[str, Any], context: list[str]
    ) -> bool:
        """A flat list of records typed as objectives and key results (an OKR tool's export:
        "- id: O-1 / type: objective", "- id: KR-1-1 / type: key_result / parent: O-1"): each
        key result belongs to the objective its parent names, else to the one before it."""
        typed = [(item, self._typed(item)) for item in node.value]
        kinds = {kind for _, kind in typed}
        if not {"objective", "key_result"} <= kinds:
            return False
        okr_set = OkrSet(
            title=context[-1] if context else None,
            span=_start(node),
            metadata={k: v for k, v in meta.items() if not k.startswith("_")},
            context=list(context),
        )
        by_id: dict[str, Objective] = {}
        last: Objective | None = None
        for item, kind in typed:
            if kind == "objective":
                last = self._objective(item)
                if last is not None:
                    okr_set.objectives.append(last)
                    rid = _record_value(item, _RECORD_ID_KEYS)
                    if rid:
                        by_id[rid] = last
            elif kind == "key_result":
                parent = by_id.get(_record_value(item, _RECORD_PARENT_KEYS) or "", last)
                kr = self._key_result(item)
                if kr is not None and parent is not None:
                    parent.add_key_result(kr)
        self.doc.sets.append(okr_set)
        return True

    def _plain(self, node: yaml.Node, cls: type[_S]) -> _S | None:
        """A statement written as text alone; None for an empty or generated entry (null,
        true, 42); anything but text is a shape problem."""
        self.budget.spend()
        self._count_statement(node)
        what = "an objective" if cls is Objective else "a key result"
        if not isinstance(node, yaml.ScalarNode):
            raise _ShapeError(f"{what} must be text or a mapping, not {_kind(node)}", _span(node))
        text = str(node.value).strip()
        if not text or node.tag in _NOT_TEXT:
            return None
        cl = clean(" ".join(text.split()))
        return cls(
            text=_text_of(cl, text),
            span=_scalar_span(node, self.lines),
            raw=text,
            metadata=cl.metadata,
        )

    def _with_fields(
        self,
        cls: type[_S],
        text_node: yaml.ScalarNode,
        pairs: dict[str, tuple[yaml.Node, yaml.Node]],
    ) -> _S:
        """A statement written as a mapping: its text, and the other keys as its metadata."""
        raw = str(text_node.value).strip()
        cl = clean(" ".join(raw.split()))
        meta = dict(cl.metadata)
        local = self._metadata(pairs)
        spans = local.pop("_spans", {})
        meta.update(local)
        return cls(
            text=_text_of(cl, raw),
            span=_scalar_span(text_node, self.lines),
            raw=raw,
            metadata=meta,
            metadata_spans=spans,
        )

    def _typed(self, node: yaml.Node) -> str | None:
        """The role a node's type field gives it ("objective", "key_result"), if any."""
        value = _record_value(node, _TYPE_KEYS)
        return _TYPE_VALUES.get(_norm_key(value)) if value is not None else None

    def _statement_mapping(
        self, node: yaml.MappingNode, text_keys: tuple[str, ...]
    ) -> tuple[dict[str, tuple[yaml.Node, yaml.Node]], yaml.ScalarNode | None]:
        """A statement written as a mapping: its keys, counted against the budget, and the
        value that holds its text."""
        self.budget.spend()
        self._count_statement(node)
        pairs = self._pairs(node)
        return pairs, _text_node(pairs, text_keys)

    def _objective(self, node: yaml.Node) -> Objective | None:
        if not isinstance(node, yaml.MappingNode):
            return self._plain(node, Objective)
        pairs, text_node = self._statement_mapping(node, _OBJECTIVE_TEXT_KEYS)
        if text_node is None or not any(ch.isalpha() for ch in str(text_node.value)):
            # No text, or a number ("objective: 99.9" is an SLO target, not an objective).
            raise _ShapeError("an objective needs its text ('objective:' or 'title:')", _span(node))
        obj = self._with_fields(Objective, text_node, pairs)
        for key, (_, value) in pairs.items():
            if key in _KR_KEYS or key.replace(" ", "") == "keyresults":
                if isinstance(value, yaml.SequenceNode):
                    for kr_node in value.value:
                        kr = self._key_result(kr_node)
                        if kr is not None:
                            obj.add_key_result(kr)
                elif isinstance(value, yaml.ScalarNode) and value.value:
                    kr = self._key_result(value)
                    if kr is not None:
                        obj.add_key_result(kr)
                elif not (isinstance(value, yaml.ScalarNode) and not value.value):
                    raise _ShapeError(
                        f"'{key}' must be a list of key results, not {_kind(value)}", _span(value)
                    )
            elif isinstance(value, yaml.SequenceNode):
                for child in value.value:
                    if self._typed(child) == "key_result":
                        # A typed tree: the children typed as key results are this objective's.
                        if kr := self._key_result(child):
                            obj.add_key_result(kr)
                    elif self._is_objective_node(child) and (sub := self._objective(child)):
                        # "children: [{title: ..., keyResults: [...]}]": a cascade.
                        sub.parent = obj
                        obj.children.append(sub)
        if not obj.key_results and not obj.children:
            self._measure_as_key_result(obj, pairs)
        return obj

    def _measure_as_key_result(
        self, obj: Objective, pairs: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> None:
        """A goal with no key results whose measure of success is a sentence ("metric: Signed
        term sheet by 2026-03-15", not "metric: ARR"): that sentence is its one key result."""
        for key, (_, value) in pairs.items():
            if key not in _OBJECTIVE_MEASURE_KEYS or not isinstance(value, yaml.ScalarNode):
                continue
            text = str(value.value or "")
            if len(text.split()) >= 3 and (kr := self._key_result(value)) is not None:
                obj.add_key_result(kr)
                return

    def _key_result(self, node: yaml.Node) -> KeyResult | None:
        if not isinstance(node, yaml.MappingNode):
            return self._plain(node, KeyResult)
        pairs, text_node = self._statement_mapping(node, _KR_TEXT_KEYS)
        if text_node is not None and not str(text_node.value).strip():
            return None  # "Metric: ''": a key result not written yet, as an empty list item
        if text_node is None:
            text_node = _one_sentence(pairs)
        if text_node is None:
            raise _ShapeError("a key result needs its text ('text:')", _span(node))
        kr = self._with_fields(KeyResult, text_node, pairs)
        start = str(kr.metadata.get("start", ""))
        if start and "baseline" not in kr.metadata and _START_VALUE.match(start):
            # "start: 35" beside "target: 10": the value the key result starts from, not a date.
            kr.metadata["baseline"] = start
            if "start" in kr.metadata_spans:
                kr.metadata_spans["baseline"] = kr.metadata_spans["start"]
        if any(v is text_node for k, (_, v) in pairs.items() if k in _MEASURE_KEYS):
            # "metric: NetDollarRetention" beside "target: 1.10": the text names the measure.
            kr.metadata.setdefault("measure", kr.text)
        if "done" in pairs and isinstance(pairs["done"][1], yaml.ScalarNode):
            kr.metadata["done"] = str(pairs["done"][1].value).lower()
        for key, (_, value) in pairs.items():
            if key in _INITIATIVE_KEYS and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    self.budget.spend()
                    if isinstance(item, yaml.ScalarNode) and str(item.value).strip():
                        kr.initiatives.append(
                            Initiative(str(item.value).strip(), _span(item), str(item.value))
                        )
                    elif isinstance(item, yaml.MappingNode):
                        ip = self._pairs(item)
                        for tk in ("text", "title", "name", "task", "initiative"):
                            if tk in ip and isinstance(ip[tk][1], yaml.ScalarNode):
                                kr.initiatives.append(
                                    Initiative(
                                        str(ip[tk][1].value), _span(ip[tk][1]), str(ip[tk][1].value)
                                    )
                                )
                                break
        return kr


_RECORD_ID_KEYS = frozenset({"id", "key", "ref"})
_RECORD_PARENT_KEYS = frozenset(
    {"parent", "parent id", "objective", "objective id", "parent objective"}
)


def _record_value(node: yaml.Node, keys: frozenset[str]) -> str | None:
    """The scalar value of the first of ``keys`` in a record."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if (
            isinstance(k, yaml.ScalarNode)
            and isinstance(v, yaml.ScalarNode)
            and _norm_key(str(k.value)) in keys
        ):
            return str(v.value).strip()
    return None


def _remap(doc: OkrDocument, marks: MarkMap) -> None:
    """Move every position taken from PyYAML's marks to okrlint's lines (see MarkMap)."""

    def spans(mapping: dict[str, Span]) -> dict[str, Span]:
        return {k: marks.span(v) for k, v in mapping.items()}

    for okr_set in doc.sets:
        okr_set.span = marks.span(okr_set.span)
        okr_set.metadata_spans = spans(okr_set.metadata_spans)
        nodes: list[Objective | KeyResult] = [*okr_set.objectives, *okr_set.key_results()]
        for node in nodes:
            node.span = marks.span(node.span)
            node.metadata_spans = spans(node.metadata_spans)
            if isinstance(node, KeyResult):
                for initiative in node.initiatives:
                    initiative.span = marks.span(initiative.span)
    doc.prose = [Prose(p.text, marks.span(p.span)) for p in doc.prose]
    doc.problems = [Problem(p.message, marks.span(p.span)) for p in doc.problems]


# A level, not a date: "35", "55 min", "$1.2M", "4.2%" (not "2026-01-05", "Jan 5").
_START_VALUE = re.compile(
    r"^(?!\s*(?:19|20)\d\d\s*$)\s*[<>~≈]?\s*[$€£]?\d[\d.,]*\s*(?:%|[a-zA-Z]{1,8})?\s*$"
)


class _ShapeError(Exception):
    """The YAML cannot be read as OKRs. ``structural``: it is not shaped as okrlint expects
    (another tool's ``objectives:``); otherwise it is refused (an unsafe tag, too deep)."""

    def __init__(self, message: str, span: Span, structural: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.structural = structural


def _with_descendants(obj: Objective) -> list[Objective]:
    """An objective and the objectives cascaded under it, in document order."""
    out = [obj]
    for child in obj.children:
        out += _with_descendants(child)
    return out


# "O1-KR1", "KR2", "1.3", "o2_kr1": a statement's identifier, not its text.
_IDENTIFIER = re.compile(r"[A-Za-z]{0,3}\d+(?:[-_.:][A-Za-z]{0,3}\d+)*")


def _one_objective(pairs: dict[str, tuple[yaml.Node, yaml.Node]]) -> bool:
    """A file that is one objective ("objective: ..." and "key_results: [...]" at the top, as in
    a page's front matter; not "results:", which other records use)."""
    text = pairs.get("objective", (None, None))[1]
    return isinstance(text, yaml.ScalarNode) and any(
        isinstance(v, yaml.SequenceNode) for k, (_, v) in pairs.items() if k in _STRONG_KR_KEYS
    )


def is_one_objective(data: object) -> bool:
    """The same test on loaded data (a page's front matter): a text under "objective" and a
    list under a key-result key."""
    if not isinstance(data, dict) or not isinstance(data.get("objective"), str):
        return False
    return any(
        _norm_key(str(k)) in _STRONG_KR_KEYS and isinstance(v, list) for k, v in data.items()
    )


# Fields that hold a note about a statement, never its text: the attribute labels of
# labels.yaml but those that can state it (a description, a measure, an outcome).
_NOTE_KEYS = frozenset(
    _norm_key(str(word))
    for field, words in (load_lexicon("labels").get("attributes") or {}).items()
    if field not in ("description", "measure", "outcome")
    for word in words
)


def _one_sentence(pairs: dict[str, tuple[yaml.Node, yaml.Node]]) -> yaml.ScalarNode | None:
    """A key result written under a key okrlint does not know ("target_measure: >"): its text is
    its one value written as a sentence (four words or more) outside the note fields; with none,
    or several, the key result cannot be read."""
    found = [
        value
        for key, (_, value) in pairs.items()
        if key not in _NOTE_KEYS
        and isinstance(value, yaml.ScalarNode)
        and len(str(value.value).split()) >= 4
        and any(ch.isalpha() for ch in str(value.value))
    ]
    return found[0] if len(found) == 1 else None


def _text_node(
    pairs: dict[str, tuple[yaml.Node, yaml.Node]], keys: tuple[str, ...]
) -> yaml.ScalarNode | None:
    """The value of the first of ``keys`` that holds text ("objective:", "title:", ...); a value
    that is only an identifier ("kr: O1-KR1" beside "metric: ARR") gives way to a later key."""
    found: yaml.ScalarNode | None = None
    for key in keys:
        value = pairs[key][1] if key in pairs else None
        if isinstance(value, yaml.ScalarNode):
            if not _IDENTIFIER.fullmatch(str(value.value).strip()):
                return value
            found = found or value
    return found


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return "a scalar"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a mapping"


def _comment_start(line: str) -> int | None:
    """Index of a ``#`` that starts a YAML comment (outside quotes), or None."""
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def read_yaml(path: str, source: str) -> OkrDocument:
    """Read a YAML file into the OKR model."""
    return _YamlReader(path, source).read()
