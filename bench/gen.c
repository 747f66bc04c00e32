/*
 * gen.c — a seeded generator of institution networks with the shape of real
 * ones, written as the five CSV tables that `ties import` reads.
 *
 *   gen SIZE DIR [SEED]     SIZE: S, M, L or ENTITIES:EVENTS
 *
 * ~200 countries with heavy-tailed sizes (Zipf, s = 1.1); institutions (60%)
 * with part_of hierarchies grown by preferential attachment; people (40%)
 * with member_of roles at one or two institutions; events of mostly 2-4
 * participants (an MoU is two institutions plus two signatories) and 3%
 * meetings of 10-40 attendees, participants drawn by preferential
 * attachment; dates 2000-2025; UTF-8 names, some with commas and quotes.
 * The same SIZE and SEED always give the same files.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static long uniform(long n)
{
	return (long)(next() % (uint64_t)n);
}

static double unit(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

/* Alpha-2 codes read from the iso-codes JSON (no JSON library needed). */
static char codes[300][3];
static int ncodes;

static void load_codes(void)
{
	FILE *f = fopen("/usr/share/iso-codes/json/iso_3166-1.json", "r");
	char line[512];

	if (!f) {
		perror("iso_3166-1.json");
		exit(1);
	}
	while (fgets(line, sizeof(line), f) && ncodes < 300) {
		char *p = strstr(line, "\"alpha_2\": \"");

		if (p) {
			codes[ncodes][0] = (char)(p[12] | 0x20);
			codes[ncodes][1] = (char)(p[13] | 0x20);
			ncodes++;
		}
	}
	fclose(f);
	if (ncodes > 200)
		ncodes = 200;
}

/* Zipf weights over the countries, as a cumulative table. */
static double cum[300];

static int pick_country(void)
{
	double u = unit() * cum[ncodes - 1];
	int lo = 0, hi = ncodes - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *const syll[] = {
	"ka", "ri", "lo", "an", "mu", "sta", "vel", "or", "chi", "na", "de",
	"ber", "tol", "sa", "qui", "zen", "ha", "li", "ma", "ro"};
static const char *const fancy[] = {"Müller", "Østergaard", "Łódź",
				    "São Paulo", "Zürich", "Kraków",
				    "北京", "Ньютон", "Çelik", "Ağa"};
static const char *const inst_kinds[] = {
	"Institute of %s Studies", "%s University", "Ministry of %s Affairs",
	"Academy of %s Sciences", "Centre for %s Research", "%s Council",
	"%s Foundation", "Bureau of %s"};
static const char *const roles[] = {"Director", "Researcher", "Fellow",
				    "Head of Department", "Adviser",
				    "Chairman", "Professor", "Member"};
static const char *const small_kinds[] = {"mou", "meeting", "visit",
					  "agreement", "conference",
					  "project"};

static void word(char *out, size_t cap)
{
	int n = 2 + (int)uniform(2), i;
	size_t len = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s",
					syll[uniform(20)]);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 32);
}

/* A CSV field, quoted when it needs to be. */
static void field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Preferential attachment: endpoints seen so far, each once per tie. */
static long *pa;
static long npa, cappa;

static void pa_add(long v)
{
	if (npa == cappa) {
		cappa = cappa ? cappa * 2 : 1024;
		pa = realloc(pa, (size_t)cappa * sizeof(*pa));
		if (!pa)
			exit(1);
	}
	pa[npa++] = v;
}

/* An entity: by attachment half the time, else uniform in [lo, hi). */
static long pick(long lo, long hi, int inst_only, long ninst)
{
	long v;

	if (npa > 0 && unit() < 0.5) {
		v = pa[uniform(npa)];
		if (!inst_only || v < ninst)
			return v;
	}
	(void)lo;
	return lo + uniform(hi - lo);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "w"))) {
		perror(path);
		exit(1);
	}
	return f;
}

static void date(char *out, size_t cap)
{
	snprintf(out, cap, "%04ld-%02ld-%02ld", 2000 + uniform(26),
		 1 + uniform(12), 1 + uniform(28));
}

