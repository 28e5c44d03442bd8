"""Find where a sentence addresses each concept of the pack, with Swedish inflection and compounds.

One index over all concepts maps a word to the terms it can realise: an inflected form of a lemma, a
compound whose first or last part is such a form ("trygghetsvandring", "fallolycka"), a word glob, or the
first word of a phrase. A long word that matches nothing may be an ordinary typo of a vocabulary word (a
letter dropped, doubled or swapped): it counts as that word when exactly one word is meant and the pack's
lexicon does not know the typo as a Swedish word of its own ("inflyttande" is not "inflytande"). Each
concept then weighs its terms in the sentence: a term of weight 1 is enough on
its own, weaker terms need company, and terms of one group count once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from planlint.analysis.phrases import GlobList, PhraseIndex, PhraseSet, WordSet, is_glob
from planlint.rulepack.lexicon import load_lookalikes
from planlint.rulepack.pack import Pack, Sense, Term

THRESHOLD = 1.0  # the summed weight that makes a sentence evidence for a concept
TITLE_WORDS = 12  # the longest title of a document, programme or project, in words
SENTENCE_END = (".", "!", "?")
TITLE_HEAD = 3  # a title's head noun is among its first words ("Stadens program för …")
MAX_WORD_CHARS = 80  # longer "words" (a run of letters with no space) realise no term
MIN_PART = 3  # the shortest other part of a compound, in letters
LINKS = ("", "s")  # Swedish linking morphemes between compound parts ("trygghet-s-vandring")
TYPO_MIN = 8  # the shortest vocabulary word (or first part of a compound) that a typo is corrected to
ALNUM = re.compile(r"[^\W_]")  # a letter or digit: \w is str.isalnum() and '_'


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found at words [first, last) of a sentence."""

    concept: str
    term: Term
    first: int
    last: int


