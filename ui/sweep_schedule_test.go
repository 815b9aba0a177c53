package ui

import (
	"testing"

	"resnetplayground/lab"
)

func TestPoolSize(t *testing.T) {
	for _, tc := range []struct{ cores, jobs, want int }{
		{1, 12, 2}, {2, 12, 2}, {4, 12, 4}, {16, 12, 8}, {16, 3, 3}, {4, 1, 1}, {0, 12, 2}, {4, 0, 1},
	} {
		if got := PoolSize(tc.cores, tc.jobs); got != tc.want {
			t.Errorf("PoolSize(%d cores, %d jobs) = %d, want %d", tc.cores, tc.jobs, got, tc.want)
		}
	}
}

func TestScheduleStartsCostliestFirstAndRunsEachJobOnce(t *testing.T) {
	jobs, err := SweepJobs(lab.Default(), []int{2, 64, 8}, []uint64{1}, 100)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSweepSchedule(jobs)
	first, ok := s.Next(0)
	if !ok || first.Depth() != 64 {
		t.Fatalf("worker 0 got depth %d first, want 64 (the costliest)", first.Depth())
	}
	if _, ok := s.Next(0); ok {
		t.Fatal("a busy worker was given a second job")
	}
	seen := map[int]bool{first.Index: true}
	second, _ := s.Next(1)
	seen[second.Index] = true
	if second.Depth() != 64 {
		t.Errorf("worker 1 got depth %d, want the other 64-block run", second.Depth())
	}
	if j, ok := s.Job(1); !ok || j.Index != second.Index {
		t.Error("the schedule does not know what worker 1 runs")
	}
	for !s.Done() {
		for w := range 2 {
			if _, busy := s.Job(w); busy {
				s.Finish(w)
			}
			if j, ok := s.Next(w); ok {
				if seen[j.Index] {
					t.Fatalf("job %d handed out twice", j.Index)
				}
				seen[j.Index] = true
			}
		}
	}
	if len(seen) != len(jobs) {
		t.Errorf("%d of %d jobs ran", len(seen), len(jobs))
	}
}
