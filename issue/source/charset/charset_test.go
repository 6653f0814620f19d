package charset

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDeclared(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="GB2312"?><rss>`, "gb2312"},
		{`<?xml version='1.0' encoding='big5' ?>`, "big5"},
		{`<html><head><meta charset="utf-8"></head>`, "utf-8"},
		{`<META http-equiv=Content-Type content="text/html; charset=gb2312">`, "gb2312"},
		{`<meta content='text/html;charset=GBK' http-equiv='Content-Type'/>`, "gbk"},
		{`<meta name="description" content="x-charset=none">`, ""},
		{"\xef\xbb\xbf<html>", "utf-8"},
		{`<html><body>no declaration</body></html>`, ""},
	}
	for _, tt := range tests {
		if got := Declared([]byte(tt.in)); got != tt.want {
			t.Errorf("Declared(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecode(t *testing.T) {
	gb, _ := simplifiedchinese.GBK.NewEncoder().String(`<meta charset="gb2312"><p>人民日报评论员文章</p>`)
	b5, _ := traditionalchinese.Big5.NewEncoder().String(`<?xml version="1.0" encoding="big5"?><rss><title>新聞報導</title></rss>`)
	tests := []struct {
		name, in, forced, wantEnc, wantText string
	}{
		{"declared GB2312, is GB2312", gb, "", "GB18030", `<meta charset="gb2312"><p>人民日报评论员文章</p>`},
		{"declared GB2312, is UTF-8", `<meta charset="gb2312"><p>人民日报评论员文章</p>`, "", "UTF-8", `<meta charset="gb2312"><p>人民日报评论员文章</p>`},
		{"declared Big5", b5, "", "Big5", `<?xml version="1.0" encoding="big5"?><rss><title>新聞報導</title></rss>`},
		{"declared Latin, is GBK", `<meta charset="iso-8859-1">` + gb, "", "GB18030", `<meta charset="iso-8859-1"><meta charset="gb2312"><p>人民日报评论员文章</p>`},
		{"forced", gb, "gbk", "GBK", `<meta charset="gb2312"><p>人民日报评论员文章</p>`},
	}
	for _, tt := range tests {
		res, err := Decode([]byte(tt.in), tt.forced)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Encoding != tt.wantEnc || string(res.Text) != tt.wantText {
			t.Errorf("%s: %s %q, want %s %q", tt.name, res.Encoding, res.Text, tt.wantEnc, tt.wantText)
		}
	}
}
