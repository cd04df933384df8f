// Reference indicator values for TechnicalIndicatorsTest from TA-Lib (C), through the npm package
// talib 2.0.5 (not from this project's code). Build it as ../shared/design/TOOLING.md says:
//
//   mkdir /tmp/talib && cd /tmp/talib && npm init -y && npm install talib@2.0.5 --ignore-scripts
//   cd node_modules/talib && rm -f src/lib/temp/csr/*.o src/lib/lib/*.a && node src/lib/build.js \
//     && node /usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js rebuild --nodedir=/usr
//   unzip -p ~/.m2/repository/org/ta4j/ta4j-examples/0.18/ta4j-examples-0.18.jar \
//       appleinc_bars_from_20130101_usd.csv > /tmp/aapl.csv
//   NODE_PATH=/tmp/talib/node_modules node shared/src/test/reference/talib-reference.js /tmp/aapl.csv \
//       shared/src/test/resources/reference/aapl2013-talib.csv
//
// One row per bar, NA where TA-Lib has no value (before its lookback):
//   rsi_14      RSI(close, 14)
//   atr_14      ATR(high, low, close, 14)
//   bb_upper, bb_middle, bb_lower   BBANDS(close, 20, 2, 2, SMA)
//   macd, macd_signal, macd_histogram   MACD(close, 12, 26, 9): TA-Lib starts its fast EMA at the slow
//               one's lookback, so its first ~90 values differ from TTR's (which the report follows)
const fs = require('fs');
const talib = require('talib');
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  throw new Error('usage: node talib-reference.js BARS.csv OUT.csv');
}
const rows = fs.readFileSync(input, 'utf8').trim().split('\n').slice(1).map(line => line.split(','));
const date = rows.map(r => r[0]);
const high = rows.map(r => +r[2]);
const low = rows.map(r => +r[3]);
const close = rows.map(r => +r[4]);

function run(name, inputs, options) {
  return talib.execute(Object.assign({ name, startIdx: 0, endIdx: close.length - 1 }, inputs, options));
}
function column(result, output) {
  const out = new Array(close.length).fill('NA');
  result.result[output].forEach((v, k) => { out[result.begIndex + k] = v.toPrecision(17); });
  return out;
}
const rsi = run('RSI', { inReal: close }, { optInTimePeriod: 14 });
const atr = run('ATR', { high, low, close }, { optInTimePeriod: 14 });
const bb = run('BBANDS', { inReal: close }, { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 });
const macd = run('MACD', { inReal: close }, { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 });
const columns = {
  rsi_14: column(rsi, 'outReal'),
  atr_14: column(atr, 'outReal'),
  bb_upper: column(bb, 'outRealUpperBand'),
  bb_middle: column(bb, 'outRealMiddleBand'),
  bb_lower: column(bb, 'outRealLowerBand'),
  macd: column(macd, 'outMACD'),
  macd_signal: column(macd, 'outMACDSignal'),
  macd_histogram: column(macd, 'outMACDHist'),
};
const packageDir = require('path').dirname(require.resolve('talib'));
const version = JSON.parse(fs.readFileSync(require('path').join(packageDir, 'package.json'), 'utf8')).version;
const lines = [`# npm talib ${version} (TA-Lib C): shared/src/test/reference/talib-reference.js over ${require('path').basename(input)} (${close.length} bars)`,
  ['date', ...Object.keys(columns)].join(',')];
for (let i = 0; i < close.length; i++) {
  lines.push([date[i], ...Object.values(columns).map(c => c[i])].join(','));
}
fs.writeFileSync(output, lines.join('\n') + '\n');
