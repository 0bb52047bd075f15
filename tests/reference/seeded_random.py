#!/usr/bin/env python3
"""Known answers for NeuralDsl.SeededRandom, computed independently from the published algorithms.

xoshiro128** 1.1 and SplitMix64 as given by Blackman and Vigna (https://prng.di.unimi.it/), in
Python's unbounded integers masked to 32/64 bits. NeuralDsl's conventions on top of them: the seed
(an int) is taken as its 32-bit unsigned value, the state is two SplitMix64 outputs split into
(low, high) halves, NextSingle is the top 24 bits times 2^-24, NextDouble two outputs (first high)
shifted to 53 bits times 2^-53, NextInt(n) is (output * n) >> 32. Prints the values that
tests/NeuralDsl.Tests/Numbers/SeededRandomKnownAnswerTests.cs writes down.

Run: python3 tests/reference/seeded_random.py
"""

M32, M64 = (1 << 32) - 1, (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & M64
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128StarStar:
    def __init__(self, seed):
        x = seed & M32
        x, a = splitmix64(x)
        x, b = splitmix64(x)
        self.s = [a & M32, a >> 32, b & M32, b >> 32]

    def next_uint32(self):
        s = self.s
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def next_single(self):
        return (self.next_uint32() >> 8) / float(1 << 24)

    def next_double(self):
        hi = self.next_uint32()
        lo = self.next_uint32()
        return (((hi << 32) | lo) >> 11) / float(1 << 53)

    def next_int(self, n):
        return (self.next_uint32() * n) >> 32


for seed in (0, 1, 42, -7):
    g = Xoshiro128StarStar(seed)
    print(f"seed {seed}: NextUInt32 x6 = {[g.next_uint32() for _ in range(6)]}")
g = Xoshiro128StarStar(42)
print(f"seed 42: NextSingle x3 = {[g.next_single() for _ in range(3)]!r} (exact binary fractions)")
print(f"         then NextDouble x2 = {[g.next_double() for _ in range(2)]!r}")
print(f"         then NextInt(10) x8 = {[g.next_int(10) for _ in range(8)]}")
