package lab

import (
	"context"
	"sync"
)

// WhyConfig is the experiment of the Why view, headless: train both twins of Spec for Steps
// steps, then picture why they differ — their loss landscapes (when Landscape is set) and their
// shattered gradients at initialisation and after training (when Shatter is set).
type WhyConfig struct {
	Spec      Spec
	Steps     int
	Landscape *LandscapeConfig
	Shatter   bool
}

// WhyTwin is what one twin shows.
type WhyTwin struct {
	Metrics     Metrics    // after training
	Landscape   *Landscape // around the trained weights
	Roughness   float64    // of Landscape (see Landscape.Roughness)
	ShatterInit *Shattered // before training
	ShatterNow  *Shattered // after training
}

// Why trains the plain and the residual twin of c.Spec side by side (one goroutine each) and
// computes what c asks for. progress, if not nil, hears each twin's stage ("training",
// "landscape", "done"); it is called from both goroutines, one call at a time. When ctx is done
// it stops and returns ctx.Err().
func Why(ctx context.Context, c WhyConfig, progress func(residual bool, stage string)) (plain, residual WhyTwin, err error) {
	if c.Landscape != nil {
		if err := c.Landscape.Validate(); err != nil {
			return plain, residual, err
		}
	}
	ps, rs := Twins(c.Spec)
	var mu sync.Mutex
	say := func(res bool, stage string) {
		if progress != nil {
			mu.Lock()
			defer mu.Unlock()
			progress(res, stage)
		}
	}
	var wg sync.WaitGroup
	var errs [2]error
	for i, s := range []Spec{ps, rs} {
		out := &plain
		if i == 1 {
			out = &residual
		}
		wg.Go(func() { errs[i] = whyTwin(ctx, s, c, out, func(stage string) { say(i == 1, stage) }) })
	}
	wg.Wait()
	for _, e := range errs {
		if e != nil {
			return plain, residual, e
		}
	}
	return plain, residual, nil
}

func whyTwin(ctx context.Context, s Spec, c WhyConfig, out *WhyTwin, say func(string)) error {
	t, err := NewTrainer(s)
	if err != nil {
		return err
	}
	if c.Shatter {
		init, err := t.ShatterAtInit() // before training, and to refuse image data at once
		if err != nil {
			return err
		}
		out.ShatterInit = &init
	}
	say("training")
	if err := t.StepContext(ctx, c.Steps); err != nil {
		return err
	}
	if out.Metrics, err = t.MetricsContext(ctx); err != nil {
		return err
	}
	if c.Shatter {
		now, err := t.Shatter()
		if err != nil {
			return err
		}
		out.ShatterNow = &now
	}
	if c.Landscape != nil {
		say("landscape")
		l, err := t.Landscape(ctx, *c.Landscape)
		if err != nil {
			return err
		}
		out.Landscape, out.Roughness = &l, l.Roughness()
	}
	say("done")
	return nil
}
