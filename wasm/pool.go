package main

import (
	"sort"

	"resnetplayground/ui"
)

// The sweep's pool: a few workers, each training one run at a time. This file decides who
// trains what; pool_js.go moves the messages.

// poolSize is how many workers a sweep of jobs runs on, given the browser's
// navigator.hardwareConcurrency: one per core, at least 2 (a lone core still interleaves
// them fairly) and at most 8 (each worker holds a copy of the program and its memory), and
// never more than there are jobs.
func poolSize(cores, jobs int) int {
	return max(min(max(cores, 2), 8, jobs), 1)
}

// schedule hands a sweep's jobs to workers, costliest first: the long deep runs start at
// once and the short ones fill the gaps at the end, so the sweep finishes sooner than in
// the order listed (longest-processing-time-first scheduling).
type schedule struct {
	queue   []ui.SweepJob
	running map[int]ui.SweepJob // by worker
}

func newSchedule(jobs []ui.SweepJob) *schedule {
	q := append([]ui.SweepJob(nil), jobs...)
	sort.SliceStable(q, func(a, b int) bool { return q[a].Cost() > q[b].Cost() })
	return &schedule{queue: q, running: map[int]ui.SweepJob{}}
}

// next gives an idle worker its next job; ok is false when none is left to start.
func (s *schedule) next(worker int) (job ui.SweepJob, ok bool) {
	if _, busy := s.running[worker]; busy || len(s.queue) == 0 {
		return ui.SweepJob{}, false
	}
	job, s.queue = s.queue[0], s.queue[1:]
	s.running[worker] = job
	return job, true
}

// job is what worker is training.
func (s *schedule) job(worker int) (ui.SweepJob, bool) {
	j, ok := s.running[worker]
	return j, ok
}

// finish marks worker idle.
func (s *schedule) finish(worker int) { delete(s.running, worker) }

// done reports whether every job has been started and finished.
func (s *schedule) done() bool { return len(s.queue) == 0 && len(s.running) == 0 }
