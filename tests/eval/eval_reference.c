/*
 * eval_reference: precision and recall of the reference comparison on
 * article pairs nobody tuned the checker to (make eval-reference).
 *
 * usage: eval_reference DIR   (DIR/ref/NNN.txt clean, DIR/mt/NNN.txt the
 *                              Apertium round trip of the same article)
 *
 * For each pair, in several rounds with different seeds:
 *   - the MT article as it is, checked against the clean one: everything
 *     reported is a false alarm (Apertium keeps names and digits; the few
 *     it changes are listed for inspection in DIR/report.txt);
 *   - the MT article with injected errors: about half of the name words
 *     that it shares with the reference get one edit (a letter deleted,
 *     substituted by a neighbour on the keyboard, two letters swapped, or a
 *     letter doubled -- never the first letter), and about half of the
 *     numbers and dates that agree with the reference are changed.  A
 *     diagnostic on an injected span is a true positive (its fix is right
 *     when it restores the original), anything else a false positive, an
 *     injected error with no diagnostic a miss;
 *   - the same mangled article without a reference, for names.inconsistent:
 *     recall over the mangled names whose right spelling occurs elsewhere
 *     in the article.
 * Prints one table (for docs/evaluation.md); details go to DIR/report.txt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "run/checker.h"
#include "reference/names.h"
#include "reference/numbers.h"
#include "text/segment.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define ROUNDS 5

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

struct inj {
	struct span span; /* in the mangled text */
	char *orig;	  /* what was there */
	int is_name;
	int elsewhere;	  /* name: right spelling elsewhere in the article */
	int hit, hit_inc;
};

struct tally {
	int injected, tp, fp, fix_ok;
	int hits; /* injected errors found */
};

static struct tally t_name, t_num, t_inc;
static int base_alarms, base_alarms_noref, base_words, n_pairs, total_words;
static FILE *rep;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	return buf_detach(&b, len);
}

static struct document *load(struct checker *c, const char *name,
			     const char *text, size_t len)
{
	struct document *d = NULL;
	struct mt_error err = { 0 };

	if (document_load_mem(name, text, len, NULL, &d, &err) != MT_ERR_OK ||
	    checker_segment(c, d, &err) != MT_ERR_OK) {
		fprintf(stderr, "eval: %s: %s\n", name, err.msg);
		exit(2);
	}
	return d;
}

static int words_of(const struct document *d)
{
	int n = 0;

	for (uint32_t i = 0; i < d->n_tokens; i++)
		n += d->tokens[i].kind == TOK_WORD;
	return n;
}

static int is_ours(const char *rule)
{
	/* the name, number and date rules: the word rules (word choice,
	 * omission, addition) are measured by make eval-mqm */
	return strcmp(rule, "reference.name-mismatch") == 0 ||
	       strcmp(rule, "reference.number-mismatch") == 0 ||
	       strcmp(rule, "reference.date-mismatch") == 0 ||
	       strncmp(rule, "names.", 6) == 0;
}

static void check(struct checker *c, struct document *d,
		  struct document *ref, struct diag_list *l)
{
	struct mt_error err = { 0 };

	diag_list_init(l, &d->arena);
	if (checker_check(c, d, ref, l, &err) != MT_ERR_OK) {
		fprintf(stderr, "eval: %s\n", err.msg);
		exit(2);
	}
}

static const char *const keyboard[] = {
	"qwertyuiop", "asdfghjkl", "zxcvbnm",
};

/* A neighbour of letter c on the keyboard (same case). */
static char neighbour(char c)
{
	char lc = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);

	for (size_t r = 0; r < 3; r++) {
		const char *p = strchr(keyboard[r], lc);

		if (p) {
			size_t i = (size_t)(p - keyboard[r]), n = strlen(keyboard[r]);
			char o = (i + 1 < n && (rnd() & 1)) || i == 0
					 ? keyboard[r][i + 1]
					 : keyboard[r][i - 1];

			return c >= 'A' && c <= 'Z' ? (char)(o - 32) : o;
		}
	}
	return 'e';
}

/* One edit of w (ASCII letters, length >= 4), never the first letter. */
static char *mangle(const char *w, size_t n)
{
	char *o = xmalloc(n + 2);
	size_t i = 1 + rnd() % (n - 1);

	switch (rnd() % 4) {
	case 0: /* delete */
		memcpy(o, w, i);
		memcpy(o + i, w + i + 1, n - i - 1);
		o[n - 1] = 0;
		break;
	case 1: /* substitute */
		memcpy(o, w, n);
		o[i] = neighbour(w[i]);
		o[n] = 0;
		break;
	case 2: /* transpose */
		memcpy(o, w, n);
		if (i + 1 >= n)
			i--;
		if (i == 0)
			i = 1;
		o[i] = w[i + 1];
		o[i + 1] = w[i];
		o[n] = 0;
		break;
	default: /* double */
		memcpy(o, w, i + 1);
		memcpy(o + i + 1, w + i, n - i);
		o[n + 1] = 0;
		break;
	}
	return o;
}

