/*
 * parser: link-grammar behind a small API (see parser.h).
 *
 * Everything link-grammar allocates (Sentence, Linkage, Parse_Options) is
 * created and deleted inside one function here; the only long-lived object
 * is the shared Dictionary, reference-counted under `dict_lock`.
 */
#include "grammar/linkgrammar.h"

#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <link-grammar/dict-api.h>
#include <link-grammar/link-includes.h>

#include "grammar/parsestore.h"
#include "util/buf.h"
#include "util/gencache.h"
#include "util/xalloc.h"

/* --- the shared dictionary --------------------------------------------- */

static pthread_mutex_t dict_lock = PTHREAD_MUTEX_INITIALIZER;
static Dictionary dict;
static unsigned dict_refs;

/*
 * link-grammar reports through a handler that defaults to printing on
 * stderr, even for debug notes such as an unknown locale.  Findings are
 * ours to report, so the library's messages are dropped: a failure shows
 * as a NULL result, which we turn into an mt_err.  The handler is set per
 * thread (link-grammar keeps it in thread-local storage).
 */
static void quiet_handler(lg_errinfo *ei, void *data)
{
	(void)ei;
	(void)data;
}

static void quiet_thread(void)
{
	lg_error_set_handler(quiet_handler, NULL);
}

static Dictionary dict_acquire(void)
{
	Dictionary d;

	pthread_mutex_lock(&dict_lock);
	if (!dict) {
		quiet_thread();
		/* "en/", not "en": the same dictionary, but link-grammar names
		 * its language after the path's last part and, for "en",
		 * loads Hunspell's en_US for spell-guessing -- a quarter of
		 * the dictionary's load time, for a guesser we switch off
		 * (parse_options_set_spell_guess(po, 0) below).  With no
		 * language after the slash it loads none. */
		dict = dictionary_create_lang("en/");
		lg_error_clearall();
	}
	if (dict)
		dict_refs++;
	d = dict;
	pthread_mutex_unlock(&dict_lock);
	return d;
}

static void dict_release(void)
{
	pthread_mutex_lock(&dict_lock);
	if (dict_refs && --dict_refs == 0) {
		dictionary_delete(dict);
		dict = NULL;
	}
	pthread_mutex_unlock(&dict_lock);
}

/* --- the cache ------------------------------------------------------- */

/* A cached result: this header, then one byte per word of text (the
 * unlinked array), as one gencache value. */
struct cache_entry {
	uint32_t n_words;
	uint32_t null_count;
	int32_t split_subject;
	uint8_t has_subject;
	double cost;
	enum parse_status status;
	uint8_t complete_only; /* a PARSE_NULLS here marks no word */
};

struct parser {
	struct parser_options opts;
	Dictionary dict; /* the shared one */
	pthread_mutex_t lock; /* cache and stats */
	struct gencache cache; /* joined sentence text -> struct cache_entry */
	struct parse_store *store; /* opts.share: shared with other processes */
	struct parser_stats stats;
	int trace; /* $MTLINT_PARSER_TRACE: each sentence on stderr */
};

/* The cached result for text: the parser's own cache, else the shared
 * store; NULL when neither has it.  Caller holds the lock. */
static const unsigned char *cache_find(struct parser *p, const char *text,
				       size_t *len)
{
	const unsigned char *v = gencache_get(&p->cache, text, strlen(text),
					      len);

	if (v || !p->store)
		return v;
	v = parse_store_get(p->store, text, strlen(text), len);
	if (v)
		p->stats.store_hits++;
	return v;
}

/* Copy a cached result into job; 1 when found.  Caller holds the lock. */
static int cache_get(struct parser *p, const char *text, struct parse_job *job)
{
	size_t len;
	const unsigned char *v = cache_find(p, text, &len);
	struct cache_entry e;

	if (!v || len < sizeof(e))
		return 0;
	memcpy(&e, v, sizeof(e));
	/* the same text split into other words ("ab" or "a" + "b" glued);
	 * a cheap parse's failure does not say which words are unlinked */
	if (e.n_words != job->n_words || len != sizeof(e) + e.n_words ||
	    (e.complete_only && !job->complete_only && e.status == PARSE_NULLS))
		return 0;
	job->status = e.status;
	job->null_count = e.null_count;
	job->split_subject = e.split_subject;
	job->has_subject = e.has_subject;
	job->cost = e.cost;
	if (!job->complete_only)
		memcpy(job->unlinked, v + sizeof(e), e.n_words);
	return 1;
}

