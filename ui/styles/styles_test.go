package styles

import "testing"

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"": Auto, "auto": Auto, "Dark": Dark, " light ": Light, "notty": NoTTY} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseMode("pink"); err == nil {
		t.Error("ParseMode(pink) accepted")
	}
}

// TestForBackground: auto on a terminal that did not say its background
// gets the fallback palette (unless NO_COLOR); a background known, or a
// mode that names one, gets ForMode's.
func TestForBackground(t *testing.T) {
	for _, tc := range []struct {
		mode                   Mode
		isDark, known, noColor bool
		want                   string
	}{
		{Auto, true, false, false, "fallback"},
		{Auto, false, false, false, "fallback"},
		{Auto, true, false, true, "nocolor"},
		{Auto, true, true, false, "dark"},
		{Auto, false, true, false, "light"},
		{Dark, false, false, false, "dark"},
		{Light, true, false, false, "light"},
		{Light, true, false, true, "nocolor"},
		{NoTTY, true, false, false, "plain"},
	} {
		if got := ForBackground(tc.mode, tc.isDark, tc.known, tc.noColor); got.Name != tc.want {
			t.Errorf("ForBackground(%s, dark=%v, known=%v, nocolor=%v) = %s, want %s", tc.mode, tc.isDark, tc.known, tc.noColor, got.Name, tc.want)
		}
	}
}

func TestForMode(t *testing.T) {
	for _, tc := range []struct {
		mode    Mode
		isDark  bool
		noColor bool
		want    string
	}{
		{Auto, true, false, "dark"},
		{Auto, false, false, "light"},
		{Dark, false, false, "dark"},
		{Light, true, false, "light"},
		{Auto, true, true, "nocolor"},
		{Dark, true, true, "nocolor"},
		{NoTTY, true, false, "plain"},
	} {
		if got := ForMode(tc.mode, tc.isDark, tc.noColor); got.Name != tc.want {
			t.Errorf("ForMode(%s, dark=%v, nocolor=%v) = %s, want %s", tc.mode, tc.isDark, tc.noColor, got.Name, tc.want)
		}
	}
	if s := Plain(); !s.Plain || s.Title.Render("x") != "x" {
		t.Error("Plain styles add escape sequences")
	}
	if s := NoColor(); s.Match.Render("x") == "x" {
		t.Error("NoColor does not mark a search match")
	}
}
