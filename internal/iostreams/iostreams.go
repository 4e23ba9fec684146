// Package iostreams is the one place plancheck's commands read and write:
// it knows whether stdout and stderr are terminals and whether colour and
// progress are wanted, so commands never touch os.Stdout and tests can use
// buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams holds a command's input and outputs.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY, stderrTTY bool
	// colorMode is auto, always or never.
	colorMode string
	noColor   bool
	Quiet     bool
}

// System returns streams on the process's stdin, stdout and stderr.
func System() *IOStreams {
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr),
		colorMode: "auto",
	}
	s.ApplyEnv(os.Getenv)
	return s
}

// ApplyEnv reads the colour variables: NO_COLOR (set and not empty: no
// colour in auto mode, see no-color.org) and CLICOLOR_FORCE (set and not
// "0": colour even when stdout is not a terminal). A --color flag given on
// the command line overrides both.
func (s *IOStreams) ApplyEnv(getenv func(string) string) {
	s.noColor = getenv("NO_COLOR") != ""
	if v := getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		s.colorMode = "always"
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams on buffers, as neither stdout nor stderr were a
// terminal: the stdin, stdout and stderr buffers are returned too.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, colorMode: "auto"}, in, out, errOut
}

// SetTTY says whether stdout and stderr count as terminals (for tests).
func (s *IOStreams) SetTTY(stdout, stderr bool) {
	s.stdoutTTY, s.stderrTTY = stdout, stderr
}

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetColorMode sets "auto", "always" or "never"; it reports false for
// anything else.
func (s *IOStreams) SetColorMode(mode string) bool {
	switch mode {
	case "auto", "always", "never":
		s.colorMode = mode
		return true
	}
	return false
}

// ColorEnabled reports whether stdout output should be coloured: always
// with --color always, never with --color never, otherwise only on a
// terminal and without NO_COLOR.
func (s *IOStreams) ColorEnabled() bool {
	switch s.colorMode {
	case "always":
		return true
	case "never":
		return false
	}
	return s.stdoutTTY && !s.noColor
}

// ProgressEnabled reports whether a progress bar may be drawn on stderr.
func (s *IOStreams) ProgressEnabled() bool { return s.stderrTTY && !s.Quiet }

// TerminalWidth is the width of the terminal on stdout, or 0 when stdout is
// not a terminal.
func (s *IOStreams) TerminalWidth() int {
	if !s.stdoutTTY {
		return 0
	}
	f, ok := s.Out.(*os.File)
	if !ok {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}
