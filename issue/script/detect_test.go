package script

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDetect(t *testing.T) {
	hk := sampleText(t, "hk-sample.md")
	simp := sampleText(t, "sample.md")
	t2s, _ := Load(T2S)
	s2t, _ := Load(S2T)
	for _, tt := range []struct {
		name string
		text string
		want Script
	}{
		{"Simplified sample", simp, Simplified},
		{"Hong Kong sample", hk, Traditional},
		{"Hong Kong sample in Simplified", t2s.Convert(hk), Simplified},
		{"Simplified sample in Traditional", s2t.Convert(simp), Traditional},
		{"Simplified with a Traditional passage", simp + s2t.Convert(simp[:1500]), Mixed},
		{"half and half", simp[:3000] + s2t.Convert(simp[:3000]), Traditional},
		{"no Chinese", "The quick brown fox, 2024.", Unknown},
		{"too short to tell", "中日大学", Unknown},
		{"one line, Traditional", "立法會財務委員會昨日通過撥款，用於改善舊區衞生設施。", Traditional},
		{"one line, Simplified", "立法会财务委员会昨日通过拨款，用于改善旧区卫生设施。", Simplified},
		// Characters both scripts use (皇后 出 面 系 只 干) tell nothing.
		{"shared characters", "出面系只台后干里", Unknown},
		{"shared characters in a Traditional line", "皇后大道中交通改道，為期兩星期，出面的系統只限於區內若干路段。", Traditional},
	} {
		if got := Detect(tt.text); got != tt.want {
			var c Counts
			c.Add(tt.text)
			t.Errorf("%s: Detect = %v (%+v), want %v", tt.name, got, c, tt.want)
		}
	}
}

// TestDetectBig5 detects the Big5 copy of the Hong Kong sample, decoded,
// and the real Big5 feed of ../shared/epaper when it is there.
func TestDetectBig5(t *testing.T) {
	paths := []string{filepath.Join("..", "..", "testdata", "hk-sample-big5.txt")}
	shared := filepath.Join("..", "..", "..", "shared", "epaper", "feed-big5-rss2.xml")
	if _, err := os.Stat(shared); err == nil {
		paths = append(paths, shared)
	} else {
		t.Logf("skipping %s: not there (../shared is absent)", shared)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := traditionalchinese.Big5.NewDecoder().String(string(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(text); got != Traditional {
			t.Errorf("%s: Detect = %v, want 繁", p, got)
		}
		if strings.HasSuffix(p, "hk-sample-big5.txt") && text != sampleText(t, "hk-sample.md") {
			t.Errorf("%s is not hk-sample.md in Big5", p)
		}
	}
}

// TestDetectStopsEarly checks that counting stops once enough characters
// tell, so that detecting a long issue costs little.
func TestDetectStopsEarly(t *testing.T) {
	var c Counts
	long := strings.Repeat("这个国家的发展", 10_000)
	if !c.Add(long) {
		t.Fatal("Add did not report that it had seen enough")
	}
	if c.Han != enough || c.Traditional != 0 {
		t.Errorf("counts %+v, want %d Han, none Traditional", c, enough)
	}
	if !c.Add("這個國家") || c.Traditional != 0 {
		t.Errorf("Add went on counting after enough: %+v", c)
	}
}

func TestScriptString(t *testing.T) {
	for s, want := range map[Script]string{Unknown: "", Simplified: "简", Traditional: "繁", Mixed: "混"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", s, s.String(), want)
		}
	}
}

// TestTraditionalOnly checks the Traditional-only characters against
// OpenCC's Simplified to Traditional table: none of them is a character
// that table may leave as it is (as it may leave 干 in 若干).
func TestTraditionalOnly(t *testing.T) {
	st, err := dictNamed(S2T, "STCharacters")
	if err != nil {
		t.Fatal(err)
	}
	stays := map[rune]bool{}
	eachChar(st, func(k rune, vals []rune) {
		if slices.Contains(vals, k) {
			stays[k] = true
		}
	})
	tab := charTable()
	n := 0
	var bad []rune
	for r := rune(0x3400); r <= 0x323AF; r++ {
		if !tab.isTrad(r) {
			continue
		}
		n++
		if stays[r] {
			bad = append(bad, r)
		}
	}
	if n < 3000 {
		t.Errorf("only %d Traditional-only characters", n)
	}
	if len(bad) > 0 {
		t.Errorf("%d Traditional-only characters are Simplified too: %q", len(bad), string(bad))
	}
}

// TestToSimplified: a Traditional text is shown in Simplified with the
// conversion of the region whose forms it uses — hk2s for Hong Kong's
// (衞生, 説), tw2s for Taiwan's (屋簷) — which t2s leaves as they are;
// text with neither converts as t2s does, and auto-s picks the same.
func TestToSimplified(t *testing.T) {
	s := sampleText(t, "sample.md")
	for _, tc := range []struct {
		from Conversion // writes the sample in a region's forms
		want Conversion
	}{{S2HK, HK2S}, {S2TW, TW2S}, {S2T, T2S}} {
		cv, err := Load(tc.from)
		if err != nil {
			t.Fatal(err)
		}
		text := cv.Convert(s)
		var n Counts
		n.Add(text)
		if got := n.ToSimplified(); got != tc.want {
			t.Errorf("the sample in %s: ToSimplified() = %s (HK %d, TW %d), want %s", tc.from, got, n.HK, n.TW, tc.want)
		}
		if got := AutoS.ResolveCounts(n); got != tc.want {
			t.Errorf("the sample in %s: auto-s resolves to %s, want %s", tc.from, got, tc.want)
		}
		back, err := Load(tc.want)
		if err != nil {
			t.Fatal(err)
		}
		t2s, err := Load(T2S)
		if err != nil {
			t.Fatal(err)
		}
		// the regional conversion gives back no fewer of the sample's
		// lines than t2s does
		if good, plain := sameLines(back.Convert(text), s), sameLines(t2s.Convert(text), s); good < plain {
			t.Errorf("the sample in %s: %s gives back %d lines, t2s %d", tc.from, tc.want, good, plain)
		}
	}
	var hk Counts
	hk.Add(sampleText(t, "hk-sample.md"))
	if hk.ToSimplified() != HK2S || AutoS.ResolveCounts(hk) != HK2S {
		t.Errorf("hk-sample.md: %s (HK %d, TW %d), want hk2s", hk.ToSimplified(), hk.HK, hk.TW)
	}
	var simp Counts
	simp.Add(s)
	if AutoS.ResolveCounts(simp) != None || AutoT.ResolveCounts(simp) != S2T {
		t.Errorf("a Simplified text: auto-s %s, auto-t %s", AutoS.ResolveCounts(simp), AutoT.ResolveCounts(simp))
	}
}

// sameLines counts the lines of a that are those of b at the same place.
func sameLines(a, b string) int {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	n := 0
	for i := range min(len(al), len(bl)) {
		if al[i] == bl[i] {
			n++
		}
	}
	return n
}
