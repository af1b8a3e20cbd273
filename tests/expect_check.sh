# expect_check.sh: the check of the pathological tests (tests/frontend,
# tests/html), sourced by them. Each defines run, which compiles the
# file it is given as the test needs, and the directory dir of its
# inputs.
#
# expect FILE STATUS ERRORS [LINE]: run FILE, with a 1 MB stack (so that
# recursion over depth would overflow it), exits with STATUS and reports
# ERRORS errors, the first at LINE when given. Sets fail=1 otherwise.
expect() {
	(ulimit -s 1024; run "$dir/$1" >/dev/null 2>"$dir/err")
	status=$?
	errors=$(grep -c ': error: ' "$dir/err")
	line=$(grep -m1 ': error: ' "$dir/err" | cut -d: -f2)
	if [ "$status" != "$2" ] || [ "$errors" != "$3" ] || [ "${4:-$line}" != "$line" ]; then
		echo "FAIL $1: status $status, $errors errors at line $line (want $2, $3, ${4:-any})"
		head -3 "$dir/err"
		fail=1
	else
		echo "ok $1: status $status, $errors errors"
	fi
}
