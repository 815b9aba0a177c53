// Package ui is the page of ResNet Playground: Vugu components, one per thing on screen,
// around one App that holds the experiment's Spec and the latest results from the trainer.
// Nothing here trains; commands go to the worker through a Host, results come back as Reports.
package ui

//go:generate go tool vugugen -s
//go:generate go run ../internal/vugulean/cmd/vugulean 0_components_gen.go

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

// App is the single view: the editor of the experiment (its Spec, the selected block, the
// per-control messages, the address) and the Run training it. Its methods are the user's
// actions; each edit keeps the Spec valid, mirrors it into the URL hash and restarts the run.
// The Run's fields and methods (Running, Metrics, Play, Step…) are the App's too. Components
// read App and call its methods from their event handlers (which already hold the render
// lock); the page's notice is written only through its methods.
type App struct {
	*Run // the single view's run; its Spec is always Spec

	Spec      lab.Spec
	Live      bool              // shortcut toggles apply to the running network instead of restarting it
	Touch     bool              // the pointer is a finger: the diagram's tap targets are 44 px, not 24
	Selected  int               // the block the editor shows
	FieldMsgs map[string]string // per-control messages, by the Spec's JSON field name

	DigitsLoad DigitsLoad // the digits file's fetch (see app_digits.go)

	notice string // shown above everything: a bad link, a worker failure

	host Host
	rng  *rand.Rand

	lostWhy string // the notice WorkerLost wrote, which a fresh worker takes away

	// loaded, if set, hears of every new experiment LoadHash installs (an edited address, an
	// import), so the views that train copies of it (the twins, a sweep) follow.
	loaded func()
	// drawnWhy, if set, is the twins' landscape picture on screen (nil for none), which an
	// embed of the twins or their Why panel carries (EmbedDialog).
	drawnWhy func() *lab.LandscapeConfig
}

// NewApp starts the page from the URL hash (with or without "#"); an empty hash means the
// default experiment. A bad value in it is clamped or reset to its default, and a notice
// says which (see lab.Salvage).
func NewApp(host Host, hash string, seed uint64) *App {
	a := &App{Run: NewRun(host.Send), host: host, FieldMsgs: map[string]string{}, rng: rand.New(rand.NewPCG(seed, 0x5e5))}
	a.LoadHash(hash)
	return a
}

// LoadHash replaces the experiment with the one in hash and restarts, paused.
func (a *App) LoadHash(hash string) {
	hash = strings.TrimPrefix(hash, "#")
	spec := lab.Default()
	a.notice = ""
	if hash != "" {
		// Keep what the link gets right: a link with one bad value still shows the rest.
		s, err := lab.Salvage(hash)
		if err != nil {
			a.notice = "Some of this link's settings could not be read; the others are kept. " + noticeText(err)
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

// restart trains the current Spec afresh, keeping play/pause, and writes it into the address.
// After a lost worker, the reset starts a fresh one (the host's job), and the notice of the
// loss goes: if the fresh one fails too, it says so again.
func (a *App) restart() {
	if a.lostWhy != "" && a.notice == a.lostWhy {
		a.notice = ""
	}
	a.lostWhy = ""
	a.Run.Restart(a.Spec)
	a.host.ReplaceHash(a.Spec.String())
}

// WorkerLost records that the worker training this run failed, in the words why: the run
// stops, the page says so, and the next Play, Step or Reset starts a fresh worker.
func (a *App) WorkerLost(why string) {
	a.Run.WorkerLost(why)
	a.notice, a.lostWhy = why, why
}

// Play and Step after a lost worker start a fresh one through restart, which also takes the
// notice of the loss away; otherwise they are the Run's.
func (a *App) Play() {
	if a.lost {
		a.Running = true
		a.restart() // a fresh worker, running from step 0
		return
	}
	a.Run.Play()
}

func (a *App) Step() {
	if a.lost {
		a.restart() // a fresh worker first
	}
	a.Run.Step()
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

// RegenerateData draws new data with the same settings (TensorFlow Playground's
// Regenerate): a new data seed, while the seed keeps the initial weights and batch order, so
// the link still reproduces the run.
func (a *App) RegenerateData() {
	if data.IsImages(a.Spec.Dataset) {
		return // the digits are what they are
	}
	a.Spec.DataSeed = 1 + a.rng.Uint64N(999_999)
	a.restart()
}

// SetLive chooses what a shortcut toggle does: change the running network (true) or
// restart from the same initial weights (false).
func (a *App) SetLive(live bool) { a.Live = live }

// Receive takes a report from the worker; a trainer that stopped with an error says so in
// the page's notice.
func (a *App) Receive(r proto.Report) {
	a.Run.Receive(r)
	if r.Gen == a.Gen && r.Err != "" {
		a.notice = "The trainer stopped: " + r.Err
	}
}

// Notice is the message shown above everything, "" for none.
func (a *App) Notice() string { return a.notice }

// SetNotice replaces the page's notice; AddNotice adds a sentence after it.
func (a *App) SetNotice(msg string) { a.notice = msg }

func (a *App) AddNotice(msg string) {
	if a.notice != "" {
		msg = a.notice + " " + msg
	}
	a.notice = msg
}

// DismissNotice hides the notice (its close button).
func (a *App) DismissNotice() { a.notice = "" }
