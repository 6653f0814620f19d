package reader

import (
	"strings"
	"testing"
)

// TestSearchAsYouType: the / prompt searches the query as it is typed,
// the matches shown at once and counted at the prompt's end; a query that
// finds nothing clears the matches shown before; enter keeps the results
// and gives the article the keys; esc drops what was typed.
func TestSearchAsYouType(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	last := func() string { l := strings.Split(screen(m), "\n"); return l[len(l)-1] }
	press(t, m, "/", "青")
	if !r.search.active() || r.search.query != "青" || r.prompt != promptSearch {
		t.Fatalf("typing 青: query %q, prompt %d", r.search.query, r.prompt)
	}
	n := len(r.search.matches)
	if !strings.Contains(last(), "处") {
		t.Errorf("the prompt does not count the matches: %q", last())
	}
	press(t, m, "溪")
	if r.search.query != "青溪" || len(r.search.matches) > n {
		t.Errorf("typing 溪: query %q, %d matches (青 had %d)", r.search.query, len(r.search.matches), n)
	}
	if !strings.Contains(screen(m), "青溪") || !r.search.active() {
		t.Errorf("no results while typing:\n%s", screen(m))
	}
	press(t, m, "Z")
	if r.search.active() || len(r.search.matches) != 0 || !strings.Contains(last(), "没有找到") {
		t.Errorf("a query that finds nothing keeps the matches before (%d) or says nothing: %q", len(r.search.matches), last())
	}
	press(t, m, "backspace")
	if r.search.query != "青溪" {
		t.Errorf("backspace: query %q", r.search.query)
	}
	press(t, m, "enter")
	if r.prompt != promptNone || r.focus != focusArticle || r.lastQuery != "青溪" || !strings.Contains(last(), "/青溪 1/") {
		t.Errorf("enter: prompt %d, focus %d, last query %q, status %q", r.prompt, r.focus, r.lastQuery, last())
	}
	// esc drops the query typed
	press(t, m, "/", "河")
	if r.search.query != "河" {
		t.Fatalf("typing 河: %q", r.search.query)
	}
	press(t, m, "esc")
	if r.search.active() || r.prompt != promptNone {
		t.Errorf("esc keeps the search of what was typed: %q", r.search.query)
	}
	// an empty prompt: nothing searched
	press(t, m, "/", "x", "backspace")
	if r.search.active() {
		t.Errorf("an emptied prompt keeps a search: %q", r.search.query)
	}
	press(t, m, "esc")
}

// TestStaleSearchStops: a search told that a newer one started stops.
func TestStaleSearchStops(t *testing.T) {
	is := sample(t)
	var arts = is.Articles()
	all, _ := findMatches(arts, "的", nil)
	none, _ := findMatches(arts, "的", func() bool { return true })
	if len(all) == 0 || len(none) != 0 {
		t.Errorf("%d matches; a stale search found %d", len(all), len(none))
	}
}

// TestCurrentResultShown: the results list (under its heading) always
// shows the current match, at 40×15 as at 100×30, going through them.
func TestCurrentResultShown(t *testing.T) {
	for _, size := range [][2]int{{40, 15}, {100, 30}, {60, 8}} {
		m := newModel(t, sample(t), size[0], size[1])
		r := reader(m)
		press(t, m, "/", "的", "enter", "esc")
		if !r.search.active() {
			t.Fatalf("%v: no search", size)
		}
		for range min(len(r.search.matches), 30) {
			lines := r.resultsView(r.g.ListW, r.g.BodyH)
			found := false
			for _, l := range lines[1:] {
				if strings.Contains(l, "▌") {
					found = true
				}
			}
			if !found {
				t.Fatalf("%v: match %d/%d not in the list:\n%s", size, r.search.cur+1, len(r.search.matches), strings.Join(lines, "\n"))
			}
			press(t, m, "j")
		}
	}
}
