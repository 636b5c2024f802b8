"""Type a 2,000-word interviewer's transcript into the mock cockpit's notes box, one
keystroke at a time through Pilot, with live scoring on (the real grader, notes mode),
and print how long each keystroke took to reach the notes box: the median, the 95th
percentile and the worst (target: worst <= 50 ms on the reference machine).

    python benchmarks/bench_peer_typing.py [--words N] [--pause-every W]

Keys go in as fast as Pilot can send them, which never gives the live scoring its
pause; so every `--pause-every` words the "interviewer" stops for longer than the
cockpit's debounce (as people do while listening), a grade of everything typed so far
starts in its worker thread, and typing resumes at once while it runs. The keystrokes
typed while a grade is under way are the ones that would show a blocked UI.
The last line is `worst key-to-echo: N ms`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time

PEOPLE = "night nurses|porters|junior doctors|cleaners|healthcare assistants|midwives|paramedics|lab techs".split("|")
PLACES = "St Mary's|the city hosp|Leeds General|a rural clinic|the children's ward|A&E|the maternity unit".split("|")
PAINS = (
    "unsafe walk to car after handover|last bus gone by 7:40|taxis refuse short trips|"
    "car park lit badly|kids' school run clashes|cost of cabs eats overtime|no one knows who's on shift"
).split("|")
IDEAS = (
    "shared rides booked from the ward|security escort fallback|rota-aware shuttle|"
    "buddy matching by postcode|pre-book at start of shift|panic button in app|pay via payroll"
).split("|")
METRICS = "rides/wk|% shifts w ride|NPS|wait time|no-shows|sick days|cost per ride|repeat use in wk 4".split("|")
HABITS = (
    "rambled on context|came back to metric when asked|jumped to solution early|good structure, said so upfront|"
    "skipped who it's for until probed|named a tradeoff unprompted|vague on numbers|strong on the why"
).split("|")
TEMPLATES = [
    "talked to {n} {people} at {place} -> pain = {pain}",
    "seg: {people} w/o car at {place}, {pain}",
    "why: {n} of {m} {people} said {pain}",
    "idea: {idea}, v1 only at {place}",
    "m: {metric}, {metric2}; guardrail: {metric3} < {n}",
    "pilot {place} then {place2}, {n} wks each",
    "tradeoff: {idea} before {idea2}, drop {idea3} for now",
    "risk: {pain} -> {idea}",
    "cand {habit}; {habit2}",
]


def transcript(words: int, seed: int = 11) -> str:
    """Note-style lines, fragments and arrows as typed while listening, none repeated."""
    import random

    rng = random.Random(seed)
    lines: list[str] = []
    count = 0
    while count < words:
        line = rng.choice(TEMPLATES).format(
            n=rng.randint(2, 40),
            m=rng.randint(41, 90),
            people=rng.choice(PEOPLE),
            place=rng.choice(PLACES),
            place2=rng.choice(PLACES),
            pain=rng.choice(PAINS),
            idea=rng.choice(IDEAS),
            idea2=rng.choice(IDEAS),
            idea3=rng.choice(IDEAS),
            metric=rng.choice(METRICS),
            metric2=rng.choice(METRICS),
            metric3=rng.choice(METRICS),
            habit=rng.choice(HABITS),
            habit2=rng.choice(HABITS),
        )
        if line in lines:
            continue
        lines.append(line)
        count += len(line.split())
    return "\n".join(lines)


def key_name(char: str) -> str:
    from textual.keys import _character_to_key

    if char == "\n":
        return "enter"
    return char if char.isalnum() else _character_to_key(char)


async def run(words: int, pause_every: int) -> list[float]:
    from textual import events

    from interviewcoach.banks import load_library
    from interviewcoach.settings import Settings
    from interviewcoach.tui.app import make_app
    from interviewcoach.tui.screens.cockpit import LIVE_DELAY_S, CockpitScreen, NotesBox

    settings = Settings.model_validate({"name": "Ada", "last_mock": {"partner": "Ben", "category": "product-design"}})
    app = make_app(settings, load_library(), seed=1, start="mock")
    text = transcript(words)
    timings: list[float] = []
    grades = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # setup: the remembered names
        await pilot.pause()
        await pilot.press("escape")  # no focus named
        await pilot.pause()
        cockpit = app.screen
        assert isinstance(cockpit, CockpitScreen), cockpit
        await app.workers.wait_for_complete()  # the grader's warm-up
        box = cockpit.query_one(NotesBox)
        typed_words = 0
        driver = app._driver
        assert driver is not None
        for char in text:
            before = len(box.text)
            # The event Pilot.press sends; Pilot.press itself then waits for the whole
            # process to go idle, a grade in its worker thread included, which would time
            # the grader rather than the echo.
            key = events.Key(key_name(char), "\r" if char == "\n" else char)
            key.set_sender(app)
            start = time.perf_counter()
            driver.send_message(key)
            while len(box.text) == before:  # echoed: the character is in the notes box
                await asyncio.sleep(0)
            timings.append(time.perf_counter() - start)
            if char in " \n":
                typed_words += 1
                if typed_words % pause_every == 0:
                    await asyncio.sleep(LIVE_DELAY_S + 0.05)  # the debounce fires; a grade starts
                    grades += 1
        await app.workers.wait_for_complete()
        await pilot.pause()
        heard = sum(cockpit.session.current.call(cue.id) for cue in cockpit.session.current.rubric.cues)
        print(f"{len(timings)} keystrokes, {typed_words} words, ~{grades} live grades; cues heard at the end: {heard}")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--pause-every", type=int, default=25, help="words between the interviewer's pauses")
    args = parser.parse_args()
    os.environ.setdefault("INTERVIEWCOACH_HOME", tempfile.mkdtemp(prefix="bench-peer-"))
    timings = asyncio.run(run(args.words, args.pause_every))
    ms = sorted(t * 1000 for t in timings)
    print(f"median key-to-echo: {statistics.median(ms):.1f} ms")
    print(f"95th percentile key-to-echo: {ms[int(len(ms) * 0.95)]:.1f} ms")
    print(f"worst key-to-echo: {ms[-1]:.0f} ms")


if __name__ == "__main__":
    main()
