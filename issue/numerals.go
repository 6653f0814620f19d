package issue

import "unicode/utf8"

// parseNumber reads a whole number written in ASCII or full-width digits
// (12, １２) or in Chinese numerals (十二, 一百零八, 两千, 〇七), and reports
// whether s was one. Numbers up to 99,999 are read.
func parseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	return parseChinese(s)
}

// parseDigits reads ASCII or full-width digits.
func parseDigits(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		count++
		if count > 6 {
			return 0, false
		}
	}
	return n, count > 0
}

// chineseDigit maps a Chinese digit to its value, or −1.
func chineseDigit(r rune) int {
	switch r {
	case '零', '〇', '○', 'Ｏ':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰', '兩':
		return 2
	case '三', '叁':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆', '陸':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// chineseUnit maps a Chinese unit character to its value, or 0.
func chineseUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 10
	case '廿':
		return 20
	case '卅':
		return 30
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万', '萬':
		return 10000
	}
	return 0
}

// parseChinese reads Chinese numerals: positional (一〇七) or with units
// (一百零七, 十二, 廿八).
func parseChinese(s string) (int, bool) {
	if utf8.RuneCountInString(s) > 12 {
		return 0, false
	}
	hasUnit := false
	for _, r := range s {
		if chineseUnit(r) > 0 {
			hasUnit = true
		} else if chineseDigit(r) < 0 {
			return 0, false
		}
	}
	if !hasUnit {
		n := 0
		for _, r := range s {
			n = n*10 + chineseDigit(r)
		}
		return n, true
	}
	total, section, digit := 0, 0, -1
	for _, r := range s {
		if d := chineseDigit(r); d >= 0 {
			digit = d
			continue
		}
		u := chineseUnit(r)
		switch {
		case u == 10000:
			if digit >= 0 {
				section += digit
			}
			total += section * u
			section, digit = 0, -1
		case u == 20 || u == 30:
			section += u
			digit = -1
		default:
			if digit < 0 {
				digit = 1 // 十二 = 一十二
			}
			section += digit * u
			digit = -1
		}
	}
	if digit > 0 {
		section += digit
	}
	return total + section, true
}
