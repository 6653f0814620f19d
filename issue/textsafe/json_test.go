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
