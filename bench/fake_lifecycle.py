"""The history of one request, planned in advance: its intake and every later intent with its moment.

A plan only decides *what* happened *when*, respecting the legal windows the services enforce (complete before
the 3-working-day completion deadline, extend before the 10-day response deadline, close "tidak dapat
diproses" only after the window, a sengketa without the Atasan's answer only after 30 working days). The
seeder then replays the plans through the real services in time order, so the services do all the checking.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.calendar import WorkingCalendar
from bench.fake_people import PeopleFactory, Person
from bench.fake_topics import CONSEQUENCE, MISSING, PURPOSES, pick_topic, request_text

CHANNEL_WEIGHTS = {
    "datang_langsung": 45,
    "email": 15,
    "surat": 12,
    "website": 13,
    "whatsapp": 12,
    "telepon": 3,
}
ONLINE = {"email", "website", "whatsapp"}
DELIVERY_FOR = {
    "datang_langsung": "mengambil_langsung",
    "surat": "pos",
    "email": "email",
    "website": "email",
    "whatsapp": "whatsapp",
    "telepon": "mengambil_langsung",
}


@dataclass
class Step:
    """One intent. ``target`` is "request" or "objection"; ``action`` is a service action or "add"."""

    at: datetime
    target: str
    action: str
    body: dict[str, Any] = field(default_factory=dict)
    supervisor: bool = False


@dataclass
class Plan:
    intake: dict[str, Any]
    received_at: datetime
    steps: list[Step]


class LifecyclePlanner:
    def __init__(
        self, rng: random.Random, people: PeopleFactory, calendar: WorkingCalendar, born_before: date
    ):
        self.rng = rng
        self.people = people
        self.cal = calendar
        self.born_before = born_before
        self.pool: list[Person] = []

    # --- time helpers ---------------------------------------------------------------------------------
    def _office_time(self, day: date) -> datetime:
        minutes = self.rng.randint(8 * 60, 15 * 60 + 30)
        return datetime.combine(day, time(minutes // 60, minutes % 60, self.rng.randint(0, 59)))

    def _after(self, prev: datetime, working_days: int) -> datetime:
        """A moment ``working_days`` working days after ``prev`` (same day when 0), never before ``prev``."""
        day = self.cal.add_working_days(prev.date(), working_days) if working_days else prev.date()
        moment = self._office_time(day)
        if moment <= prev:
            moment = prev + timedelta(minutes=self.rng.randint(5, 90))
        return moment

    # --- the requester --------------------------------------------------------------------------------
    def _requester(self) -> Person:
        roll = self.rng.random()
        if self.pool and roll < 0.08:  # the regulars: journalists, LSM activists
            return self.pool[self.rng.randrange(min(300, len(self.pool)))]
        if self.pool and roll < 0.28:
            return self.pool[self.rng.randrange(len(self.pool))]
        person = self.people.any(self.born_before)
        self.pool.append(person)
        return person

    # --- the plan -------------------------------------------------------------------------------------
    def plan(self, received_at: datetime, channel: str) -> Plan:
        r = self.rng
        person = self._requester()
        topic = pick_topic(r)
        documents = list(person.documents)
        requester = dict(person.data)
        if person.data["kind"] == "perorangan" and r.random() < 0.04:
            requester["proxy"] = self.people.proxy()
            documents.append("surat_kuasa")
        complete = r.random() < 0.72
        intake = {
            "received_at": received_at,
            "channel": channel,
            "complete": complete,
            "requester": requester,
            "documents": documents,
            "information": request_text(r, topic, person.kecamatan, person.kelurahan, received_at.year),
            "purpose": r.choice(PURPOSES),
            "obtain_method": r.choices(("salinan_softcopy", "salinan_hardcopy", "melihat"), (6, 3, 1))[0],
            "delivery_method": DELIVERY_FOR[channel],
        }
        steps: list[Step] = []
        now = received_at
        if r.random() < 0.01:
            steps.append(
                Step(
                    self._after(now, r.randint(0, 2)),
                    "request",
                    "correct",
                    {
                        "field": "purpose",
                        "value": r.choice(PURPOSES) + " (diperbaiki)",
                        "reason": "Salah ketik tujuan saat penerimaan",
                    },
                    supervisor=True,
                )
            )
            now = steps[-1].at
        if r.random() < 0.012:  # a duplicate entry voided the same week
            steps.append(
                Step(
                    self._after(now, r.randint(0, 3)),
                    "request",
                    "void",
                    {"reason": "Tercatat ganda; permohonan yang sama sudah terdaftar."},
                    supervisor=True,
                )
            )
            return Plan(intake, received_at, steps)
        if not complete:
            now = self._after(now, r.randint(0, 3))
            if r.random() < 0.04:
                steps.append(Step(now, "request", "forward", {"to_body": topic.holder}))
                return self._closing(Plan(intake, received_at, steps), now, 0.7)
            if r.random() < 0.5:
                steps.append(Step(now, "request", "complete", {"documents": []}))
            else:
                steps.append(
                    Step(now, "request", "incomplete", {"missing_items": r.sample(MISSING, r.randint(1, 2))})
                )
                if r.random() < 0.62:
                    now = self._after(now, r.randint(1, 3))
                    steps.append(Step(now, "request", "complete", {"documents": ["ktp"]}))
                else:
                    now = self._after(now, 3 + r.randint(1, 6))
                    steps.append(Step(now, "request", "close", {"note": "Tidak dilengkapi pemohon"}))
                    return Plan(intake, received_at, steps)
        # The response clock runs from completeness: receipt for a complete walk-in (a correction typed later
        # does not move it), else the moment the request was declared or made complete.
        completed = now if not complete else received_at
        window = 10
        if r.random() < 0.09:
            now = self._after(completed, r.randint(4, 10))
            steps.append(
                Step(
                    now,
                    "request",
                    "extend",
                    {"reason": r.choice(("belum_dikuasai", "belum_didokumentasikan", "belum_diputuskan"))},
                )
            )
            window = 17
        late = r.random() < 0.05
        now = max(
            now, self._after(completed, r.randint(window + 1, window + 6) if late else r.randint(1, window))
        )
        return self._decide(Plan(intake, received_at, steps), now, topic.holder, topic.article)

    def _decide(self, plan: Plan, at: datetime, holder: str, article: str) -> Plan:
        r = self.rng
        roll = r.random()
        steps = plan.steps
        if roll < 0.56:
            steps.append(
                Step(
                    at,
                    "request",
                    "respond",
                    {
                        "decision": "diterima",
                        "info_form": r.choice(("softcopy", "hardcopy")),
                        "costs": {
                            "pages": r.randint(0, 60),
                            "price_per_page": 500,
                            "shipping": 0,
                            "other": 0,
                        },
                    },
                )
            )
            return self._delivery(plan, at)
        if roll < 0.68:
            steps.append(
                Step(
                    at,
                    "request",
                    "respond",
                    {
                        "decision": "diterima_sebagian",
                        "info_form": "softcopy",
                        "redaction_reason": "NIK dan alamat lengkap perorangan dihitamkan (Pasal 17 huruf h).",
                    },
                )
            )
            plan = self._delivery(plan, at)
            if r.random() < 0.06:
                self._objection(plan, at, r.choice(("d", "e")))
            return plan
        if roll < 0.77:
            steps.append(
                Step(at, "request", "respond", {"decision": "tidak_dikuasai", "holder_body": holder})
            )
            return self._closing(plan, at, 0.8)
        if roll < 0.80:
            steps.append(Step(at, "request", "respond", {"decision": "belum_didokumentasikan"}))
            return self._closing(plan, at, 0.8)
        if roll < 0.92:
            steps.append(
                Step(at, "request", "reject", {"article": article, "consequence_test": CONSEQUENCE[article]})
            )
            if r.random() < 0.38:
                self._objection(plan, at, "a")
            return self._closing(plan, at, 0.6)
        steps.append(Step(at, "request", "forward", {"to_body": holder, "note": "Surat penerusan dikirim"}))
        return self._closing(plan, at, 0.7)

    def _delivery(self, plan: Plan, at: datetime) -> Plan:
        if self.rng.random() < 0.92:
            at = self._after(at, self.rng.randint(0, 5))
            plan.steps.append(Step(at, "request", "deliver", {}))
            return self._closing(plan, at, 0.85)
        return plan

    def _closing(self, plan: Plan, at: datetime, chance: float) -> Plan:
        if self.rng.random() < chance:
            plan.steps.append(Step(self._after(at, self.rng.randint(0, 4)), "request", "close", {}))
        return plan

    def _objection(self, plan: Plan, decided: datetime, ground: str) -> None:
        r = self.rng
        filed = self._after(decided, r.randint(1, 25))
        body: dict[str, Any] = {
            "case_summary": "Pemohon keberatan atas jawaban PPID dan meminta informasi dibuka."
        }
        if r.random() < 0.2:
            body["proxy"] = {"name": self.people.full_name(False), "phone": self.people.phone()}
        steps = [Step(filed, "objection", "add", {"grounds": ground, "body": body})]
        if r.random() < 0.85:
            decided_at = self._after(filed, r.randint(5, 30))
            steps.append(
                Step(
                    decided_at,
                    "objection",
                    "decide",
                    {
                        "decision": r.choices(("dikabulkan", "dikabulkan_sebagian", "ditolak"), (3, 2, 5))[0],
                        "text": "Atasan PPID telah memeriksa keberatan dan memberikan tanggapan tertulis.",
                    },
                )
            )
            after = decided_at
            if r.random() < 0.5:
                after = self._after(after, r.randint(1, 10))
                steps.append(
                    Step(
                        after, "objection", "requester_response", {"response": "Pemohon menerima tanggapan."}
                    )
                )
            if r.random() < 0.25:
                steps.extend(self._dispute(after))
            elif r.random() < 0.8:
                steps.append(Step(self._after(after, r.randint(1, 10)), "objection", "close", {}))
        elif r.random() < 0.6:
            steps.extend(self._dispute(self._after(filed, 31)))
        plan.steps.extend(steps)

    def _dispute(self, after: datetime) -> list[Step]:
        r = self.rng
        filed = self._after(after, r.randint(1, 12))
        steps = [
            Step(
                filed,
                "objection",
                "dispute",
                {"register_number": f"{r.randint(1, 120):03d}/REG-PSI/{filed.month:02d}.{filed.year}"},
            )
        ]
        if r.random() < 0.7:
            outcome = r.choice(
                ("mediasi_berhasil", "dikabulkan", "dikabulkan_sebagian", "ditolak", "dicabut", "gugur")
            )
            steps.append(
                Step(
                    self._after(filed, r.randint(20, 80)),
                    "objection",
                    "dispute_outcome",
                    {"outcome": outcome},
                )
            )
        return steps