int main(int argc, char **argv)
{
	long nent, nev, ninst, i, j, nsrc;
	FILE *fe, *fr, *fv, *fp, *fs;
	char name[256], w[64], d[16];
	long long nparts = 0, nrels = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: gen S|M|L|ENTITIES:EVENTS DIR [SEED]\n");
		return 2;
	}
	if (!strcmp(argv[1], "S"))
		nent = 2000, nev = 10000;
	else if (!strcmp(argv[1], "M"))
		nent = 100000, nev = 500000;
	else if (!strcmp(argv[1], "L"))
		nent = 1000000, nev = 2000000;
	else if (sscanf(argv[1], "%ld:%ld", &nent, &nev) != 2 || nent < 10) {
		fprintf(stderr, "gen: bad size '%s'\n", argv[1]);
		return 2;
	}
	if (argc > 3)
		rng ^= strtoull(argv[3], NULL, 10) * 0x9e3779b97f4a7c15ULL;
	load_codes();
	for (i = 0; i < ncodes; i++)
		cum[i] = (i ? cum[i - 1] : 0) + 1.0 / pow(i + 1, 1.1);
	ninst = nent * 6 / 10;
	nsrc = nev / 100 + 1;

	fs = open_out(argv[2], "sources.csv");
	fputs("id,title,url,publisher,date\n", fs);
	for (i = 0; i < nsrc; i++) {
		date(d, sizeof(d));
		fprintf(fs, "s%ld,Press release %ld,https://example.org/%ld,"
			    "Agency %ld,%s\n",
			i, i, i, i % 50, d);
	}
	fclose(fs);

	fe = open_out(argv[2], "entities.csv");
	fr = open_out(argv[2], "relations.csv");
	fputs("id,kind,name,country,aliases\n", fe);
	fputs("source,target,kind,role,start,end,source_id\n", fr);
	for (i = 0; i < nent; i++) {
		int c = pick_country();

		word(w, sizeof(w));
		if (i < ninst) {
			if (uniform(20) == 0)
				snprintf(w, sizeof(w), "%s",
					 fancy[uniform(10)]);
			snprintf(name, sizeof(name),
				 inst_kinds[uniform(8)], w);
			if (uniform(50) == 0)
				snprintf(name + strlen(name), sizeof(name) - strlen(name), ", \"Branch\"");
			fprintf(fe, "i%ld,institution,", i);
			field(fe, name);
			fprintf(fe, ",%s,I%ld\n", codes[c], i);
			if (i > 0 && uniform(5) == 0) {
				long t = pick(0, i, 1, i);

				fprintf(fr, "i%ld,i%ld,part_of,,,,s%ld\n", i,
					t, uniform(nsrc));
				pa_add(t);
				nrels++;
			}
		} else {
			char first[64];

			word(first, sizeof(first));
			snprintf(name, sizeof(name), "%s %s", first,
				 uniform(30) ? w : fancy[uniform(10)]);
			fprintf(fe, "p%ld,person,", i);
			field(fe, name);
			fprintf(fe, ",%s,\n", codes[c]);
			for (j = 0; j < 1 + (uniform(4) == 0); j++) {
				long t = pick(0, ninst, 1, ninst);

				fprintf(fr, "p%ld,i%ld,member_of,%s,%ld,,s%ld\n",
					i, t, roles[uniform(8)],
					2000 + uniform(20), uniform(nsrc));
				pa_add(t);
				nrels++;
			}
		}
	}
	fclose(fe);
	fclose(fr);

	fv = open_out(argv[2], "events.csv");
	fp = open_out(argv[2], "participants.csv");
	fputs("id,kind,date,title,place,source_id\n", fv);
	fputs("event,entity,role\n", fp);
	for (i = 0; i < nev; i++) {
		int big = uniform(100) < 3;
		const char *kind = big ? "meeting" : small_kinds[uniform(6)];
		long n = big ? 10 + uniform(31) : 2 + uniform(3);

		date(d, sizeof(d));
		fprintf(fv, "e%ld,%s,%s,%s %ld,,s%ld\n", i, kind, d, kind, i,
			uniform(nsrc));
		if (!strcmp(kind, "mou")) {
			long a = pick(0, ninst, 1, ninst), b;

			do
				b = pick(0, ninst, 1, ninst);
			while (b == a && ninst > 1);
			fprintf(fp, "e%ld,i%ld,party\ne%ld,i%ld,party\n", i, a,
				i, b);
			fprintf(fp, "e%ld,p%ld,signatory\ne%ld,p%ld,signatory\n",
				i, ninst + uniform(nent - ninst), i,
				ninst + uniform(nent - ninst));
			pa_add(a);
			pa_add(b);
			nparts += 4;
			continue;
		}
		for (j = 0; j < n; j++) {
			long v = pick(0, nent, 0, ninst);

			fprintf(fp, "e%ld,%c%ld,%s\n", i, v < ninst ? 'i' : 'p',
				v, j == 0 ? "host" : "attendee");
			pa_add(v);
			nparts++;
		}
	}
	fclose(fv);
	fclose(fp);
	fprintf(stderr,
		"gen: %ld entities (%ld institutions), %lld relations, %ld "
		"events, %lld participations, %ld sources\n",
		nent, ninst, nrels, nev, nparts, nsrc);
	free(pa);
	return 0;
}
