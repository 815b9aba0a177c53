package ui

import "sort"

// The sweep's pool: a few workers, each training one run at a time. This file decides who
// trains what; wasm/pool_js.go starts the workers and moves the messages.

// PoolSize is how many workers a sweep of jobs runs on, given the browser's
// navigator.hardwareConcurrency: one per core, at least 2 (a lone core still interleaves
// them fairly) and at most 8 (each worker holds a copy of the program and its memory), and
// never more than there are jobs.
func PoolSize(cores, jobs int) int {
	return max(min(max(cores, 2), 8, jobs), 1)
}

// SweepSchedule hands a sweep's jobs to workers, costliest first: the long deep runs start at
// once and the short ones fill the gaps at the end, so the sweep finishes sooner than in
// the order listed (longest-processing-time-first scheduling).
type SweepSchedule struct {
	queue   []SweepJob
	running map[int]SweepJob // by worker
}

func NewSweepSchedule(jobs []SweepJob) *SweepSchedule {
	q := append([]SweepJob(nil), jobs...)
	sort.SliceStable(q, func(a, b int) bool { return q[a].Cost() > q[b].Cost() })
	return &SweepSchedule{queue: q, running: map[int]SweepJob{}}
}

// Next gives an idle worker its next job; ok is false when none is left to start.
func (s *SweepSchedule) Next(worker int) (job SweepJob, ok bool) {
	if _, busy := s.running[worker]; busy || len(s.queue) == 0 {
		return SweepJob{}, false
	}
	job, s.queue = s.queue[0], s.queue[1:]
	s.running[worker] = job
	return job, true
}

// Job is what worker is training.
func (s *SweepSchedule) Job(worker int) (SweepJob, bool) {
	j, ok := s.running[worker]
	return j, ok
}

// Finish marks worker idle.
func (s *SweepSchedule) Finish(worker int) { delete(s.running, worker) }

// Done reports whether every job has been started and finished.
func (s *SweepSchedule) Done() bool { return len(s.queue) == 0 && len(s.running) == 0 }
