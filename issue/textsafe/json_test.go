package textsafe

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONSafe(t *testing.T) {
	v := map[string]string{"t": "a\u009bb\u202ec\x7fd\x1be\u3000f"}
	raw, _ := json.Marshal(v)
	safe := JSON(raw)
	for _, bad := range []string{"\u009b", "\u202e", "\x7f", "\x1b"} {
		if strings.Contains(string(safe), bad) {
			t.Errorf("%q left raw in %q", bad, safe)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(safe, &back); err != nil || back["t"] != v["t"] {
		t.Errorf("escaped JSON decodes to %q (%v), want %q", back["t"], err, v["t"])
	}
}

// TestJSONSuspect: every Unsafe character from DEL up starts with a byte
// jsonSuspect marks, so that JSON's fast scan never passes one by.
func TestJSONSuspect(t *testing.T) {
	for r := rune(0x7f); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff || !Unsafe(r) {
			continue
		}
		if b := []byte(string(r)); !jsonSuspect[b[0]] {
			t.Errorf("%U starts with %#x, not marked", r, b[0])
		}
	}
}
