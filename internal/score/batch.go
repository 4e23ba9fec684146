package score

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/textin"
)

// BatchOptions configure Run.
type BatchOptions struct {
	// Workers is the number of articles scored at once; 0 means one per CPU.
	Workers int
	Load    textin.Options
	Walk    textin.WalkOptions
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Run scores every article named by paths (files, folders walked
// recursively, or "-" for stdin) with opts.Workers workers, and calls emit
// once per article, in path order, whatever the number of workers. Only a
// bounded window of results is held, so memory does not grow with the
// number of files. An article that cannot be read or scored is emitted with
// its Error set; Run returns early only when emit fails or ctx ends.
func (s *Scorer) Run(ctx context.Context, paths []string, opts BatchOptions, emit func(*report.Article) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		path string
		err  error
	}
	type result struct {
		seq int
		art *report.Article
	}
	// At most inFlight articles are read, scored or waiting to be emitted
	// in order. The results channel holds them all, so that a worker
	// never waits for the emitter (printing a table takes longer than
	// scoring most articles), and the window is wide enough that one
	// long article does not starve the other workers of jobs while the
	// results behind it queue up.
	inFlight := workers * 64
	window := make(chan struct{}, inFlight)
	jobs := make(chan job, inFlight)
	results := make(chan result, inFlight)

	go func() {
		defer close(jobs)
		seq := 0
		send := func(path string, err error) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			jobs <- job{seq: seq, path: path, err: err}
			seq++
			return true
		}
		walk := func(roots []string) bool {
			for path, err := range textin.Paths(roots, opts.Walk) {
				if !send(path, err) {
					return false
				}
			}
			return true
		}
		var roots []string
		for _, p := range SortPaths(paths) {
			if p != "-" {
				roots = append(roots, p)
				continue
			}
			if !walk(roots) || !send("-", nil) {
				return
			}
			roots = nil
		}
		walk(roots)
	}()

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := s.NewWorker()
			for j := range jobs {
				a := w.scoreInput(j.path, j.err, opts)
				results <- result{seq: j.seq, art: a}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]*report.Article{}
	next := 0
	var emitErr error
	for r := range results {
		if emitErr != nil {
			<-window
			continue
		}
		pending[r.seq] = r.art
		for {
			a, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := emit(a); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

// scoreInput loads and scores one input; every failure, including a panic
// in the pipeline, becomes the article's Error so the batch goes on.
func (w *Worker) scoreInput(path string, walkErr error, opts BatchOptions) (a *report.Article) {
	a = &report.Article{Path: path, Mentions: []report.Mention{}}
	if walkErr != nil {
		a.Error = errorMessage(path, walkErr)
		return a
	}
	defer func() {
		if r := recover(); r != nil {
			a = &report.Article{Path: path, Mentions: []report.Mention{},
				Error: fmt.Sprintf("internal error while scoring (please report it): %v\n%s", r, firstLines(string(debug.Stack()), 8))}
		}
	}()
	var t *textin.Text
	var err error
	if path == "-" {
		t, err = textin.LoadReader("-", opts.Stdin, opts.Load)
	} else {
		t, err = textin.Load(path, opts.Load)
	}
	if err != nil {
		a.Error = errorMessage(path, err)
		return a
	}
	art := w.Score(path, t.Body)
	art.Warnings = append(art.Warnings, t.Warnings...)
	return &art
}

// errorMessage is err without the path it would repeat.
func errorMessage(path string, err error) string {
	var ie *textin.InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	msg := err.Error()
	return strings.TrimPrefix(msg, path+": ")
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// SortPaths orders paths as reports list articles: component by component,
// so "a/b.txt" comes before "a-c.txt" (the order a folder walk yields).
// Repeated paths are dropped.
func SortPaths(paths []string) []string {
	out := append([]string(nil), paths...)
	sort.SliceStable(out, func(i, j int) bool { return PathLess(out[i], out[j]) })
	w := 0
	for i, p := range out {
		if i > 0 && p == out[w-1] {
			continue
		}
		out[w] = p
		w++
	}
	return out[:w]
}

// PathLess compares paths component by component.
func PathLess(a, b string) bool {
	return strings.ReplaceAll(a, "/", "\x00") < strings.ReplaceAll(b, "/", "\x00")
}
