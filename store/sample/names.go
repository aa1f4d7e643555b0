package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A culture is a pool of given and family names written the way people of
// that culture write them, with a Latin spelling for email addresses. A
// network built over a decade in a big city spans many of them, and the
// journal must hold every script and sort them sensibly.
type culture struct {
	given, family []name
	familyFirst   bool // 王芳, 佐藤 健: family name first, no space for Han names
	space         string
}

type name struct{ text, ascii string }

func n(text, ascii string) name { return name{text, ascii} }

var cultures = []culture{
	{ // Irish and British
		given: []name{n("Siobhán", "siobhan"), n("Niamh", "niamh"), n("Ciarán", "ciaran"), n("Aoife", "aoife"),
			n("Liam", "liam"), n("Maeve", "maeve"), n("Rory", "rory"), n("Gráinne", "grainne"), n("Tom", "tom"),
			n("Harriet", "harriet"), n("Owen", "owen"), n("Bridget", "bridget")},
		family: []name{n("Byrne", "byrne"), n("Ó Súilleabháin", "osullivan"), n("Doyle", "doyle"), n("Kavanagh", "kavanagh"),
			n("Walsh", "walsh"), n("Fletcher", "fletcher"), n("Price", "price"), n("McCarthy", "mccarthy")},
		space: " ",
	},
	{ // Spanish and Latin American
		given: []name{n("José", "jose"), n("María", "maria"), n("Tomás", "tomas"), n("Lucía", "lucia"), n("Andrés", "andres"),
			n("Inés", "ines"), n("Mateo", "mateo"), n("Camila", "camila"), n("Joaquín", "joaquin"), n("Sofía", "sofia")},
		family: []name{n("Álvarez", "alvarez"), n("Reyes", "reyes"), n("Muñoz", "munoz"), n("García", "garcia"),
			n("Peña", "pena"), n("Ortiz", "ortiz"), n("Castillo", "castillo"), n("Navarro", "navarro")},
		space: " ",
	},
	{ // Arabic, in Latin letters (as many Arabic speakers abroad write it)
		given: []name{n("Aisha", "aisha"), n("Omar", "omar"), n("Layla", "layla"), n("Yusuf", "yusuf"), n("Fatima", "fatima"),
			n("Karim", "karim"), n("Nour", "nour"), n("Samir", "samir")},
		family: []name{n("Rahman", "rahman"), n("Haddad", "haddad"), n("Mansour", "mansour"), n("Khalil", "khalil"),
			n("Nasser", "nasser"), n("Saleh", "saleh")},
		space: " ",
	},
	{ // Arabic script, right to left
		given: []name{n("عائشة", "aisha"), n("عمر", "omar"), n("ليلى", "layla"), n("يوسف", "yusuf"), n("مريم", "maryam"),
			n("خالد", "khalid")},
		family: []name{n("الحسن", "alhassan"), n("حداد", "haddad"), n("منصور", "mansour"), n("خليل", "khalil")},
		space:  " ",
	},
	{ // Chinese: family name first, no space
		given: []name{n("芳", "fang"), n("伟", "wei"), n("静", "jing"), n("磊", "lei"), n("敏", "min"), n("婷", "ting"),
			n("浩然", "haoran"), n("雪梅", "xuemei")},
		family:      []name{n("王", "wang"), n("李", "li"), n("张", "zhang"), n("刘", "liu"), n("陈", "chen"), n("黄", "huang")},
		familyFirst: true,
	},
	{ // Ukrainian and Russian, in Cyrillic
		given: []name{n("Ольга", "olga"), n("Дмитрий", "dmitry"), n("Наталья", "natalya"), n("Алексей", "alexei"),
			n("Ирина", "irina"), n("Сергей", "sergei"), n("Оксана", "oksana"), n("Богдан", "bohdan")},
		// Surnames that do not change with gender, so no pairing is wrong.
		family: []name{n("Коваленко", "kovalenko"), n("Шевченко", "shevchenko"), n("Бондаренко", "bondarenko"),
			n("Ткаченко", "tkachenko"), n("Кравец", "kravets"), n("Мельник", "melnyk")},
		space: " ",
	},
	{ // Nigerian and Ghanaian
		given: []name{n("Ngozi", "ngozi"), n("Chidi", "chidi"), n("Tunde", "tunde"), n("Adaeze", "adaeze"), n("Kwame", "kwame"),
			n("Yetunde", "yetunde"), n("Emeka", "emeka"), n("Abena", "abena")},
		family: []name{n("Okafor", "okafor"), n("Adeyemi", "adeyemi"), n("Mensah", "mensah"), n("Eze", "eze"),
			n("Okonkwo", "okonkwo"), n("Boateng", "boateng")},
		space: " ",
	},
	{ // South Asian, some in Devanagari
		given: []name{n("Priya", "priya"), n("Arjun", "arjun"), n("नमिता", "namita"), n("Rohan", "rohan"), n("Anjali", "anjali"),
			n("Vikram", "vikram"), n("Meera", "meera"), n("राहुल", "rahul")},
		family: []name{n("Raman", "raman"), n("Sharma", "sharma"), n("Iyer", "iyer"), n("Patel", "patel"), n("Gupta", "gupta"),
			n("Nair", "nair")},
		space: " ",
	},
	{ // Japanese: family name first
		given:       []name{n("健", "ken"), n("由美", "yumi"), n("翔太", "shota"), n("さくら", "sakura"), n("大輔", "daisuke")},
		family:      []name{n("佐藤", "sato"), n("鈴木", "suzuki"), n("高橋", "takahashi"), n("田中", "tanaka")},
		familyFirst: true,
		space:       " ",
	},
	{ // French and Québécois
		given: []name{n("Zoë", "zoe"), n("Émile", "emile"), n("Chloé", "chloe"), n("Hélène", "helene"), n("Loïc", "loic"),
			n("Amélie", "amelie"), n("Benoît", "benoit")},
		family: []name{n("Fontaine", "fontaine"), n("Lefèvre", "lefevre"), n("Bouchard", "bouchard"), n("Gagné", "gagne"),
			n("Moreau", "moreau")},
		space: " ",
	},
	{ // Polish
		given: []name{n("Łukasz", "lukasz"), n("Małgorzata", "malgorzata"), n("Agnieszka", "agnieszka"), n("Paweł", "pawel"),
			n("Zofia", "zofia")},
		family: []name{n("Nowak", "nowak"), n("Kowalczyk", "kowalczyk"), n("Wójcik", "wojcik"), n("Mazur", "mazur"),
			n("Krawczyk", "krawczyk")},
		space: " ",
	},
	{ // Vietnamese, written given name first as many do abroad
		given:  []name{n("Lan", "lan"), n("Minh", "minh"), n("Thảo", "thao"), n("Đức", "duc"), n("Hương", "huong")},
		family: []name{n("Nguyễn", "nguyen"), n("Trần", "tran"), n("Phạm", "pham"), n("Đặng", "dang")},
		space:  " ",
	},
}

