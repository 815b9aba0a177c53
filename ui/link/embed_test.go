package link

import (
	"reflect"
	"strings"
	"testing"

	"resnetplayground/lab"
)

func TestParseEmbedQuery(t *testing.T) {
	for _, tc := range []struct {
		query   string
		want    EmbedOptions
		errWant string // "" for no error
	}{
		{"", DefaultEmbedOptions(), ""},
		{"?views=charts,diagram&caption=Deep+%26+plain&autoplay=1",
			EmbedOptions{Views: []string{"diagram", "charts"}, Caption: "Deep & plain", Autoplay: true, Height: DefaultEmbedSize}, ""},
		{"views=heatmap,heatmap,+CHARTS+", EmbedOptions{Views: []string{"heatmap", "charts"}, Height: DefaultEmbedSize}, ""},
		{"views=charts,bogus", EmbedOptions{Views: []string{"charts"}, Height: DefaultEmbedSize}, `unknown view "bogus"`},
		{"views=bogus", DefaultEmbedOptions(), `unknown view "bogus"`},
		{"views=why", EmbedOptions{Views: []string{"landscape", "gradients"}, Height: DefaultEmbedSize}, ""}, // as links before the split said
		{"views=gradients,twin", EmbedOptions{Views: []string{"twin", "gradients"}, Height: DefaultEmbedSize}, ""},
		{"autoplay=yes", DefaultEmbedOptions(), "autoplay=yes: want 1 or 0"},
		{"view=charts", DefaultEmbedOptions(), `unknown option "view"`},
		{"caption=%zz", DefaultEmbedOptions(), "embed options"},
	} {
		got, err := ParseEmbedQuery(tc.query)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseEmbedQuery(%q) = %+v, want %+v", tc.query, got, tc.want)
		}
		switch {
		case tc.errWant == "" && err != nil:
			t.Errorf("ParseEmbedQuery(%q): unexpected error %v", tc.query, err)
		case tc.errWant != "" && (err == nil || !strings.Contains(err.Error(), tc.errWant)):
			t.Errorf("ParseEmbedQuery(%q): error %v, want one containing %q", tc.query, err, tc.errWant)
		}
	}
}

func TestEmbedQueryRoundTrips(t *testing.T) {
	for _, o := range []EmbedOptions{
		DefaultEmbedOptions(),
		{Views: []string{"controls", "diagram", "heatmap", "charts"}, Caption: `50 blocks & "no" shortcuts? #1`, Autoplay: true, Height: DefaultEmbedSize},
		{Views: []string{"gradients"}, Height: DefaultEmbedSize, Why: &lab.LandscapeConfig{Seed: 4, Grid: 21, Span: 2, Slice: 61, Line: 31, At: 900}},
	} {
		got, err := ParseEmbedQuery(o.Query())
		if err != nil || !reflect.DeepEqual(got, o) {
			t.Errorf("ParseEmbedQuery(%q) = %+v, %v; want %+v", o.Query(), got, err, o)
		}
	}
}

func TestLongCaptionIsCut(t *testing.T) {
	o, err := ParseEmbedQuery("caption=" + strings.Repeat("é", MaxCaption+50))
	if err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("error %v; want one about the caption's length", err)
	}
	if n := len([]rune(o.Caption)); n != MaxCaption+1 { // + the ellipsis
		t.Errorf("caption kept %d characters, want %d", n, MaxCaption+1)
	}
}

// The hash must stay the Spec's own URL form, which lab.Parse reads without help.
func TestEmbedPathKeepsTheSpecInTheHash(t *testing.T) {
	spec := lab.Default()
	spec.Blocks = lab.Uniform(7, 8, 1, true)
	path := EmbedPath(EmbedOptions{Views: []string{"charts"}, Caption: "a#b"}, spec)
	query, hash, ok := strings.Cut(path, "#")
	if !ok || !strings.HasPrefix(query, "embed.html?") {
		t.Fatalf("EmbedPath = %q", path)
	}
	got, err := lab.Parse(hash)
	if err != nil || got.String() != spec.String() {
		t.Errorf("the hash %q does not parse back to the Spec: %v", hash, err)
	}
	o, err := ParseEmbedQuery(strings.TrimPrefix(query, "embed.html?"))
	if err != nil || o.Caption != "a#b" {
		t.Errorf("query %q gave caption %q, %v", query, o.Caption, err)
	}
	if full := FullPlaygroundPath(spec); full != "index.html#"+spec.String() {
		t.Errorf("FullPlaygroundPath = %q", full)
	}
}

func TestSiteBase(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.org/demos/resnet/index.html#b=1": "https://x.org/demos/resnet/",
		"https://x.org/demos/resnet/#b=1/2":         "https://x.org/demos/resnet/",
		"https://x.org/demos/resnet/?a=b/c":         "https://x.org/demos/resnet/",
		"http://127.0.0.1:8080/":                    "http://127.0.0.1:8080/",
	} {
		if got := SiteBase(in); got != want {
			t.Errorf("SiteBase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmbedSnippet(t *testing.T) {
	o := EmbedOptions{Views: []string{"heatmap"}, Caption: `<b>"hi"</b>`, Height: 99999}
	s := EmbedSnippet("https://x.org/r/", o, lab.Default())
	for _, want := range []string{
		`<iframe src="https://x.org/r/embed.html?views=heatmap&amp;caption=`,
		`height="3000"`, // clamped
		`title="ResNet Playground: &lt;b&gt;&#34;hi&#34;&lt;/b&gt;"`,
		`loading="lazy"`,
		`<script src="https://x.org/r/embed.js" async></script>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("snippet lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "<b>") {
		t.Errorf("the caption reached the snippet unescaped:\n%s", s)
	}
}