static int ascii_letters(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

struct edit {
	struct span at; /* in the original MT text */
	char *with;
	char *orig;
	int is_name;
	int elsewhere;
};

static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->at.start < y->at.start ? -1 : x->at.start > y->at.start;
}

static int overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end;
}

static void run_pair(struct checker *c, struct names_normaliser *nn,
		     const char *name, const char *rtext, size_t rlen,
		     const char *mtext, size_t mlen, int round)
{
	struct document *ref = load(c, "ref", rtext, rlen);
	struct document *mt = load(c, name, mtext, mlen);
	struct names rn, mn;
	struct quantity *qm, *qr;
	size_t n_qm, n_qr;
	struct strtab rkeys = STRTAB_INIT, mkeys = STRTAB_INIT;
	struct edit *ed = NULL;
	size_t n_ed = 0, ed_alloc = 0;
	uint32_t last_entity = UINT32_MAX;

	if (round == 0) {
		struct diag_list l;

		check(c, mt, ref, &l);
		for (size_t i = 0; i < l.n; i++)
			if (is_ours(l.v[i].rule)) {
				base_alarms++;
				fprintf(rep, "clean MT %s: %s: %.*s: %s\n", name,
					l.v[i].rule,
					(int)(l.v[i].span.end - l.v[i].span.start),
					mt->text + l.v[i].span.start,
					l.v[i].message);
			}
		diag_list_release(&l);
		check(c, mt, NULL, &l);
		for (size_t i = 0; i < l.n; i++)
			if (is_ours(l.v[i].rule)) {
				base_alarms_noref++;
				fprintf(rep, "clean MT %s, no reference: %s: %.*s: %s\n",
					name, l.v[i].rule,
					(int)(l.v[i].span.end - l.v[i].span.start),
					mt->text + l.v[i].span.start,
					l.v[i].message);
			}
		base_words += words_of(mt);
		total_words += words_of(ref);
		n_pairs++;
		diag_list_release(&l);
	}

	names_extract(nn, ref, NULL, &ref->arena, &rn);
	names_extract(nn, mt, &rn, &mt->arena, &mn);
	for (uint32_t i = 0; i < rn.n_words; i++)
		strtab_intern(&rkeys, rn.words[i].key, strlen(rn.words[i].key),
			      NULL);
	for (uint32_t i = 0; i < mn.n_words; i++)
		strtab_intern(&mkeys, mn.words[i].key, strlen(mn.words[i].key),
			      NULL);
	/* names: at most one word per entity, about half of them */
	for (uint32_t i = 0; i < mn.n_words; i++) {
		const struct name_word *w = &mn.words[i];
		const char *s = mt->text + w->span.start;
		size_t n = w->span.end - w->span.start;
		char *m;
		struct arena a = ARENA_INIT;
		const char *mk;
		int elsewhere = 0;

		if (w->entity == last_entity || n < 4 || !ascii_letters(s, n) ||
		    strtab_find(&rkeys, w->key, strlen(w->key)) == STRTAB_NONE)
			continue;
		if (rnd() % 2)
			continue;
		last_entity = w->entity;
		m = mangle(s, n);
		mk = names_normalise(nn, m, strlen(m), &a);
		if (strtab_find(&rkeys, mk, strlen(mk)) != STRTAB_NONE ||
		    strtab_find(&mkeys, mk, strlen(mk)) != STRTAB_NONE) {
			free(m); /* the edit made another name: skip */
			arena_release(&a);
			continue;
		}
		arena_release(&a);
		for (uint32_t k = 0; k < mn.n_words; k++)
			if (k != i && strcmp(mn.words[k].key, w->key) == 0)
				elsewhere = 1;
		ed = xgrow(ed, &ed_alloc, n_ed + 1, sizeof(*ed));
		ed[n_ed++] = (struct edit){ w->span, m, xstrndup(s, n), 1,
					    elsewhere };
	}
	/* numbers that agree with the reference */
	n_qm = numbers_extract(mt, &mt->arena, &qm);
	n_qr = numbers_extract(ref, &ref->arena, &qr);
	for (size_t i = 0; i < n_qm; i++) {
		const struct quantity *q = &qm[i];
		const char *s = mt->text + q->number.start;
		size_t n = q->number.end - q->number.start;
		int agree = 0, clash = 0;
		char buf[64];

		if (q->spelled || q->kind == QTY_RELDATE || n >= 40)
			continue;
		for (size_t k = 0; k < n_qr; k++)
			agree |= numbers_agree(q, &qr[k]);
		if (!agree || rnd() % 2)
			continue;
		for (size_t k = 0; k < n_ed; k++)
			clash |= overlaps(ed[k].at, q->number);
		if (clash)
			continue;
		if (q->kind == QTY_DATE && n == 10) {
			/* 2016-12-29: another day of the month */
			snprintf(buf, sizeof(buf), "%.*s%02d", 8, s,
				 1 + (atoi(s + 8) + 1 + (int)(rnd() % 20)) % 28);
		} else if (q->kind == QTY_DATE || q->kind == QTY_YEAR ||
			   q->kind == QTY_COUNT || q->kind == QTY_MEASURE) {
			/* change the last digit */
			size_t last = n;

			while (last > 0 && (s[last - 1] < '0' || s[last - 1] > '9'))
				last--;
			if (!last)
				continue;
			memcpy(buf, s, n);
			buf[n] = 0;
			buf[last - 1] = (char)('0' + (s[last - 1] - '0' + 1 +
						     rnd() % 8) % 10);
			if (buf[0] == '0' && n > 1)
				continue;
		} else {
			continue;
		}
		ed = xgrow(ed, &ed_alloc, n_ed + 1, sizeof(*ed));
		ed[n_ed++] = (struct edit){ q->number, xstrdup(buf),
					    xstrndup(s, n), 0, 0 };
	}
	qsort(ed, n_ed, sizeof(*ed), cmp_edit);

	/* the mangled text, and where the edits landed */
	struct buf b = BUF_INIT;
	struct inj *inj = xcalloc(n_ed + 1, sizeof(*inj));
	uint32_t pos = 0;

	for (size_t k = 0; k < n_ed; k++) {
		buf_add(&b, mt->text + pos, ed[k].at.start - pos);
		inj[k].span.start = (uint32_t)b.len;
		buf_adds(&b, ed[k].with);
		inj[k].span.end = (uint32_t)b.len;
		inj[k].orig = ed[k].orig;
		inj[k].is_name = ed[k].is_name;
		inj[k].elsewhere = ed[k].elsewhere;
		pos = ed[k].at.end;
	}
	buf_add(&b, mt->text + pos, mt->len - pos);

	struct document *m1 = load(c, name, b.buf, b.len);
	struct document *m2 = load(c, name, b.buf, b.len);
	struct diag_list l1, l2;

	check(c, m1, ref, &l1);
	check(c, m2, NULL, &l2);
	for (size_t i = 0; i < l1.n; i++) {
		const struct diag *d = &l1.v[i];
		int is_name = strcmp(d->rule, "reference.name-mismatch") == 0 ||
			      strcmp(d->rule, "names.inconsistent") == 0;
		struct tally *t = is_name ? &t_name : &t_num;
		int hit = 0;

		if (!is_ours(d->rule))
			continue;
		for (size_t k = 0; k < n_ed; k++) {
			if (!overlaps(d->span, inj[k].span) ||
			    inj[k].is_name != is_name)
				continue;
			hit = 1;
			if (!inj[k].hit) {
				inj[k].hit = 1;
				t->hits++;
				if (d->n_suggestions &&
				    strcmp(d->suggestions[0], inj[k].orig) == 0)
					t->fix_ok++;
				else
					fprintf(rep,
						"mangled %s round %d: %s: fix "
						"'%s', was '%s'\n",
						name, round, d->rule,
						d->n_suggestions
							? d->suggestions[0]
							: "(none)",
						inj[k].orig);
			}
		}
		if (hit) {
			t->tp++;
		} else {
			t->fp++;
			fprintf(rep, "mangled %s round %d: false alarm %s: %.*s: %s\n",
				name, round, d->rule,
				(int)(d->span.end - d->span.start),
				m1->text + d->span.start, d->message);
		}
	}
	for (size_t i = 0; i < l2.n; i++) {
		const struct diag *d = &l2.v[i];
		int hit = 0;

		if (strcmp(d->rule, "names.inconsistent") != 0)
			continue;
		for (size_t k = 0; k < n_ed; k++) {
			int on = overlaps(d->span, inj[k].span);
			/* the pair found from the other side: the right
			 * spelling flagged, the mangled one suggested */
			size_t il = inj[k].span.end - inj[k].span.start;
			int other = !on && d->n_suggestions &&
				    strlen(d->suggestions[0]) == il &&
				    memcmp(d->suggestions[0],
					   b.buf + inj[k].span.start, il) == 0;

			if (!inj[k].is_name || (!on && !other))
				continue;
			hit = 1;
			if (!inj[k].hit_inc) {
				inj[k].hit_inc = 1;
				t_inc.hits++;
				t_inc.fix_ok += on && d->n_suggestions &&
						strcmp(d->suggestions[0],
						       inj[k].orig) == 0;
			}
		}
		if (hit) {
			t_inc.tp++;
		} else {
			t_inc.fp++;
			fprintf(rep, "no reference %s round %d: false alarm: %.*s: %s\n",
				name, round, (int)(d->span.end - d->span.start),
				m2->text + d->span.start, d->message);
		}
	}
	for (size_t k = 0; k < n_ed; k++) {
		struct tally *t = inj[k].is_name ? &t_name : &t_num;

		t->injected++;
		if (!inj[k].hit)
			fprintf(rep, "mangled %s round %d: missed %s -> %.*s\n",
				name, round, inj[k].orig,
				(int)(inj[k].span.end - inj[k].span.start),
				b.buf + inj[k].span.start);
		if (inj[k].is_name && inj[k].elsewhere)
			t_inc.injected++;
		free(ed[k].with);
		free(ed[k].orig);
	}
	free(ed);
	free(inj);
	buf_release(&b);
	diag_list_release(&l1);
	diag_list_release(&l2);
	document_free(m1);
	document_free(m2);
	strtab_release(&rkeys);
	strtab_release(&mkeys);
	document_free(mt);
	document_free(ref);
}

