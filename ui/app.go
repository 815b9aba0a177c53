// Package ui is the page of ResNet Playground: Vugu components, one per thing on screen,
// around one App that holds the experiment's Spec and the latest results from the trainer.
// Nothing here trains; commands go to the worker through a Host, results come back as Reports.
package ui

//go:generate go tool vugugen -s
//go:generate gofmt -w 0_components_gen.go

import (
	"errors"
	"math/rand/v2"
	"resnetplayground/proto"
	"strings"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// Host is what the page needs from the browser: a way to reach the training worker, and the
// URL hash that keeps the settings.
type Host interface {
	Send(proto.Command)
	ReplaceHash(hash string) // without "#"; replaces the history entry, adds none
}

// App is the state of the page. Its methods are the user's actions; each one keeps the Spec
// valid, mirrors it into the URL hash and tells the worker. Components read App and call its
// methods from their event handlers (which already hold the render lock).
type App struct {
	Spec     lab.Spec
	Live     bool // shortcut toggles apply to the running network instead of restarting it
	Running  bool
	Selected int // the block the editor shows
	Gen      int // numbers the trainer resets; reports of older ones are ignored

	Metrics  lab.Metrics
	Measured bool // Metrics are of the current run (false until its first report)
	History  []proto.Sample
	Diverged bool
	Lesion   *proto.LesionReport // the latest lesion answer about this run, nil before the first

	Boundary        []float32 // see Report
	GridN, Classes  int
	BoundaryVersion int // bumped for every new boundary, so the canvas repaints only then
	Train, Test     *data.Set
	PointsVersion   int

	Notice    string            // shown above everything: a bad link, a worker failure
	FieldMsgs map[string]string // per-control messages, by the Spec's JSON field name

	// Sent numbers the commands sent to the worker and Acked is the last one the worker has
	// acknowledged (proto.Command.Seq); the page shows both as data-sent and data-acked, so
	// a browser test can wait until the worker has answered everything.
	Sent, Acked int

	host Host
	rng  *rand.Rand

	// lost: the worker failed (see WorkerLost), saying lostWhy; the next Play, Step or
	// Reset starts anew.
	lost    bool
	lostWhy string

	// loaded, if set, hears of every new experiment LoadHash installs (an edited address, an
	// import), so the views that train copies of it (the twins, a sweep) follow.
	loaded func()
}

// NewApp starts the page from the URL hash (with or without "#"); an empty hash means the
// default experiment. A bad value in it is clamped or reset to its default, and a notice
// says which (see lab.Salvage).
func NewApp(host Host, hash string, seed uint64) *App {
	a := &App{host: host, FieldMsgs: map[string]string{}, rng: rand.New(rand.NewPCG(seed, 0x5e5))}
	a.LoadHash(hash)
	return a
}

// LoadHash replaces the experiment with the one in hash and restarts, paused.
func (a *App) LoadHash(hash string) {
	hash = strings.TrimPrefix(hash, "#")
	spec := lab.Default()
	a.Notice = ""
	if hash != "" {
		// Keep what the link gets right: a link with one bad value still shows the rest.
		s, err := lab.Salvage(hash)
		if err != nil {
			a.Notice = "Some of this link's settings could not be read; the others are kept. " + noticeText(err)
		}
		spec = s
	}
	a.Spec = spec
	a.Running = false
	a.Selected = min(a.Selected, len(spec.Blocks)-1)
	clear(a.FieldMsgs)
	a.restart()
	if a.loaded != nil {
		a.loaded()
	}
}

// noticeText lists a SpecError's problems one per sentence.
func noticeText(err error) string {
	var se *lab.SpecError
	if !errors.As(err, &se) {
		return err.Error()
	}
	var b strings.Builder
	for i, f := range se.Fields {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.Error() + ".")
	}
	return b.String()
}

// restart builds a new trainer for the current Spec in the worker, keeping play/pause. After
// a lost worker, the reset starts a fresh one (the host's job).
func (a *App) restart() {
	if a.lost && a.Notice == a.lostWhy {
		a.Notice = "" // a fresh worker: if it fails too, it says so again
	}
	a.lost = false
	a.Gen++
	a.Metrics = lab.Metrics{}
	a.Measured = false
	a.History = nil
	a.Diverged = false
	a.Lesion = nil
	a.Boundary = nil
	a.BoundaryVersion++
	a.send(proto.Command{Kind: proto.CmdReset, Gen: a.Gen, Spec: a.Spec, Run: a.Running})
	a.host.ReplaceHash(a.Spec.String())
}

// WorkerLost records that the worker training this run failed, in the words why: the run
// stops, the page says so, and the next Play, Step or Reset starts a fresh worker.
func (a *App) WorkerLost(why string) {
	a.lost, a.lostWhy = true, why
	a.Running = false
	a.Notice = why
}

// Play trains continuously; Pause stops; Step trains one minibatch.
func (a *App) Play() {
	if a.lost {
		a.Running = true
		a.restart() // a fresh worker, running from step 0
		return
	}
	if a.Diverged {
		return // nothing more can happen to a diverged run; the page offers Reset
	}
	a.Running = true
	a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: true})
}

func (a *App) Pause() {
	a.Running = false
	a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: false})
}

func (a *App) Step() {
	if a.lost {
		a.restart() // a fresh worker first
	}
	if a.Running {
		a.Pause()
	}
	if !a.Diverged {
		a.send(proto.Command{Kind: proto.CmdStep, Gen: a.Gen, Steps: 1})
	}
}

// Reset starts the same experiment again from the same initial weights, paused.
func (a *App) Reset() {
	a.Running = false
	a.restart()
}

// NewSeed draws new data, initial weights and batch order.
func (a *App) NewSeed() {
	a.Spec.Seed = 1 + a.rng.Uint64N(999_999)
	delete(a.FieldMsgs, "seed")
	a.restart()
}

// SetLive chooses what a shortcut toggle does: change the running network (true) or
// restart from the same initial weights (false).
func (a *App) SetLive(live bool) { a.Live = live }

// send numbers c and sends it to the worker.
func (a *App) send(c proto.Command) {
	a.Sent++
	c.Seq = a.Sent
	a.host.Send(c)
}

// Receive takes a report from the worker.
func (a *App) Receive(r proto.Report) {
	a.Acked = max(a.Acked, r.Ack)
	if r.Gen != a.Gen {
		return // from a trainer that has since been replaced
	}
	if r.Err != "" {
		a.Notice = "The trainer stopped: " + r.Err
		a.Running = false
	}
	a.Metrics = r.Metrics
	a.Measured = true
	a.History = r.History
	if len(r.Boundary) > 0 {
		a.Boundary, a.GridN, a.Classes = r.Boundary, r.GridN, r.Classes
		a.BoundaryVersion++
	}
	if r.Train != nil && r.Test != nil {
		a.Train, a.Test = r.Train, r.Test
		a.PointsVersion++
	}
	if r.Metrics.Diverged && !a.Diverged {
		a.Diverged = true
		a.Running = false
	}
}
