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
        """Copy ``source`` into the data folder (owner-only) and record it with its SHA-256; in
        the team register (no data folder) the bytes go into the database, so the team sees them."""
        if kind not in KINDS:
            raise ValueError(f"unknown attachment kind {kind!r} (use one of {', '.join(KINDS)})")
        if self._host.path is None:
            return self._add_to_database(assessment_id, Path(source), kind, note, filename)
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

    MAX_DATABASE_BYTES = 64 * 1024 * 1024

    def _add_to_database(self, assessment_id: int, source: Path, kind: str, note: str,
                         filename: str | None) -> Attachment:
        from app.storage.models_team import AttachmentBlob

        host = self._host
        try:
            size = source.stat().st_size
            if size > self.MAX_DATABASE_BYTES:
                raise StorageError(source, f"the file is {size // (1024 * 1024)} MB; the team register keeps "
                                           f"attachments up to {self.MAX_DATABASE_BYTES // (1024 * 1024)} MB. "
                                           "Nothing was added")
            data = source.read_bytes()
        except OSError as exc:
            raise StorageError(source, f"cannot read the attachment: {exc.strerror or exc}") from None
        sha = hashlib.sha256(data).hexdigest()
        name = safe_name(filename or source.name)

        def work(s: Session) -> Attachment:
            host.assessment(s, assessment_id)
            now = iso(host.clock)
            row = Attachment(assessment_id=assessment_id, kind=kind, filename=name, stored_path=f"db:{sha[:16]}",
                             sha256=sha, size=len(data), note=note, added_at=now, added_by=host.actor)
            s.add(row)
            s.flush()
            assert row.id is not None  # given by the flush
            s.add(AttachmentBlob(attachment_id=row.id, data=data))
            host.audit.append(s, "attach", assessment_id, new={"file": name, "kind": kind, "sha256": sha,
                                                               "size": len(data)},
                              reason=note or None, at=now)
            return row

        return host.write(work)

    def read_bytes(self, att: Attachment) -> bytes:
        """The attachment's content, checked against its SHA-256 (from the file or the database)."""
        if att.stored_path.startswith("db:"):
            from app.storage.models_team import AttachmentBlob

            with self._host.session() as s:
                blob = s.get(AttachmentBlob, att.id)
                data = blob.data if blob is not None else None
            if data is None:
                raise StorageError("team register", f"attachment {att.filename} has no content in the database")
        else:
            data = self.path(att).read_bytes()
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise StorageError(att.filename, "the attachment's content does not match the SHA-256 recorded "
                                             "when it was added (it was changed)")
        return bytes(data)

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
        """Where the attachment can be opened. In the team register the bytes are in the
        database: they are checked and written to a private temporary file. On a laptop the
        stored path is refused when it leads outside the data folder's attachments (a tampered
        register or bundle must not make the program read elsewhere)."""
        if att.stored_path.startswith("db:"):
            data = self.read_bytes(att)
            folder = Path(tempfile.mkdtemp(prefix="art5-attachment-"))
            os.chmod(folder, 0o700)
            dest = folder / safe_name(att.filename)
            fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            return dest
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
        if self._host.path is None or rel.startswith("db:"):
            return  # in the database: the row's deletion removed the bytes (ON DELETE CASCADE)
        from app.base.paths import OutsideDataFolder, inside

        try:
            inside(self._host.path.parent, rel).unlink()  # a stored path never removes a file elsewhere
        except (OSError, OutsideDataFolder):
            pass
