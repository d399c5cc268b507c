# bench/router-bench.sh: the deterministic router deck. 20 country codes, PREFIXES/20 prefixes of cc + 6 digits
# under each, owned alternately by carriers 1 and 2; carrier 3 rates every country code dearer (the failover).
BEGIN {
  n = split("1 44 49 33 39 34 31 32 41 43 45 46 47 48 351 353 358 420 61 81", cc, " ")
  per = int(PREFIXES / n)
  hdr = "prefix,destination,rate,increment,effective_from"
  print hdr > (OUT "/deck-1.csv"); print hdr > (OUT "/deck-2.csv"); print hdr > (OUT "/deck-3.csv")
  print "key_name(string) key_type(int) value_type(int) key_value(string) expires(int)" > (OUT "/kamailio-db/routes")
  for (c = 1; c <= n; c++) {
    printf "%s,Country %s,0.0500,60/60,2020-01-01\n", cc[c], cc[c] > (OUT "/deck-3.csv")
    printf "%s:0:0:3:0\n", cc[c] > (OUT "/kamailio-db/routes")
    for (j = 0; j < per; j++) {
      i = (c - 1) * per + j
      p = sprintf("%s%06d", cc[c], (j * 7919 + c * 12345) % 1000000)
      owner = (i % 2) + 1
      printf "%s,Area %s,%.4f,60/60,2020-01-01\n", p, p, 0.0100 + owner * 0.0010 + (i % 50) / 10000 > (OUT "/deck-" owner ".csv")
      printf "%s:0:0:%d;3:0\n", p, owner > (OUT "/kamailio-db/routes")
      prefix[i] = p
    }
  }
  total = n * per
  for (k = 0; k < NUMBERS; k++) {
    if (k == 0) print "SEQUENTIAL" > (OUT "/numbers.csv")
    printf "+%s%04d\n", prefix[(k * 104729) % total], k % 10000 > (OUT "/numbers.csv")
  }
}
# Writes OUT/deck-{1,2,3}.csv (the API's CSV), OUT/kamailio-db/routes (the same routes as htable rows for db_text:
# prefix -> the carriers in price order, "1;3") and OUT/numbers.csv (SIPp injection file, NUMBERS dialled numbers:
# a prefix and 4 digits).
