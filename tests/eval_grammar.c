/*
 * eval_grammar: sentence-level precision and recall of the whole checker on
 * a labelled TSV (label<TAB>sentence, label "good" or "bad"), such as
 * /work/shared/eval/grammar/grammar.tsv.
 *
 * Every sentence is checked on its own as a one-line document by the same
 * checker the command line opens (all passes, grammar parser on); a
 * sentence is "flagged" when it gets a finding at warning or above.  The
 * figures are printed for all rules together and for the grammar parser's
 * rule alone, so that after other passes are merged the same run measures
 * rules + parser.
 *
 *   eval-grammar [--parser off] [--show fp|fn|tp] FILE.tsv
 *
 * --show prints the sentences of one cell (false positives: good sentences
 * flagged) with the findings (rule, severity, text, message), for reading -- not for tuning to them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/checker.h"
#include "check/diag.h"
#include "text/document.h"

struct counts {
	unsigned good, bad, good_flagged, bad_flagged;
};

static void print_counts(const char *what, const struct counts *c)
{
	double p = c->good_flagged + c->bad_flagged
			   ? (double)c->bad_flagged /
				     (c->good_flagged + c->bad_flagged)
			   : 0;
	double r = c->bad ? (double)c->bad_flagged / c->bad : 0;

	printf("%-18s good flagged %4u / %u (%.1f %%)   bad flagged %4u / "
	       "%u   precision %.3f  recall %.3f\n",
	       what, c->good_flagged, c->good,
	       c->good ? 100.0 * c->good_flagged / c->good : 0, c->bad_flagged,
	       c->bad, p, r);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct counts all = { 0 }, grammar = { 0 }, parser = { 0 };
	struct checker *c;
	struct mt_error err = { 0 };
	const char *show = NULL, *path = NULL;
	char *line = NULL;
	size_t cap = 0, n_lines = 0;
	ssize_t len;
	double t0, slowest = 0;
	char slowest_text[256] = "";
	FILE *f;

	o.grammar_parser = 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--parser") == 0 && i + 1 < argc)
			o.grammar_parser = strcmp(argv[++i], "off") != 0;
		else if (strcmp(argv[i], "--show") == 0 && i + 1 < argc)
			show = argv[++i];
		else
			path = argv[i];
	}
	if (!path) {
		fprintf(stderr, "usage: eval-grammar [--parser on|off] "
				"[--show fp|fn|tp] FILE.tsv\n");
		return 2;
	}
	f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 2;
	}
	if (checker_new(&o, &c, &err) != MT_ERR_OK) {
		fprintf(stderr, "eval-grammar: %s\n", err.msg);
		return 2;
	}
	t0 = now();
	while ((len = getline(&line, &cap, f)) > 0) {
		char *tab = strchr(line, '\t'), *s;
		struct document *doc;
		struct diag_list l;
		int bad, any = 0, by_grammar = 0, by_parser = 0;
		double t1;

		if (!tab)
			continue;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		*tab = '\0';
		s = tab + 1;
		bad = strcmp(line, "bad") == 0;
		if (document_load_mem("eval", s, strlen(s), NULL, &doc, &err) !=
		    MT_ERR_OK)
			continue;
		diag_list_init(&l, &doc->arena);
		t1 = now();
		if (checker_check(c, doc, NULL, &l, &err) != MT_ERR_OK) {
			fprintf(stderr, "eval-grammar: %s\n", err.msg);
			return 2;
		}
		if (now() - t1 > slowest) {
			slowest = now() - t1;
			snprintf(slowest_text, sizeof(slowest_text), "%s", s);
		}
		n_lines++;
		for (size_t i = 0; i < l.n; i++) {
			if (l.v[i].severity < MT_SEV_WARNING)
				continue;
			any = 1;
			/* spelling and name consistency are other checks:
			 * the grammar figure is rules + parser */
			if (strcmp(l.v[i].category, "fluency/spelling") != 0 &&
			    strncmp(l.v[i].rule, "names.", 6) != 0)
				by_grammar = 1;
			if (strncmp(l.v[i].rule, "grammar.parse", 13) == 0)
				by_parser = 1;
		}
		if (bad) {
			all.bad++, parser.bad++, grammar.bad++;
			all.bad_flagged += any;
			grammar.bad_flagged += by_grammar;
			parser.bad_flagged += by_parser;
		} else {
			all.good++, parser.good++, grammar.good++;
			all.good_flagged += any;
			grammar.good_flagged += by_grammar;
			parser.good_flagged += by_parser;
		}
		if (show && ((!strcmp(show, "fp") && !bad && any) ||
			     (!strcmp(show, "fn") && bad && !any) ||
			     (!strcmp(show, "tp") && bad && any))) {
			printf("%s\t%s\n", line, s);
			for (size_t i = 0; i < l.n; i++)
				printf("\t%s %s %.*s | %s\n", l.v[i].rule,
				       mt_severity_name(l.v[i].severity),
				       (int)(l.v[i].span.end -
					     l.v[i].span.start),
				       doc->text + l.v[i].span.start,
				       l.v[i].message);
		}
		diag_list_release(&l);
		document_free(doc);
	}
	printf("%s: %zu sentences in %.1f s (%.1f ms per sentence, slowest "
	       "%.0f ms)\n",
	       path, n_lines, now() - t0,
	       n_lines ? 1000 * (now() - t0) / n_lines : 0, 1000 * slowest);
	printf("slowest: %s\n", slowest_text);
	print_counts("all checks", &all);
	print_counts("rules + parser", &grammar);
	print_counts("grammar.parse", &parser);
	free(line);
	fclose(f);
	checker_free(c);
	return 0;
}
