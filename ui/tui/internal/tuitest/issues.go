package tuitest

import "dubao/issue"

// NoPaper is a fictional issue without a paper's name: one page of the
// twenty its masthead counts.
func NoPaper() *issue.Issue {
	return &issue.Issue{Date: "2019-10-02", Number: 25671, Pages: 20, Sections: []issue.Section{
		{Page: 1, Articles: []issue.Article{{N: 1, Title: "秋日的河岸", Paragraphs: []string{Para(300)}}}},
	}}
}
