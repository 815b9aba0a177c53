package ui

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"
)

func TestClipQuotesShortensOnlyLongQuotedValues(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	got := ClipQuotes(`dataset: "` + huge + `" is not one of spiral, xor; batch: "12"`)
	if len(got) > 200 || !strings.Contains(got, `…" is not one of spiral, xor; batch: "12"`) {
		t.Errorf("ClipQuotes = %q (%d bytes); want the sentence kept with the huge value cut", got[:min(len(got), 300)], len(got))
	}
	if s := `unknown key "zz"`; ClipQuotes(s) != s {
		t.Errorf("a short quote changed: %q", ClipQuotes(s))
	}
}

// Every value of a build is bounded on its way to the renderer, in child components too:
// a notice quoting a 100 KB value (as a link or an imported file can make the page write)
// no longer reaches Vugu's 16 KB buffer.
func TestBoundForRenderBoundsEveryValueOfTheBuild(t *testing.T) {
	a, _ := appWith(t, "")
	a.SetNotice(`This link's settings could not be read: d: "` + strings.Repeat("é", 50_000) + `" is not a dataset`)
	root := &Root{App: a}
	env, err := vugu.NewBuildEnv(staticrender.New(nil).EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	r := BoundForRender(env.RunBuild(root))
	var largest int
	var walk func(n *vugu.VGNode)
	walk = func(n *vugu.VGNode) {
		for ; n != nil; n = n.NextSibling {
			largest = max(largest, len(n.Data))
			if n.InnerHTML != nil {
				largest = max(largest, len(*n.InnerHTML))
			}
			for _, at := range n.Attr {
				largest = max(largest, len(at.Val))
			}
			for _, p := range n.Prop {
				largest = max(largest, len(p.JSONVal))
			}
			if n.Component != nil {
				for _, o := range r.ResultFor(n.Component).Out {
					walk(o)
				}
			}
			walk(n.FirstChild)
		}
	}
	found := false
	for _, o := range r.Out.Out {
		walk(o)
	}
	if largest > maxRenderValue {
		t.Errorf("a value of %d bytes reaches the renderer, want at most %d", largest, maxRenderValue)
	}
	var walkText func(n *vugu.VGNode)
	walkText = func(n *vugu.VGNode) {
		for ; n != nil; n = n.NextSibling {
			if n.InnerHTML != nil && strings.Contains(*n.InnerHTML, "is not a dataset") && strings.Contains(*n.InnerHTML, "…&#34;") {
				found = true
			}
			if n.Component != nil {
				for _, o := range r.ResultFor(n.Component).Out {
					walkText(o)
				}
			}
			walkText(n.FirstChild)
		}
	}
	for _, o := range r.Out.Out {
		walkText(o)
	}
	if !found {
		t.Error("the notice is not shown with its quoted value cut")
	}
}

func TestBoundTextKeepsWholeCharacters(t *testing.T) {
	s := BoundText(strings.Repeat("é", maxRenderValue))
	if len(s) > maxRenderValue || !strings.HasSuffix(s, "…") || !strings.HasPrefix(s, "éé") {
		t.Errorf("BoundText of %d bytes of é: %d bytes, suffix %q", 2*maxRenderValue, len(s), s[len(s)-6:])
	}
	for _, r := range s {
		if r == '\uFFFD' {
			t.Fatal("a character was split")
		}
	}
}

// ClipQuotes finds quoted values by hand; the regexp it stands for is the reference, on
// random texts of quotes, backslashes, line breaks, multi-byte letters and long runs.
func TestClipQuotesAgreesWithTheRegexp(t *testing.T) {
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	reference := func(msg string) string {
		return quoted.ReplaceAllStringFunc(msg, func(q string) string {
			if inner := q[1 : len(q)-1]; len(inner) > maxQuote {
				return `"` + cut(inner, maxQuote) + `…"`
			}
			return q
		})
	}
	pieces := []string{`"`, `\`, "\n", "a", "é", "\xff", strings.Repeat("x", 70), strings.Repeat("ü", 40), " "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		msg := b.String()
		if got, want := ClipQuotes(msg), reference(msg); got != want {
			t.Fatalf("ClipQuotes(%q) = %q, the regexp gives %q", msg, got, want)
		}
	}
}
