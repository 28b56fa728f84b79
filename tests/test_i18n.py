"""Every user-facing message exists in Chinese and English."""

from checker.i18n import LANGUAGES, MESSAGES


def test_every_message_exists_in_zh_and_en() -> None:
    assert set(LANGUAGES) == {"zh", "en"}
    missing = [f"{key} @{lang}" for key, texts in MESSAGES.items() for lang in LANGUAGES
               if not texts.get(lang)]
    assert not missing, "messages missing a language: " + ", ".join(missing)
