"""Errors that reach the user as one clear message and exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

from planlint.i18n import Catalog
from planlint.inert import no_commands, visible

T = Catalog(
    {
        "missing": (
            "filen finns inte. Kontrollera sökvägen och stavningen.",
            "the file does not exist. Check the path and its spelling.",
        ),
        "not_a_file": (
            "är inte en vanlig fil. Ange en plan (.docx, .pdf, .md eller .txt).",
            "is not a regular file. Give a plan (.docx, .pdf, .md or .txt).",
        ),
        "unreadable": (
            "filen går inte att läsa ({reason}). Kontrollera behörigheterna.",
            "the file cannot be read ({reason}). Check its permissions.",
        ),
        "no_plans": (
            "mappen innehåller inga planer (.docx, .pdf, .md eller .txt).",
            "the folder holds no plans (.docx, .pdf, .md or .txt).",
        ),
        "empty_argument": (
            "en tom sökväg ('') är ingen plan. Ange en fil, en mapp eller ett mönster; `.` är den här mappen.",
            "an empty path ('') is no plan. Give a file, a folder or a pattern; `.` is this folder.",
        ),
        "folder_unreadable": (
            "mappen går inte att läsa: du saknar behörighet ({reason}). Kontrollera mappens behörigheter.",
            "the folder cannot be read: you lack permission ({reason}). Check the folder's permissions.",
        ),
        "folder_unlistable": (
            "mappen går inte att läsa ({reason}).",
            "the folder cannot be read ({reason}).",
        ),
        "symlink_loop": (
            "sökvägen är en symbolisk länk som pekar på sig själv i en slinga och leder inte till någon fil. "
            "Ta bort eller rätta länken.",
            "the path is a symbolic link that points back to itself in a loop and leads to no file. "
            "Remove or fix the link.",
        ),
        "no_permission": (
            "filen går inte att läsa: du saknar behörighet ({reason}). Kontrollera filens och mapparnas behörigheter.",
            "the file cannot be read: you lack permission ({reason}). Check the permissions of the file and its "
            "folders.",
        ),
        "no_match": (
            "mönstret matchar inga planer. Kontrollera mönstret.",
            "the pattern matches no plans. Check the pattern.",
        ),
        "legacy_doc": (
            "det gamla Word-formatet .doc stöds inte. Spara om planen som .docx i Word "
            "(Arkiv > Spara som > Word-dokument) och kör planlint på den nya filen.",
            "the legacy Word format .doc is not supported. Save the plan as .docx in Word "
            "(File > Save As > Word Document) and run planlint on the new file.",
        ),
        "unsupported": (
            "formatet {suffix} stöds inte. planlint läser .docx, .pdf, .md och .txt; "
            "spara eller exportera planen i något av dem.",
            "the format {suffix} is not supported. planlint reads .docx, .pdf, .md and .txt; "
            "save or export the plan in one of them.",
        ),
        "wrong_content": (
            "filen heter {suffix} men innehållet är inte {expected}. Öppna den i sitt program och spara om den.",
            "the file is named {suffix} but its content is not {expected}. Open it in its program and save it again.",
        ),
        "corrupt": (
            "filen är skadad eller ofullständig och går inte att läsa ({reason}). "
            "Öppna den i Word eller en PDF-läsare, spara om den och försök igen.",
            "the file is damaged or incomplete and cannot be read ({reason}). "
            "Open it in Word or a PDF reader, save it again and retry.",
        ),
        "word_kind": (
            "filen är {kind}, inte ett vanligt Word-dokument. Öppna den i Word och spara den som "
            "Word-dokument (.docx), utan makron, och kör planlint på den nya filen.",
            "the file is {kind}, not a plain Word document. Open it in Word, save it as a Word Document "
            "(.docx) without macros and run planlint on the new file.",
        ),
        "encrypted": (
            "filen är lösenordsskyddad. Spara en kopia utan lösenord och kör planlint på den.",
            "the file is password-protected. Save a copy without a password and run planlint on it.",
        ),
        "zip_bomb": (
            "filen packas upp till {size} MB, mer än {limit}, och läses inte (den kan vara en zip-bomb). "
            "Kontrollera var filen kommer ifrån.",
            "the file unpacks to {size} MB, more than {limit}, and is not read (it may be a zip bomb). "
            "Check where the file comes from.",
        ),
        "too_large_bytes": (
            "filen är större än {limit} MB. Dela upp planen eller ta bort stora bilder och bilagor.",
            "the file is larger than {limit} MB. Split the plan or remove large images and appendices.",
        ),
        "too_large_text": (
            "planen är för stor: {size} MB text, högst {limit} MB. Dela upp den i mindre delar.",
            "the plan is too large: {size} MB of text, at most {limit} MB. Split it into smaller parts.",
        ),
        "too_large_text_file": (
            "planen är för stor: en textfil på {size} MB, högst {limit} MB text. Dela upp den i mindre delar.",
            "the plan is too large: a text file of {size} MB, at most {limit} MB of text. Split it into smaller parts.",
        ),
        "too_large_pages": (
            "planen har fler än {limit} sidor. Dela upp den i mindre delar.",
            "the plan has more than {limit} pages. Split it into smaller parts.",
        ),
        "too_large_blocks": (
            "planen har fler än {limit} textblock. Dela upp den i mindre delar.",
            "the plan has more than {limit} text blocks. Split it into smaller parts.",
        ),
        "scanned": (
            "PDF-filen saknar textlager (den verkar vara inskannad). Exportera planen som PDF direkt "
            "från Word, eller kör textigenkänning (OCR) först.",
            "the PDF has no text layer (it looks scanned). Export the plan to PDF straight from Word, "
            "or run text recognition (OCR) first.",
        ),
        "empty": (
            "planen innehåller ingen text. Kontrollera att det är rätt fil.",
            "the plan holds no text. Check that it is the right file.",
        ),
        "not_swedish": (
            "planen verkar inte vara skriven på svenska (den liknar mest {language}). "
            "planlint granskar svenska verksamhetsplaner; kör den på den svenska versionen.",
            "the plan does not seem to be written in Swedish (it looks most like {language}). "
            "planlint checks Swedish plans; run it on the Swedish version.",
        ),
        "bad_encoding": (
            "textfilen är inte kodad som UTF-8 eller Latin-1. Spara om den som UTF-8.",
            "the text file is not encoded as UTF-8 or Latin-1. Save it again as UTF-8.",
        ),
        "config": ("fel i konfigurationen: {reason}", "error in the configuration: {reason}"),
        "pack": ("fel i regelpaketet: {reason}", "error in the rule pack: {reason}"),
        "output": (
            "kan inte skriva filen ({reason}). Kontrollera mappen och behörigheterna.",
            "cannot write the file ({reason}). Check the folder and its permissions.",
        ),
        "output_is_input": (
            "är en av planerna som granskas och skrivs aldrig över. Välj en annan fil med -o/--output.",
            "is one of the plans being checked and is never overwritten. Choose another file with -o/--output.",
        ),
        "output_is_read": (
            "läses av granskningen (konfiguration, baslinje eller regelpaket) och skrivs aldrig över. "
            "Välj en annan fil med -o/--output.",
            "is read by the check (configuration, baseline or rule pack) and is never overwritten. "
            "Choose another file with -o/--output.",
        ),
        "output_is_symlink": (
            "är en symbolisk länk; planlint skriver aldrig genom en länk. Ta bort länken eller välj en annan fil "
            "med -o/--output.",
            "is a symbolic link; planlint never writes through a link. Remove the link or choose another file "
            "with -o/--output.",
        ),
        "exists": (
            "filen finns redan. Välj ett annat namn med -o eller skriv över med --force.",
            "the file exists already. Choose another name with -o or overwrite it with --force.",
        ),
        "baseline": (
            "baslinjefilen går inte att läsa ({reason}). Skapa den igen med `planlint baseline`.",
            "the baseline file cannot be read ({reason}). Create it again with `planlint baseline`.",
        ),
    }
)


class PlanlintError(Exception):
    """An error about a named file, told to the user in their language."""

    def __init__(self, path: Path | str | None, key: str, **params: object) -> None:
        super().__init__(key)
        self.path = Path(path) if path is not None else None
        self.key = key
        self.params = params

    def message(self, lang: str = "sv") -> str:
        """The message in `lang`; a parameter given as a (Swedish, English) pair is picked by language."""
        params = {
            k: _one_line((v[1] if lang == "en" else v[0]) if isinstance(v, tuple) else v)
            for k, v in self.params.items()
        }
        text = T(self.key, lang, **params)
        return no_commands(f"{visible(str(self.path))}: {text}" if self.path is not None else text)

    def __str__(self) -> str:
        return self.message("sv")


def _one_line(value: object) -> object:
    """A message parameter as one inert line (a reason may quote a file's content or a file name)."""
    return visible(" ".join(value.split())) if isinstance(value, str) else value


class PlanInputError(PlanlintError):
    """A plan that cannot be read: missing, wrong format, damaged, empty, too large …"""


class PlanTooLarge(PlanInputError):
    """A plan over one of the reading limits."""

    def __init__(self, path: Path | str, what: str, limit: int) -> None:
        super().__init__(path, f"too_large_{what}", limit=limit)


class ConfigError(PlanlintError):
    """A configuration file (planlint.toml, [tool.planlint]) that cannot be used."""

    def __init__(self, path: Path | str | None, reason: str | tuple[str, str]) -> None:
        super().__init__(path, "config", reason=reason)


class PackError(PlanlintError):
    """A rule pack that fails validation; the reason names the file and the field."""

    def __init__(self, path: Path | str | None, reason: str | tuple[str, str]) -> None:
        super().__init__(path, "pack", reason=reason)
