"""What the server does with the plans of one request: check them in the worker pool, write commented copies,
and keep each plan's failure (an input error, its time limit, a crashed worker) to that plan."""

from __future__ import annotations

import asyncio
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from planlint.annotate.annotator import OUTPUT_SUFFIX, WORD_SUFFIX
from planlint.errors import PlanlintError
from planlint.i18n import Catalog
from planlint.project.runner import RunOptions
from planlint.result import PlanResult, RunResult
from planlint.web import jobs
from planlint.web.pool import PlanPool, TimedOut, WorkerLost
from planlint.web.uploads import check_content

COPIES = "granskade"  # subfolder of a request's folder for the commented copies

T = Catalog(
    {
        "time_limit": (
            "granskningen tog längre tid än {seconds} sekunder och avbröts. Dela upp planen i mindre delar, "
            "eller ta bort stora bilagor, och försök igen.",
            "the review took longer than {seconds} seconds and was stopped. Split the plan into smaller parts, "
            "or remove large appendices, and try again.",
        ),
        "lost": (
            "planen kunde inte granskas: granskningen avbröts oväntat. Öppna filen i sitt program, spara om den "
            "och försök igen.",
            "the plan could not be checked: the review stopped unexpectedly. Open the file in its program, save "
            "it again and try again.",
        ),
        "not_word": (
            "den kommenterade kopian görs av Word-dokument (.docx). Välj »Visa rapporten« för andra format.",
            "the commented copy is made from Word documents (.docx). Choose “Show the report” for other formats.",
        ),
    }
)


class ServeError(PlanlintError):
    """A plan the server could not check, told with this module's messages."""

    def message(self, lang: str = "sv") -> str:
        return f"{self.path}: {T(self.key, lang, **self.params)}"


@dataclass
class Copies:
    """Commented copies: (file name, bytes) per Word plan, and the plans that failed."""

    files: list[tuple[str, bytes]]
    errors: list[PlanlintError]

    def archive(self) -> bytes:
        """Several copies in one zip file."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.files:
                archive.writestr(name, data)
        return buffer.getvalue()


@dataclass
class Service:
    pool: PlanPool
    options: RunOptions  # with the server's configuration always named, never looked up from a plan
    fail_on: str

    async def check(self, folder: Path, names: list[str]) -> RunResult:
        """Every plan checked at once in the pool; results and errors keep the order of `names`."""
        outcome = RunResult(fail_on=self.fail_on)
        for checked in await asyncio.gather(*(self._one(folder, name) for name in names)):
            if isinstance(checked, PlanResult):
                outcome.results.append(checked)
            else:
                outcome.errors.append(checked)
        return outcome

    async def copies(self, folder: Path, names: list[str], lang: str) -> Copies:
        """The commented copy of every Word plan, as `planlint annotate` writes it."""
        (folder / COPIES).mkdir()
        done = await asyncio.gather(*(self._copy(folder, name, lang) for name in names))
        return Copies(
            [d for d in done if not isinstance(d, PlanlintError)], [d for d in done if isinstance(d, PlanlintError)]
        )

    async def _one(self, folder: Path, name: str) -> PlanResult | PlanlintError:
        return await self._guarded(name, lambda: self._job(jobs.check, folder, name))

    async def _copy(self, folder: Path, name: str, lang: str) -> tuple[str, bytes] | PlanlintError:
        if Path(name).suffix.lower() != WORD_SUFFIX:
            return ServeError(name, "not_word")
        target = f"{COPIES}/{Path(name).stem}{OUTPUT_SUFFIX}{WORD_SUFFIX}"
        done = await self._guarded(name, lambda: self._job(jobs.annotate_copy, folder, name, target, lang))
        if isinstance(done, PlanlintError):
            return done
        return Path(target).name, (folder / target).read_bytes()

    async def _job(self, func, folder: Path, name: str, *extra):
        """`func(folder, name, options, *extra)` in a worker, after the check of the file's content."""
        check_content(folder, name)
        return jobs.restore(await self.pool.run(func, str(folder), name, self.options, *extra))

    async def _guarded(self, name: str, job):
        try:
            return await job()
        except PlanlintError as error:
            return error
        except TimedOut:
            return ServeError(name, "time_limit", seconds=f"{self.pool.seconds:g}")
        except WorkerLost:
            return ServeError(name, "lost")
