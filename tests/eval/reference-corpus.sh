#!/bin/sh
# reference-corpus.sh OUTDIR SOURCE -- build an evaluation corpus of the
# reference comparison (make eval-reference).
#
# Clean English prose is cut into articles of about 350 words at paragraph
# boundaries (OUTDIR/ref/NNN.txt).  Each article is machine translated into
# Spanish and back with Apertium (apertium-eng-spa), giving real MT English
# on the same facts (OUTDIR/mt/NNN.txt).  The eval driver then injects name
# and number errors into the MT side and measures what the checker finds.
# SOURCE is
#   history  Debian's project history (package debian-history: people,
#            releases, dates), all of its English prose, about 9,000 words;
#            used while developing the checks;
#   jargon   the Jargon File (package jargon-text: people, places, years),
#            every 25th paragraph up to about 12,000 words; held out: not
#            read while developing the checks.
set -eu
out=$1
source=${2:-history}
src=/usr/share/doc/debian-history
mkdir -p "$out/ref" "$out/mt"
rm -f "$out"/ref/*.txt "$out"/mt/*.txt
every=1
limit=1000000

# HTML to paragraphs: block tags end a paragraph, other tags go, the few
# entities these pages use are decoded.
html2text() {
	sed -e 's#</\{0,1\}\(p\|h[1-6]\|li\|div\|br\|tr\|td\|dt\|dd\|title\|pre\)\( [^>]*\)\{0,1\}/\{0,1\}>#\n\n#g' \
	    -e 's/<[^>]*>//g' \
	    -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&nbsp;/ /g; s/&#8217;/’/g; s/&amp;/\&/g' "$1"
}

text_history() {
	for f in intro leaders releases manifesto detailed; do
		html2text "$src/docs/$f.en.html"
		printf '\n\n'
	done
	for f in "$src"/dedication/dedication-2.2.txt \
		 "$src"/dedication/dedication-5.0.txt \
		 "$src"/dedication/dedication-9.0.txt; do
		cat "$f"
		printf '\n\n'
	done
}

case $source in
history) text=text_history ;;
jargon)
	text="zcat /usr/share/doc/jargon-text/jargon.txt.gz"
	every=25
	limit=12000
	;;
*)
	echo "reference-corpus.sh: unknown source '$source'" >&2
	exit 2
	;;
esac

$text | awk -v dir="$out/ref" -v every=$every -v limit=$limit '
	BEGIN { RS = ""; n = 0; words = 0; file = ""; kept = 0; total = 0 }
	{
		gsub(/[ \t\r\n]+/, " ")
		sub(/^ /, ""); sub(/ $/, "")
		# headings, navigation and lists of names: not prose
		if (split($0, w, " ") < 10 || $0 !~ /[.!?]$/)
			next
		if (kept++ % every != 0 || total >= limit)
			next
		total += split($0, w, " ")
		if (file == "" || words >= 350) {
			if (file != "")
				close(file)
			n++
			file = sprintf("%s/%03d.txt", dir, n)
			words = 0
			printf "%s\n", $0 > file
		} else {
			printf "\n%s\n", $0 > file
		}
		words += split($0, w, " ")
	}'

for f in "$out"/ref/*.txt; do
	apertium -u eng-spa < "$f" | apertium -u spa-eng > "$out/mt/${f##*/}"
done
echo "reference corpus: $(ls "$out"/ref | wc -l) article pairs," \
     "$(cat "$out"/ref/*.txt | wc -w) words, in $out"
