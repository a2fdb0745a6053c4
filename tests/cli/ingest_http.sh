#!/usr/bin/env bash
# tests/cli/ingest_http.sh DYAD - ingest over HTTP from a local server:
# a page by URL, an RSS feed by URL with --follow (each item's article
# fetched and extracted), a missing page (HTTP 404) and an Atom and a
# PETRARCH XML file; failures are rows of `rejected`, the rest is stored.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
srv=
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"
command -v python3 >/dev/null || fail "python3 missing"
db=$tmp/h.db
q() { sqlite3 "$db" "$1"; }

mkdir "$tmp/www"
port=$((20000 + $$ % 20000))
base=http://127.0.0.1:$port
cat > "$tmp/www/a.html" <<HTML
<html><head><title>Navies drill off Oran</title><meta property="og:site_name" content="Local Wire"></head>
<body><nav>Home | World</nav><article><h1>Navies drill off Oran</h1>
<p>ORAN, Oct. 20, 2021 (Local Wire) - Algerian and Russian warships held a joint naval exercise off Oran on Wednesday, the defence ministry said.</p>
<div class="share">Share this</div><p>The drill lasted two days.</p></article></body></html>
HTML
cat > "$tmp/www/b.html" <<HTML
<html><head><title>Algiers hosts Russian delegation</title></head>
<body><div class="story"><p>ALGIERS, March 3, 2023 (Local Wire) - Algeria hosted a Russian security delegation for talks on military cooperation, officials said.</p></div></body></html>
HTML
cat > "$tmp/www/feed.rss" <<RSS
<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Algiers hosts Russian delegation</title><link>$base/b.html</link><pubDate>Fri, 03 Mar 2023 10:00:00 GMT</pubDate><description>Teaser only.</description></item>
<item><title>Gone</title><link>$base/missing.html</link><pubDate>Fri, 03 Mar 2023 11:00:00 GMT</pubDate><description>Teaser.</description></item>
</channel></rss>
RSS
(cd "$tmp/www" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
srv=$!
for _ in $(seq 1 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('$base/a.html', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

cat > "$tmp/atom.xml" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Declaration signed</title><link href="https://atom.example/decl"/><published>2023-06-15T12:00:00Z</published>
<summary>Putin and Tebboune signed a declaration on a deepened strategic partnership in Moscow on Thursday.</summary></entry></feed>
ATOM
cat > "$tmp/petrarch.xml" <<'PXML'
<Sentences>
<Sentence date="20221116" id="P-1" source="Petrarch Wire" sentence="true">
<Text>Algerian and Russian troops began a joint counter-terrorism exercise at Hammaguir on Wednesday.</Text>
</Sentence>
<Sentence date="20221128" id="P-2" source="Petrarch Wire" sentence="true">
<Text>The exercise ended on Monday with a live-fire drill, the ministry said.</Text>
</Sentence>
</Sentences>
PXML

"$dyad" ingest --db "$db" --no-code --follow --timeout 10 "$base/a.html" "$base/feed.rss" >"$tmp/out" 2>"$tmp/err" \
  || fail "ingest: $(cat "$tmp/err")"
# without --follow: the feed's own text (the Atom link is not reachable)
"$dyad" ingest --db "$db" --no-code "$tmp/atom.xml" "$tmp/petrarch.xml" >"$tmp/out2" 2>"$tmp/err2" \
  || fail "ingest: $(cat "$tmp/err2")"
[ "$(q "SELECT url || '|' || outlet || '|' || pub_date FROM documents WHERE url = '$base/a.html'")" = "$base/a.html|Local Wire|2021-10-20" ] \
  || fail "page by URL: $(q "SELECT url, outlet, pub_date FROM documents")"
case "$(q "SELECT text FROM documents WHERE url = '$base/a.html'")" in *"Share this"*|*"Home | World"*) fail "clutter in fetched page";; esac
[ "$(q "SELECT title || '|' || pub_date FROM documents WHERE url = '$base/b.html'")" = "Algiers hosts Russian delegation|2023-03-03" ] \
  || fail "followed feed item"
case "$(q "SELECT text FROM documents WHERE url = '$base/b.html'")" in *"security delegation"*) ;; *) fail "followed article text";; esac
q "SELECT error FROM rejected WHERE record = '$base/missing.html'" | grep -q "404" || fail "missing page not rejected: $(q "SELECT * FROM rejected")"
[ "$(q "SELECT outlet || '|' || pub_date FROM documents WHERE url = 'https://atom.example/decl'")" = "Atom Desk|2023-06-15" ] || fail "Atom entry"
[ "$(q "SELECT count(*) FROM documents WHERE outlet = 'Petrarch Wire' AND pub_date LIKE '2022-11-%'")" = 2 ] || fail "PETRARCH sentences"
[ "$(q "SELECT count(*) FROM rejected")" = 1 ] || fail "rejected: $(q "SELECT * FROM rejected")"
echo "ingest_http: ok"
