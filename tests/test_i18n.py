"""Every user-facing message exists in Chinese and English, and errors say theirs in both."""

import pickle
from string import Formatter

import pytest

from checker.errors import InputError
from checker.i18n import LANGUAGES, MESSAGES, message, phrase
from checker.loading import SubmissionParseError


def test_every_message_exists_in_zh_and_en() -> None:
    assert set(LANGUAGES) == {"zh", "en"}
    missing = [f"{key} @{lang}" for key, texts in MESSAGES.items() for lang in LANGUAGES
               if not texts.get(lang)]
    assert not missing, "messages missing a language: " + ", ".join(missing)


def _placeholders(text: str) -> set[str]:
    """The fields a message fills, with their conversion and format spec (`{value!r}`)."""
    return {f"{name}!{conversion}:{spec}" for _, name, spec, conversion in Formatter().parse(text)
            if name is not None}


def test_every_message_has_the_same_placeholders_in_zh_and_en() -> None:
    differing = [key for key, texts in MESSAGES.items()
                 if _placeholders(texts["en"]) != _placeholders(texts["zh"])]
    assert not differing, "placeholders differ between zh and en: " + ", ".join(differing)


def test_an_error_made_from_the_catalogue_carries_both_languages() -> None:
    error = InputError.of("error.several_clusters", clusters="urn:a; urn:b")
    assert error.message == error.text("en") == str(error)
    assert error.message.startswith("the submission describes several clusters: urn:a; urn:b")
    assert error.text("zh").startswith("提交材料描述了多个产业集群：urn:a; urn:b")
    assert InputError("plain").text("zh") == "plain"  # English when there is nothing else


def test_a_phrase_or_an_error_among_the_values_is_said_in_the_language_of_the_message() -> None:
    cause = InputError.of("error.no_store", path="/s")
    assert message("error.cannot_read", "zh", path="a.ttl", reason=cause) == \
        "a.ttl：无法读取（/s 处没有存储）"
    assert message("error.parse.at", "zh", where="a.ttl:1", problem=phrase("error.parse.nul")) == \
        "a.ttl:1：文本中含有 NUL 字符"


def test_an_error_keeps_its_translations_and_attributes_through_pickle() -> None:
    error = SubmissionParseError("a.ttl", "json_depth", 3, 4, depth=100)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is SubmissionParseError and copy.args == error.args
    assert (copy.file, copy.line, copy.column) == ("a.ttl", 3, 4)
    assert copy.text("en") == "a.ttl:3:4: JSON nested more than 100 levels deep"
    assert copy.text("zh") == "a.ttl:3:4：JSON 嵌套超过 100 层"


@pytest.mark.parametrize("name, other", [("待人工评审", "人工审核"), ("情态动词", "助动词")])
def test_a_term_has_one_chinese_name_everywhere_people_read_it(name: str, other: str) -> None:
    """待人工评审 (README), never 待人工审核 beside it; 情态动词 (the label of bcic:modalVerb and
    every level note), never 助动词 on the rulebook's pages: the catalogues, the web app's strings
    and templates, the report template, the ontology's labels and definitions, the shapes'
    messages."""
    from checker.paths import ONTOLOGY_DIR, PROJECT_ROOT, SHAPES_DIR
    from web.strings import STRINGS

    texts = [t["zh"] for catalogue in (MESSAGES, STRINGS) for t in catalogue.values()]
    files = [*(PROJECT_ROOT / "web" / "templates").glob("*.html"),
             PROJECT_ROOT / "checker" / "templates" / "report.html", *ONTOLOGY_DIR.glob("*.ttl"),
             *SHAPES_DIR.glob("*.ttl")]
    texts += [f.read_text(encoding="utf-8") for f in files]
    assert len(files) > 10 and any(name in t for t in texts)
    assert not [t for t in texts if other in t]
