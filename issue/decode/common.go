package decode

// commonHan lists the most frequent Chinese characters, in simplified and
// traditional forms. Text decoded with the right legacy encoding is full of
// them; text decoded with the wrong one almost never is.
const commonHan = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研市记报讯版议调推群众服务济企项目城乡村环境保护教育卫交旅游這個們來時為國說對會學發過還後當麼見經頭聽無開實話兒問機給幾間長東門聲電種點動與從現愛邊進總師書報員讓將記訊議強調設務濟業項鄉環護藝術衛遊幣廣場層陽華歡慶"

// hanBase is the first code point of the CJK Unified Ideographs block.
const hanBase = 0x4E00

// commonSet is a bitmap over U+4E00–U+9FFF of the characters in commonHan.
// It is built once and never modified.
var commonSet = func() (set [(0x9FFF - hanBase + 64) / 64]uint64) {
	for _, r := range commonHan {
		if r >= hanBase && r <= 0x9FFF {
			i := r - hanBase
			set[i/64] |= 1 << (i % 64)
		}
	}
	return set
}()

// isCommon reports whether r is one of commonHan.
func isCommon(r rune) bool {
	if r < hanBase || r > 0x9FFF {
		return false
	}
	i := r - hanBase
	return commonSet[i/64]&(1<<(i%64)) != 0
}
