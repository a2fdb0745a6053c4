/*
 * geonames-export.c - print the cities that Debian's libgeonames carries
 * (GeoNames data, CC BY 4.0) as TSV: name, admin1 ("state"), ISO 3166-1
 * alpha-2, latitude, longitude, population. Built and run only by
 * scripts/gen-gazetteer; libdyad does not link libgeonames.
 */
#include <geonames.h>
#include <stdio.h>

int main(void)
{
	int n = geonames_get_n_cities();
	for (int i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);
		if (!c)
			continue;
		printf("%s\t%s\t%s\t%.4f\t%.4f\t%u\n", geonames_city_get_name(c),
		       geonames_city_get_state(c) ? geonames_city_get_state(c) : "",
		       geonames_city_get_country_code(c), geonames_city_get_latitude(c),
		       geonames_city_get_longitude(c), geonames_city_get_population(c));
		geonames_city_free(c);
	}
	return 0;
}
