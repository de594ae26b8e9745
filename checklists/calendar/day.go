package calendar

import "fmt"

// Days are numbered from 1970-01-01 (day 0) in the proleptic Gregorian calendar.

// daysFromCivil returns the day number of y-m-d (Howard Hinnant's days_from_civil).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekend reports whether day number z is a Saturday or a Sunday.
func weekend(z int) bool {
	wd := (z + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
	if wd < 0 {
		wd += 7
	}
	return wd == 0 || wd == 6
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func formatDay(z int) string {
	y, m, d := civilFromDays(z)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
