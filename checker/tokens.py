"""Bearer tokens for the web app's write actions: created once, shown once, stored hashed.

A token reads `bcic_<id>_<secret>`; the file keeps the id, role, label, creation time and the
SHA-256 of the whole token (the secret has 256 random bits, so a fast hash is enough). Roles:
`evaluator` stores and deletes revisions; `maintainer` changes rulebook data in the store.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, get_args

from .errors import InputError
from .store.location import is_url
from .os_reasons import os_reason

Role = Literal["evaluator", "maintainer"]
ROLES: tuple[Role, ...] = get_args(Role)
PREFIX = "bcic_"


@dataclass(frozen=True)
class TokenRecord:
    """What the token file keeps of one token: never the token itself."""

    id: str
    role: Role
    label: str
    created: str
    sha256: str

    @property
    def created_at(self) -> datetime:
        """When the token was created (written in UTC, ISO 8601)."""
        return datetime.fromisoformat(self.created)


class TokenFile:
    """The tokens of one installation, in a JSON file written atomically."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def records(self) -> list[TokenRecord]:
        """Every token's record, oldest first."""
        if not self.path.exists():
            return []
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            records = [TokenRecord(**entry) for entry in entries]
            for record in records:
                record.created_at  # a time that cannot be read makes no token file
            return records
        except OSError as error:
            raise InputError.of("error.cannot_read", path=self.path,
                                reason=os_reason(error)) from None
        except (ValueError, TypeError) as error:
            raise InputError.of("error.token.not_a_token_file", path=self.path,
                                detail=error) from error

    def create(self, role: str, label: str = "") -> tuple[TokenRecord, str]:
        """Make a token for `role`; returns its record and the token, which is not kept."""
        if role not in ROLES:
            raise InputError.of("error.token.unknown_role", role=role, roles=", ".join(ROLES))
        token_id = secrets.token_hex(4)
        token = f"{PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
        record = TokenRecord(token_id, role, label,  # type: ignore[arg-type]
                             datetime.now(timezone.utc).isoformat(timespec="seconds"),
                             _digest(token))
        self._write([*self.records(), record])
        return record, token

    def revoke(self, token_id: str) -> bool:
        """Forget a token by its id; False when there was none."""
        kept = [r for r in self.records() if r.id != token_id]
        if len(kept) == len(self.records()):
            return False
        self._write(kept)
        return True

    def verify(self, token: str) -> TokenRecord | None:
        """The record of a presented token, or None when it is unknown or malformed."""
        if not token.startswith(PREFIX) or len(token) > 200:
            return None
        token_id = token[len(PREFIX):].split("_", 1)[0]
        digest = _digest(token)
        for record in self.records():
            if record.id == token_id and hmac.compare_digest(record.sha256, digest):
                return record
        return None

    def _write(self, records: list[TokenRecord]) -> None:
        text = json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=1)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tokens-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except OSError as error:
            raise InputError.of("error.cannot_write", path=self.path,
                                reason=os_reason(error)) from None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_file_for(store_location: str | None) -> Path:
    """Where a store's tokens live by default: beside a directory store, `<store>-tokens.json`;
    for a remote store or none, `var/tokens.json` under the current directory. A directory is
    resolved first, so that `.` or `..` names the store itself."""
    if store_location and not is_url(store_location):
        store_path = Path(store_location).resolve()
        return store_path.with_name(store_path.name + "-tokens.json")
    return Path("var") / "tokens.json"


def secret_key_file_for(store_location: str | None) -> Path:
    """Where the web app keeps the key signing its forms when none is configured: beside the
    token file (`<store>-secret-key`, or `var/secret-key`), never in the project's sources."""
    tokens = token_file_for(store_location)
    return tokens.with_name(tokens.name.removesuffix("tokens.json") + "secret-key")


def kept_secret(path: Path) -> str:
    """The secret kept in `path`; made first (256 random bits, readable by its owner only) when
    there is none. Two processes starting at once keep the one written first."""
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # mode 0600
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32) + "\n")
        os.link(draft, path)  # fails if another process made it meanwhile: that one is kept
    except FileExistsError:
        pass
    finally:
        os.unlink(draft)
    return path.read_text(encoding="ascii").strip()
