"""The demo database: the reference case of 国网咸宁供电公司, built the same way every time."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redpair_desktop.db.audit import WriteContext
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Person
from redpair_desktop.domain.enums import BranchKind, MemberCategory, PairingStatus, UnitKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.ids import seeded_id_factory
from redpair_desktop.domain.pairings.draft import PairingDraft
from redpair_desktop.i18n import _
from redpair_desktop.services.demo import facts
from redpair_desktop.services.demo.ceremony import DemoClock, add_reference_ceremony
from redpair_desktop.services.demo.field_work import add_field_work
from redpair_desktop.services.org.branches import add_branch, add_unit
from redpair_desktop.services.pairings.editing import add_pairing
from redpair_desktop.services.rosters.members import add_member
from redpair_desktop.services.workspace import Workspace

DEMO_SEED = 2021
DEMO_CLOCK = datetime(2025, 12, 31, 12, tzinfo=UTC)  # the demo data is “as of” this moment
DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class RosterPlan:
    """How many people a generated roster has, and of what kind."""

    full: int
    probationary: int = 0
    activists: int = 0
    masses: int = 0
    supply_service: int = 0  # how many of the Party members are 供服党员


def load_demo(workspace: Workspace) -> None:
    """Fill an empty database with the reference case; refuse if anything is stored already."""
    clock = DemoClock(DEMO_CLOCK)
    context = WriteContext(
        actor=DEMO_ACTOR,
        device=workspace.db.device,
        id_factory=seeded_id_factory(DEMO_SEED, int(DEMO_CLOCK.timestamp() * 1000)),
        clock=clock,
    )
    with workspace.db.write(context) as session:
        existing = session.scalar(select(func.count()).select_from(OrgUnit))
        if existing:
            raise UserError(
                _(
                    "数据库中已有数据（{count} 个单位），不会再次载入演示数据。"
                    "如确需用演示数据替换，请使用 “redpair demo --reset”（原数据库会先备份）。",
                    count=existing,
                )
            )
        _DemoBuilder(session, random.Random(DEMO_SEED), clock, workspace.data_dir).build()


class _DemoBuilder:
    def __init__(
        self, session: Session, rng: random.Random, clock: DemoClock, data_dir: Path
    ) -> None:
        self.session = session
        self.data_dir = data_dir
        self.clock = clock
        self.rng = rng
        self.rare_names = list(facts.RARE_NAMES)
        self.minority = list(facts.MINORITY_NAMES)
        self.used_names: set[str] = set()
        self.liaisons: dict[str, Person] = {}

    def build(self) -> None:
        company = add_unit(self.session, name=facts.COMPANY, kind=UnitKind.COMPANY)
        hq = [
            self._hq_branch(company, index, name) for index, name in enumerate(facts.HQ_DEPARTMENTS)
        ]
        urban = self._urban_branches(company)
        stations = self._station_branches(company)
        self._pairings(hq, urban, stations)

    # --- organisation -------------------------------------------------------------------

    def _hq_branch(self, company: OrgUnit, index: int, name: str) -> Branch:
        unit = add_unit(
            self.session, name=name, kind=UnitKind.HQ_DEPARTMENT, parent=company, sort_order=index
        )
        branch = add_branch(
            self.session,
            seal_name=f"中共{facts.PREFIX}{name}支部委员会",
            short_name=f"{name}党支部",
            kind=BranchKind.HQ_DEPARTMENT,
            unit=unit,
        )
        total = self.rng.randint(7, 14)
        self._roster(branch, RosterPlan(full=total - 3, probationary=1, masses=2), office=True)
        return branch

    def _urban_branches(self, company: OrgUnit) -> list[Branch]:
        branches = []
        for index, (name, count) in enumerate(facts.URBAN_UNITS):
            reference = name == facts.REFERENCE_LEAD_UNIT
            unit = add_unit(
                self.session,
                name=name,
                kind=UnitKind.URBAN_UNIT,
                parent=company,
                sort_order=100 + index,
                description=facts.REFERENCE_LEAD_DESCRIPTION if reference else None,
            )
            ordinals = ["第一", "第二", "第三"][:count] if count > 1 else [""]
            for ordinal in ordinals:
                branch = add_branch(
                    self.session,
                    seal_name=f"中共{facts.PREFIX}{name}{ordinal}支部委员会",
                    short_name=f"{name}{ordinal}党支部",
                    kind=BranchKind.URBAN_UNIT,
                    unit=unit,
                    goal=facts.REFERENCE_LEAD_GOAL if reference else None,
                )
                if reference:
                    # 19 staff, 17 Party members.
                    plan = RosterPlan(full=15, probationary=2, masses=2)
                    self._roster(
                        branch, plan, office=True, positions=facts.REFERENCE_LEAD_POSITIONS
                    )
                else:
                    total = self.rng.randint(9, 20)
                    self._roster(branch, RosterPlan(full=total - 5, probationary=1, masses=4))
                branches.append(branch)
        return branches

    def _station_branches(self, company: OrgUnit) -> list[Branch]:
        branches = []
        for county_index, (county, county_name, towns) in enumerate(facts.COUNTIES):
            county_unit = add_unit(
                self.session,
                name=county_name,
                kind=UnitKind.COUNTY_COMPANY,
                parent=company,
                sort_order=200 + county_index,
            )
            for index, town in enumerate(towns):
                reference = (
                    county == facts.REFERENCE_STATION_COUNTY and town == facts.REFERENCE_STATION
                )
                unit = add_unit(
                    self.session,
                    name=f"{county_name}{town}供电所",
                    kind=UnitKind.SUPPLY_STATION,
                    parent=county_unit,
                    sort_order=index,
                    description=facts.REFERENCE_STATION_DESCRIPTION if reference else None,
                )
                branch = add_branch(
                    self.session,
                    seal_name=f"中共{county_name}{town}供电所支部委员会",
                    short_name=f"{town}供电所党支部",
                    kind=BranchKind.SUPPLY_STATION,
                    unit=unit,
                )
                if reference:
                    self._reference_station_roster(branch)
                else:
                    members = self.rng.randint(3, 7)
                    plan = RosterPlan(
                        full=members - 1,
                        probationary=1,
                        activists=1,
                        masses=self.rng.randint(5, 10),
                        supply_service=self.rng.randint(1, members - 1),
                    )
                    self._roster(branch, plan)
                branches.append(branch)
        return branches

    # --- rosters ------------------------------------------------------------------------

    def _reference_station_roster(self, branch: Branch) -> None:
        """大坪: 15 staff, 5 Party members, 4 of them 供服党员; secretary 陈振波."""
        secretary = self._person(
            branch,
            MemberCategory.FULL,
            name=facts.REFERENCE_STATION_SECRETARY,
            gender="男",
            party_post="书记",
            position="所长",
        )
        branch.secretary = secretary
        self._roster(
            branch, RosterPlan(full=4, activists=1, masses=9, supply_service=4), secretary=False
        )

    def _roster(
        self,
        branch: Branch,
        plan: RosterPlan,
        *,
        office: bool = False,
        positions: list[str] | None = None,
        secretary: bool = True,
    ) -> None:
        positions = positions or (facts.OFFICE_POSITIONS if office else facts.STATION_POSITIONS)
        categories = (
            [MemberCategory.FULL] * plan.full
            + [MemberCategory.PROBATIONARY] * plan.probationary
            + [MemberCategory.ACTIVIST] * plan.activists
            + [MemberCategory.MASSES] * plan.masses
        )
        supply_left = plan.supply_service
        for index, category in enumerate(categories):
            post = None
            if secretary and index == 0:
                post = "书记"
            elif secretary and index == 1:
                post = "组织委员"
            elif secretary and index == 2:
                post = "宣传委员"
            supply = category.is_party_member and post != "书记" and supply_left > 0
            supply_left -= int(supply)
            person = self._person(
                branch,
                category,
                party_post=post,
                position="台区经理" if supply else positions[index % len(positions)],
                supply_service=supply,
            )
            if post == "书记":
                branch.secretary = person
            elif post == "组织委员":
                self.liaisons[branch.short_name] = person

    def _person(
        self,
        branch: Branch,
        category: MemberCategory,
        *,
        name: str | None = None,
        gender: str | None = None,
        party_post: str | None = None,
        position: str | None = None,
        supply_service: bool = False,
    ) -> Person:
        ethnicity = "汉族"
        if name is None:
            name, ethnicity, gender = self._invent_name()
        gender = gender or self.rng.choice("男男女")
        birth = date(self.rng.randint(1966, 2000), self.rng.randint(1, 12), self.rng.randint(1, 28))
        joined = confirmed = None
        if category.is_party_member:
            joined = birth + timedelta(
                days=365 * self.rng.randint(20, 30) + self.rng.randint(0, 300)
            )
            joined = min(joined, date(2024, 6, 1))
            if category is MemberCategory.FULL:
                confirmed = joined + timedelta(days=365)
        return add_member(
            self.session,
            branch,
            name=name,
            category=category,
            gender=gender,
            ethnicity=ethnicity,
            birth_date=birth,
            education=self.rng.choice(facts.EDUCATION),
            joined_party_on=joined,
            confirmed_on=confirmed,
            party_post=party_post,
            position=position,
            supply_service=supply_service,
            phone=f"1{self.rng.choice('3578')}{self.rng.randint(0, 999999999):09d}",
            started_on=date(2020, 1, 1),
        )

    def _invent_name(self) -> tuple[str, str, str | None]:
        """Plausible names; every 97th person gets a rare or minority name while any are left."""
        if len(self.used_names) % 97 == 5 and self.rare_names:
            name = self.rare_names.pop(0)
            self.used_names.add(name)
            return name, "汉族", None
        if len(self.used_names) % 131 == 7 and self.minority:
            name, ethnicity, gender = self.minority.pop(0)
            self.used_names.add(name)
            return name, ethnicity, gender
        while True:
            length = self.rng.choice((1, 2, 2))
            name = self.rng.choice(facts.SURNAMES) + "".join(
                self.rng.choice(facts.GIVEN_CHARS) for _ in range(length)
            )
            if name not in self.used_names:
                self.used_names.add(name)
                return name, "汉族", None

    # --- pairings -----------------------------------------------------------------------

    def _pairings(self, hq: list[Branch], urban: list[Branch], stations: list[Branch]) -> None:
        reference_lead = next(b for b in urban if b.unit.name == facts.REFERENCE_LEAD_UNIT)
        reference_station = next(
            b for b in stations if b.short_name == f"{facts.REFERENCE_STATION}供电所党支部"
        )
        others = [b for b in stations if b is not reference_station]
        paired_stations = self.rng.sample(others, len(hq) + len(urban) - 1)
        leads = [b for b in hq + urban if b is not reference_lead]
        self.rng.shuffle(leads)
        starts = self._start_dates()
        reference_start = date(*facts.REFERENCE_PAIRING_START)
        starts.remove(min(starts, key=lambda d: abs((d - reference_start).days)))
        plan = _with_renewals(list(zip(leads, paired_stations, starts, strict=True)))
        made = [self._pair(lead, station, started_on) for lead, station, started_on in plan]
        reference = self._pair(reference_lead, reference_station, reference_start)
        self._decide(made)
        add_reference_ceremony(self.session, reference, self.clock)
        add_field_work(self.session, reference, self.clock, self.data_dir)

    def _decide(self, made: list[Pairing]) -> None:
        """The newest pairing is still being prepared; the first of 2023 was ended early."""
        newest = made[-1]
        newest.status, newest.notes = str(PairingStatus.PREPARING), facts.PREPARING_NOTE
        ended = next(pairing for pairing in made if pairing.started_on.year == 2023)
        ended.status, ended.notes = str(PairingStatus.TERMINATED), facts.TERMINATED_NOTE
        ended.terminated_on = date(*facts.TERMINATED_ON)

    def _start_dates(self) -> list[date]:
        dates = []
        for year, count in facts.PAIRINGS_PER_YEAR.items():
            dates += [
                date(year, self.rng.randint(2, 11), self.rng.randint(1, 28)) for _ in range(count)
            ]
        return sorted(dates)

    def _pair(self, lead: Branch, station: Branch, started_on: date) -> Pairing:
        lead_liaison = self.liaisons.get(lead.short_name, lead.secretary)
        station_liaison = self.liaisons.get(station.short_name, station.secretary)
        self.session.flush()  # the branches and people get their ids
        return add_pairing(
            self.session,
            PairingDraft(
                lead_branch_id=lead.id,
                station_branch_id=station.id,
                started_on=started_on,
                ended_on=started_on.replace(year=started_on.year + facts.PAIRING_YEARS),
                lead_liaison_id=lead_liaison.id if lead_liaison else None,
                station_liaison_id=station_liaison.id if station_liaison else None,
            ),
        )


def _with_renewals(
    plan: list[tuple[Branch, Branch, date]],
) -> list[tuple[Branch, Branch, date]]:
    """The last RENEWALS pairings renew the earliest ones of the same lead kind (the same two
    branches again), so the registry shows expired pairings both renewed and not."""
    renewed = list(plan)
    originals = iter(range(len(plan)))
    for index in range(len(plan) - facts.RENEWALS - 1, len(plan) - 1):
        lead, _station, started_on = plan[index]
        original = next(i for i in originals if plan[i][0].kind == lead.kind)
        renewed[index] = (plan[original][0], plan[original][1], started_on)
    return renewed