static void row(const char *what, const struct tally *t)
{
	printf("| %-34s | %5d | %5d | %4d | %6.1f%% | %6.1f%% | %6.1f%% |\n",
	       what, t->injected, t->hits, t->fp,
	       t->tp + t->fp ? 100.0 * t->tp / (t->tp + t->fp) : 100.0,
	       t->injected ? 100.0 * t->hits / t->injected : 0.0,
	       t->hits ? 100.0 * t->fix_ok / t->hits : 0.0);
}

int main(int argc, char **argv)
{
	struct checker *c;
	struct names_normaliser *nn;
	struct mt_error err = { 0 };
	char path[4096];

	if (argc != 2) {
		fprintf(stderr, "usage: eval_reference DIR\n");
		return 2;
	}
	if (checker_new(NULL, &c, &err) != MT_ERR_OK ||
	    names_normaliser_open(&nn, &err) != MT_ERR_OK) {
		fprintf(stderr, "eval: %s\n", err.msg);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/report.txt", argv[1]);
	rep = fopen(path, "w");
	if (!rep) {
		perror(path);
		return 2;
	}
	for (int round = 0; round < ROUNDS; round++) {
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)(round + 1);
		for (int k = 1; k < 1000; k++) {
			char rp[4096], mp[4096], nm[32];
			size_t rl, ml;
			char *rt, *mt;

			snprintf(rp, sizeof(rp), "%s/ref/%03d.txt", argv[1], k);
			snprintf(mp, sizeof(mp), "%s/mt/%03d.txt", argv[1], k);
			snprintf(nm, sizeof(nm), "%03d", k);
			rt = read_file(rp, &rl);
			mt = read_file(mp, &ml);
			if (!rt || !mt) {
				free(rt);
				free(mt);
				break;
			}
			run_pair(c, nn, nm, rt, rl, mt, ml, round);
			free(rt);
			free(mt);
		}
	}
	fclose(rep);
	printf("%d article pairs (%d words of reference), Apertium "
	       "eng->spa->eng round trips, %d rounds of injected errors\n\n",
	       n_pairs, total_words, ROUNDS);
	printf("| %-34s | %5s | %5s | %4s | %7s | %7s | %7s |\n", "errors",
	       "inj.", "found", "FP", "prec.", "recall", "fix ok");
	printf("|%s|-------|-------|------|---------|---------|---------|\n",
	       "------------------------------------");
	row("names vs reference", &t_name);
	row("numbers and dates vs reference", &t_num);
	row("names spelt two ways (no ref.)", &t_inc);
	printf("\nclean round trips (no injected error): %d false alarms "
	       "with the reference, %d without, in %d words\n",
	       base_alarms, base_alarms_noref, base_words);
	names_normaliser_close(nn);
	checker_free(c);
	return 0;
}
