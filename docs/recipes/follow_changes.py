"""Follow eventstore's change feed: hold the ids of every live row, restartable.

python follow_changes.py DATABASE_URL STATE.json [--until-idle]
At-least-once: the state (last seq and the ids held) is saved after each page, so a
restart re-reads at most one page, and applying a change twice does no harm.
"""

import json
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

PAGE = text("SELECT seq, entity, entity_id, op FROM changes WHERE seq > :seq ORDER BY seq LIMIT 500")


def follow(url: str, state_file: Path, until_idle: bool) -> None:
    state = json.loads(state_file.read_text()) if state_file.exists() else {"seq": 0, "held": {}}
    held = {entity: set(ids) for entity, ids in state["held"].items()}
    engine, idle = create_engine(url), 0
    while not (until_idle and idle >= 3):
        with engine.connect() as connection:
            page = connection.execute(PAGE, {"seq": state["seq"]}).all()
        for seq, entity, entity_id, op in page:
            ids = held.setdefault(entity, set())
            (ids.add if op in ("insert", "update") else ids.discard)(entity_id)
            state["seq"] = seq
        state["held"] = {entity: sorted(ids) for entity, ids in held.items()}
        state_file.with_suffix(".tmp").write_text(json.dumps(state))
        state_file.with_suffix(".tmp").replace(state_file)  # atomic: a crash keeps the old
        idle = 0 if page else idle + 1
        time.sleep(0 if page else 0.2)


if __name__ == "__main__":
    follow(sys.argv[1], Path(sys.argv[2]), "--until-idle" in sys.argv)
