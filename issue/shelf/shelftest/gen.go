// Package shelftest writes generated shelves of newspaper issues for tests
// and benchmarks: a fictional daily with a masthead, pages and articles of
// original, randomly composed text. Nothing it writes is checked in; tests
// generate what they need under a temporary directory.
package shelftest

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config describes a generated shelf. The zero value of a field means its
// default (see DefaultConfig).
type Config struct {
	// Paper and PaperEn name the fictional paper.
	Paper, PaperEn string
	// First is the date of the oldest issue; Days is the number of daily
	// issues from First on.
	First time.Time
	Days  int
	// Pages is the number of pages (版) per issue.
	Pages int
	// IssueBytes is the approximate size of one issue in bytes of UTF-8.
	IssueBytes int
	// PerPageEvery stores every PerPageEvery-th issue as one file per page
	// (YYYY/MM/YYYY-MM-DD/01.md, 02.md, …) instead of one file per issue
	// (YYYY/MM/YYYY-MM-DD.md). 0 or less: never.
	PerPageEvery int
	// Needle is a word written into one article of every NeedleEvery-th
	// issue (counting from the first, which has it) and nowhere else, so
	// that searches have a known answer. Empty: no needle.
	Needle      string
	NeedleEvery int
	// Seed makes the text reproducible.
	Seed uint64
}

// DefaultConfig is ten years of an eight-page daily of about 140 KB per
// issue: 3,650 issues, about 500 MB.
func DefaultConfig() Config {
	return Config{
		Paper:        "星河日报",
		PaperEn:      "XINGHE DAILY",
		First:        time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC),
		Days:         3650,
		Pages:        8,
		IssueBytes:   140_000,
		PerPageEvery: 10,
		Needle:       "蓝鲸",
		NeedleEvery:  100,
		Seed:         1,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Paper == "" {
		c.Paper, c.PaperEn = d.Paper, d.PaperEn
	}
	if c.First.IsZero() {
		c.First = d.First
	}
	if c.Days <= 0 {
		c.Days = d.Days
	}
	if c.Pages <= 0 {
		c.Pages = d.Pages
	}
	if c.IssueBytes <= 0 {
		c.IssueBytes = d.IssueBytes
	}
	if c.NeedleEvery <= 0 {
		c.NeedleEvery = d.NeedleEvery
	}
	return c
}

// Stats says what Generate wrote.
type Stats struct {
	Issues int
	Files  int
	Bytes  int64
	// NeedleDates are the dates (YYYY-MM-DD) of the issues holding the needle.
	NeedleDates []string
}

// Generate writes the shelf described by c under dir.
func Generate(dir string, c Config) (Stats, error) {
	c = c.withDefaults()
	var st Stats
	for d := range c.Days {
		day := c.First.AddDate(0, 0, d)
		date := day.Format("2006-01-02")
		needle := ""
		if c.Needle != "" && d%c.NeedleEvery == 0 {
			needle = c.Needle
			st.NeedleDates = append(st.NeedleDates, date)
		}
		pages := Issue(c, day, d, needle)
		sub := filepath.Join(dir, day.Format("2006"), day.Format("01"))
		var files map[string]string
		if c.PerPageEvery > 0 && d%c.PerPageEvery == c.PerPageEvery-1 {
			files = make(map[string]string, len(pages))
			for p, text := range pages {
				files[filepath.Join(sub, date, fmt.Sprintf("%02d.md", p+1))] = text
			}
		} else {
			files = map[string]string{filepath.Join(sub, date+".md"): strings.Join(pages, "")}
		}
		for name, text := range files {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return st, err
			}
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return st, err
			}
			st.Files++
			st.Bytes += int64(len(text))
		}
		st.Issues++
	}
	return st, nil
}

// Describe returns the Stats of a shelf that Generate wrote under dir with
// c earlier, without writing it again.
func Describe(dir string, c Config) (Stats, error) {
	c = c.withDefaults()
	st := Stats{Issues: c.Days}
	for d := range c.Days {
		if c.Needle != "" && d%c.NeedleEvery == 0 {
			st.NeedleDates = append(st.NeedleDates, c.First.AddDate(0, 0, d).Format("2006-01-02"))
		}
	}
	err := filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		st.Files++
		st.Bytes += info.Size()
		return nil
	})
	return st, err
}

// Ensure returns the Stats of the shelf of c under dir, writing it first
// (generated true) unless an earlier run wrote it there: benchmarks keep
// a shelf of 500 MB in a folder and reuse it.
func Ensure(dir string, c Config) (st Stats, generated bool, err error) {
	c = c.withDefaults()
	if _, err := os.Stat(filepath.Join(dir, c.First.Format("2006"))); err == nil {
		st, err := Describe(dir, c)
		return st, false, err
	}
	st, err = Generate(dir, c)
	return st, true, err
}

