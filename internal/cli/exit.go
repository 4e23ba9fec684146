package cli

import "fmt"

// Exit codes, the same for every command (documented in README and in
// `plancheck --help`).
const (
	// ExitOK: the command did its work: everything was scored (and no
	// --fail-on change was found), the catalog is valid, its examples pass.
	ExitOK = 0
	// ExitChanges: `diff` or `score --baseline` found a change named by
	// --fail-on.
	ExitChanges = 1
	// ExitError: a usage error; a bad catalog, config, report or gold
	// file; a failing catalog example (clauses test); or an input that
	// could not be scored (the others are still scored and reported).
	ExitError = 2
)

const exitCodesHelp = `Exit codes:
  0  success: everything was scored (and no change named by --fail-on was
     found), the catalog is valid, its examples pass
  1  diff or score --baseline: a change named by --fail-on was found
  2  usage error; bad catalog, config (.plancheck.yaml), report or gold file;
     a failing catalog example (clauses test); or an input that could not be
     scored (in a batch the other inputs are still scored and reported)`

// StatusError ends a command with a code after its output was written; Msg,
// when set, is printed on stderr as "plancheck: Msg".
type StatusError struct {
	Code int
	Msg  string
}

func (e *StatusError) Error() string {
	if e.Msg == "" {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Msg
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}
