"""Find the evidence for every concept in a document: sentence by sentence, negation and depth included."""

from __future__ import annotations

from dataclasses import dataclass

from planlint.analysis.depth import DepthJudge, Judgement
from planlint.analysis.matching import THRESHOLD, ConceptIndex, Hit, weigh
from planlint.analysis.negation import Negation
from planlint.analysis.tokens import Sentence, segment
from planlint.document.model import Block, Document
from planlint.result import Evidence, Status
from planlint.rulepack.pack import Pack


@dataclass(slots=True)
class Analysis:
    """A document with its sentences and the evidence found for each concept."""

    document: Document
    sentences: list[list[Sentence]]  # per block
    evidence: dict[str, list[Evidence]]  # concept id -> evidence in reading order
    depth: DepthJudge


def analyze(document: Document, pack: Pack, index: ConceptIndex) -> Analysis:
    """Segment every block and collect each concept's evidence."""
    depth = DepthJudge(pack.language, document)
    negation = Negation(pack.language)
    evidence: dict[str, list[Evidence]] = {c.id: [] for c in pack.concepts}
    all_sentences = list(segment("" if b.toc else b.text for b in document.blocks))  # contents lines: no evidence
    hits = _HitsOnce(index)
    for block, sentences in zip(document.blocks, all_sentences):
        for item in _block_evidence(block, sentences, index, hits, negation, depth):
            evidence[item.concept].append(item)
    for items in evidence.values():
        for item in items:
            if not item.negated and depth.goal_followed_up(item, all_sentences, hits):
                item.status, item.reason = Status.UPPFOLJD, None
    return Analysis(document, all_sentences, evidence, depth)


class _HitsOnce:
    """The index's hits in each distinct sentence of a document, found once: the goal headings' follow-up reads
    sentences again, and a plan repeats some (headings, table headers, list items)."""

    def __init__(self, index: ConceptIndex) -> None:
        self._index = index
        self._found: dict[tuple[str, ...], list[Hit]] = {}

    def __call__(self, words: list[str]) -> list[Hit]:
        key = tuple(words)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._index.hits(words)
        return found


@dataclass(slots=True)
class _SentenceHits:
    sentence: Sentence
    positive: list[Hit]
    negated: list[Hit]


def _block_evidence(
    block: Block,
    sentences: list[Sentence],
    index: ConceptIndex,
    hits_of: _HitsOnce,
    negation: Negation,
    depth: DepthJudge,
) -> list[Evidence]:
    """A paragraph is evidence for a concept when its terms together weigh enough (as the guidelines judge
    paragraphs); the sentence that weighs most is quoted. Vetoes and negation act sentence by sentence."""
    per_concept: dict[str, list[_SentenceHits]] = {}
    about: list[tuple[list[str], set[str]]] = []  # each sentence's words and the concepts it names
    for sentence in sentences:
        hits = hits_of(sentence.words)
        about.append((sentence.words, depth.parts_named(hits, sentence.words)))
        if not hits:
            continue
        negated_spans = negation.negated_clauses(sentence.words)
        by_concept: dict[str, list[Hit]] = {}
        for hit in hits:
            by_concept.setdefault(hit.concept, []).append(hit)
        for concept, mine in by_concept.items():
            if index.vetoed(concept, sentence.words):
                continue
            if not negated_spans:  # most sentences
                per_concept.setdefault(concept, []).append(_SentenceHits(sentence, mine, []))
                continue
            denied = [any(a <= h.first < b for a, b in negated_spans) for h in mine]
            positive = [h for h, no in zip(mine, denied) if not no]
            negated = [h for h, no in zip(mine, denied) if no]
            per_concept.setdefault(concept, []).append(_SentenceHits(sentence, positive, negated))
    found = []
    judged: dict[int, Judgement] = {}  # a sentence evidence for several concepts is judged once
    for concept, items in per_concept.items():
        counted = weigh([h for item in items for h in item.positive]) >= THRESHOLD
        if not counted and weigh([h for item in items for h in item.positive + item.negated]) < THRESHOLD:
            continue
        key = (lambda i: weigh(i.positive)) if counted else (lambda i: weigh(i.negated))
        best = max(items, key=key)
        hits = best.positive if counted else best.negated
        contributing = [i.sentence for i in items if (i.positive if counted else i.negated)]
        for s in contributing:
            if s.start not in judged:
                judged[s.start] = depth.judge(block, s.words, s.text)
        judgement = max((judged[s.start] for s in contributing), key=lambda j: j.rank)
        judgement = depth.tied_measure(block, judgement, [words for words, names in about if names <= {concept}])
        found.append(
            Evidence(
                concept=concept,
                block=block.index,
                sentence=best.sentence.text,
                start=best.sentence.start,
                end=best.sentence.end,
                terms=list(dict.fromkeys(best.sentence.surface(block.text, h.first, h.last) for h in hits)),
                status=judgement.status,
                section=block.section,
                location=block.location,
                negated=not counted,
                hedged=depth.hedged(best.sentence.words),
                weight=weigh(hits),
                reason=judgement.reason,
            )
        )
    return found
