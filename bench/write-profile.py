"""Reads a PostgreSQL log (log_min_duration_statement = 0, the default log_line_prefix '%m [%p] ')
taken while bench/liveblog.sh posted liveblog entries one after another, and prints, as Markdown,
what one entry write does: its statements from BEGIN to COMMIT (median server time of each, and the
median time before it, which is Masthead's own work between statements), how long it holds the
article's row lock (from the start of the statement that takes it, a `select ... for update` or the
`update article`, to the end of its COMMIT) and how much of that the COMMIT (the durable WAL flush)
takes."""
import re
import statistics
import sys
from datetime import datetime

LINE = re.compile(r"(\S+ \S+) UTC \[(\d+)\] LOG:  duration: ([\d.]+) ms  (?:execute [^:]*|statement): (.*)")
LOCK = re.compile(r"for (no key )?update")


def main(path):
    rows = []
    for line in open(path, encoding="utf-8", errors="replace"):
        m = LINE.match(line)
        if m:
            end = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp() * 1000
            rows.append((m.group(2), end, float(m.group(3)), m.group(4).strip()))
    writes, open_tx = [], {}
    for pid, end, took, text in rows:
        if text == "BEGIN":
            open_tx[pid] = []
        elif pid in open_tx:
            open_tx[pid].append((end, took, text))
            if text == "COMMIT":
                writes.append(open_tx.pop(pid))
    writes = [w for w in writes if any("insert into liveblog_entry" in t for _, _, t in w) and locks(w) is not None]
    if not writes:
        print("(no entry write found in the log)")
        return
    shape = [short(t) for _, _, t in writes[0]]
    same = [w for w in writes if [short(t) for _, _, t in w] == shape]
    first = locks(same[0])
    hold = [w[-1][0] - (w[first][0] - w[first][1]) for w in same]
    commit = [w[-1][1] for w in same]
    server = [sum(took for _, took, _ in w[first:]) for w in same]
    print(f"- {len(same)} writes of the same shape: **{len(shape)} statements** after BEGIN, "
          f"the row lock taken by statement {first + 1}, so {len(shape) - first} statements hold it (COMMIT included).")
    print(f"- Row lock held (median): **{med(hold):.2f} ms**, of which COMMIT {med(commit):.2f} ms and the other "
          f"statements' server time {med(server) - med(commit):.2f} ms; the rest ({med(hold) - med(server):.2f} ms) is "
          f"Masthead between statements (Java, JDBC round trips).")
    print()
    print("| # | statement | server ms (median) | ms before it (median) |")
    print("|---:|---|---:|---:|")
    for i, name in enumerate(shape):
        took = med([w[i][1] for w in same])
        gap = med([(w[i][0] - w[i][1]) - w[i - 1][0] for w in same]) if i else 0.0
        mark = " (row lock)" if i == first else ""
        print(f"| {i + 1} | `{name}`{mark} | {took:.3f} | {gap:.2f} |")


def locks(write):
    """The index of the statement that takes the article's row lock, or None."""
    for i, (_, _, text) in enumerate(write):
        t = re.sub(r"\s+", " ", text)
        if t.startswith("update article ") or t.startswith("select") and LOCK.search(t) and "from article " in t:
            return i
    return None


def short(text):
    text = re.sub(r"\s+", " ", text)
    m = re.match(r"(select .{0,20}?from \w+|insert into \w+|update \w+|delete from \w+|with \w+|COMMIT)", text)
    name = m.group(1) if m else text[:40]
    if "insert into stream_event" in text and "pg_notify" in text:
        name = "with … insert into stream_event … pg_notify(…)"
    elif "pg_advisory_xact_lock" in text:
        name = "select pg_advisory_xact_lock(…syndication_change)"
    elif "pg_notify" in text:
        name = "select pg_notify(…)"
    elif LOCK.search(text):
        name = "select … from article … " + LOCK.search(text).group(0)
    return name


def med(values):
    return statistics.median(values)


if __name__ == "__main__":
    main(sys.argv[1])
