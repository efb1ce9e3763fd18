"""Evidence kept with an assessment (datasheet, end-user statement, correspondence): each file
copied into the data folder, owner-only, and recorded with its SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from sqlmodel import Session, select

from app.storage.errors import StorageError
from app.storage.models import Attachment
from app.storage.repositories.base import Host, iso

KINDS = ("datasheet", "end_user_statement", "correspondence", "report", "other")


def safe_name(name: str) -> str:
    """A file name without folders or characters that are unsafe on any platform."""
    base = Path(str(name).replace("\\", "/")).name
    cleaned = "".join(c if (c.isalnum() or c in "._- ") else "_" for c in base).strip(" .")
    return (cleaned or "file")[:120]


class Attachments:
    KINDS = KINDS

    def __init__(self, host: Host):
        self._host = host

    def _data_dir(self) -> Path:
        if self._host.path is None:
            raise StorageError("database", "attachments need a register in a data folder")
        return self._host.path.parent

    def add(self, assessment_id: int, source: Path, kind: str = "other", note: str = "",
            filename: str | None = None) -> Attachment:
        """Copy ``source`` into the data folder (owner-only) and record it with its SHA-256."""
        if kind not in KINDS:
            raise ValueError(f"unknown attachment kind {kind!r} (use one of {', '.join(KINDS)})")
        data_dir = self._data_dir()
        host = self._host
        source = Path(source)
        with host.session() as s:
            uid = host.assessment(s, assessment_id).uid
        name = safe_name(filename or source.name)
        folder = data_dir / "attachments" / uid
        folder.mkdir(parents=True, exist_ok=True)
        for d in (folder.parent, folder):
            os.chmod(d, 0o700)
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                size = 0
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            sha = digest.hexdigest()
            dest = folder / f"{sha[:16]}-{name}"
            os.replace(tmp, dest)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise StorageError(source, f"cannot store the attachment: {exc.strerror or exc}") from None
        rel = str(dest.relative_to(data_dir))

        def work(s: Session) -> Attachment:
            now = iso(host.clock)
            row = Attachment(assessment_id=assessment_id, kind=kind, filename=name, stored_path=rel, sha256=sha,
                             size=size, note=note, added_at=now, added_by=host.actor)
            s.add(row)
            s.flush()
            host.audit.append(s, "attach", assessment_id, new={"file": name, "kind": kind, "sha256": sha,
                                                               "size": size},
                              reason=note or None, at=now)
            return row

        return host.write(work)

    def add_imported(self, assessment_id: int, data: bytes, filename: str, kind: str, sha: str,
                     note: str = "") -> Attachment:
        """An attachment that came in a transfer bundle; refused when its bytes do not match ``sha``."""
        folder = Path(tempfile.mkdtemp(prefix="art5-import-"))
        try:
            tmp = folder / safe_name(filename)
            tmp.write_bytes(data)
            att = self.add(assessment_id, tmp, kind if kind in KINDS else "other", note)
        finally:
            for f in folder.iterdir():
                f.unlink()
            folder.rmdir()
        if att.sha256 != sha:
            raise StorageError(filename, "the attachment changed while it was imported")
        return att

    def list(self, assessment_id: int) -> list[Attachment]:
        with self._host.session() as s:
            return list(s.exec(select(Attachment).where(Attachment.assessment_id == assessment_id)
                               .order_by(Attachment.id)).all())  # type: ignore[arg-type]

    def path(self, att: Attachment) -> Path:
        """Where the stored file is; refused when the stored path leads outside the data folder's
        attachments (a tampered register or bundle must not make the program read elsewhere)."""
        from app.base.paths import OutsideDataFolder, inside

        data_dir = self._data_dir()
        try:
            return inside(data_dir / "attachments", att.stored_path if Path(att.stored_path).is_absolute()
                          else data_dir / att.stored_path)
        except OutsideDataFolder as exc:
            raise StorageError(att.stored_path, f"refused: the stored attachment path leads outside the data "
                                                f"folder's attachments ({exc.base})") from None

    def remove_file(self, rel: str) -> None:
        """Remove a stored file (its row is deleted by the caller's transaction)."""
        if self._host.path is None:
            return
        from app.base.paths import OutsideDataFolder, inside

        try:
            inside(self._host.path.parent, rel).unlink()  # a stored path never removes a file elsewhere
        except (OSError, OutsideDataFolder):
            pass