// personName picks a full name and an email address at one of the
// reserved example domains (RFC 2606), or none.
func personName(r *rand.Rand) (full, email string) {
	c := cultures[r.IntN(len(cultures))]
	g, f := c.given[r.IntN(len(c.given))], c.family[r.IntN(len(c.family))]
	if c.familyFirst {
		full = f.text + c.space + g.text
	} else {
		full = g.text + c.space + f.text
	}
	if r.IntN(3) > 0 {
		domains := []string{"example.org", "example.com", "example.net"}
		email = fmt.Sprintf("%s.%s@%s", g.ascii, f.ascii, domains[r.IntN(len(domains))])
		if r.IntN(4) == 0 {
			email = fmt.Sprintf("%s%d@%s", g.ascii, 10+r.IntN(89), domains[r.IntN(len(domains))])
		}
	}
	// A few people are in the phone as a first name and a note.
	if r.IntN(12) == 0 {
		full = g.text
	}
	return full, strings.ToLower(email)
}

// phone writes a number the way its country does, from the ranges set
// aside for fiction and examples (Ofcom's 07700 900xxx and 020 7946 0xxx,
// NANP's 555-01xx, ACMA's 0491 570 xxx, ARCEP's 06 39 98 xx xx), so a
// sample never rings a real person.
func phone(r *rand.Rand) string {
	switch r.IntN(7) {
	case 0:
		return fmt.Sprintf("07700 900%03d", r.IntN(1000))
	case 1:
		return fmt.Sprintf("+44 20 7946 0%03d", r.IntN(1000))
	case 2:
		areas := []int{212, 312, 415, 617, 206, 503}
		return fmt.Sprintf("(%d) 555-01%02d", areas[r.IntN(len(areas))], r.IntN(100))
	case 3:
		return fmt.Sprintf("+1 %d-555-01%02d", 200+r.IntN(700), r.IntN(100))
	case 4:
		return fmt.Sprintf("+61 491 570 %03d", r.IntN(1000))
	case 5:
		return fmt.Sprintf("+33 6 39 98 %02d %02d", r.IntN(100), r.IntN(100))
	default:
		return fmt.Sprintf("+353 20 91%d %04d", r.IntN(10), r.IntN(10000))
	}
}

// groups are contacts that are a gathering rather than one person, by circle.
var groups = map[string][]string{
	"fellowship": {"Tuesday SMART meeting", "Thursday night Big Book group", "Sunday NA — Riverside", "Women's AA, Wednesday",
		"Saturday morning Refuge Recovery", "LifeRing Monday", "Early birds AA 7am"},
	"treatment": {"Ward 3 alumni", "Day programme group", "Aftercare Thursdays", "Harbour House residents"},
	"online":    {"Night owls 🌙", "r/stopdrinking daily check-in", "Sober gamers Discord", "In The Rooms 24/7", "Soberistas forum"},
	"hobby":     {"Climbing wall Wednesdays", "parkrun Saturday", "Pottery class", "Five-a-side on Fridays", "Allotment society", "Chess club 🧩"},
	"volunteer": {"Food bank Saturday crew", "Animal shelter dog walkers", "Library reading buddies", "Community garden"},
	"faith":     {"St Aidan's men's group", "Friday prayers, Al-Noor", "Zen sitting group", "Quaker meeting"},
}