// Issue returns the text of one issue, one string per page; the first page
// starts with the masthead. n is the issue's index (it seeds the text and
// numbers the issue); a non-empty needle is written into one article.
func Issue(c Config, day time.Time, n int, needle string) []string {
	c = c.withDefaults()
	r := rand.New(rand.NewPCG(c.Seed, uint64(n)))
	perPage := c.IssueBytes / c.Pages
	needlePage := r.IntN(c.Pages)
	pages := make([]string, c.Pages)
	for p := range c.Pages {
		var b strings.Builder
		b.Grow(perPage + 4096)
		if p == 0 {
			fmt.Fprintf(&b, "%s\n\n%s\n\n星河市委主管主办 星河日报社出版\n\n国内统一连续出版物号 CN 99-0001\n\n", c.Paper, c.PaperEn)
			fmt.Fprintf(&b, "%d年%d月%d日 %s\n\n今日%s版\n\n第%d号\n\n", day.Year(), int(day.Month()), day.Day(),
				weekdays[day.Weekday()], chineseNumber(c.Pages), 10000+n)
		}
		fmt.Fprintf(&b, "# 第%s版 %s\n\n", chineseNumber(p+1), sections[p%len(sections)])
		for a := 0; b.Len() < perPage || a == 0; a++ {
			article(&b, r, p == needlePage && a == 0, needle)
		}
		pages[p] = b.String()
	}
	return pages
}

// article writes one article: sometimes a kicker, a title, a byline lead
// and paragraphs of generated sentences.
func article(b *strings.Builder, r *rand.Rand, withNeedle bool, needle string) {
	if r.IntN(4) == 0 {
		fmt.Fprintf(b, "### %s\n\n", phrase(r, 3, 5))
	}
	fmt.Fprintf(b, "## %s\n\n", phrase(r, 3, 6))
	paras := 3 + r.IntN(6)
	for p := range paras {
		if p == 0 {
			fmt.Fprintf(b, "本报讯(记者 %s%s) ", surnames[r.IntN(len(surnames))], givenNames[r.IntN(len(givenNames))])
		}
		sentences := 2 + r.IntN(4)
		for s := range sentences {
			if withNeedle && p == paras/2 && s == 1 {
				b.WriteString(needle)
			}
			if r.IntN(topicEvery) == 0 {
				b.WriteString(topics[r.IntN(len(topics))])
			}
			b.WriteString(phrase(r, 4, 12))
			b.WriteString(enders[r.IntN(len(enders))])
		}
		b.WriteString("\n\n")
	}
}

// phrase returns min to max words joined, with a comma now and then.
func phrase(r *rand.Rand, min, max int) string {
	n := min + r.IntN(max-min+1)
	var b strings.Builder
	for i := range n {
		if i > 0 && i%4 == 0 {
			b.WriteString("，")
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

// chineseNumber writes 1…99 in Chinese numerals (十二, 二十).
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// Topics are place names that a sentence mentions now and then (one in
// topicEvery sentences): each is in roughly one issue of six, a typical
// search word between the needle (one issue in a hundred) and the common
// words (every article).
var topics = [...]string{"云岭", "柳湾", "石桥", "青岗", "鹤汀", "枫渡", "梅坞", "竹溪"}

const topicEvery = 1500

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

var sections = [...]string{"要闻", "综合新闻", "经济", "城市", "文化", "体育", "副刊", "专版"}

var enders = [...]string{"。", "。", "。", "；", "！"}

var surnames = [...]string{"林", "周", "何", "宋", "韩", "方", "陆", "叶"}

var givenNames = [...]string{"晓", "明远", "思齐", "一帆", "青", "子墨", "雨桐", "嘉"}

// words is a made-up vocabulary of ordinary words; the needle words of the
// tests (蓝鲸) are not in it, and 发展 is, so it is a common word.
var words = [...]string{
	"发展", "城市", "居民", "社区", "服务", "项目", "建设", "推进", "工作", "会议",
	"公园", "道路", "交通", "学校", "学生", "老师", "医院", "健康", "文化", "活动",
	"春天", "夏季", "秋收", "冬日", "河流", "湖泊", "山林", "田野", "农民", "果园",
	"工厂", "企业", "创新", "技术", "产品", "市场", "消费", "价格", "就业", "培训",
	"图书馆", "博物馆", "音乐会", "展览", "志愿者", "邻里", "街道", "广场", "夜市", "早餐",
	"今年", "明年", "上午", "下午", "近日", "目前", "已经", "正在", "将要", "继续",
	"积极", "认真", "稳步", "持续", "全面", "重点", "基层", "群众", "热情", "满意",
	"雨水", "阳光", "气温", "风景", "花卉", "绿化", "环境", "保护", "清洁", "垃圾",
	"体育", "比赛", "冠军", "队员", "教练", "训练", "观众", "球场", "跑步", "游泳",
	"的", "了", "和", "在", "与", "为", "对", "把", "从", "向",
	"一批", "多项", "十余", "百年", "千米", "3000", "2.5", "GDP", "5G", "App",
}
