// Package epaper reads the pages of e-paper websites (数字报): article
// pages and layout pages (版面页) of the systems Chinese dailies publish
// with — the 人民日报's (both the current one and the one before
// December 2024), the 光明日报's, and the Founder (方正) system of most
// city and provincial dailies — and any other news article page through
// a readability-style fallback.
//
// Inspect tells what one page is and what it links to (the API the
// fetcher crawls a day with).
package epaper
