#!/bin/sh
# reference-corpus.sh OUTDIR -- build the evaluation corpus of the reference
# comparison (make eval-reference).
#
# Clean English prose from Debian's debian-history package (the project's
# history: people, releases, dates) is cut into articles of about 350 words
# at paragraph boundaries (OUTDIR/ref/NNN.txt).  Each article is machine
# translated into Spanish and back with Apertium (apertium-eng-spa), giving
# real MT English on the same facts (OUTDIR/mt/NNN.txt).  Nobody tuned the
# checker to these texts.  The eval driver then injects name and number
# errors into the MT side and measures what the checker finds.
set -eu
out=$1
src=/usr/share/doc/debian-history
mkdir -p "$out/ref" "$out/mt"
rm -f "$out"/ref/*.txt "$out"/mt/*.txt

# HTML to paragraphs: block tags end a paragraph, other tags go, the few
# entities these pages use are decoded.
html2text() {
	sed -e 's#</\{0,1\}\(p\|h[1-6]\|li\|div\|br\|tr\|td\|dt\|dd\|title\|pre\)\( [^>]*\)\{0,1\}/\{0,1\}>#\n\n#g' \
	    -e 's/<[^>]*>//g' \
	    -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&nbsp;/ /g; s/&#8217;/’/g; s/&amp;/\&/g' "$1"
}

{
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
} | awk -v dir="$out/ref" '
	BEGIN { RS = ""; n = 0; words = 0; file = "" }
	{
		gsub(/[ \t\r\n]+/, " ")
		sub(/^ /, ""); sub(/ $/, "")
		# headings, navigation and lists of names: not prose
		if (split($0, w, " ") < 10 || $0 !~ /[.!?]$/)
			next
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
