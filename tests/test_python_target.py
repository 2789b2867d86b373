"""The python target on a spec using every IR feature: behaviour, round trips and quality gates."""

from __future__ import annotations

import base64
import datetime
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import black
import pytest

from generator.cli import main
from generator.ir import Constraints, Location, ObjectModel, Schema, TypeName
from generator.render.filters.python_code import model_options

SPEC = Path(__file__).parent / "fixtures" / "python" / "everything.yaml"

FULL: dict[str, Any] = {
    "id": "read-only, kept as an extra property",
    "customer": {"name": "Ada", "email": "ada@example.com"},
    "items": [
        {"sku": "a", "quantity": 1, "colour": "red"},
        {"sku": "b", "quantity": 2.0},
    ],
    "notes": None,
    "placedOn": "2024-02-29",
    "placedAt": "2024-02-29T10:11:12.5+01:00",
    "signature": base64.b64encode(b"\x00\xffsig").decode(),
    "attachment": "raw \ud800 text",
    "tags": {"x": 1, "y": 2},
    "scores": [1.5, 2],
    "status": "open",
    "channel": "fax",
    "kind": "order",
    "payment": {"method": "transfer", "iban": "DE00"},
    "legacyCode": "L1",
    "class": "c",
    "type": "t",
    "list": 3,
    "parent": {"customer": {"name": "Bob"}, "items": [{"sku": "p", "quantity": 1}]},
    "somethingNew": {"kept": [1, None]},
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("everything")
    assert main(["generate", "--spec", str(SPEC), "--target", "python", "--out", str(folder)]) == 0
    return folder / "python"


@pytest.fixture(scope="module")
def models(out: Path) -> Iterator[ModuleType]:
    _forget_models()  # another test may have imported a package of the same name
    sys.path.insert(0, str(out))
    sys.dont_write_bytecode, before = True, sys.dont_write_bytecode
    try:
        yield importlib.import_module("models.components")
    finally:
        sys.dont_write_bytecode = before
        sys.path.remove(str(out))
        _forget_models()


def _forget_models() -> None:
    for name in [name for name in sys.modules if name == "models" or name.startswith("models.")]:
        del sys.modules[name]


def messages(model: Any, payload: Any) -> list[tuple[str, str]]:
    return [(issue.path, issue.message) for issue in model.validate(payload)]


def test_every_feature_round_trips(models: ModuleType) -> None:
    assert models.Order.validate(FULL) == []
    order = models.Order.from_dict(FULL)
    assert order.to_dict() == FULL
    extras = ["id", "somethingNew"]
    assert list(order.to_dict()) == [key for key in FULL if key not in extras] + extras


def test_values_take_python_types(models: ModuleType) -> None:
    order = models.Order.from_dict(FULL)
    assert order.placed_on == datetime.date(2024, 2, 29)
    assert order.placed_at == datetime.datetime(
        2024, 2, 29, 10, 11, 12, 500000, datetime.timezone(datetime.timedelta(hours=1))
    )
    assert order.signature == b"\x00\xffsig"
    assert isinstance(order.attachment, bytes)
    assert order.status is models.Status.OPEN
    assert order.channel == "fax" and not isinstance(order.channel, models.Channel)
    assert isinstance(order.payment, models.Transfer)
    assert isinstance(order.parent, models.Order) and order.parent.customer.name == "Bob"
    assert order.items[0].additional_properties == {"colour": "red"}
    assert order.additional_properties == {
        "id": FULL["id"],
        "somethingNew": {"kept": [1, None]},
    }
    assert order.class_ == "c" and order.type_ == "t" and order.list_ == 3
    assert not hasattr(order, "id")  # read-only: not part of the request class


def test_three_states_and_defaults(models: ModuleType) -> None:
    base = {"customer": {"name": "A"}, "items": [{"sku": "a", "quantity": 1}]}
    runtime = sys.modules["models"]
    absent = models.Order.from_dict(base)
    assert absent.notes is runtime.UNSET and "notes" not in absent.to_dict()
    assert models.Order.from_dict({**base, "notes": None}).notes is None
    assert models.Order.from_dict({**base, "notes": "n"}).notes == "n"
    filled = absent.with_defaults()
    assert filled.notes is None and filled.to_dict()["notes"] is None
    assert absent.notes is runtime.UNSET  # with_defaults returns a copy


def test_built_in_python_and_wire_forms(models: ModuleType) -> None:
    order = models.Order(
        customer=models.Customer(name="Ann"),
        items=[models.Item(sku="s", quantity=1)],
        placed_on=datetime.date(2024, 1, 2),
        placed_at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        signature=b"hi",
        payment=models.Card(method="card", number="4242"),
        channel=models.Channel.WEB,
    )
    assert order.to_dict() == {
        "customer": {"name": "Ann"},
        "items": [{"sku": "s", "quantity": 1}],
        "placedOn": "2024-01-02",
        "placedAt": "2024-01-02T03:04:05Z",
        "signature": "aGk=",
        "channel": "web",
        "payment": {"method": "card", "number": "4242"},
    }
    assert models.Order.validate(order.to_dict()) == []
    assert order == models.Order.from_dict(order.to_dict())
    with pytest.raises(TypeError, match="customer"):
        models.Order(items=[])
    with pytest.raises(TypeError, match="unexpected"):
        models.Item(sku="s", quantity=1, colour="red")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"customer": {"name": "Ann", "age": 3}}, ("/customer/age", "is not an allowed property")),
        ({"customer": {"name": "ann"}}, ("/customer/name", "must match the pattern '^[A-Z]'")),
        ({"items": []}, ("/items", "must have at least 1 item")),
        (
            {"items": [{"sku": "a", "quantity": 1}, {"quantity": 1.0, "sku": "a"}]},
            ("/items", "items must be unique"),
        ),
        ({"items": [{"sku": "a", "quantity": 0}]}, ("/items/0/quantity", "must be > 0")),
        (
            {"items": [{"sku": "a", "quantity": 1, "x": 2}]},
            ("/items/0/x", "expected a string, got number"),
        ),
        (
            {"placedOn": "2024-02-30"},
            ("/placedOn", "expected a date (YYYY-MM-DD), got '2024-02-30'"),
        ),
        (
            {"placedAt": "2024-01-01 10:00"},
            ("/placedAt", "expected an RFC 3339 date-time, got '2024-01-01 10:00'"),
        ),
        ({"signature": "not base64!"}, ("/signature", "expected base64 text")),
        ({"status": "pending"}, ("/status", "must be one of 'open', 'closed'; got 'pending'")),
        ({"channel": 7}, ("/channel", "expected a string, got number")),  # an open enum
        ({"kind": "other"}, ("/kind", "must be 'order'")),
        ({"payment": {"method": "card"}}, ("/payment/number", "is required")),
        (
            {"payment": {"method": "cash"}},
            ("/payment", "does not match any of the 2 allowed types"),
        ),
        ({"list": 11}, ("/list", "must be <= 10")),
        ({"list": 2.5}, ("/list", "expected an integer, got number")),
        ({"parent": {"items": []}}, ("/parent/customer", "is required")),
        ({"legacyCode": None}, ("/legacyCode", "must not be null")),
    ],
)
def test_each_constraint_is_checked(
    models: ModuleType, change: dict[str, Any], expected: tuple[str, str]
) -> None:
    base = {"customer": {"name": "A"}, "items": [{"sku": "a", "quantity": 1}]}
    assert expected in messages(models.Order, {**base, **change})


