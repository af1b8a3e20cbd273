#!/bin/sh
# git.sh: sides read from git as REV:path, a file or a directory, with
# imports (beside the file and through -I) found in the same revision.
set -u
command -v git >/dev/null 2>&1 || { echo "git is not installed"; exit 77; }
# The repository is the test's own, whatever the caller's git settings.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY
export GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check STATUS RULES DESCRIPTION ARGS... (RULES: sorted, comma-separated)
	want=$1 rules=$2 what=$3
	shift 3
	(cd "$tmp/repo/specs" && "$GSLC" compat --format=json "$@") >"$tmp/out" 2>"$tmp/err"
	got=$?
	have=$("$PYTHON" -c 'import json,sys; print(",".join(sorted(f["rule"] + " " + f["symbol"] for f in json.load(open(sys.argv[1]))["findings"])))' "$tmp/out" 2>/dev/null)
	if [ "$got" != "$want" ] || [ "$have" != "$rules" ]; then
		echo "FAIL: $what: status $got (expected $want), findings '$have' (expected '$rules')"
		cat "$tmp/err"
		fail=1
	fi
}
mkdir -p "$tmp/repo/specs" "$tmp/repo/lib"
cd "$tmp/repo" || exit 99
git init -q . && git config user.email t@example.org && git config user.name test || exit 99
cat >specs/kinds.gsl <<'G'
.kind:: Set
..attr:: size
..method:: add
G
cat >specs/main.gsl <<'G'
.import:: Set
..from: kinds
.import:: Base
..from: base
.kind:: Bag
..subkind of: Base
G
cat >lib/base.gsl <<'G'
.kind:: Base
..attr:: origin
G
git add . && git commit -qm one || exit 99
printf '.kind:: Set\n..attr:: size\n' >specs/kinds.gsl
printf '.kind:: Base\n' >lib/base.gsl
git commit -qam two || exit 99
printf '.kind:: Set\n' >specs/kinds.gsl

# Directories: the revision's, and the work tree's.
check 1 "attr-removed base.Base.origin,attr-removed kinds.Set.size,method-removed kinds.Set.add" \
	"directory from git to the work tree" \
	-I ../lib HEAD~1:specs .
check 0 "" "the same revision" -I ../lib HEAD:specs HEAD:specs
# A file whose imports come from the revision, beside it and through -I.
check 1 "attr-removed base.Base.origin,method-removed kinds.Set.add" "file with imports from two revisions" \
	-I ../lib HEAD~1:specs/main.gsl HEAD:specs/main.gsl
# Paths relative to the current directory.
check 1 "attr-removed kinds.Set.size" "REV:./path" HEAD:./kinds.gsl kinds.gsl
# A revision that does not exist, a path that is not there.
check 2 "" "unknown revision" HEAD~5:specs .
check 2 "" "unknown path" HEAD:nowhere .
exit $fail
