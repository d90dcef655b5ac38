"""A large CSV like the one of docs/data-loading.md ("Millions of rows"): 8 integer, 6 decimal (2% missing),
categories of 5, 300 and 20,000 levels, a date, a boolean and a binary target with a signal. Seeded.

usage: python3 docs/bench/large_csv.py ROWS OUT.csv   (2,000,000 rows: 217 MB, about 25 s)
"""
import sys, random, math, datetime
n = int(sys.argv[1]); out = sys.argv[2]
rnd = random.Random(7)
base = datetime.date(2015,1,1)
cat1 = ["a","b","c","d","e"]
with open(out, "w") as f:
    cols = [f"i{k}" for k in range(8)] + [f"d{k}" for k in range(6)] + ["c5","c300","c20000","day","flag","target"]
    f.write(",".join(cols) + "\n")
    for r in range(n):
        ints = [rnd.randint(0, 1000) for _ in range(8)]
        decs = [rnd.gauss(0, 1) for _ in range(6)]
        c5 = rnd.randrange(5); c300 = rnd.randrange(300); c20k = rnd.randrange(20000)
        day = base + datetime.timedelta(days=rnd.randrange(3000))
        flag = rnd.random() < 0.3
        z = 0.003*ints[0] - 0.002*ints[1] + decs[0] + 0.5*decs[1]*decs[2] + (c5 - 2)*0.3 + ((c300 % 7) - 3)*0.2 + ((c20k % 3) - 1)*0.3 + (0.7 if flag else 0) - 0.5
        y = 1 if rnd.random() < 1/(1+math.exp(-z)) else 0
        ds = ["" if rnd.random() < 0.02 else f"{d:.4f}" for d in decs]
        f.write(",".join(map(str, ints)) + "," + ",".join(ds) + f",{cat1[c5]},L{c300},K{c20k},{day.isoformat()},{'true' if flag else 'false'},{'yes' if y else 'no'}\n")
