package issue

// ParserVersion identifies the parser's output: caches of parsed data
// keyed on it are invalidated when it changes. Raise it with every change
// that can make the same bytes parse differently (detection, decoding,
// structure, repair, stitching).
//
// History: 1 is the first committed parser; 2 refuses random bytes as
// binary, reads short damaged UTF-8 as UTF-8, and reads a jump line to a
// signed page such as (上接第-1版) as page 0 (unknown); 3 keeps the seam
// of a stitched continuation (Jump.Para and Offset); 4 reads web pages,
// e-paper days, feeds and EPUBs by their format instead of as text; 5
// reads inline Markdown into spans, fenced code and nested lists, and
// keeps a list's ■; 6 decodes GB18030's user-defined areas, reads web
// bodies (the archive form, e-paper pages) without layout repair and with
// crossheads, credits, attributions and part bylines, datelines without a
// place, note citations, repeated pages, and invents no page 1; 7 reads
// the 1946–2003 archive's Markdown and joins the sections of one page; 8
// gives a run-in byline back the bracketed group a line break cut from it,
// reads a figure's later > line as a quote mark, keeps apart two
// paragraphs whose join would put emphasis on a digit after a digit,
// keeps the text after an HTML comment on its line, and ends an ESC
// sequence with intermediates at its final byte (ESC " X swallowed the
// text after it); 9 reads a table row's \\| as a backslash before a cell
// border (GFM), not as an escaped pipe that lost a backslash; 10 trims
// the spaces of the paper a note's citation names (《人民日报  》); 11
// makes no outline of a text where an article or a page starts with the
// text after a comment opened on a line before (it did not read alone);
// 12 trims the spaces at the edges of a kicker, title, subtitle or
// crosshead that its inline markup held (## [ 图](x)); 13 keeps apart
// two paragraphs whose join would leave emphasis at the seam that no
// Markdown form gives back (第I + _*>!>*q…_), not only on digits; 14:
// the writer finds a form for more emphases (pickByGroup), and so that
// rule keeps fewer paragraphs apart; 15: the same, a group of more than
// eight emphases (pickInTurn); 16 keeps the break of a thematic break
// past an empty quote line (---, >, then text: not joined); 17 names an
// archive page by its column only when a page line can hold the name;
// 18 keeps apart two paragraphs whose join would make two code spans
// meet that no Markdown form gives back (`c` + `c`号); 19: the writer
// finds a form for more groups of emphases (pickInTurn starts over from
// * and _ and in reverse, then tries pairs), and so that rule keeps
// fewer paragraphs apart; 20 asks, for such a join, only the forms of
// the writer that choose no marks span by span, on the spans at the seam
// first (writesJoined), and keeps apart the joins that only a choice
// span by span wrote back; 21 reads a level-1 heading that spells its
// page out (# 第3版 …) as that page whatever the length of its name, the
// form WriteMarkdown writes a long name in (it read as a plain heading
// over 96 bytes); 22 ends a list item, where paragraphs stand apart by
// blank lines, at an indented line that opens a quote (* 甲, then   > 乙:
// a quote after the list, where the item read 甲> 乙); 23 takes a
// closing byline in brackets that a line break cut for the byline once
// the layout repair has joined it (（新华社…记者张三、李 / 四）); 24
// parts the paragraphs around a page's repeat comment, as around any
// comment on a line of its own (they were joined across it); 25 trims
// the spaces at the edges of a byline that its paragraph's inline markup
// held (□ 苏晚晴` `); 26 reads a line of a <figure> that starts with >
// after a < that opens no tag (<, then a space) as a quote mark, which
// makes the figure text, as after a >: it ended a tag there, and the
// caption kept the < and the > as text; 27 keeps a paragraph's spans in
// order (by start, the longer first) when the layout repair joins one
// that ends with an empty link onto one whose first span starts there;
// 28 looks for the byline that opens the first paragraph again when the
// layout repair joined it (!报 / 日电: the joined paragraph read back as
// the byline), and keeps the paragraphs marked cut on their paragraphs
// when one is taken out of the body; 29 leaves the backslash that
// starts a list item's indented continuation before an ASCII punctuation
// mark to the inline markup, as a paragraph's line does (\\ a backslash,
// \* a star): it was taken off whatever followed.
const ParserVersion = 29
