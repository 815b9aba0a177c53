package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// threadCPU is the CPU time (user + system) each thread of this page's Chromium whose name
// starts with prefix has used so far, by "name/thread id", read from /proc (Linux only;
// empty elsewhere). Wall-clock times on a shared machine measure the other processes as much as
// ours; a thread's CPU time measures only what it did. Chromium names a Web Worker's thread
// "DedicatedWorker thread" ("DedicatedWorker" as /proc truncates it) and the page's main
// thread after the renderer ("CrRendererMain").
func (p *page) threadCPU(prefix string) map[string]time.Duration {
	c := chromedp.FromContext(p.ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		return nil
	}
	root := c.Browser.Process().Pid
	// The browser's descendants: a child's stat names its parent.
	parent := map[int]int{}
	procs, _ := os.ReadDir("/proc")
	for _, d := range procs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if f := statFields(filepath.Join("/proc", d.Name(), "stat")); len(f) > 2 {
			parent[pid], _ = strconv.Atoi(f[1])
		}
	}
	mine := func(pid int) bool {
		for i := 0; i < 64 && pid > 1; i++ {
			if pid == root {
				return true
			}
			pid = parent[pid]
		}
		return false
	}
	const tick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	out := map[string]time.Duration{}
	for pid := range parent {
		if !mine(pid) {
			continue
		}
		tasks, _ := os.ReadDir(filepath.Join("/proc", strconv.Itoa(pid), "task"))
		for _, task := range tasks {
			dir := filepath.Join("/proc", strconv.Itoa(pid), "task", task.Name())
			b, _ := os.ReadFile(filepath.Join(dir, "comm"))
			comm := strings.TrimSpace(string(b))
			if !strings.HasPrefix(comm, prefix) {
				continue
			}
			if f := statFields(filepath.Join(dir, "stat")); len(f) > 13 {
				u, _ := strconv.Atoi(f[11])
				s, _ := strconv.Atoi(f[12])
				out[comm+"/"+task.Name()] = time.Duration(u+s) * tick
			}
		}
	}
	return out
}

// statFields are the fields of a /proc stat file after the command's name (which may hold
// spaces, in parentheses): field 0 is the state, 1 the parent's pid, 11 and 12 utime, stime.
func statFields(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(s[i+1:])
}

// cpuSince is how much CPU each thread in now used since then.
func cpuSince(then, now map[string]time.Duration) map[string]time.Duration {
	d := map[string]time.Duration{}
	for k, v := range now {
		d[k] = v - then[k]
	}
	return d
}

// busiest are the n threads that used the most CPU in d, as "name 1.23 s", busiest first.
func busiest(d map[string]time.Duration, n int) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return d[keys[i]] > d[keys[j]] })
	var out []string
	for _, k := range keys[:min(n, len(keys))] {
		name, _, _ := strings.Cut(k, "/")
		out = append(out, fmt.Sprintf("%s %.2f s", name, d[k].Seconds()))
	}
	return out
}
