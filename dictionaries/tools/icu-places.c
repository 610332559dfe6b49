/*
 * icu-places: print, one per line, the English names ICU's locale data
 * gives to every ISO 3166 region ("C<TAB>Russia") and the exemplar city of
 * every time zone ("Z<TAB>Moscow").  Used by dictionaries/build-lists.py;
 * not part of mtlint.  Exits 1 when ICU's data is missing.
 */
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

static void print_u(const char *tag, const UChar *s, int32_t n)
{
	char out[512];
	int32_t len = 0;
	UErrorCode st = U_ZERO_ERROR;

	u_strToUTF8(out, sizeof(out), &len, s, n, &st);
	if (U_SUCCESS(st) && len > 0 && len < (int32_t)sizeof(out))
		printf("%s\t%.*s\n", tag, (int)len, out);
}

int main(void)
{
	const char *const *countries = uloc_getISOCountries();
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *zones;
	const char *zone;
	UChar pat[] = { 'V', 'V', 'V', 0 };

	for (size_t i = 0; countries[i]; i++) {
		char loc[16];
		UChar name[256];
		int32_t n;

		st = U_ZERO_ERROR;
		snprintf(loc, sizeof(loc), "und_%s", countries[i]);
		n = uloc_getDisplayCountry(loc, "en", name, 256, &st);
		if (U_SUCCESS(st) && n > 0 && strcmp(countries[i], "ZZ") != 0)
			print_u("C", name, n);
	}
	st = U_ZERO_ERROR;
	zones = ucal_openTimeZones(&st);
	if (U_FAILURE(st))
		return 1;
	while ((zone = uenum_next(zones, NULL, &st)) && U_SUCCESS(st)) {
		UChar uz[128], city[256];
		UDateFormat *df;
		int32_t n;
		UErrorCode s2 = U_ZERO_ERROR;

		if (!strchr(zone, '/') || strncmp(zone, "Etc/", 4) == 0 ||
		    strncmp(zone, "SystemV/", 8) == 0)
			continue;
		u_uastrncpy(uz, zone, 127);
		uz[127] = 0;
		df = udat_open(UDAT_PATTERN, UDAT_PATTERN, "en", uz, -1, pat,
			       -1, &s2);
		if (U_FAILURE(s2))
			continue;
		n = udat_format(df, 0, city, 256, NULL, &s2);
		if (U_SUCCESS(s2) && n > 0)
			print_u("Z", city, n);
		udat_close(df);
	}
	uenum_close(zones);
	return 0;
}