class ConceptIndex:
    """All concepts' vocabulary, indexed for matching one sentence at a time."""

    def __init__(self, pack: Pack, forms: dict[str, frozenset[str]]) -> None:
        self.concepts = pack.concepts
        self._exact: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self._first: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self._last: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        globs: list[tuple[str, tuple[str, Term]]] = []
        phrases: list[tuple[str, tuple[str, Term]]] = []
        contexts = {name: PhraseSet(words) for name, words in pack.language.contexts.items()}
        self._excluded = {c.id: WordSet(c.exclude) for c in pack.concepts}
        self._excluded_phrases = {c.id: PhraseSet(c.exclude_phrases) for c in pack.concepts}
        self._vetoes = {  # a concept without vetoes has an empty list, not an empty set of phrases to look for
            c.id: [contexts[v] for v in c.veto]
            + ([PhraseSet(c.unless_sentence)] if any(map(str.strip, c.unless_sentence)) else [])
            for c in pack.concepts
        }
        self._breaks = WordSet(pack.language.clause_breaks)
        self._senses = {c.id: [_SenseTest(s, self._breaks) for s in c.senses] for c in pack.concepts}
        self._word_senses: dict[tuple[str, str], list[_SenseTest]] = {}  # (concept, word) -> senses naming it
        self._title_heads = WordSet(pack.language.titles.get("heads", ()))
        self._title_verbs = WordSet(pack.language.titles.get("verbs", ()))
        self._requires: dict[int, list[PhraseSet]] = {}  # by id(term): a hit's term is the pack's own object
        self._unless: dict[int, PhraseSet] = {}
        same: dict[Term, Term] = {}  # equal terms as one object: hits' terms are told apart by id (weigh)
        for concept in pack.concepts:
            for term in concept.terms:
                term = same.setdefault(term, term)
                if term.kind == "phrase":
                    phrases.append((term.value, (concept.id, term)))
                elif term.kind == "word" and is_glob(term.value):
                    globs.append((term.value, (concept.id, term)))
                else:
                    self._add(concept.id, term, forms)
                if term.requires:
                    self._requires[id(term)] = [contexts.get(r) or PhraseSet([r]) for r in term.requires]
                if term.unless:
                    self._unless[id(term)] = PhraseSet(term.unless)
        self._phrases = PhraseIndex(phrases)
        # the concepts and terms whose hits are tested in their sentence (_allowed); most hits are not
        self._tested_concepts = {c.id for c in pack.concepts if any(p.strip() for p in c.exclude_phrases) or c.senses}
        self._tested_terms = self._requires.keys() | self._unless.keys()
        self._globs = GlobList(globs)
        self._lookalikes = load_lookalikes(pack.root)
        self._dropped = _DroppedLetter(self._exact if self._lookalikes else ())
        self._stems_dropped = _DroppedLetter(self._first if self._lookalikes else (), last=False)
        self._word_hits = lru_cache(maxsize=65536)(self._word_hits_uncached)

    def _add(self, cid: str, term: Term, forms: dict[str, frozenset[str]]) -> None:
        if term.kind == "word":
            self._exact[term.value].append((cid, term))
        else:
            lemma_forms = forms.get(term.value, frozenset({term.value}))
            for form in lemma_forms:
                self._exact[form].append((cid, term))
                if term.compound in ("last", "any"):
                    self._last[form].append((cid, term))
            if term.compound in ("first", "any"):
                for stem in _stems(term.value):
                    self._first[stem].append((cid, term))

    def _word_hits_uncached(self, word: str) -> tuple[tuple[str, Term], ...]:
        """The (concept, term) pairs one word realises on its own, or as the word its typo stands for, but not
        for a concept that excludes the word."""
        if len(word) > MAX_WORD_CHARS:  # no Swedish word is this long; its prefixes would cost its square
            return ()
        found = self._found(word)
        if not found and self._lookalikes and len(word) >= TYPO_MIN and word not in self._lookalikes:
            meant = self.meant(word)
            if meant is not None:
                found = self._found(meant)
        return tuple(pair for pair in dict.fromkeys(found) if word not in self._excluded[pair[0]])

    def meant(self, word: str) -> str | None:
        """The vocabulary word (or compound with a vocabulary word first) that a typo stands for, when
        exactly one is meant: "sammverkan" → "samverkan", "tryghetsvandring" → "trygghetsvandring"."""
        meant = self._dropped.words(word)
        meant.update(w for w in _undone(word) if w in self._exact)
        for i in range(TYPO_MIN - 1, len(word) - MIN_PART + 1):
            prefix = word[:i]
            if prefix not in self._lookalikes:
                meant.update(stem + word[i:] for stem in self._stems_dropped.words(prefix))
        return meant.pop() if len(meant) == 1 else None

    def typo_keys(self) -> set[str]:
        """Every typo the index corrects (the lexicon lists those that are Swedish words of their own)."""
        words = [w for w in self._exact if len(w) >= TYPO_MIN]
        stems = [s for s in self._first if len(s) >= TYPO_MIN]
        keys = {t for w in words for t in _doubled(w) | _swapped(w)} | set(_dropped_table(words))
        return (keys | set(_dropped_table(stems, last=False))) - self._exact.keys()

    def _found(self, word: str) -> list[tuple[str, Term]]:
        found = list(self._exact.get(word, ()))
        bare = word.rstrip("-")
        if bare != word:  # the first part of a suspended compound: "klimat- och energiplan"
            found += self._first.get(bare, ())
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            found += self._first.get(word[:i], ())
        for i in range(MIN_PART, len(word) - 1):
            found += self._last.get(word[i:], ())
        found += self._globs.matches(word)
        return found

    def hits(self, words: list[str]) -> list[Hit]:
        """Every term of every concept found in a sentence's words, before weighing. The title of a document,
        programme, room or project ("Handlingsplan mot våld i nära relationer 2024–2026") refers to it: none."""
        if self.is_title(words):
            return []
        found = list(map(self._word_hits, words))  # each distinct word's terms, looked up in C
        hits = [Hit(cid, term, i, i + 1) for i in compress(count(), found) for cid, term in found[i]]
        hits += [Hit(cid, term, a, b) for a, b, (cid, term) in self._phrases.find(words)]
        excluded: dict[str, list[tuple[int, int]]] = {}  # each concept's excluded phrases, found once a sentence
        concepts, terms = self._tested_concepts, self._tested_terms
        return [
            h
            for h in hits
            if (h.concept not in concepts and id(h.term) not in terms) or self._allowed(h, words, excluded)
        ]

    def _allowed(self, hit: Hit, words: list[str], excluded: dict[str, list[tuple[int, int]]]) -> bool:
        if hit.concept not in excluded:
            excluded[hit.concept] = self._excluded_phrases[hit.concept].spans(words)
        if any(a <= hit.first and hit.last <= b for a, b in excluded[hit.concept]):
            return False
        requires, unless = self._requires.get(id(hit.term)), self._unless.get(id(hit.term))
        if requires is not None and not any(ps.any_in(words) for ps in requires):
            return False
        if unless is not None and unless.any_in(words):
            return False
        senses = self._senses[hit.concept]
        if not senses:
            return True
        if hit.last - hit.first == 1:  # most hits: the senses that name the word are found once per word
            key = (hit.concept, words[hit.first])
            if key not in self._word_senses:
                self._word_senses[key] = [sense for sense in senses if key[1] in sense.words]
            senses = self._word_senses[key]
        else:
            senses = [sense for sense in senses if any(w in sense.words for w in words[hit.first : hit.last])]
        return not any(sense.applies(hit, words) for sense in senses)

    def is_title(self, words: list[str]) -> bool:
        """Whether a sentence is only a title: a short phrase headed by a document, programme, room or project
        noun, without a verb and without the full stop that ends a sentence."""
        if not words or words[-1] in SENTENCE_END:  # most sentences: decided before looking at each word
            return False
        content = [w for w in words if ALNUM.search(w)]
        if not content or len(content) > TITLE_WORDS:
            return False
        if not any(w in self._title_heads for w in content[:TITLE_HEAD]):
            return False
        return not any(w in self._title_verbs for w in content)

    def vetoed(self, concept: str, words: list[str]) -> bool:
        """Whether the sentence speaks of something else (staff, the old målbild …) for this concept."""
        return any(ps.any_in(words) for ps in self._vetoes[concept])