/* Remember job's result (over its budget, the cache drops what was not
 * asked for during a whole generation).  Caller holds the lock.  Results
 * that depend on the moment (time-outs, skips) are not kept. */
static void cache_put(struct parser *p, const char *text,
		      const struct parse_job *job)
{
	struct cache_entry e;
	unsigned char *v;

	if (job->status != PARSE_COMPLETE && job->status != PARSE_NULLS &&
	    job->status != PARSE_FAILED)
		return;
	memset(&e, 0, sizeof(e)); /* the padding too: the bytes are copied */
	e.n_words = job->n_words;
	e.null_count = job->null_count;
	e.split_subject = job->split_subject;
	e.has_subject = job->has_subject;
	e.cost = job->cost;
	e.status = job->status;
	e.complete_only = job->complete_only;
	v = xmalloc(sizeof(e) + job->n_words);
	memcpy(v, &e, sizeof(e));
	memcpy(v + sizeof(e), job->unlinked, job->n_words);
	gencache_put(&p->cache, text, strlen(text), v,
		     sizeof(e) + job->n_words);
	if (p->store)
		parse_store_put(p->store, text, strlen(text), v,
				sizeof(e) + job->n_words);
	free(v);
}

/* --- parsing ----------------------------------------------------------- */

/*
 * The calling thread's CPU time, in ns: a sentence's time limit (the
 * backstop, see linkgrammar.h) counts the CPU its own parse used, never
 * the wall clock, which a loaded machine stretches; also the stats' and
 * the trace's figure.
 */
static uint64_t cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static Parse_Options make_options(const struct parser *p)
{
	Parse_Options po = parse_options_create();

	parse_options_set_verbosity(po, 0);
	parse_options_set_spell_guess(po, 0);
	parse_options_set_linkage_limit(po, 100);
	parse_options_set_repeatable_rand(po, 1); // same answer every run
	parse_options_set_max_parse_time(po, (int)p->opts.timeout_s);
	parse_options_set_islands_ok(po, 0);
	/* most links are at most this long: a third faster than
	 * link-grammar's 16 on news sentences, same findings on the eval set
	 * within a few sentences */
	parse_options_set_short_length(po, (int)p->opts.short_length);
	return po;
}

