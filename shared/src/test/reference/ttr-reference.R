# Reference indicator values for TechnicalIndicatorsTest, from R's TTR (not from this project's code).
#
#   unzip -p ~/.m2/repository/org/ta4j/ta4j-examples/0.18/ta4j-examples-0.18.jar \
#       appleinc_bars_from_20130101_usd.csv > /tmp/aapl.csv
#   Rscript shared/src/test/reference/ttr-reference.R /tmp/aapl.csv \
#       shared/src/test/resources/reference/aapl2013-ttr.csv
#
# R and TTR from Debian: apt-get install -y --no-install-recommends r-base-core r-cran-ttr
# (produced with R 4.2.2 and TTR 0.24.3). One row per bar of the 252 AAPL bars of 2013; NA where
# TTR has no value. Every series is computed over the whole file, from its first bar.
#
#   rsi_14        RSI(close, 14): Wilder's smoothing (EMA, wilder=TRUE) seeded with the mean of the first 14 changes
#   atr_14        ATR(HLC, 14)$atr: Wilder's smoothing of the true range (none on the first bar), seeded with a mean
#   macd, macd_signal, macd_histogram
#                 MACD(close, 12, 26, 9, maType = "EMA", percent = FALSE): EMAs seeded with the SMA of their first n values
#   bb_upper, bb_middle, bb_lower
#                 BBands(close, 20, sd = 2): population standard deviation (runSD(sample = FALSE))
#   volatility_30d, volatility_90d
#                 runSD(ROC(close, type = "discrete"), n, sample = TRUE) * sqrt(252) * 100: sample sigma (n - 1)
#   vwap_20       VWAP((high + low + close) / 3, volume, 20)
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript ttr-reference.R BARS.csv OUT.csv")
suppressPackageStartupMessages(library(TTR))
bars <- read.csv(args[1], stringsAsFactors = FALSE)
close <- bars$close
hlc <- cbind(bars$high, bars$low, bars$close)
macd <- MACD(close, nFast = 12, nSlow = 26, nSig = 9, maType = "EMA", percent = FALSE)
bb <- BBands(close, n = 20, sd = 2)
ret <- ROC(close, n = 1, type = "discrete")
out <- data.frame(
  date = bars$date,
  rsi_14 = as.numeric(RSI(close, n = 14)),
  atr_14 = as.numeric(ATR(hlc, n = 14)[, "atr"]),
  macd = as.numeric(macd[, "macd"]),
  macd_signal = as.numeric(macd[, "signal"]),
  macd_histogram = as.numeric(macd[, "macd"] - macd[, "signal"]),
  bb_upper = as.numeric(bb[, "up"]),
  bb_middle = as.numeric(bb[, "mavg"]),
  bb_lower = as.numeric(bb[, "dn"]),
  volatility_30d = as.numeric(runSD(ret, n = 30, sample = TRUE)) * sqrt(252) * 100,
  volatility_90d = as.numeric(runSD(ret, n = 90, sample = TRUE)) * sqrt(252) * 100,
  vwap_20 = as.numeric(VWAP((bars$high + bars$low + bars$close) / 3, bars$volume, n = 20))
)
num <- vapply(out, is.numeric, logical(1))
out[num] <- lapply(out[num], function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x)))
con <- file(args[2], "w")
writeLines(sprintf("# R %s, TTR %s: shared/src/test/reference/ttr-reference.R over %s (%d bars)",
                   paste(R.version$major, R.version$minor, sep = "."), packageVersion("TTR"),
                   basename(args[1]), nrow(bars)), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
