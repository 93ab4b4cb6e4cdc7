/* Reference outputs for the tests in src/random, from the published C of the two generators.
 *
 *   gcc -O2 -o /tmp/rng-reference rng-reference.c && /tmp/rng-reference
 *
 * splitmix64 next() and xoshiro128** 1.1 next() below are copied from Sebastiano Vigna's
 * public-domain (CC0) files https://prng.di.unimi.it/splitmix64.c and
 * https://prng.di.unimi.it/xoshiro128starstar.c; main() is ours and follows the seeding and
 * conversions documented in src/random/Rng.ts. */
#include <stdint.h>
#include <stdio.h>

/* ---- splitmix64.c ---- */
static uint64_t x; /* The state can be seeded with any value. */

uint64_t splitmix64_next(void) {
	uint64_t z = (x += 0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
	return z ^ (z >> 31);
}

/* ---- xoshiro128starstar.c (1.1) ---- */
static inline uint32_t rotl(const uint32_t x, int k) {
	return (x << k) | (x >> (32 - k));
}

static uint32_t s[4];

uint32_t next(void) {
	const uint32_t result = rotl(s[1] * 5, 7) * 9;

	const uint32_t t = s[1] << 9;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];

	s[2] ^= t;

	s[3] = rotl(s[3], 11);

	return result;
}

/* ---- our driver ---- */
static void seed(uint64_t value) {
	x = value;
	uint64_t first = splitmix64_next(), second = splitmix64_next();
	s[0] = (uint32_t)first; s[1] = (uint32_t)(first >> 32);
	s[2] = (uint32_t)second; s[3] = (uint32_t)(second >> 32);
}

static double res53(void) {
	uint32_t a = next() >> 5, b = next() >> 6;
	return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

int main(void) {
	x = 0;
	printf("splitmix64, state 0:");
	for (int i = 0; i < 4; i++) printf(" 0x%016llx", (unsigned long long)splitmix64_next());
	printf("\n");

	s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
	printf("xoshiro128** 1.1, state {1, 2, 3, 4}:");
	for (int i = 0; i < 8; i++) printf(" %u", next());
	printf("\n");

	const int64_t seeds[] = {0, 42, -1, 9007199254740991LL};
	for (int k = 0; k < 4; k++) {
		seed((uint64_t)seeds[k]);
		printf("Rng(%lld) state: %u %u %u %u\n", (long long)seeds[k], s[0], s[1], s[2], s[3]);
		printf("Rng(%lld) uint32:", (long long)seeds[k]);
		for (int i = 0; i < 6; i++) printf(" %u", next());
		printf("\n");
		seed((uint64_t)seeds[k]);
		printf("Rng(%lld) uniform:", (long long)seeds[k]);
		for (int i = 0; i < 4; i++) printf(" %.17g", res53());
		printf("\n");
	}

	/* Rng(42).fork(): the child is seeded with (high << 32) | low of the parent's next two outputs. */
	seed(42);
	uint64_t high = next(), low = next();
	seed((high << 32) | low);
	printf("Rng(42).fork() uint32:");
	for (int i = 0; i < 4; i++) printf(" %u", next());
	printf("\n");
	return 0;
}