/* Index of the input word holding byte b of the joined text. */
static uint32_t word_at(const uint32_t *starts, uint32_t n, size_t b)
{
	uint32_t lo = 0, hi = n;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (starts[mid] <= b)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * link-grammar's max_parse_time counts the CPU time of the whole process
 * (getrusage(RUSAGE_SELF)), which the other threads' work advances too:
 * it gets what is left times this (the CPUs online, at most 8, set by
 * parser_open()), so that it never cuts a sentence before the sentence's
 * own thread has spent its limit, however many threads are busy.
 */
static atomic_uint lg_time_scale = 1;

/*
 * Start a parse step with what is left of the sentence's time limit (CPU
 * time of this thread, cpu_now(); whole seconds, at least one:
 * link-grammar's unit); 0 when nothing is left.
 */
static int start_step(Parse_Options po, uint64_t deadline)
{
	uint64_t t = cpu_now();

	if (t >= deadline)
		return 0;
	parse_options_set_max_parse_time(
		po, (int)((deadline - t + 999999999ULL) / 1000000000ULL *
			  atomic_load(&lg_time_scale)));
	parse_options_reset_resources(po);
	return 1;
}

/*
 * Second opinion on a sentence without a complete linkage: does it parse
 * completely when costlier disjuncts are allowed?
 */
static int confirmed_complete(struct parser *p, Parse_Options po,
			      const char *text, uint64_t deadline)
{
	double cost = parse_options_get_disjunct_cost(po);
	Sentence s;
	int n = 0;

	if (p->opts.relaxed_cost <= cost)
		return 0;
	s = sentence_create(text, p->dict);
	if (!s)
		return 0;
	parse_options_set_disjunct_cost(po, p->opts.relaxed_cost);
	parse_options_set_min_null_count(po, 0);
	parse_options_set_max_null_count(po, 0);
	if (start_step(po, deadline) && sentence_split(s, po) >= 0)
		n = sentence_parse(s, po);
	if (parse_options_resources_exhausted(po))
		n = 0;
	parse_options_set_disjunct_cost(po, cost);
	sentence_delete(s);
	return n > 0;
}

/* Is link-grammar's word a common noun ("reaction.n-u", "agencies.p")?
 * Guessed and capitalised words carry no such subscript. */
static int common_noun(const char *w)
{
	const char *d = w ? strrchr(w, '.') : NULL;

	return d && d != w && (d[1] == 'n' || d[1] == 's' || d[1] == 'p') &&
	       (d[2] == '\0' || d[2] == '-') && !strchr(w, '[');
}

/* Is word x the subject of a singular verb (an Ss link to its right)? */
static int singular_subject(Linkage l, size_t x)
{
	for (size_t k = 0; k < linkage_get_num_links(l); k++)
		if (linkage_get_link_lword(l, k) == x &&
		    strncmp(linkage_get_link_label(l, k), "Ss", 2) == 0)
			return 1;
	return 0;
}

/*
 * The split-noun-phrase shape (parser.h, split_subject) in the best
 * linkage of a complete parse: an opener link (CO*) from a preposition to
 * the word x, and an object link (J*) from the same preposition to the
 * word right before x, both common nouns.  Returns the input word of x, or
 * -1; *cost gets the linkage's disjunct cost.
 */
static int32_t split_subject(Sentence s, Parse_Options po,
			     const uint32_t *starts, uint32_t n_words,
			     size_t len, double *cost)
{
	Linkage l = linkage_create(0, s, po);
	int32_t found = -1;
	size_t nl;

	if (!l)
		return -1;
	*cost = linkage_disjunct_cost(l);
	nl = linkage_get_num_links(l);
	for (size_t k = 0; k < nl && found < 0; k++) {
		size_t prep = linkage_get_link_lword(l, k);
		size_t x = linkage_get_link_rword(l, k);
		size_t b;

		if (strncmp(linkage_get_link_label(l, k), "CO", 2) != 0 ||
		    x < 2 || !common_noun(linkage_get_word(l, x)) ||
		    !common_noun(linkage_get_word(l, x - 1)))
			continue;
		for (size_t m = 0; m < nl; m++) {
			if (linkage_get_link_label(l, m)[0] != 'J' ||
			    linkage_get_link_lword(l, m) != prep ||
			    linkage_get_link_rword(l, m) != x - 1)
				continue;
			b = linkage_get_word_byte_start(l, x);
			if (b < len && singular_subject(l, x) &&
			    word_at(starts, n_words, b) >
				    word_at(starts, n_words,
					    linkage_get_word_byte_start(
						    l, x - 1)))
				found = (int32_t)word_at(starts, n_words, b);
			break;
		}
	}
	linkage_delete(l);
	return found;
}

/*
 * Parse one joined sentence with link-grammar: first for a complete
 * linkage, then for one with costlier constructions, and when there is
 * none, for the linkage with the fewest unconnected words (link-grammar
 * raises the null count itself between min_null_count and
 * max_null_count).  The steps share the sentence's time limit.
 */
static void parse_one(struct parser *p, Parse_Options po, const char *text,
		      const uint32_t *starts, struct parse_job *job)
{
	uint64_t deadline = cpu_now() +
			    (uint64_t)p->opts.timeout_s * 1000000000ULL;
	Sentence s = sentence_create(text, p->dict);
	size_t len = strlen(text);
	Linkage l;
	size_t nw, nl;
	uint32_t *links;
	int n;

	job->status = PARSE_FAILED;
	job->split_subject = -1;
	if (!s)
		return;
	if (sentence_split(s, po) < 0)
		goto out;
	/* 1: a complete linkage? */
	parse_options_set_min_null_count(po, 0);
	parse_options_set_max_null_count(po, 0);
	start_step(po, deadline);
	n = sentence_parse(s, po);
	if (parse_options_resources_exhausted(po)) {
		job->status = PARSE_TIMEOUT;
		goto out;
	}
	if (n > 0) {
		job->status = PARSE_COMPLETE;
		job->split_subject = split_subject(s, po, starts, job->n_words,
						   len, &job->cost);
		goto out;
	}
	/* 2: a complete linkage with rarer constructions? */
	if (!job->complete_only && confirmed_complete(p, po, text, deadline)) {
		job->status = PARSE_COMPLETE;
		goto out;
	}
	if (job->complete_only) {
		job->status = PARSE_NULLS;
		goto out;
	}
	/* 3: the fewest unconnected words, and which */
	parse_options_set_min_null_count(po, 1);
	parse_options_set_max_null_count(po, (int)p->opts.max_nulls);
	if (!start_step(po, deadline)) {
		job->status = PARSE_TIMEOUT;
		goto out;
	}
	n = sentence_parse(s, po);
	if (parse_options_resources_exhausted(po)) {
		job->status = PARSE_TIMEOUT;
		goto out;
	}
	if (n <= 0 || sentence_null_count(s) == 0)
		goto out;
	l = linkage_create(0, s, po);
	if (!l)
		goto out;
	job->cost = linkage_disjunct_cost(l);
	nw = linkage_get_num_words(l);
	nl = linkage_get_num_links(l);
	links = xcalloc(nw ? nw : 1, sizeof(*links));
	for (size_t k = 0; k < nl; k++) {
		size_t a = linkage_get_link_lword(l, k);
		size_t b = linkage_get_link_rword(l, k);

		const char *label = linkage_get_link_label(l, k);

		if (a < nw)
			links[a]++;
		if (b < nw)
			links[b]++;
		if (label && label[0] == 'S' && label[1] != 'J')
			job->has_subject = 1;
	}
	for (size_t w = 0; w < nw; w++) {
		const char *word = linkage_get_word(l, w);
		size_t b, e;
		uint32_t first;

		if (links[w] || !word || strcmp(word, "LEFT-WALL") == 0 ||
		    strcmp(word, "RIGHT-WALL") == 0)
			continue;
		b = linkage_get_word_byte_start(l, w);
		e = linkage_get_word_byte_end(l, w);
		if (b >= len)
			continue;
		first = word_at(starts, job->n_words, b);
		for (uint32_t i = first;
		     i < job->n_words && (i == first || starts[i] < e); i++)
			job->unlinked[i] = 1;
	}
	free(links);
	linkage_delete(l);
	job->null_count = (uint32_t)sentence_null_count(s);
	job->status = PARSE_NULLS;
out:
	sentence_delete(s);
}

/* A job's words joined into the text link-grammar parses (the cache's
 * key too), with the byte where each word starts: built once per job. */
struct joined {
	struct parse_job *job;
	char *text;
	uint32_t *starts;
};

/* The sentences of one parser_parse() call that the cache could not
 * answer, shared by its worker threads. */
struct batch {
	struct parser *p;
	struct joined *todo;
	size_t n;
	atomic_size_t next;
};

/* Clear job's results and answer a sentence with no words or too many;
 * returns 1 when answered, 0 when the sentence is to be looked up. */
static int start_job(struct parser *p, struct parse_job *job)
{
	job->null_count = 0;
	job->split_subject = -1;
	job->has_subject = 0;
	job->cached = 0;
	job->cost = 0;
	memset(job->unlinked, 0, job->n_words);
	if (job->n_words == 0) {
		job->status = PARSE_COMPLETE;
		return 1;
	}
	if (job->n_words > p->opts.max_words) {
		job->status = PARSE_TOO_LONG;
		return 1;
	}
	return 0;
}

static void join_words(struct parse_job *job, struct joined *j)
{
	struct buf text;

	buf_init(&text);
	j->job = job;
	j->starts = xmalloc(job->n_words * sizeof(*j->starts));
	for (uint32_t i = 0; i < job->n_words; i++) {
		if (i && !(job->glue && job->glue[i]))
			buf_add(&text, " ", 1);
		j->starts[i] = (uint32_t)text.len;
		buf_add(&text, job->words[i], strlen(job->words[i]));
	}
	j->text = buf_detach(&text, NULL);
}

/* Answer the joined sentence from the cache: 1 when it did. */
static int look_up(struct parser *p, const struct joined *j)
{
	int hit;

	pthread_mutex_lock(&p->lock);
	hit = cache_get(p, j->text, j->job);
	if (hit)
		p->stats.cache_hits++;
	pthread_mutex_unlock(&p->lock);
	return hit;
}

/* Finish a looked-up job: trace it (c0: the CPU time when its work
 * after the lookup began) and free its joined text. */
static void end_job(struct parser *p, struct joined *j, int hit, uint64_t c0)
{
	struct parse_job *job = j->job;

	job->cached = hit;
	if (p->trace) {
		flockfile(stderr);
		fprintf(stderr, "parser: [%d%s %.1f ms] %s\n", job->status,
			hit ? " cached" : "", (cpu_now() - c0) / 1e6, j->text);
		for (uint32_t i = 0; i < job->n_words; i++)
			if (job->unlinked[i])
				fprintf(stderr, "parser:   unlinked '%s'\n",
					job->words[i]);
		funlockfile(stderr);
	}
	free(j->starts);
	free(j->text);
}

/* On a worker, a sentence the caller's lookup missed: look again (a
 * worker may have parsed the same sentence meanwhile), else parse and
 * remember. */
static void parse_missed(struct parser *p, Parse_Options po, struct joined *j)
{
	struct parse_job *job = j->job;
	uint64_t c0;
	int hit;

	hit = look_up(p, j);
	c0 = cpu_now();
	if (!hit) {
		parse_one(p, po, j->text, j->starts, job);
		pthread_mutex_lock(&p->lock);
		p->stats.parsed++;
		p->stats.parse_ns += cpu_now() - c0;
		if (job->status == PARSE_TIMEOUT)
			p->stats.timeouts++;
		cache_put(p, j->text, job);
		pthread_mutex_unlock(&p->lock);
	}
	end_job(p, j, hit, c0);
}

static void *worker(void *arg)
{
	struct batch *b = arg;
	Parse_Options po;
	size_t i;

	quiet_thread();
	po = make_options(b->p);
	while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
		parse_missed(b->p, po, &b->todo[i]);
	parse_options_delete(po);
	return NULL;
}

/*
 * The cache answers on the caller's thread; what it cannot answer is
 * parsed by workers, each a thread of its own, ended when the batch is
 * done: link-grammar keeps, per thread, the largest connector table a
 * parse on it has needed (one block, 8-34 MB after a long sentence) until
 * the thread ends; on the caller's thread -- a server's, which lives as
 * long as the process -- it would never be given back.  A thread costs
 * tens of microseconds against milliseconds for a parse, but a document
 * whose sentences are all in the cache (a corpus's repeated lines, an
 * edited file checked again) starts none.  Each sentence is joined once:
 * the text the cache missed is the text the worker parses.
 */
void parser_parse(struct parser *p, struct parse_job *jobs, size_t n)
{
	struct batch b = { p, xmalloc((n ? n : 1) * sizeof(*b.todo)), 0, 0 };
	size_t nt = p->opts.threads;
	pthread_t tid[8];
	size_t started = 0;

	for (size_t i = 0; i < n; i++) {
		struct joined *j = &b.todo[b.n];

		if (start_job(p, &jobs[i]))
			continue;
		join_words(&jobs[i], j);
		if (look_up(p, j))
			end_job(p, j, 1, cpu_now());
		else
			b.n++;
	}
	if (nt > b.n)
		nt = b.n;
	if (nt > ARRAY_SIZE(tid))
		nt = ARRAY_SIZE(tid);
	for (size_t t = 0; t < nt; t++) {
		if (pthread_create(&tid[started], NULL, worker, &b) != 0)
			break;
		started++;
	}
	if (!started && b.n)
		worker(&b); /* no thread to be had: parse here */
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	free(b.todo);
}

void parser_parse_cached(struct parser *p, struct parse_job *jobs, size_t n)
{
	/* lookups only: one thread, no parse options needed */
	for (size_t i = 0; i < n; i++) {
		struct joined j;
		int hit;

		if (start_job(p, &jobs[i]))
			continue;
		join_words(&jobs[i], &j);
		hit = look_up(p, &j);
		if (!hit)
			jobs[i].status = PARSE_SKIPPED;
		end_job(p, &j, hit, cpu_now());
	}
}

int parser_knows(struct parser *p, const char *word)
{
	return dictionary_word_is_known(p->dict, word);
}

int parser_has_entry(struct parser *p, const char *word)
{
	Dict_node *dn = dictionary_lookup_list(p->dict, word);
	int found = dn != NULL;

	free_lookup_list(p->dict, dn);
	return found;
}

unsigned parser_word_kinds(struct parser *p, const char *word)
{
	Dict_node *dn = dictionary_lookup_list(p->dict, word);
	size_t n = strlen(word);
	unsigned k = 0;

	for (Dict_node *x = dn; x; x = x->right) {
		const char *s = x->string;

		if (!s || strncmp(s, word, n) != 0 || strlen(s) < n + 2)
			continue;
		switch (s[n + 1]) {
		case 'n': k |= PARSER_NOUN; break;
		case 's': k |= PARSER_NOUN; break;
		case 'p': k |= PARSER_NOUN | PARSER_PLURAL; break;
		case 'v': k |= PARSER_VERB; break;
		case 'a': k |= PARSER_ADJ; break;
		case 'e': k |= PARSER_ADV; break;
		case 'g': k |= PARSER_VERB; break;
		default: break;
		}
		if (strcmp(s + n + 1, "a-c") == 0)
			k |= PARSER_COMPARATIVE;
	}
	free_lookup_list(p->dict, dn);
	return k;
}

int parser_can_be_adjective(struct parser *p, const char *word)
{
	Dict_node *dn = dictionary_lookup_list(p->dict, word);
	size_t n = strlen(word);
	int adj = 0;

	/* entries are the word, a subscript mark, then the subscript:
	 * "a" (or "a-c"...) for adjectives */
	for (Dict_node *x = dn; x && !adj; x = x->right)
		adj = x->string && strncmp(x->string, word, n) == 0 &&
		      strlen(x->string) > n + 1 && x->string[n + 1] == 'a' &&
		      (x->string[n + 2] == '\0' || x->string[n + 2] == '-');
	free_lookup_list(p->dict, dn);
	return adj;
}

void parser_get_stats(struct parser *p, struct parser_stats *out)
{
	pthread_mutex_lock(&p->lock);
	*out = p->stats;
	out->cache_bytes = gencache_bytes(&p->cache);
	out->cache_entries = gencache_count(&p->cache);
	out->cache_turns = p->cache.turns;
	pthread_mutex_unlock(&p->lock);
}

/* --- lifecycle ---------------------------------------------------------- */

/* The shared store of results made with this parser's set-up: its key
 * names everything a result depends on (parsestore.h). */
static void open_store(struct parser *p)
{
	char key[512];

	snprintf(key, sizeof(key),
		 "mtlint parse store 1; %s; dictionary %s; max_words %u; "
		 "short_length %u; max_nulls %u; relaxed_cost %.6f; "
		 "entry %zu",
		 linkgrammar_get_version(),
		 linkgrammar_get_dict_version(p->dict), p->opts.max_words,
		 p->opts.short_length, p->opts.max_nulls, p->opts.relaxed_cost,
		 sizeof(struct cache_entry));
	p->store = parse_store_open(key);
}

enum mt_err parser_open(const struct parser_options *opts,
			struct parser **out, struct mt_error *err)
{
	struct parser *p;
	long ncpu;

	*out = NULL;
	p = xcalloc(1, sizeof(*p));
	if (opts)
		p->opts = *opts;
	if (!p->opts.max_words)
		p->opts.max_words = 60;
	if (!p->opts.timeout_s)
		p->opts.timeout_s = 10;
	if (!p->opts.cache_bytes)
		p->opts.cache_bytes = PARSER_CACHE_BYTES;
	if (!p->opts.max_nulls)
		p->opts.max_nulls = 3;
	if (!p->opts.short_length)
		p->opts.short_length = 10;
	if (p->opts.relaxed_cost == 0)
		p->opts.relaxed_cost = 3.5;
	if (!p->opts.threads && getenv("MTLINT_PARSER_THREADS"))
		p->opts.threads = (unsigned)strtoul(
			getenv("MTLINT_PARSER_THREADS"), NULL, 10);
	if (!p->opts.threads) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		p->opts.threads = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (unsigned)ncpu;
	}
	if (p->opts.threads > 8)
		p->opts.threads = 8;
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	atomic_store(&lg_time_scale, ncpu < 1   ? 1u
				     : ncpu > 8 ? 8u
						: (unsigned)ncpu);
	p->dict = dict_acquire();
	if (!p->dict) {
		free(p);
		return mt_error(err, MT_ERR_DICT,
				"cannot load link-grammar's English dictionary "
				"(Debian package link-grammar-dictionaries-en)");
	}
	p->trace = getenv("MTLINT_PARSER_TRACE") != NULL;
	pthread_mutex_init(&p->lock, NULL);
	gencache_init(&p->cache, p->opts.cache_bytes);
	if (p->opts.share)
		open_store(p);
	*out = p;
	return MT_ERR_OK;
}

void parser_close(struct parser *p)
{
	if (!p)
		return;
	parse_store_close(p->store);
	gencache_release(&p->cache);
	pthread_mutex_destroy(&p->lock);
	dict_release();
	free(p);
}
