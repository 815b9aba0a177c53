package e2e

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

func TestZZProfile(t *testing.T) {
	if os.Getenv("ZZPROF") == "" {
		t.Skip()
	}
	p := newPage(t, 1280, 800)
	p.open(t, os.Getenv("ZZPROF"))
	p.click(t, "#play")
	time.Sleep(time.Second)
	var before, after struct{ N, MS, BuildMS float64 }
	const renders = `({N: self.resnetRenders, MS: self.resnetRenderMS, BuildMS: self.resnetBuildMS})`
	p.eval(t, renders, &before)
	var prof *profiler.Profile
	p.run(t, "profile", chromedp.ActionFunc(func(ctx context.Context) error {
		if err := profiler.Enable().Do(ctx); err != nil {
			return err
		}
		if err := profiler.SetSamplingInterval(50).Do(ctx); err != nil {
			return err
		}
		if err := profiler.Start().Do(ctx); err != nil {
			return err
		}
		time.Sleep(4 * time.Second)
		var err error
		prof, err = profiler.Stop().Do(ctx)
		return err
	}))
	p.eval(t, renders, &after)
	fmt.Printf("renders %v ms %v build %v\n", after.N-before.N, after.MS-before.MS, after.BuildMS-before.BuildMS)
	self := map[string]int{}
	byID := map[int64]string{}
	for _, n := range prof.Nodes {
		byID[n.ID] = n.CallFrame.FunctionName
	}
	total := 0
	for _, s := range prof.Samples {
		if byID[s] == "(idle)" {
			continue
		}
		self[byID[s]]++
		total++
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range self {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(a, b int) bool { return l[a].v > l[b].v })
	for i, e := range l {
		if i > 45 {
			break
		}
		fmt.Printf("%6.2f%% %5.1fms %s\n", 100*float64(e.v)/float64(total), float64(e.v)*0.05, e.k)
	}
}
