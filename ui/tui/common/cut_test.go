package common

import "testing"

// TestCutFront checks the left cut of a snippet's context: never inside a
// number or a Latin word, an opening quote kept with its text, a clause
// start preferred.
func TestCutFront(t *testing.T) {
	tests := []struct {
		s          string
		want, most int
		out        string
	}{
		{"短文", 10, 10, "短文"},
		// a number is taken whole when it fits, else left out
		{"去年全市GDP达到2,861.3", 12, 16, "…达到2,861.3"},
		{"去年全市GDP达到2,861.3", 10, 16, "…到2,861.3"},
		{"去年全市GDP达到2,861.3", 8, 8, "…2,861.3"},
		{"去年全市GDP达到2,861.3", 7, 7, "…"},
		{"此次开工的24个项目总投资186.4", 5, 14, "…186.4"},
		{"此次开工的24个项目总投资186.4", 5, 5, "…"},
		{"新增就业岗位1,000", 5, 8, "…1,000"},
		{"新增就业岗位1,000", 5, 5, "…"},
		{"开工的24个项目总投资", 15, 16, "…24个项目总投资"},
		{"开工的24个项目总投资", 14, 14, "…个项目总投资"},
		{"采用GDP核算", 7, 7, "…核算"},
		// a clause start one or two characters away is preferred
		{"全部建成后,预计可新增", 15, 16, "…预计可新增"},
		{"全部建成后，预计可新增", 15, 16, "…预计可新增"},
		{"建成后，预计可新增", 13, 13, "…预计可新增"},
		// a quotation is kept whole, or left out when it does not fit
		{"与县政府就“青溪新材料产业园二期工程项目”达成", 30, 40, "…“青溪新材料产业园二期工程项目”达成"},
		{"与县政府就“青溪新材料产业园二期工程项目”达成", 30, 30, "…达成"},
		{"并称“微改造", 9, 9, "…“微改造"},
		{"他说“微改造", 8, 10, "…“微改造"},
		{"他说“微改造”一词", 8, 8, "…一词"},
	}
	for _, tc := range tests {
		if got := CutFront(tc.s, tc.want, tc.most, false, false); got != tc.out {
			t.Errorf("CutFront(%q, %d, %d) = %q, want %q", tc.s, tc.want, tc.most, got, tc.out)
		}
		if w := StringWidth(CutFront(tc.s, tc.want, tc.most, false, false), false); w > max(tc.want, tc.most) {
			t.Errorf("CutFront(%q, %d, %d) is %d columns", tc.s, tc.want, tc.most, w)
		}
	}
}

// TestCutBack checks the right cut of a snippet's context and of a title.
func TestCutBack(t *testing.T) {
	tests := []struct {
		s   string
		w   int
		out string
	}{
		{"修复生态岸线21公里", 20, "修复生态岸线21公里"},
		{"修复生态岸线21公里", 14, "修复生态岸线…"},
		{"修复生态岸线21公里", 14, "修复生态岸线…"},
		{"前两月全市规上工业增加值增长7.2%", 31, "前两月全市规上工业增加值增长…"},
		{"增长5.8%。今年", 9, "增长5.8%…"},
		{"增长5.8%。今年", 8, "增长…"},
		{"项目名为“青溪新材", 11, "项目名为…"},
		{"项目名为“青溪新材", 13, "项目名为“青…"},
		{"采用GDP核算", 6, "采用…"},
	}
	for _, tc := range tests {
		if got := CutBack(tc.s, tc.w, false); got != tc.out {
			t.Errorf("CutBack(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.out)
		}
	}
	// a title that is one long word is still shown in part
	if got := TruncateTitle("CRH380A型动车组", 5, false); got != "CRH3…" {
		t.Errorf("truncateTitle of a long word = %q", got)
	}
}
