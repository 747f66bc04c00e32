# Offices and names: a name between commas after its title, the country
# that ends a portfolio, the country of a diplomatic post (not its city),
# a person's name glued after an institution's, and a name whose last
# words look like a person's ("Centre for South Asian Studies", "... and
# African Studies"), an acronym defined after the place ("Institute of
# Strategic Studies, Islamabad (ISSI)").
. tests/cli/lib.inc
extract_each person institution country <<'TEXTS'
The Japanese Foreign Minister, Taro Aso, said the talks were useful.
Deputy Minister of Foreign Affairs of the Russian Federation Ivan Petrov met the delegation.
The British Embassy in Tashkent hosted a seminar on trade.
Professor Maria Lopez, Director of the Polish Academy of Sciences Anna Nowak, spoke.
Dr. Ayesha Khan of the Centre for South Asian Studies spoke.
Prof. Zhou Yuyuan, senior fellow of the Center for West Asian and African Studies, met the delegation.
A delegation from the Institute of Strategic Studies, Islamabad (ISSI) visited Tehran; other members of the ISSI delegation included Ms. Amina Khan.
TEXTS
