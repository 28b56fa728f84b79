"""Every user-facing message exists in Chinese and English."""

from checker.errors import InputError
from checker.i18n import LANGUAGES, MESSAGES


def test_every_message_exists_in_zh_and_en() -> None:
    assert set(LANGUAGES) == {"zh", "en"}
    missing = [f"{key} @{lang}" for key, texts in MESSAGES.items() for lang in LANGUAGES
               if not texts.get(lang)]
    assert not missing, "messages missing a language: " + ", ".join(missing)


def test_an_error_made_from_the_catalogue_carries_both_languages() -> None:
    error = InputError.of("error.several_clusters", clusters="urn:a; urn:b")
    assert error.message == error.text("en") == str(error)
    assert error.message.startswith("the submission describes several clusters: urn:a; urn:b")
    assert error.text("zh").startswith("提交材料描述了多个产业集群：urn:a; urn:b")
    assert InputError("plain").text("zh") == "plain"  # English when there is nothing else
