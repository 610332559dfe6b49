#!/bin/sh
# The shell completions (make check-completions): generated from the option
# table by `mtlint help --completion SHELL` into DIR.
#
#   tests/completions.sh BIN DIR
#
# Each script parses in its shell (bash -n, zsh -n, fish -n); bash's then
# completes the choices of an option, the subcommands, and every option
# `mtlint --help` lists; fish's completes --format's choices.
set -u
bin=$1 dir=$2
fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "  FAIL     completions: $*"; fail=$((fail + 1)); }

bash -n "$dir/mtlint.bash" && ok || bad "bash -n"
zsh -n "$dir/_mtlint" && ok || bad "zsh -n"
fish -n "$dir/mtlint.fish" && ok || bad "fish -n"

got=$(bash -c '. "$1"; COMP_WORDS=(mtlint --fail-on w); COMP_CWORD=2;
	_mtlint; echo "${COMPREPLY[*]}"' sh "$dir/mtlint.bash")
[ "$got" = warning ] && ok || bad "bash: --fail-on w gave '$got'"
got=$(bash -c '. "$1"; COMP_WORDS=(mtlint ini); COMP_CWORD=1;
	_mtlint; echo "${COMPREPLY[*]}"' sh "$dir/mtlint.bash")
[ "$got" = init ] && ok || bad "bash: 'ini' gave '$got'"
all=$(bash -c '. "$1"; COMP_WORDS=(mtlint --); COMP_CWORD=1;
	_mtlint; echo "${COMPREPLY[*]}"' sh "$dir/mtlint.bash")
for opt in $("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	case " $all " in
	*" $opt "*) ok ;;
	*) bad "bash does not complete $opt" ;;
	esac
done
got=$(fish -c "source '$dir/mtlint.fish'; complete -C 'mtlint --format js'" |
	cut -f1)
[ "$got" = json ] && ok || bad "fish: --format js gave '$got'"
echo "completions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