class _SenseTest:
    """A Sense of the pack, compiled: does it make a hit mean something else in this sentence?"""

    def __init__(self, sense: Sense, breaks: WordSet) -> None:
        self.words = WordSet(sense.words)
        self._before = _Cues(WordSet(sense.before), breaks)
        self._after = _Cues(WordSet(sense.after), breaks)
        self.within = sense.within

    def applies(self, hit: Hit, words: list[str]) -> bool:
        """Whether a hit that holds one of the sense's words stands near one of its cues."""
        before = words[max(hit.first - self.within, 0) : hit.first]
        return self._before.near(reversed(before)) or self._after.near(words[hit.last : hit.last + self.within])


class _Cues(dict[str, bool | None]):
    """What each word is to a walk outward from a hit: a clause break (False: the walk stops), a cue (True) or
    neither (None), found once per distinct word."""

    def __init__(self, wanted: WordSet, breaks: WordSet) -> None:
        super().__init__()
        self._wanted = wanted
        self._breaks = breaks

    def __missing__(self, word: str) -> bool | None:
        found = self[word] = False if word in self._breaks else True if word in self._wanted else None
        return found

    def near(self, words: Iterable[str]) -> bool:
        """Whether a cue is among the words, walking outward and stopping at a clause break."""
        for word in words:
            found = self[word]
            if found is not None:
                return found
        return False


def weigh(hits: list[Hit]) -> float:
    """The summed weight of distinct terms; the terms of one group count once, at their highest weight. (The
    index gives equal terms as one object, told by its id without hashing the term's fields.)"""
    by_group: dict[object, float] = {}
    for hit in hits:
        key = hit.term.group or id(hit.term)
        by_group[key] = max(by_group.get(key, 0.0), hit.term.weight)
    return sum(by_group.values())


class _DroppedLetter:
    """The long words that a typo with one letter dropped can stand for ("växthusgaer" → "växthusgaser"), as
    _dropped_table lists them, without making every such typo.

    A dropped letter leaves one half of the word whole: a typo of m letters whose missing letter stood at or after
    its position m // 2 begins with the word's first m // 2 letters, else it ends with the word's last
    m - m // 2 letters. Each word is filed under those two halves (two entries a word instead of one a letter),
    and a typo's few candidates are compared with it."""

    def __init__(self, words: Iterable[str], last: bool = True) -> None:
        self._last = last
        self._heads: dict[tuple[int, str], list[str]] = defaultdict(list)
        self._tails: dict[tuple[int, str], list[str]] = defaultdict(list)
        for word in words:
            if len(word) >= TYPO_MIN:
                half = (len(word) - 1) // 2  # of the typo
                self._heads[len(word), word[:half]].append(word)
                self._tails[len(word), word[half + 1 :]].append(word)

    def words(self, typo: str) -> set[str]:
        """The words that `typo` is with one letter dropped."""
        half, size = len(typo) // 2, len(typo) + 1
        candidates = self._heads.get((size, typo[:half]), []) + self._tails.get((size, typo[half:]), [])
        return {word for word in candidates if self._drops_to(word, typo)}

    def _drops_to(self, word: str, typo: str) -> bool:
        """Whether dropping a letter of `word` other than the first (and, for a compound's first part, the last)
        makes `typo`. The letter can only be the one after their common beginning, or one before it in a run of
        that same letter ("trygghet" → "tryghet")."""
        k = 0
        while k < len(typo) and typo[k] == word[k]:
            k += 1
        if word[k + 1 :] != typo[k:]:
            return False
        run = k
        while run > 0 and word[run - 1] == word[k]:
            run -= 1
        return max(run, 1) <= min(k, len(word) - (1 if self._last else 2))


def _dropped_table(words, last: bool = True) -> dict[str, list[str]]:
    """The long words with one letter dropped: each such typo with the words it can stand for (typo_keys lists
    them all; a check looks one up with _DroppedLetter). The first letter is never taken as dropped ("lyckorna"
    is not "olyckorna"), nor, for the first part of a compound (last=False), the part's last letter, which only
    moves the boundary between the parts."""
    table: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if len(word) >= TYPO_MIN:
            for i in range(1, len(word) if last else len(word) - 1):
                table[word[:i] + word[i + 1 :]].append(word)
    return table


def _doubled(word: str) -> set[str]:
    return {word[: i + 1] + word[i:] for i in range(len(word)) if word[i].isalpha()}


def _swapped(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


def _undone(typo: str) -> set[str]:
    """The words a typo with a doubled or swapped letter can stand for."""
    return {typo[:i] + typo[i + 1 :] for i in range(1, len(typo)) if typo[i] == typo[i - 1]} | _swapped(typo)


def _stems(lemma: str) -> set[str]:
    """How a lemma looks as the first part of a compound: trygghet(s)-, samarbet(s)-, skol-."""
    stems = {lemma + link for link in LINKS}
    if lemma[-1:] in ("e", "a") and len(lemma) > 4:
        stems |= {lemma[:-1] + link for link in LINKS}
    return {s for s in stems if len(s) >= MIN_PART}
