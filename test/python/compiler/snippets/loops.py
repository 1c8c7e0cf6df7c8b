total = 0
for i in range(10):
    if i == 3:
        continue
    if i > 7:
        break
    total += i
else:
    total = -1
while total:
    total -= 1
    if total == 5:
        break
else:
    print("exhausted")
while True:
    break
n = 0
while n < 3:
    n += 1
for a, b in [(1, 2), (3, 4)]:
    print(a, b)
for x in [a, b]:
    pass
for ch in "abc":
    print(ch, end="")
