"""Compare the operations of two schemas: endpoints, parameters, bodies, responses, security.

Operations are paired by ``METHOD /path``.  Types of parameters, bodies and
headers are compared like fields (``types.compare_types``) and judged for the
direction they travel in, so a non-object body (a bare string with a
``maxLength``, an array) changes visibly too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.diff.changes import Change, Impact, Scope
from generator.diff.rules import RULE_INDEX, judge
from generator.diff.types import compare_types
from generator.ir import (
    Header,
    MediaType,
    Operation,
    Parameter,
    Response,
    Schema,
    SecurityRequirement,
    TypeName,
)
from generator.ir.location import Location

_SUCCESS = re.compile(r"2(\d\d|XX)", re.IGNORECASE)


class _Recorder:
    """Collects the changes of one operation, each with its rule, level and place."""

    def __init__(self, key: str, location: Location, template: Scope) -> None:
        self.key = key
        self.location = location
        self.template = template
        self.changes: list[Change] = []

    def add(
        self,
        rule: str,
        subject: str,
        message: str,
        old: object = None,
        new: object = None,
        location: Location | None = None,
    ) -> None:
        found = RULE_INDEX[rule]
        self.changes.append(
            Change(
                TypeName("", self.key),
                subject,
                rule,
                found.level,
                message,
                old,  # type: ignore[arg-type]
                new,  # type: ignore[arg-type]
                rule=rule,
                direction=_RULE_DIRECTIONS.get(rule.split("-", 1)[0], "endpoint"),
                location=location or self.location,
                endpoint=self.key,
            )
        )

    def types(
        self,
        old: MediaType | Parameter | Header,
        new: MediaType | Parameter | Header,
        subject: str,
        direction: str,
    ) -> None:
        """Changes between the types of two matching parts, judged for ``direction``."""
        if old.type is None or new.type is None:
            return
        scope = Scope(
            TypeName("", self.key),
            subject,
            moved=self.template.moved,
            shapes=self.template.shapes,
            location=self.location,
        )
        was, now = getattr(old, "nullable", False), getattr(new, "nullable", False)
        if was != now:
            scope.add(
                "nullable-changed",
                Impact.NON_BREAKING if now else Impact.BREAKING,
                "may now be null" if now else "may no longer be null",
                was,
                now,
            )
        compare_types(old.type, new.type, scope)
        for change in scope.changes:
            rule = judge(change, frozenset((direction,)))
            self.changes.append(
                replace(
                    change,
                    impact=rule.level,
                    rule=rule.id,
                    direction=direction,
                    endpoint=self.key,
                )
            )


_RULE_DIRECTIONS = {"request": "request", "response": "response"}


def diff_operations(old: Schema, new: Schema, template: Scope) -> list[Change]:
    """Operation-level changes; none when either side carries no operations (docs)."""
    if old.operations is None or new.operations is None:
        return []
    before = {operation.key: operation for operation in old.operations}
    after = {operation.key: operation for operation in new.operations}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        location = (now or was).location  # type: ignore[union-attr]
        recorder = _Recorder(key, location, template)
        if was is None:
            recorder.add("endpoint-added", "", "endpoint added")
        elif now is None:
            recorder.add("endpoint-removed", "", "endpoint removed")
        else:
            _compare_operation(was, now, recorder)
        changes += recorder.changes
    return changes


def _compare_operation(old: Operation, new: Operation, rec: _Recorder) -> None:
    if old.deprecated != new.deprecated:
        message = "deprecated" if new.deprecated else "no longer deprecated"
        rec.add("endpoint-deprecation-changed", "", message, old.deprecated, new.deprecated)
    if old.operation_id != new.operation_id and None not in (old.operation_id, new.operation_id):
        rec.add(
            "endpoint-operation-id-changed",
            "",
            f"operationId {old.operation_id} -> {new.operation_id}",
            old.operation_id,
            new.operation_id,
        )
    if old.tags != new.tags:
        rec.add("endpoint-tags-changed", "", "tags changed", list(old.tags), list(new.tags))
    if (old.summary, old.description) != (new.summary, new.description):
        rec.add("endpoint-description-changed", "", "summary or description changed")
    _compare_parameters(old, new, rec)
    _compare_body(old, new, rec)
    _compare_responses(old, new, rec)
    _compare_security(old.security, new.security, rec)


def _param_subject(param: Parameter) -> str:
    return f"parameter `{param.name}` ({param.where})"


def _compare_parameters(old: Operation, new: Operation, rec: _Recorder) -> None:
    before = {(p.where, p.name): p for p in old.parameters}
    after = {(p.where, p.name): p for p in new.parameters}
    removed = [p for key, p in before.items() if key not in after]
    added = [p for key, p in after.items() if key not in before]
    for param in list(removed):
        moved = next((p for p in added if p.name == param.name), None)
        renamed = [
            p
            for p in added
            if p.where == param.where and p.type == param.type and p.required == param.required
        ]
        if moved is not None:
            rec.add(
                "request-parameter-location-changed",
                _param_subject(moved),
                f"moved from {param.where} to {moved.where}",
                param.where,
                moved.where,
                moved.location,
            )
        elif len(renamed) == 1 and len([p for p in removed if p.where == param.where]) == 1:
            moved = renamed[0]
            rec.add(
                "request-parameter-renamed",
                _param_subject(moved),
                f"renamed from `{param.name}`",
                param.name,
                moved.name,
                moved.location,
            )
        else:
            rec.add("request-parameter-removed", _param_subject(param), "removed", param.name)
            continue
        removed.remove(param)
        added.remove(moved)
        before.pop((param.where, param.name))
        after.pop((moved.where, moved.name))
        _compare_parameter(param, moved, rec)
    for param in added:
        what = "required" if param.required else "optional"
        rec.add(
            f"request-parameter-added-{what}",
            _param_subject(param),
            f"added ({what})",
            None,
            param.name,
            param.location,
        )
    for key, param in after.items():
        if key in before:
            _compare_parameter(before[key], param, rec)


def _compare_parameter(old: Parameter, new: Parameter, rec: _Recorder) -> None:
    subject = _param_subject(new)
    if old.required != new.required:
        rule = "request-parameter-became-" + ("required" if new.required else "optional")
        message = "became required" if new.required else "became optional"
        rec.add(rule, subject, message, old.required, new.required, new.location)
    if (old.style, old.explode) != (new.style, new.explode):
        rec.add(
            "request-parameter-style-changed",
            subject,
            f"style {old.style}{' (explode)' if old.explode else ''} -> "
            f"{new.style}{' (explode)' if new.explode else ''}",
            old.style,
            new.style,
            new.location,
        )
    rec.types(old, new, subject, "request")


def _media(content: tuple[MediaType, ...]) -> dict[str, MediaType]:
    return {media.media_type.split(";")[0].strip().lower(): media for media in content}


def _compare_content(
    old: tuple[MediaType, ...],
    new: tuple[MediaType, ...],
    rec: _Recorder,
    direction: str,
    owner: str,
    location: Location,
) -> None:
    before, after = _media(old), _media(new)
    for media_type in before.keys() - after.keys():
        rec.add(
            f"{direction}-media-type-removed",
            owner,
            f"media type {media_type} removed",
            media_type,
            None,
            location,
        )
    for media_type in after.keys() - before.keys():
        rec.add(
            f"{direction}-media-type-added",
            owner,
            f"media type {media_type} added",
            None,
            media_type,
            location,
        )
    for media_type in sorted(before.keys() & after.keys()):
        subject = f"{owner} {media_type}".strip()
        rec.types(before[media_type], after[media_type], subject, direction)


def _compare_body(old: Operation, new: Operation, rec: _Recorder) -> None:
    was, now = old.request_body, new.request_body
    if was is None and now is None:
        return
    if was is None:
        assert now is not None
        what = "required" if now.required else "optional"
        rec.add(
            f"request-body-added-{what}", "request body", f"added ({what})", location=now.location
        )
        return
    if now is None:
        rec.add("request-body-removed", "request body", "removed")
        return
    if was.required != now.required:
        what = "required" if now.required else "optional"
        rec.add(
            f"request-body-became-{what}",
            "request body",
            f"became {what}",
            was.required,
            now.required,
            now.location,
        )
    _compare_content(was.content, now.content, rec, "request", "request body", now.location)


def _compare_responses(old: Operation, new: Operation, rec: _Recorder) -> None:
    before = {r.status.upper(): r for r in old.responses}
    after = {r.status.upper(): r for r in new.responses}
    for status in sorted(before.keys() - after.keys()):
        success = _SUCCESS.fullmatch(status) is not None
        rule = "response-success-status-removed" if success else "response-status-removed"
        rec.add(rule, f"response {status}", "removed", status)
    for status in sorted(after.keys() - before.keys()):
        rec.add(
            "response-status-added",
            f"response {status}",
            "added",
            None,
            status,
            after[status].location,
        )
    for status in sorted(before.keys() & after.keys()):
        _compare_response(before[status], after[status], rec)


def _compare_response(old: Response, new: Response, rec: _Recorder) -> None:
    owner = f"response {new.status}"
    _compare_content(old.content, new.content, rec, "response", owner, new.location)
    before = {h.name.lower(): h for h in old.headers}
    after = {h.name.lower(): h for h in new.headers}
    for name in sorted(before.keys() - after.keys()):
        header = before[name]
        rule = "response-required-header-removed" if header.required else "response-header-removed"
        rec.add(rule, f"{owner} header `{header.name}`", "removed", header.name, None, new.location)
    for name in sorted(after.keys() - before.keys()):
        header = after[name]
        rec.add(
            "response-header-added",
            f"{owner} header `{header.name}`",
            "added",
            None,
            header.name,
            new.location,
        )
    for name in sorted(before.keys() & after.keys()):
        was, now = before[name], after[name]
        subject = f"{owner} header `{now.name}`"
        if was.required != now.required:
            what = "required" if now.required else "optional"
            rec.add(
                f"response-header-became-{what}",
                subject,
                f"became {what}",
                was.required,
                now.required,
                new.location,
            )
        rec.types(was, now, subject, "response")


def _alternatives(
    requirements: tuple[SecurityRequirement, ...],
) -> dict[frozenset[str], dict[str, set[str]]]:
    return {
        frozenset(s.name for s in req.schemes): {s.name: set(s.scopes) for s in req.schemes}
        for req in requirements
    }


def _compare_security(
    old: tuple[SecurityRequirement, ...] | None,
    new: tuple[SecurityRequirement, ...] | None,
    rec: _Recorder,
) -> None:
    if old is None or new is None:
        return
    before, after = _alternatives(old), _alternatives(new)
    open_before = not before or frozenset() in before
    open_after = not after or frozenset() in after
    if open_before and not open_after:
        rec.add("security-added", "security", "credentials are now required")
    for names in sorted(after.keys() - before.keys(), key=sorted):
        if names and not (open_before and not open_after):
            listed = ", ".join(sorted(names))
            rec.add("security-alternative-added", "security", f"[{listed}] added", None, listed)
    for names in sorted(before.keys() - after.keys(), key=sorted):
        if names and not open_after:
            listed = ", ".join(sorted(names))
            rec.add("security-alternative-removed", "security", f"[{listed}] removed", listed)
    for names in sorted(before.keys() & after.keys(), key=sorted):
        for scheme, scopes in sorted(after[names].items()):
            was = before[names].get(scheme, set())
            subject = f"security {scheme}"
            if scopes - was:
                gained = ", ".join(sorted(scopes - was))
                rec.add(
                    "security-scope-added",
                    subject,
                    f"scopes added: {gained}",
                    sorted(was),
                    sorted(scopes),
                )
            if was - scopes:
                lost = ", ".join(sorted(was - scopes))
                rec.add(
                    "security-scope-removed",
                    subject,
                    f"scopes removed: {lost}",
                    sorted(was),
                    sorted(scopes),
                )


__all__ = ["diff_operations"]
