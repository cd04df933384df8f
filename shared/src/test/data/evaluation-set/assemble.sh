#!/usr/bin/env bash
# Assembles the pattern-evaluation set: real daily price series taken from packages that the
# project's registries serve (Maven Central, Debian, npm), one CSV per series plus manifest.csv
# and report.txt. See README.md beside this file for every source, its licence and its caveats.
#
#   shared/src/test/data/evaluation-set/assemble.sh [OUT]      (OUT defaults to target/evaluation-set)
#
# Each CSV is named <source>-<symbol>.csv with header date,open,high,low,close,volume: ISO dates,
# ascending, rows without a positive price dropped. Close-only series leave open/high/low empty;
# series without volume leave volume empty (manifest.csv says which: has_volume, close_only).
# Downloads are pinned (package version + SHA-256) and kept in OUT/downloads, so a second run
# fetches nothing; a download whose checksum differs stops the run. Needs bash, python3 (standard
# library only), npm, apt-get (Debian) and either the ta4j-examples jar in the local Maven
# repository or mvn to fetch it. MAVEN_REPO_LOCAL overrides ~/.m2/repository.
set -euo pipefail

OUT="${1:-target/evaluation-set}"
DL="$OUT/downloads"
mkdir -p "$DL"

# kind | package | version | file it arrives as | sha256
ARTIFACTS=(
  "maven|org.ta4j:ta4j-examples|0.18|ta4j-examples-0.18.jar|45232396b3231d46a833605ed1934cad522e4264cfb2e400b1fbb3a4a118da91"
  "npm|@observablehq/sample-datasets|1.0.1|observablehq-sample-datasets-1.0.1.tgz|8cb79bcc90c9dab6155deb6aa1ec203716735301a5ed3f591817e3e0a298525a"
  "npm|vega-datasets|3.2.1|vega-datasets-3.2.1.tgz|6f72fda460a9863fae5fcb32f85bcd49e1761fdea6dc6cf9f4962472881cc5a3"
  "npm|techan|0.8.0|techan-0.8.0.tgz|8e4c9177a6840563caab8abd13a05b6f76f12a22c74789517d06f53f8b452b4b"
  "npm|@visx/mock-data|4.0.0|visx-mock-data-4.0.0.tgz|bff5c7562a65d300f37b4885edde419fd112f07a837882e31312aed4c29916ad"
  "deb|python-matplotlib-data|3.6.3-1|python-matplotlib-data_3.6.3-1_all.deb|e4150fcebd35ea11e0f66268da97ce62f98a4cf530c944f755f241da1a9158f9"
  "deb|gnuplot-doc|5.4.4+dfsg1-2|gnuplot-doc_5.4.4+dfsg1-2_all.deb|73fe1816a296594cf6a1d38528f8d740fd650f57a2cb62e029f7920fcd5b31f0"
  "deb|ploticus|2.42-5|ploticus_2.42-5_amd64.deb|11fe22ed3473eb1149b7d5c5d1d09e5c05f7740e6eec61ee50209e705152abe4"
  "deb|r-cran-timeseries|4021.105-2|r-cran-timeseries_4021.105-2_all.deb|12ba7000c5e34619345f0b57945d7f9ab93220f87540b95fc03f509150100ef3"
  "deb|r-cran-fbasics|4021.93-1|r-cran-fbasics_4021.93-1_amd64.deb|cca55f7eadc3adec0425c500858c8a29a98f97b0fc929f1d7bf1e730bf31e551"
  "deb|r-cran-fportfolio|3042.83.1-1+b1|r-cran-fportfolio_3042.83.1-1+b1_amd64.deb|f9f66cbfbc3608115c424e9b66a97b4f807522721045ff4c942989a8bee0e6ba"
  "deb|r-cran-aer|1.2-10-1|r-cran-aer_1.2-10-1_all.deb|c75319e132fbb7e3d002ef6c2933507046c66877bea8d5029e599757ae36c709"
  "deb|gretl-data|2022c-1|gretl-data_2022c-1_all.deb|7790d2f1341c6d75643a31103169b228ae6a2f75aa413db6c7ff0de97dc91a66"
)

