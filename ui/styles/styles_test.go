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
