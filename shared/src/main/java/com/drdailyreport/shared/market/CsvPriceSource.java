package com.drdailyreport.shared.market;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Daily bars from CSV files, for offline runs and tests: {@code DIR/<DR symbol>.csv} (or
 * {@code DIR/<Yahoo symbol>.csv}). Columns are found by header name, in any order and case:
 * {@code date, open, high, low, close} required, {@code volume} optional (Yahoo's downloads, with
 * their extra {@code Adj Close}, work as they are). Dates are ISO {@code YYYY-MM-DD}; rows may come
 * in any order but a date may appear once; {@code null} or empty prices are refused, naming the
 * line and column.
 */
public final class CsvPriceSource implements PriceSource {

    private final Path directory;

    public CsvPriceSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public PriceData fetch(Ticker ticker) {
        Path file = directory.resolve(ticker.drSymbol() + ".csv");
        if (!Files.isRegularFile(file)) {
            file = directory.resolve(ticker.yahooSymbol() + ".csv");
        }
        if (!Files.isRegularFile(file)) {
            throw new PriceSourceException("no price file for " + ticker.drSymbol() + " in " + directory.getFileName(), false);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new PriceData(parse(ticker.drSymbol(), reader), InstrumentMetadata.UNKNOWN);
        } catch (IOException e) {
            throw new PriceSourceException("cannot read the price file of " + ticker.drSymbol() + ": " + e.getMessage(), false, e);
        } catch (InvalidValueException e) {
            throw new PriceSourceException(ticker.drSymbol() + ".csv: " + e.getMessage(), false, e);
        }
    }

    /**
     * Parses CSV text into a history under {@code drSymbol}.
     *
     * @throws InvalidValueException naming the line and column of the first bad value
     */
    public static PriceHistory parse(String drSymbol, Reader reader) {
        try {
            BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            String header = lines.readLine();
            if (header == null) {
                throw new InvalidValueException("csv", "is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("date", "open", "high", "low", "close")) {
                if (!columns.containsKey(required)) {
                    throw new InvalidValueException("csv header", "lacks the column '" + required + "' (found: " + header.trim() + ")");
                }
            }
            List<Bar> bars = new ArrayList<>();
            Set<LocalDate> seen = new HashSet<>();
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                LocalDate date = date(f, columns.get("date"), number);
                if (!seen.add(date)) {
                    throw new InvalidValueException("line " + number + " date", date + " appears twice");
                }
                double open = price(f, columns.get("open"), number, "open");
                double high = price(f, columns.get("high"), number, "high");
                double low = price(f, columns.get("low"), number, "low");
                double close = price(f, columns.get("close"), number, "close");
                long volume = columns.containsKey("volume") ? volume(f, columns.get("volume"), number) : 0;
                try {
                    bars.add(Bar.widened(date, open, high, low, close, volume));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("line " + number + " " + e.field(), e.getMessage().substring(e.field().length() + 1));
                }
            }
            bars.sort(Comparator.comparing(Bar::date));
            return new PriceHistory(drSymbol, bars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String[] f, int column, int line) {
        String value = cell(f, column, line, "date");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("line " + line + " date", "is not a YYYY-MM-DD date: '" + value + "'");
        }
    }

    private static double price(String[] f, int column, int line, String name) {
        String value = cell(f, column, line, name);
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new InvalidValueException("line " + line + " " + name, "must be a finite number, was " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("line " + line + " " + name, "is not a number: '" + value + "'");
        }
    }

    private static long volume(String[] f, int column, int line) {
        String value = cell(f, column, line, "volume");
        try {
            return Math.round(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("line " + line + " volume", "is not a number: '" + value + "'");
        }
    }

    private static String cell(String[] f, int column, int line, String name) {
        if (column >= f.length || f[column].isBlank() || f[column].trim().equalsIgnoreCase("null")) {
            throw new InvalidValueException("line " + line + " " + name, "is missing");
        }
        return f[column].trim();
    }
}