die() { echo "assemble.sh: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
for tool in python3 npm apt-get sha256sum; do
  command -v "$tool" >/dev/null || die "needs $tool on PATH"
done

APT_UPDATED=0
fetch() {  # kind package version file
  local kind=$1 pkg=$2 ver=$3 file=$4
  case "$kind" in
    maven)
      local repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" g=${pkg%%:*} a=${pkg#*:}
      local jar="$repo/${g//.//}/$a/$ver/$file"
      if [ ! -f "$jar" ]; then
        command -v mvn >/dev/null || die "$file is not in $repo and mvn is not on PATH"
        mvn -B -q -Dstyle.color=never dependency:get -Dartifact="$pkg:$ver" -Dtransitive=false \
          ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} >"$DL/mvn.log" 2>&1 \
          || { cat "$DL/mvn.log" >&2; die "mvn could not fetch $pkg:$ver"; }
      fi
      cp "$jar" "$DL/$file" ;;
    npm)
      npm pack --silent --pack-destination "$DL" "$pkg@$ver" >/dev/null || die "npm pack $pkg@$ver failed" ;;
    deb)
      if ! (cd "$DL" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$ver" >/dev/null 2>&1); then
        if [ "$APT_UPDATED" = 0 ] && [ "$(id -u)" = 0 ]; then
          APT_UPDATED=1
          apt-get update -qq >/dev/null 2>&1 || true
          (cd "$DL" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$ver" >/dev/null) \
            || die "apt-get download $pkg=$ver failed (that version may have left the Debian archive)"
        else
          die "apt-get download $pkg=$ver failed (run apt-get update first; the version may have left the archive)"
        fi
      fi ;;
  esac
}

for line in "${ARTIFACTS[@]}"; do
  IFS='|' read -r kind pkg ver file want <<<"$line"
  if [ -f "$DL/$file" ] && [ "$(sha "$DL/$file")" = "$want" ]; then
    continue
  fi
  rm -f "$DL/$file"
  fetch "$kind" "$pkg" "$ver" "$file"
  [ -f "$DL/$file" ] || die "$kind $pkg $ver did not arrive as $DL/$file"
  got=$(sha "$DL/$file")
  if [ "$got" != "$want" ]; then
    mv "$DL/$file" "$DL/$file.rejected"
    die "checksum changed for $kind $pkg $ver ($file): expected $want, got $got (kept as $file.rejected)"
  fi
  echo "fetched $kind $pkg $ver" >&2
done

python3 - "$OUT" "$DL" <<'PY'
import bz2, csv, datetime as dt, gzip, io, json, lzma, math, os, re, struct, sys, tarfile, zipfile, zlib
from zoneinfo import ZoneInfo

OUT, DL = sys.argv[1], sys.argv[2]
WINDOW = 250

# ---------------------------------------------------------------- package readers
_cache = {}

def deb_members(deb):
    """{path: bytes} of the data archive inside a .deb (an ar archive holding data.tar.*)."""
    if deb in _cache:
        return _cache[deb]
    raw = open(os.path.join(DL, deb), "rb").read()
    if raw[:8] != b"!<arch>\n":
        raise SystemExit("%s is not a Debian package" % deb)
    p, files = 8, {}
    while p < len(raw):
        name = raw[p:p + 16].decode().strip().rstrip("/")
        size = int(raw[p + 48:p + 58].decode().strip())
        body = raw[p + 60:p + 60 + size]
        p += 60 + size + (size & 1)
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as t:
                for m in t.getmembers():
                    if m.isfile():
                        files[m.name.lstrip("./").lstrip("/")] = t.extractfile(m).read()
    _cache[deb] = files
    return files

def deb_file(deb, path):
    files = deb_members(deb)
    if path not in files:
        raise SystemExit("%s holds no %s" % (deb, path))
    return files[path]

def tgz_file(tgz, path):
    with tarfile.open(os.path.join(DL, tgz), "r:gz") as t:
        return t.extractfile(path).read()

def jar_file(jar, path):
    with zipfile.ZipFile(os.path.join(DL, jar)) as z:
        return z.read(path)

# ---------------------------------------------------------------- R serialization (XDR v2/v3)
class RObj:
    __slots__ = ("type", "value", "attrs")
    def __init__(self, type_, value, attrs=None):
        self.type, self.value, self.attrs = type_, value, attrs or {}

def _unpack_file(data):
    if data[:2] == b"\x1f\x8b": return gzip.decompress(data)
    if data[:3] == b"BZh": return bz2.decompress(data)
    if data[:6] == b"\xfd7zXZ\x00": return lzma.decompress(data)
    return data

class _RReader:
    def __init__(self, buf):
        self.b, self.p, self.refs = buf, 0, []
    def int(self):
        v = struct.unpack_from(">i", self.b, self.p)[0]; self.p += 4; return v
    def length(self):
        n = self.int()
        return (self.int() << 32) + self.int() if n == -1 else n
    def header(self):
        if self.b[:2] != b"X\n":
            raise SystemExit("not an XDR R serialization")
        self.p = 2
        version = self.int(); self.int(); self.int()
        if version == 3:
            n = self.int(); self.p += n  # native encoding name
        elif version != 2: raise SystemExit("R serialization version %d" % version)
    def attrs(self, pl):
        out = {}
        while pl is not None and pl.type in (2, 239):
            tag, val, pl = pl.value
            out[tag] = val
        return out
    def item(self):
        flags = self.int(); t = flags & 0xFF
        has_attr, has_tag = flags & 512, flags & 1024
        if t == 255:
            i = flags >> 8
            return self.refs[(i or self.int()) - 1]
        if t == 254: return None
        if t in (253, 252, 251, 250, 242, 241): return RObj(t, None)
        if t in (249, 248, 247):
            if self.int() != 0: raise SystemExit("bad persistent string vector")
            o = RObj(t, [self.item() for _ in range(self.int())]); self.refs.append(o); return o
        if t == 1:
            c = self.item(); s = c.value.decode() if c is not None and c.value is not None else ""
            self.refs.append(s); return s
        if t == 4:
            o = RObj(4, None); self.refs.append(o); self.int()
            self.item(); frame = self.item(); self.item(); o.attrs = self.attrs(self.item()); o.value = frame
            return o
        if t in (2, 3, 5, 6, 17, 239, 240):
            a = self.attrs(self.item()) if has_attr else {}
            tag = self.item() if has_tag else None
            car = self.item(); cdr = self.item()
            return RObj(t, (tag, car, cdr), a)
        if t == 238:
            info, state, a = self.item(), self.item(), self.item()
            o = self.altrep(info.value[1], state); o.attrs = self.attrs(a); return o
        if t == 9:
            n = self.int()
            if n == -1: return RObj(9, None)
            v = self.b[self.p:self.p + n]; self.p += n; return RObj(9, v)
        if t in (10, 13):
            n = self.length(); v = struct.unpack_from(">%di" % n, self.b, self.p); self.p += 4 * n
            o = RObj(t, [None if x == -2147483648 else x for x in v])
        elif t == 14:
            n = self.length(); v = struct.unpack_from(">%dd" % n, self.b, self.p); self.p += 8 * n
            o = RObj(t, [None if x != x else x for x in v])
        elif t == 15:
            n = self.length(); self.p += 16 * n; o = RObj(t, None)
        elif t == 16:
            n = self.length(); o = RObj(t, [])
            for _ in range(n):
                c = self.item(); o.value.append(None if c.value is None else c.value.decode("utf-8", "replace"))
        elif t in (19, 20):
            n = self.length(); o = RObj(t, [self.item() for _ in range(n)])
        elif t == 24:
            n = self.length(); o = RObj(t, self.b[self.p:self.p + n]); self.p += n
        elif t == 25:
            o = RObj(t, None)
        elif t in (7, 8):
            n = self.int(); self.p += n; o = RObj(t, None)
        else:
            raise SystemExit("unsupported R object type %d" % t)
        if has_attr: o.attrs = self.attrs(self.item())
        return o
    def altrep(self, cls, state):
        if cls in ("compact_intseq", "compact_realseq"):
            n, start, inc = state.value
            seq = [start + i * inc for i in range(int(n))]
            return RObj(13, [int(x) for x in seq]) if cls == "compact_intseq" else RObj(14, seq)
        if cls.startswith("wrap_"): return state.value[0]
        if cls == "deferred_string":  # numbers that R turns into strings on first use
            return RObj(16, [None if x is None else ("%d" % x if float(x).is_integer() else repr(x))
                             for x in state.value[1].value])
        raise SystemExit("unsupported ALTREP class " + cls)

def r_unserialize(buf):
    r = _RReader(buf); r.header(); return r.item()

def r_rda(data):
    raw = _unpack_file(data)
    if raw[:5] not in (b"RDX2\n", b"RDX3\n"): raise SystemExit("not an R data file")
    pl, out = r_unserialize(raw[5:]), {}
    while pl is not None:
        tag, val, pl = pl.value; out[tag] = val
    return out

def r_lazyload(rdx, rdb):
    index = r_unserialize(_unpack_file(rdx))
    variables = index.value[index.attrs["names"].value.index("variables")]
    out = {}
    for name, pos in zip(variables.attrs["names"].value, variables.value):
        off, ln = pos.value; chunk = rdb[off:off + ln]
        n, kind = struct.unpack(">I", chunk[:4])[0], chunk[4:5]
        if kind == b"Z":
            raw = lzma.decompress(chunk[5:], format=lzma.FORMAT_RAW,
                                  filters=[{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}])
        elif kind == b"2": raw = bz2.decompress(chunk[5:])
        elif kind == b"0": raw = chunk[5:]
        else: raw = zlib.decompress(chunk[4:])
        if len(raw) != n: raise SystemExit("lazy-load chunk of %s has the wrong length" % name)
        out[name] = r_unserialize(raw)
    return out

def r_package_data(deb, pkg):
    base = "usr/lib/R/site-library/%s/data/" % pkg
    return r_lazyload(deb_file(deb, base + "Rdata.rdx"), deb_file(deb, base + "Rdata.rdb"))

def r_columns(obj):
    """timeSeries / zoo / data.frame → (dates, {column: values})."""
    day = dt.date(1970, 1, 1)
    if "positions" in obj.attrs:  # Rmetrics timeSeries (S4): numeric matrix, positions in seconds GMT
        rows, cols = obj.attrs["dim"].value
        names = obj.attrs["units"].value
        secs = obj.attrs["positions"].value
        dates = [dt.datetime.fromtimestamp(s, dt.timezone.utc) for s in secs]
        return dates, {names[j]: obj.value[j * rows:(j + 1) * rows] for j in range(cols)}
    if "index" in obj.attrs:  # zoo with a Date index
        idx = obj.attrs["index"]
        dates = [day + dt.timedelta(days=int(x)) for x in idx.value]
        if "dim" in obj.attrs:
            rows, cols = obj.attrs["dim"].value
            names = obj.attrs["dimnames"].value[1].value
            return dates, {names[j]: obj.value[j * rows:(j + 1) * rows] for j in range(cols)}
        return dates, {"": obj.value}
    names = obj.attrs["names"].value  # data.frame whose first column is a factor of ISO dates
    first = obj.value[0]
    levels = first.attrs["levels"].value
    dates = [dt.date.fromisoformat(levels[i - 1]) for i in first.value]
    return dates, {names[j]: obj.value[j].value for j in range(1, len(names))}

# ---------------------------------------------------------------- series
def num(x):
    if x is None: return None
    x = str(x).strip()
    if x in ("", "NA", "null", "NaN"): return None
    return float(x)

def us_date(s):  # 19-Sep-03 / 14-May-99
    return dt.datetime.strptime(s, "%d-%b-%y").date()

def bars_csv(text, date_col, cols, parse_date=dt.date.fromisoformat, **kw):
    rows = []
    for r in csv.DictReader(io.StringIO(text), **kw):
        rows.append((parse_date(r[date_col].strip()),) + tuple(num(r[c]) if c else None for c in cols))
    return rows

def close_rows(dates, values):
    return [(d if isinstance(d, dt.date) and not isinstance(d, dt.datetime) else d.date(),
             None, None, None, v, None) for d, v in zip(dates, values)]

SERIES = []  # dicts: source, symbol, package, origin, licence, rows, kind, fill_grid, note

def add(source, symbol, package, origin, licence, rows, fill_grid=False, trim=None):
    SERIES.append(dict(source=source, symbol=symbol, package=package, origin=origin, licence=licence,
                       rows=rows, fill_grid=fill_grid, trim=trim))

CROSS = []  # (label, rows_a, rows_b): the same instrument from two sources

def load_all():
    # Maven Central: ta4j-examples 0.18
    jar = "ta4j-examples-0.18.jar"
    t = jar_file(jar, "appleinc_bars_from_20130101_usd.csv").decode()
    ta4j_aapl = bars_csv(t, "date", ["open", "high", "low", "close", "volume"])
    add("ta4j", "AAPL", "org.ta4j:ta4j-examples:0.18", "appleinc_bars_from_20130101_usd.csv", "MIT", ta4j_aapl)

    # npm: @observablehq/sample-datasets 1.0.1 (AAPL, Yahoo! Finance; split-adjusted OHLC)
    t = tgz_file("observablehq-sample-datasets-1.0.1.tgz", "package/aapl.csv").decode()
    obs = bars_csv(t, "Date", ["Open", "High", "Low", "Close", "Volume"])
    CROSS.append(("AAPL 2013: ta4j (unadjusted) vs observable (split-adjusted 7:1)", ta4j_aapl, obs))
    add("observable", "AAPL", "npm @observablehq/sample-datasets@1.0.1", "aapl.csv (from 2014-01-02: ta4j-AAPL covers 2013)",
        "ISC (package); data credited to Yahoo! Finance", obs, trim=dt.date(2014, 1, 1))

    # npm: vega-datasets 3.2.1
    vtgz = "vega-datasets-3.2.1.tgz"
    t = tgz_file(vtgz, "package/data/sp500-2000.csv").decode()
    add("vega", "SPX", "npm vega-datasets@3.2.1", "data/sp500-2000.csv",
        "BSD-3-Clause (package code only); data credited to Yahoo Finance",
        bars_csv(t, "date", ["open", "high", "low", "close", "volume"]))
    vix = json.loads(tgz_file(vtgz, "package/data/ohlc.json"))
    add("vega", "VIX", "npm vega-datasets@3.2.1", "data/ohlc.json",
        "BSD-3-Clause (package code only); data credited to Yahoo Finance / CBOE",
        [(dt.date.fromisoformat(r["date"]), r["open"], r["high"], r["low"], r["close"], None) for r in vix])

    # npm: techan 0.8.0 test fixture (Facebook from its IPO)
    t = tgz_file("techan-0.8.0.tgz", "package/test/spec/bundle/_fixtures/data/ohlc.js").decode()
    block = t[t.index("ohlc.facebook"):]
    block = block[:block.index("\n]")]
    fb = [(dt.date.fromisoformat(m[0]),) + tuple(float(x) for x in m[1:])
          for m in re.findall(r'\["(\d{4}-\d\d-\d\d)",([\d.]+),([\d.]+),([\d.]+),([\d.]+),(\d+)\]', block)]
    add("techan", "FB", "npm techan@0.8.0", "test/spec/bundle/_fixtures/data/ohlc.js (ohlc.facebook)", "MIT", fb)

    # npm: @visx/mock-data 4.0.0 (close only)
    vx = "visx-mock-data-4.0.0.tgz"
    t = tgz_file(vx, "package/lib/mocks/appleStock.js").decode()
    add("visx", "AAPL", "npm @visx/mock-data@4.0.0", "lib/mocks/appleStock.js", "MIT",
        [(dt.date.fromisoformat(d[:10]), None, None, None, float(c), None)
         for d, c in re.findall(r"date: '([^']+)',\s*close: ([\d.]+)", t)])
    t = tgz_file(vx, "package/lib/mocks/bitcoinPrice.js").decode()
    add("visx", "BTCUSD", "npm @visx/mock-data@4.0.0", "lib/mocks/bitcoinPrice.js", "MIT",
        [(dt.date.fromisoformat(d[:10]), None, None, None, float(p), None)
         for p, d in re.findall(r"price: '([^']+)',\s*time: '([^']+)'", t)])

    # Debian: python-matplotlib-data 3.6.3-1
    mdeb, mdir = "python-matplotlib-data_3.6.3-1_all.deb", "usr/share/matplotlib/mpl-data/sample_data/"
    with zipfile.ZipFile(io.BytesIO(deb_file(mdeb, mdir + "goog.npz"))) as z:
        npy = z.read("price_data.npy")
    hl = struct.unpack_from("<H", npy, 8)[0]
    header = npy[10:10 + hl].decode()
    if "('date', '<M8[D]'), ('open', '<f8'), ('high', '<f8'), ('low', '<f8'), ('close', '<f8'), ('volume', '<i8'), ('adj_close', '<f8')" not in header:
        raise SystemExit("goog.npz has an unexpected layout: " + header)
    n = int(re.search(r"'shape': \((\d+),\)", header).group(1))
    goog = []
    for i in range(n):
        d, o, h, l, c, v, _ = struct.unpack_from("<q4dqd", npy, 10 + hl + 56 * i)
        goog.append((dt.date(1970, 1, 1) + dt.timedelta(days=d), o, h, l, c, float(v)))
    add("matplotlib", "GOOG", "deb python-matplotlib-data 3.6.3-1", "sample_data/goog.npz", "matplotlib licence (PSF-based)", goog)
    t = deb_file(mdeb, mdir + "msft.csv").decode()
    add("matplotlib", "MSFT", "deb python-matplotlib-data 3.6.3-1", "sample_data/msft.csv", "matplotlib licence (PSF-based)",
        bars_csv(t, "Date", ["Open", "High", "Low", "Close", "Volume"], parse_date=us_date))

    # Debian: gnuplot-doc (John Bollinger's finance demo; the stock is not named)
    t = deb_file("gnuplot-doc_5.4.4+dfsg1-2_all.deb", "usr/share/doc/gnuplot/examples/finance.dat").decode()
    rows = []
    for line in t.splitlines():
        f = line.split("\t")
        if len(f) >= 6 and re.match(r"\d+/\d+/\d{4}$", f[0]):
            m, d, y = (int(x) for x in f[0].split("/"))
            rows.append((dt.date(y, m, d),) + tuple(float(x) for x in f[1:6]))
    add("gnuplot", "UNNAMED", "deb gnuplot-doc 5.4.4+dfsg1-2", "examples/finance.dat", "gnuplot licence", rows)

    # Debian: ploticus (example stock file; the stock is not named)
    t = gzip.decompress(deb_file("ploticus_2.42-5_amd64.deb", "usr/share/doc/ploticus/examples/stock.csv.gz")).decode()
    add("ploticus", "UNNAMED", "deb ploticus 2.42-5", "examples/stock.csv.gz", "GPL-2+",
        bars_csv(t, "Date", ["Open", "High", "Low", "Close", "Volume"], parse_date=us_date))

    # Debian: r-cran-timeseries (Rmetrics): MSFT OHLCV, USD/CHF half-hourly → daily OHLC
    ts = r_package_data("r-cran-timeseries_4021.105-2_all.deb", "timeSeries")
    dates, c = r_columns(ts["MSFT"])
    msft = [(d.date(), o, h, l, cl, v) for d, o, h, l, cl, v in
            zip(dates, c["Open"], c["High"], c["Low"], c["Close"], c["Volume"])]
    add("timeseries", "MSFT", "deb r-cran-timeseries 4021.105-2", "data: MSFT", "GPL (package)", msft)
    obj = ts["USDCHF"]
    zone = ZoneInfo(obj.attrs["FinCenter"].value[0] == "Zurich" and "Europe/Zurich" or "UTC")
    dates, c = r_columns(obj)
    days = {}
    for t_, v in zip(dates, c["USDCHF"]):
        if v is None: continue
        days.setdefault(t_.astimezone(zone).date(), []).append(v)
    add("timeseries", "USDCHF", "deb r-cran-timeseries 4021.105-2",
        "data: USDCHF (48 half-hourly prices a day, Zurich days) aggregated to daily OHLC", "GPL (package)",
        [(d, v[0], max(v), min(v), v[-1], None) for d, v in sorted(days.items())])

    # Debian: r-cran-fbasics: Dow Jones 30 stocks (closes), NYSE composite
    fb_data = r_package_data("r-cran-fbasics_4021.93-1_amd64.deb", "fBasics")
    dates, c = r_columns(fb_data["DowJones30"])
    for sym, vals in c.items():
        add("fbasics", sym, "deb r-cran-fbasics 4021.93-1", "data: DowJones30$" + sym, "GPL (package)",
            close_rows(dates, vals), trim=(None, dt.date(2000, 9, 27)) if sym == "MSFT" else None)
    dates, c = r_columns(fb_data["nyse"])
    add("fbasics", "NYA", "deb r-cran-fbasics 4021.93-1", "data: nyse", "GPL (package)", close_rows(dates, c["NYSE"]))
    dates, c = r_columns(fb_data["msft.dat"])
    CROSS.append(("MSFT 2000-01: timeSeries::MSFT vs fBasics::msft.dat", msft,
                  [(d, o, h, l, cl, v) for d, o, h, l, cl, v in zip(dates, c["Open"], c["High"], c["Low"], c["Close"], c["Volume"])]))

    # Debian: r-cran-fportfolio: SPI and its sectors, SBI and SII, GCC indices
    fp = r_package_data("r-cran-fportfolio_3042.83.1-1+b1_amd64.deb", "fPortfolio")
    dates, c = r_columns(fp["SPISECTOR"])
    for sym, vals in c.items():
        add("fportfolio", sym, "deb r-cran-fportfolio 3042.83.1-1+b1", "data: SPISECTOR$" + sym, "GPL (package)", close_rows(dates, vals))
    spi_sector = close_rows(dates, c["SPI"])
    dates, c = r_columns(fp["SWX"])
    # SBI (bonds, ~0.01% ticks) has genuinely unchanged days, so its holiday fills stay in.
    add("fportfolio", "SBI", "deb r-cran-fportfolio 3042.83.1-1+b1", "data: SWX$SBI", "GPL (package)", close_rows(dates, c["SBI"]))
    add("fportfolio", "SII", "deb r-cran-fportfolio 3042.83.1-1+b1", "data: SWX$SII", "GPL (package)",
        close_rows(dates, c["SII"]), fill_grid=True)
    CROSS.append(("SPI 2000-07: SPISECTOR$SPI vs SWX$SPI", spi_sector, close_rows(dates, c["SPI"])))
    dates, c = r_columns(fp["GCCINDEX"])
    for sym, vals in c.items():
        if sym in ("BAHSC", "OMASC"):  # within 2.5% / 5% of BAHDSC / OMADSC throughout: near duplicates
            continue
        add("fportfolio", sym, "deb r-cran-fportfolio 3042.83.1-1+b1", "data: GCCINDEX$" + sym, "GPL (package)",
            close_rows(dates, vals), fill_grid=True)

    # Debian: r-cran-aer (Franses, van Dijk & Opschoor 2014; Stock & Watson 2007)
    adeb = "r-cran-aer_1.2-10-1_all.deb"
    def aer(name):
        return r_rda(deb_file(adeb, "usr/lib/R/site-library/AER/data/%s.rda" % name))[name]
    dates, c = r_columns(aer("DJIA8012"))
    djia = close_rows(dates, c[""])
    add("aer", "DJI", "deb r-cran-aer 1.2-10-1", "data: DJIA8012 (from 1980-01-02: 1980-01-01 is a holiday)",
        "GPL-2+ (package)", djia, fill_grid=True, trim=dt.date(1980, 1, 2))
    dates, c = r_columns(aer("GoldSilver"))
    add("aer", "GOLD", "deb r-cran-aer 1.2-10-1", "data: GoldSilver$gold (from 1978-01-09: it holds its base value 100 until then)",
        "GPL-2+ (package)", close_rows(dates, c["gold"]), fill_grid=True, trim=dt.date(1978, 1, 9))
    add("aer", "SILVER", "deb r-cran-aer 1.2-10-1", "data: GoldSilver$silver", "GPL-2+ (package)", close_rows(dates, c["silver"]), fill_grid=True)
    dates, c = r_columns(aer("MSCISwitzerland"))
    add("aer", "MSCI-CH", "deb r-cran-aer 1.2-10-1", "data: MSCISwitzerland", "GPL-2+ (package)", close_rows(dates, c[""]), fill_grid=True)
    dates, c = r_columns(aer("NYSESW"))
    add("aer", "NYA-2003", "deb r-cran-aer 1.2-10-1", "data: NYSESW (from 2003; fbasics-NYA covers 1966-2002 on the old scale)",
        "GPL-2+ (package)", close_rows(dates, c[""]), trim=dt.date(2003, 1, 1))

    # Debian: gretl-data djclose: only a cross-check of aer-DJI
    t = _unpack_file(deb_file("gretl-data_2022c-1_all.deb", "usr/share/gretl/data/misc/djclose.gdt")).decode()
    dj = [(dt.date.fromisoformat(d), None, None, None, float(v), None)
          for d, v in re.findall(r'<obs label="(\d{4}-\d\d-\d\d)">\s*([\d.]+)', t)]
    CROSS.append(("DJIA 1980-89: AER DJIA8012 vs gretl djclose", djia, dj))

# ---------------------------------------------------------------- cleaning, checks, output
def clean(s):
    notes, src = [], s["rows"]
    up = sum(1 for a, b in zip(src, src[1:]) if b[0] > a[0])
    down = sum(1 for a, b in zip(src, src[1:]) if b[0] < a[0])
    odd = [(a[0], b[0]) for a, b in zip(src, src[1:]) if (b[0] <= a[0]) == (up >= down)]
    if odd:
        notes.append("source dates out of order or repeated (neighbours in source order): " +
                     ", ".join("%s then %s" % x for x in odd[:8]))
    rows = sorted(src, key=lambda r: r[0])
    trim = s["trim"]
    if isinstance(trim, dt.date):
        rows = [r for r in rows if r[0] >= trim]
    elif isinstance(trim, tuple):
        rows = [r for r in rows if r[0] < trim[1]]
    out, dropped, dups, fills = [], 0, 0, 0
    for r in rows:
        prices = [x for x in r[1:5] if x is not None]
        if r[4] is None or any(x is None or not math.isfinite(x) or x <= 0 for x in prices) \
                or (r[1:4] != (None, None, None) and None in r[1:4]):
            dropped += 1; continue
        if out and out[-1][0] == r[0]:
            dups += 1; continue
        if s["fill_grid"] and out and out[-1][4] == r[4]:
            fills += 1; continue
        out.append(r)
    if dropped: notes.append("%d rows without a positive price dropped" % dropped)
    if dups: notes.append("%d duplicate dates dropped (first kept)" % dups)
    if fills: notes.append("%d holiday-fill bars (close repeating the previous close on a weekday grid) dropped" % fills)
    return out, notes

def fmt(x):
    if x is None: return ""
    if float(x).is_integer() and abs(x) < 1e15: return str(int(x))
    return repr(round(x, 10))

def findings(rows, has_ohlc, has_volume, crypto):
    f = []
    rets = [math.log(rows[i][4] / rows[i - 1][4]) for i in range(1, len(rows))]
    med = sorted(abs(r) for r in rets)[len(rets) // 2] if rets else 0
    thr = max(0.15, 10 * med)
    for i, r in enumerate(rets, start=1):
        if abs(r) <= thr: continue
        nxt = rets[i] if i < len(rets) else 0.0
        ratio = rows[i - 1][4] / rows[i][4]
        kind = "jump"
        if nxt * r < 0 and abs(nxt) >= 0.7 * abs(r):
            kind = "one-bar spike that reverts"
        else:
            for k in (2, 3, 4, 5, 7, 10, 1.5):
                if abs(ratio / k - 1) < 0.03 or abs(ratio * k - 1) < 0.03:
                    kind = "possible unadjusted split/reverse split (ratio %.2f)" % ratio; break
        f.append("%s close %s -> %s (%+.1f%%): %s" % (rows[i][0], fmt(rows[i - 1][4]), fmt(rows[i][4]), 100 * (math.exp(r) - 1), kind))
    run = 1
    for i in range(1, len(rows) + 1):
        if i < len(rows) and rows[i][4] == rows[i - 1][4]:
            run += 1; continue
        if run >= 4:
            f.append("%s..%s close flat at %s for %d bars" % (rows[i - run][0], rows[i - 1][0], fmt(rows[i - 1][4]), run))
        run = 1
    if has_ohlc:
        bad = [r[0] for r in rows if r[2] < max(r[1], r[4]) * (1 - 1e-9) or r[3] > min(r[1], r[4]) * (1 + 1e-9) or r[3] > r[2]]
        if bad:
            f.append("%d bars whose high/low do not contain open/close%s: %s" % (len(bad), "" if len(bad) <= 8 else " (first 8)", ", ".join(map(str, bad[:8]))))
        flat = [r[0] for r in rows if r[1] == r[2] == r[3] == r[4]]
        if flat:
            f.append("%d bars with open = high = low = close%s: %s" % (len(flat), "" if len(flat) <= 8 else " (first 8)", ", ".join(map(str, flat[:8]))))
    if has_volume:
        zero = [r[0] for r in rows if not r[5]]
        if zero:
            f.append("%d bars with zero or missing volume: %s" % (len(zero), ", ".join(map(str, zero[:8]))))
    same_open, years = {}, {}
    if has_ohlc:
        for i in range(1, len(rows)):
            y = rows[i][0].year
            years[y] = years.get(y, 0) + 1
            if rows[i][1] == rows[i - 1][4]: same_open[y] = same_open.get(y, 0) + 1
        odd = [y for y in sorted(years) if same_open.get(y, 0) > 0.5 * years[y]]
        if odd:
            f.append("open equals the previous close (no gaps recorded) on most bars of %s (%s)" % (
                "%d-%d" % (odd[0], odd[-1]) if len(odd) == odd[-1] - odd[0] + 1 else ",".join(map(str, odd)),
                ", ".join("%d: %d/%d" % (y, same_open.get(y, 0), years[y]) for y in odd)))
    limit = 1 if crypto else 6
    for i in range(1, len(rows)):
        gap = (rows[i][0] - rows[i - 1][0]).days
        if gap > limit:
            f.append("%s..%s: %d calendar days without a bar" % (rows[i - 1][0], rows[i][0], gap))
    return f

def crosscheck(label, a, b):
    """Scale-free: the close ratio a/b on common dates against its median (a split factor or a rebasing is fine)."""
    bm = {r[0]: r[4] for r in b}
    common = [(r[0], r[4] / bm[r[0]]) for r in a if r[0] in bm and r[4] and bm[r[0]]]
    if not common: return "%s: no common dates" % label
    med = sorted(x for _, x in common)[len(common) // 2]
    dev = [(d, x / med - 1) for d, x in common]
    worst = max(dev, key=lambda x: abs(x[1]))
    off = sum(1 for _, x in dev if abs(x) > 0.005)
    return "%s: %d common dates, close ratio median %.6g, %d dates off it by more than 0.5%%, largest %+.2f%% on %s" % (
        label, len(common), med, off, 100 * worst[1], worst[0])

def main():
    load_all()
    old = os.path.join(OUT, "manifest.csv")
    if os.path.exists(old):  # remove the files a previous run wrote (only those)
        with open(old, newline="") as fh:
            for r in csv.DictReader(fh):
                p = os.path.join(OUT, os.path.basename(r["file"]))
                if p.endswith(".csv") and os.path.exists(p): os.remove(p)
    manifest, report = [], []
    totals = dict(series=0, bars=0, windows=0, vol_series=0, vol_windows=0, ohlc_windows=0, close_windows=0)
    for s in SERIES:
        rows, notes = clean(s)
        if not rows: raise SystemExit("%s-%s has no rows left" % (s["source"], s["symbol"]))
        close_only = all(r[1] is None for r in rows)
        has_volume = any(r[5] for r in rows)
        name = "%s-%s.csv" % (s["source"], s["symbol"])
        with open(os.path.join(OUT, name), "w", newline="") as fh:
            fh.write("date,open,high,low,close,volume\n")
            for r in rows:
                fh.write("%s,%s,%s,%s,%s,%s\n" % (r[0].isoformat(), fmt(r[1]), fmt(r[2]), fmt(r[3]), fmt(r[4]), fmt(r[5]) if has_volume else ""))
        windows = len(rows) // WINDOW
        manifest.append([name, s["symbol"], s["package"], rows[0][0].isoformat(), rows[-1][0].isoformat(), len(rows),
                         str(has_volume).lower(), str(close_only).lower(), s["licence"], s["origin"], windows])
        totals["series"] += 1; totals["bars"] += len(rows); totals["windows"] += windows
        if has_volume: totals["vol_series"] += 1; totals["vol_windows"] += windows
        if close_only: totals["close_windows"] += windows
        else: totals["ohlc_windows"] += windows
        f = notes + findings(rows, not close_only, has_volume, s["symbol"].startswith("BTC"))
        if f:
            report.append(name)
            report.extend("  " + x for x in f)
    with open(os.path.join(OUT, "manifest.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "symbol", "source", "first_date", "last_date", "bars", "has_volume", "close_only", "licence", "origin", "windows_250"])
        w.writerows(manifest)
    summary = ("%(series)d series, %(bars)d bars, %(windows)d non-overlapping %(w)d-bar windows "
               "(%(ohlc_windows)d with OHLC, %(vol_windows)d of them with volume; %(close_windows)d close-only); "
               "%(vol_series)d series with volume") % dict(totals, w=WINDOW)
    with open(os.path.join(OUT, "report.txt"), "w") as fh:
        fh.write("Evaluation set: " + summary + "\n\nCross-checks between sources:\n")
        fh.writelines("  " + crosscheck(*c) + "\n" for c in CROSS)
        fh.write("\nPer-series findings (cleaning applied, then moves beyond max(15%, 10x median |log return|), "
                 "flat closes of 4+ bars, OHLC inconsistencies, opens equal to the previous close, zero volume, "
                 "calendar gaps of 7+ days (2+ for crypto)):\n")
        fh.writelines(x + "\n" for x in report)
    width = max(len(m[0]) for m in manifest)
    for m in manifest:
        print("%-*s %6d bars %s..%s %2d windows%s" % (width, m[0], m[5], m[3], m[4], m[10],
              " close-only" if m[7] == "true" else (" ohlcv" if m[6] == "true" else " ohlc")))
    print(summary)
    print("wrote %s/manifest.csv and %s/report.txt" % (OUT, OUT))

main()
PY