def test_object_property_counts_become_class_settings() -> None:
    model = ObjectModel(
        TypeName("components", "Box"),
        (),
        Location("box.yaml"),
        constraints=Constraints(min_properties=1, max_properties=2),
    )
    options = model_options(model, Schema((model,)), "components")
    assert options == [
        ("_min_properties_: ClassVar[int | None]", "1"),
        ("_max_properties_: ClassVar[int | None]", "2"),
    ]


def test_decimal_multiple_of(models: ModuleType) -> None:
    runtime = importlib.import_module("models._runtime")
    codec = runtime.Number(multiple_of=0.1)
    found: list[Any] = []
    codec.check(0.3, "", found)
    codec.check(0.35, "/x", found)
    assert [issue.path for issue in found] == ["/x"]


def test_deprecated_fields_are_marked_and_usable(models: ModuleType, out: Path) -> None:
    field = next(f for f in models.Order._fields_ if f.wire == "legacyCode")
    assert field.deprecated is True
    assert (
        models.Order.from_dict(
            {"customer": {"name": "A"}, "items": [{"sku": "a", "quantity": 1}], "legacyCode": "x"}
        ).legacy_code
        == "x"
    )
    assert "legacy_code: Deprecated." in (out / "models" / "components.py").read_text()


@pytest.mark.parametrize(
    "command",
    [
        ["black", "--check", "--diff", "."],
        [
            "ruff",
            "check",
            "--no-cache",
            "--isolated",
            "--select",
            "E,F,W,I,B,UP,SIM",
            "--ignore",
            "E501",
            ".",
        ],
        ["ruff", "check", "--no-cache", "--isolated", "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", "models"],
    ],
    ids=["black", "ruff", "ruff-default-rules", "mypy"],
)
def test_quality_gates(out: Path, command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=out, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_union_writes_a_value_back_with_its_own_variant(models: ModuleType) -> None:
    runtime = importlib.import_module("models._runtime")
    union = runtime.OneOf(runtime.Array(runtime.String()), runtime.Const(""))
    assert union.dump("") == ""  # not [] (the array variant could "dump" a string too)
    assert union.dump(["a"]) == ["a"]
    assert union.load("") == ""


CORNERS = """
openapi: 3.1.0
info: {title: layouts black rewrote in the corpus's packages, version: "1"}
paths: {}
components:
  schemas:
    TextCompletion:
      type: object
      properties:
        id: {type: string}
    Kind:
      type: string
      enum: [text_completion, chat_completion]
      description: The object type, which is always "text_completion"
    PaymentPagesCheckoutSessionShippingAddressCollectionAllowedCountries:
      type: string
      enum: [AC, AD]
    CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction:
      description: The balance transaction that took funds out of the balance
      anyOf:
        - {type: string, maxLength: 5000}
        - $ref: '#/components/schemas/TextCompletion'
    Session:
      type: object
      required: [allowed_countries, balance_transaction]
      properties:
        allowed_countries:
          type: array
          items:
            $ref: '#/components/schemas/PaymentPagesCheckoutSessionShippingAddressCollectionAllowedCountries'
        balance_transaction:
          $ref: '#/components/schemas/CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction'
        logo:
          anyOf:
            - {type: string, format: uri}
            - {type: string}
        mode:
          anyOf:
            - {const: fast}
            - {const: slow}
        ratio: {type: number, maximum: 1.0e+100}
"""


@pytest.fixture(scope="module")
def corners(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corners")
    (folder / "spec.yaml").write_text(CORNERS, encoding="utf-8")
    argv = ["generate", "--spec", str(folder / "spec.yaml"), "--target", "python"]
    assert main([*argv, "--out", str(folder / "out")]) == 0
    return folder / "out" / "python"


def test_corpus_layouts_are_black_stable(corners: Path) -> None:
    """One case of each layout black rewrote in the corpus's packages (issues 4 and 5)."""
    source = (corners / "models" / "components.py").read_text(encoding="utf-8")
    expected = [
        '"""The object type, which is always \\"text_completion\\" """',  # space before """
        "CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction: (",
        "_codec_CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction: (",
        '_fields_: ClassVar[tuple[_rt.Field, ...]] = (_rt.Field("id", "id_", _rt.String()),)',
        "    balance_transaction: CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction",
        "    allowed_countries: list[",
        "logo: str | _rt.Unset",  # not str | str
        'Mode: TypeAlias = \'Literal["fast", "slow"]\'',
        "_rt.Number(maximum=1e100)",
    ]
    assert [text for text in expected if text not in source] == []
    assert black.format_str(source, mode=black.Mode()) == source


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "--isolated", "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", "models"],
    ],
    ids=["ruff-default-rules", "mypy"],
)
def test_corpus_layouts_pass_ruff_and_mypy(corners: Path, command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=corners, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
